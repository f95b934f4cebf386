/**
 * The GTEC language server in a Web Worker (the web build: vscode.dev, github.dev, the web worker
 * extension host of any VS Code): serve.ts over the worker's messages. It has no file system:
 * data files, the workspace's diagnostics and their text are asked of the client, which reads them
 * through `vscode.workspace.fs` (client/web-files.ts). Validation runs in a nested Web Worker
 * (validation-worker-web.ts, started from a blob of its script, which the client gives), so that
 * completion and hover never wait behind a validation, as in the Node build; where nested workers
 * do not exist, or until it has started, validation runs in this worker.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReadDataRequest, ReadDiagnosticRequest, ValidationWorkerRequest, WorkspaceFilesRequest, type ReadDataParams, type ReadDataResult, type ReadDiagnosticParams, type WebInitOptions } from '../protocol-web.js';
import type { DocLink } from '../service/diagnostics.js';
import { docLinkOf } from './doc-lines.js';
import { serve } from './serve.js';
import { createServerService } from './service-common.js';
import { type StartWorker, ValidationClient } from './validation-client.js';
import type { FromWorker } from './validation-protocol.js';
import { webWorkspace } from './web-workspace.js';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const ask = (p: ReadDataParams) => connection.sendRequest<ReadDataResult>(ReadDataRequest, p);

/** Links to the error docs, once the client has said where they are (initialization options). */
let docLink: DocLink | undefined;
let docs: WebInitOptions['docs'];

const main = createServerService({
  workspace: (settings) =>
    webWorkspace(
      ask,
      () => settings().trusted,
      () => settings().donnees ?? '',
    ),
  // The web client sends folder settings as URIs already.
  folderUri: (folder) => folder,
  docLink: (code) => docLink?.(code),
});
const validation = new ValidationClient(main.service, (m) => connection.console.warn(m), ask);

/** The validation worker, from a blob of its script (a worker starts only from its own origin). */
const startWebWorker =
  (script: string): StartWorker =>
  (events) => {
    if (typeof Worker === 'undefined') return undefined;
    const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'application/javascript' })), { name: 'gtec-validation' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => events.message(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      events.failed(`GTEC : worker de validation arrêté (${e.message}) ; validation dans le serveur`);
    };
    return { post: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
  };

async function startValidationWorker(): Promise<void> {
  const script = await connection.sendRequest<string | null>(ValidationWorkerRequest).catch(() => null);
  if (!script || !validation.start(startWebWorker(script))) return;
  if (docs) validation.post({ type: 'docs', ...docs });
  validation.settings(main.settings());
  connection.console.info('GTEC : validation dans un Web Worker');
}

serve(connection, {
  main,
  initialize(options) {
    docs = (options as WebInitOptions | undefined)?.docs;
    if (docs) docLink = docLinkOf(docs.url, docs.lines);
  },
  initialized: () => void startValidationWorker(),
  validate: (doc, deep) => validation.validate(doc, deep),
  preview: (doc) => validation.preview(doc),
  settingsChanged: (s) => validation.settings(s),
  filesChanged: (uris) => validation.filesChanged(uris),
  findFiles: async (folderUri) => {
    const all = await connection.sendRequest<string[]>(WorkspaceFilesRequest);
    return all.filter((u) => u.startsWith(`${folderUri}/`));
  },
  readDocument: async (uri) => {
    const text = await connection.sendRequest<string | null>(ReadDiagnosticRequest, { uri } satisfies ReadDiagnosticParams);
    return text === null ? undefined : TextDocument.create(uri, /\.json$/i.test(uri) ? 'gtec-json' : 'gtec', 0, text);
  },
});
