/**
 * « Vouliez-vous dire … ? »: the closest candidates to a mistyped key, value, header, sheet or code.
 * One implementation for every area (format, data files, referential codes).
 */

/** Lower case, accents removed, ligatures spelled out (`Période` → `periode`, `Œuvre` → `oeuvre`). */
export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Folded, and runs of anything but letters and digits as one `_`: `Code métier BMO` → `code_metier_bmo`. */
export function normalizeName(s: string): string {
  return foldAccents(s)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (M1850 → M1805). */
export function editDistance(a: string, b: string): number {
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
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
 * Candidates close enough to `value`, best first (ties by name): the same once normalised, or at
 * most a third of the length in edits (at least 1, at most 3), or — a little behind — one
 * containing the other (at least 3 characters: `effectif` ↔ `effectif_2024`).
 */
export function closestMatches(value: string, candidates: Iterable<string>, max = 3): string[] {
  const v = normalizeName(value);
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const n = normalizeName(c);
    if (n === '') continue;
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(v.length, n.length) / 3)));
    // The distance is at least the difference of lengths: a 1 MB value is not aligned with a key.
    const dist = Math.abs(v.length - n.length) <= limit ? editDistance(v, n) : limit + 1;
    if (dist <= limit) scored.push([c, dist]);
    else if (v.length >= 3 && (n.includes(v) || v.includes(n))) scored.push([c, limit + 0.5]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([c]) => c);
}

/** The single closest candidate, if any is close enough. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  return closestMatches(value, candidates, 1)[0];
}
