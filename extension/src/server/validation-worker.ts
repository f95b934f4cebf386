/**
 * The server's validation worker (a worker thread): validation and the full run of a document
 * take seconds on a 5 000-line diagnostic, and the server's main thread must stay free for
 * completion and hover meanwhile. It has its own language service (and caches); the main thread
 * sends it each document version to validate or preview, the settings and the files changed on
 * disk. The preview is made here: the deep pass and the preview of one text share one full run.
 */
import { parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { passerellesParSource } from '../service/language-service.js';
import { previewRenderer } from './preview-result.js';
import { renderers } from './report-requests.js';
import { serverService } from './service-setup.js';
import type { ToWorker, FromWorker } from './validation-protocol.js';

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
  } else {
    const doc = TextDocument.create(m.uri, m.languageId, m.version, m.text);
    let reply: FromWorker;
    try {
      if (m.type === 'preview') reply = { type: 'preview', id: m.id, preview: await preview(doc) };
      else {
        const report = m.deep ? await service.validateDeep(doc) : await service.validate(doc);
        const result = m.deep ? (await service.analyze(doc)).result : undefined;
        reply = { type: 'report', id: m.id, report, ...(result ? { metiers: result.metiers, passerelles: passerellesParSource(result.passerelles) } : {}) };
      }
    } catch (e) {
      reply = { type: 'failed', id: m.id, message: (e as Error).message };
    }
    port.postMessage(reply);
  }
});
