/**
 * All-pairs top-k of the passerelle engine split over worker threads (the CLI's `gtec
 * passerelles`): the engine state, packed once into a SharedArrayBuffer (core/passerelles/pack.ts,
 * or read from the engine cache into one),
 * every thread — this one included — takes chunks of sources from a shared counter and writes their
 * rows into shared buffers (core/passerelles/all-pairs.ts). The rows do not depend on the split:
 * same bytes as `engine.allPairsTopK`. The worker is started early (`startAllPairsThreads`), so
 * that its start-up overlaps the loading of the referential.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Cible, type Packed, type ScoringEngine, scorerOf, topKBuffers, topKRange, topKRows } from '../core/index.js';
import type { TacheTopK } from './passerelles-worker.js';

/** Beside the built entry (dist/cli); absent when running from the sources: one thread then. */
const WORKER = new URL('./passerelles-worker.mjs', import.meta.url);
/** Below this many métiers a worker costs more than it saves. */
const MIN_METIERS = 400;
const CHUNK = 8;

export interface AllPairsThreads {
  /** engine.allPairsTopK(k), on all the threads started; `state` gives engine.state packed in a SharedArrayBuffer (called only when workers run). */
  run(engine: ScoringEngine, state: () => Packed, k: number, onProgress?: (done: number, total: number) => void): Promise<Array<{ source: string; cibles: Cible[] }>>;
  /** Stops the workers (when run is not called). */
  close(): void;
}

/** Starts one worker per core beyond this one (at most 3), none on one core or without a built worker. */
export function startAllPairsThreads(): AllPairsThreads {
  const count = existsSync(fileURLToPath(WORKER)) ? Math.min(availableParallelism(), 4) - 1 : 0;
  // Unreferenced until run: an idle worker never keeps the process alive (an error before run).
  const workers = Array.from({ length: count }, () => {
    const w = new Worker(WORKER);
    w.unref();
    return w;
  });
  const close = () => {
    for (const w of workers) void w.terminate();
  };
  return {
    close,
    async run(engine, state, k, onProgress) {
      const n = engine.codes.length;
      if (workers.length === 0 || n < MIN_METIERS || k <= 0) {
        close();
        return engine.allPairsTopK(k, onProgress);
      }
      const out = topKBuffers(n, k, true);
      const next = new Int32Array(new SharedArrayBuffer(4));
      const tache: TacheTopK = { state: state(), out, next, chunk: CHUNK };
      const finis = workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
            w.ref();
            w.postMessage(tache);
          }),
      );
      const scorer = scorerOf(engine.state);
      for (let from = Atomics.add(next, 0, CHUNK); from < n; from = Atomics.add(next, 0, CHUNK)) {
        topKRange(scorer, from, Math.min(n, from + CHUNK), out);
        onProgress?.(Math.min(n, Atomics.load(next, 0)), n);
      }
      try {
        await Promise.all(finis);
      } catch {
        // A worker that failed may have left its chunk unfinished: everything again, on this thread.
        close();
        return engine.allPairsTopK(k, onProgress);
      }
      return topKRows(engine.codes, out);
    },
  };
}
