/**
 * The web server's validation worker (a Web Worker started by the server's own worker, from a
 * blob of this script that the client gives): validation and the full run of a document, so that
 * the server answers completion and hover meanwhile, as the Node build's worker thread does. It has
 * no file system: the files it needs are asked of the server, which asks the client.
 */
import type { ReadDataParams, ReadDataResult } from '../protocol-web.js';
import type { DocLink } from '../service/diagnostics.js';
import { docLinkOf } from './doc-lines.js';
import { createServerService } from './service-common.js';
import { previewRenderer } from './preview-result.js';
import { renderers } from './report-requests.js';
import { previewMessage, validateMessage } from './validation-handler.js';
import type { FromWorker, ToWorker } from './validation-protocol.js';
import { webWorkspace } from './web-workspace.js';

declare const self: DedicatedWorkerGlobalScope;

let next = 1;
const reads = new Map<number, (r: ReadDataResult) => void>();
const post = (m: FromWorker) => self.postMessage(m);
const ask = (params: ReadDataParams) =>
  new Promise<ReadDataResult>((resolve) => {
    const id = next++;
    reads.set(id, resolve);
    post({ type: 'read', id, params });
  });

let docLink: DocLink | undefined;
const { service, apply } = createServerService({
  workspace: (settings) =>
    webWorkspace(
      ask,
      () => settings().trusted,
      () => settings().donnees ?? '',
    ),
  folderUri: (folder) => folder,
  docLink: (code) => docLink?.(code),
});

const preview = previewRenderer(service, renderers);

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'readResult') {
    reads.get(m.id)?.(m.result);
    reads.delete(m.id);
  } else if (m.type === 'settings') apply(m.settings);
  else if (m.type === 'docs') docLink = docLinkOf(m.url, m.lines);
  else if (m.type === 'filesChanged') service.filesChanged(m.uris);
  else if (m.type === 'validate') post(await validateMessage(service, m));
  else if (m.type === 'preview') post(await previewMessage(preview, m));
  // No heap figure in a Web Worker (performance.memory is Chromium's, main thread only).
  else if (m.type === 'memory') post({ type: 'failed', id: m.id, message: 'memory' });
};
