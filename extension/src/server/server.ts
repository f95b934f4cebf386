/**
 * The GTEC language server for Node (a process of its own, started by the client): serve.ts over
 * stdio/IPC, with validation in a worker thread (completion and hover are answered while a
 * validation runs) and the workspace's diagnostics found on disk.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MemoryRequest, type MemoryResult } from '../protocol.js';
import { diskDocument, findGtecFiles } from './node-workspace-files.js';
import { serve } from './serve.js';
import { serverService } from './service-setup.js';
import { ValidationClient } from './validation-client.js';
import { startNodeWorker } from './node-validation-worker.js';

const connection = createConnection(ProposedFeatures.all);
const main = serverService();
const validation = new ValidationClient(main.service, (m) => connection.console.warn(m));
validation.start(startNodeWorker);

serve(connection, {
  main,
  validate: (doc, deep) => validation.validate(doc, deep),
  preview: (doc) => validation.preview(doc),
  settingsChanged: (s) => validation.settings(s),
  filesChanged: (uris) => validation.filesChanged(uris),
  findFiles: findGtecFiles,
  readDocument: diskDocument,
});

// The server's memory (bench/vscode-preview.bench.ts): the process, and the validation worker's heap.
connection.onRequest(MemoryRequest, async (): Promise<MemoryResult> => {
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  const worker = await validation.workerHeap();
  return { rss, heapUsed, heapTotal, ...(worker ? { worker } : {}) };
});
