/**
 * The server's validation worker (a worker thread): validation and the full run of a document
 * take seconds on a 5 000-line diagnostic, and the server's main thread must stay free for
 * completion and hover meanwhile. It has its own language service (and caches); the main thread
 * sends it each document version to validate or preview, the settings and the files changed on
 * disk. The preview is made here: the deep pass and the preview of one text share one full run.
 */
import { parentPort } from 'node:worker_threads';
import { previewRenderer } from './preview-result.js';
import { renderers } from './report-requests.js';
import { serverService } from './service-setup.js';
import { previewMessage, validateMessage } from './validation-handler.js';
import type { FromWorker, ToWorker } from './validation-protocol.js';

const port = parentPort;
if (!port) throw new Error('validation-worker: à lancer comme worker thread du serveur');
const { service, apply } = serverService();
const preview = previewRenderer(service, renderers);

port.on('message', async (m: ToWorker) => {
  if (m.type === 'settings') apply(m.settings);
  else if (m.type === 'filesChanged') service.filesChanged(m.uris);
  else if (m.type === 'memory') {
    const { heapUsed, heapTotal } = process.memoryUsage();
    port.postMessage({ type: 'memory', id: m.id, heapUsed, heapTotal } satisfies FromWorker);
  } else if (m.type === 'validate') port.postMessage(await validateMessage(service, m));
  else if (m.type === 'preview') port.postMessage(await previewMessage(preview, m));
});
