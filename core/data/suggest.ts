/** Closest name, for « vouliez-vous dire … ? » on headers, sheets and fields. */

/** Lower case, no accents, runs of anything else than letters and digits as one `_`. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `wanted` (fewest edits once both are normalised), if close enough:
 * one containing the other, or within a third of the length in edits.
 */
export function closest(wanted: string, candidates: readonly string[]): string | undefined {
  const w = normalizeName(wanted);
  let best: { c: string; score: number } | undefined;
  for (const c of candidates) {
    const n = normalizeName(c);
    if (n === '') continue;
    const score = editDistance(w, n);
    const contains = w.length >= 3 && (n.includes(w) || w.includes(n));
    if (!contains && score > Math.max(1, Math.floor(Math.max(w.length, n.length) / 3))) continue;
    if (!best || score < best.score) best = { c, score };
  }
  return best?.c;
}
