/**
 * The server's validation worker (a worker thread): validation and the full run of a document
 * take seconds on a 5 000-line diagnostic, and the server's main thread must stay free for
 * completion and hover meanwhile. It has its own language service (and caches); the main thread
 * sends it each document version to validate, the settings and the files changed on disk.
 */
import { parentPort } from 'node:worker_threads';
import { serverService } from './service-setup.js';
import { validateMessage } from './validation-handler.js';
import type { ToWorker } from './validation-protocol.js';

const port = parentPort;
if (!port) throw new Error('validation-worker: à lancer comme worker thread du serveur');
const { service, apply } = serverService();

port.on('message', async (m: ToWorker) => {
  if (m.type === 'settings') apply(m.settings);
  else if (m.type === 'filesChanged') service.filesChanged(m.uris);
  else if (m.type === 'validate') port.postMessage(await validateMessage(service, m));
});
