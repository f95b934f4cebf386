/** The Node server's validation worker: a worker thread running validation-worker.mjs beside the server bundle. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartWorker } from './validation-client.js';
import type { FromWorker } from './validation-protocol.js';

const WORKER = path.join(__dirname, 'validation-worker.mjs');

export const startNodeWorker: StartWorker = (events) => {
  // GTEC_VALIDATION_WORKER=0: validation in the main thread (the reference of bench/server-completion.bench.ts).
  if (!existsSync(WORKER) || process.env.GTEC_VALIDATION_WORKER === '0') return undefined;
  const worker = new Worker(WORKER);
  worker.on('message', (m: FromWorker) => events.message(m));
  worker.on('error', (e) => events.failed(`GTEC : worker de validation arrêté (${e.message}) ; validation dans le serveur`));
  worker.on('exit', (code) => code !== 0 && events.failed(`GTEC : worker de validation sorti (code ${code}) ; validation dans le serveur`));
  worker.unref();
  return { post: (m) => worker.postMessage(m), terminate: () => void worker.terminate() };
};
