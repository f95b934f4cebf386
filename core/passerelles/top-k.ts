/**
 * The k best targets of a source from its scores against every métier (score desc, then index =
 * code order), with the expert-aware rule: the source's official list first, in its order.
 */

/**
 * Insertion into a short sorted top list: an equal score never displaces an earlier (smaller)
 * index. `scores[b]` is the score of target b; a target with `skip[b]` set is left out. Scores are
 * read from a typed array (no number returned per target, nothing allocated per target).
 */
export function topByScore(scores: Float64Array, k: number, skip: Uint8Array, minScore = -Infinity): Array<[number, number]> {
  const n = scores.length;
  const idx: number[] = [];
  const val: number[] = [];
  for (let b = 0; b < n; b++) {
    if (skip[b]) continue;
    const s = scores[b]!;
    if (s < minScore) continue;
    if (idx.length === k && s <= val[k - 1]!) continue;
    let at = idx.length;
    while (at > 0 && val[at - 1]! < s) at--;
    idx.splice(at, 0, b);
    val.splice(at, 0, s);
    if (idx.length > k) {
      idx.pop();
      val.pop();
    }
  }
  return idx.map((b, i) => [b, val[i]!]);
}
