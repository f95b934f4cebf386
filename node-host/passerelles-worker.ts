/**
 * Worker thread of passerelles-threads.ts: receives the packed engine state and the shared
 * buffers, computes the rows of the chunks of sources it takes from the shared counter, says when
 * it is done, and ends.
 */
import { parentPort } from 'node:worker_threads';
import { type EngineState, type Packed, scorerOf, type TopKBuffers, topKRange, unpack } from '../core/index.js';

export interface TacheTopK {
  state: Packed;
  out: TopKBuffers;
  /** Next source to take (Atomics.add by CHUNK). */
  next: Int32Array;
  chunk: number;
}

parentPort?.once('message', (t: TacheTopK) => {
  const state = unpack<EngineState>(t.state);
  const scorer = scorerOf(state);
  const n = state.n;
  for (let from = Atomics.add(t.next, 0, t.chunk); from < n; from = Atomics.add(t.next, 0, t.chunk)) topKRange(scorer, from, Math.min(n, from + t.chunk), t.out);
  parentPort!.postMessage('fini');
});
