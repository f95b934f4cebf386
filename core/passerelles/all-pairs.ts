/**
 * All-pairs top-k over a range of sources, into flat buffers: the unit of work a host can split
 * over threads. Each thread makes its own scorer over the same engine state (engine.ts, shared or
 * copied) and fills the rows of the sources it takes; the rows do not depend on which thread
 * computed them, so the result is the same bytes whatever the split.
 */
import type { Cible, Scorer } from './engine.js';

/** Row a holds count[a] targets at [a·k, a·k + count[a]): index, score, official-list flag. */
export interface TopKBuffers {
  k: number;
  count: Int32Array;
  cible: Int32Array;
  score: Float64Array;
  officielle: Uint8Array;
}

/** Buffers for n sources; `shared`: on SharedArrayBuffers, so that worker threads write into them. */
export function topKBuffers(n: number, k: number, shared = false): TopKBuffers {
  const buf = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return { k, count: new Int32Array(buf(4 * n)), cible: new Int32Array(buf(4 * n * k)), score: new Float64Array(buf(8 * n * k)), officielle: new Uint8Array(buf(n * k)) };
}

/** Fills the rows of sources [from, to). */
export function topKRange(scorer: Scorer, from: number, to: number, out: TopKBuffers): void {
  const { k } = out;
  for (let a = from; a < to; a++) {
    const top = k > 0 ? scorer.topIndices(a, k) : [];
    out.count[a] = top.length;
    top.forEach((t, i) => {
      out.cible[a * k + i] = t.b;
      out.score[a * k + i] = t.score;
      out.officielle[a * k + i] = t.officielle ? 1 : 0;
    });
  }
}

/** The rows as the engine's allPairsTopK gives them. */
export function topKRows(codes: readonly string[], out: TopKBuffers): Array<{ source: string; cibles: Cible[] }> {
  const { k } = out;
  return codes.map((source, a) => {
    const cibles: Cible[] = [];
    for (let i = 0; i < out.count[a]!; i++) {
      const cible = codes[out.cible[a * k + i]!]!;
      const score = out.score[a * k + i]!;
      cibles.push(out.officielle[a * k + i] ? { cible, score, officielle: true } : { cible, score });
    }
    return { source, cibles };
  });
}
