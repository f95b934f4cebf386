/** "Vouliez-vous dire … ?": the closest candidates to a mistyped key, value or identifier. */

/** Lower-case, accents removed, `-`/`_`/spaces unified: `Période` and `periode` are the same. */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

/** Damerau–Levenshtein distance (optimal string alignment: a swap of two letters costs 1). */
export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (!m) return n;
  if (!n) return m;
  const rows: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const r = new Array<number>(n + 1).fill(0);
    r[0] = i;
    return r;
  });
  for (let j = 0; j <= n; j++) rows[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
    }
  }
  return rows[m]![n]!;
}

/**
 * Candidates close enough to `value`, best first: same after normalisation, or at most a third of
 * the length in edits (at least 1, at most 3), or a prefix of at least 4 characters.
 */
export function closest(value: string, candidates: Iterable<string>, max = 3): string[] {
  const v = normalise(value);
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const n = normalise(c);
    const dist = distance(v, n);
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(v.length, n.length) / 3)));
    if (dist <= limit) scored.push([c, dist]);
    else if (v.length >= 4 && (n.startsWith(v) || v.startsWith(n))) scored.push([c, limit + 0.5]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([c]) => c);
}
