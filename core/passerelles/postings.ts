/**
 * Inverted indexes in compressed typed arrays, the engine's storage: for key k, the métiers
 * targets[offsets[k]..offsets[k+1]) and their weights. A source adds its keys' postings into a
 * dense accumulator, one pass for all targets, without allocating per pair. Plain typed arrays:
 * the structures can be posted to a Web Worker as they are.
 */
import type { SparseVectors } from './text.js';

export interface Postings {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Dense ids of string keys, in order of first appearance. */
export class KeySpace {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let i = this.ids.get(key);
    if (i === undefined) this.ids.set(key, (i = this.ids.size));
    return i;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Postings of sparse vectors given as parallel typed arrays (document m: keys[m], values[m]). */
export function sparsePostings(t: SparseVectors): Postings {
  const nKeys = t.nTerms;
  const offsets = new Int32Array(nKeys + 1);
  for (const k of t.keys) for (let i = 0; i < k.length; i++) offsets[k[i]! + 1]!++;
  for (let k = 0; k < nKeys; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, nKeys);
  const targets = new Int32Array(offsets[nKeys]!);
  const weights = new Float64Array(offsets[nKeys]!);
  t.keys.forEach((k, m) => {
    const v = t.values[m]!;
    for (let i = 0; i < k.length; i++) {
      const at = fill[k[i]!]!++;
      targets[at] = m;
      weights[at] = v[i]!;
    }
  });
  return { offsets, targets, weights };
}

/** out[b] += Σ_k v_k · w(k, b) over the source's keys (keys[from..to), default all): the sparse dot products with every métier. */
export function accumulateDots(p: Postings, keys: Int32Array, values: Float64Array, out: Float64Array, from = 0, to = keys.length): void {
  const { offsets, targets, weights } = p;
  for (let i = from; i < to; i++) {
    const k = keys[i]!;
    const v = values[i]!;
    for (let j = offsets[k]!, end = offsets[k + 1]!; j < end; j++) out[targets[j]!]! += v * weights[j]!;
  }
}
