/**
 * The GTEC language server in a Web Worker (the web build: vscode.dev, github.dev, the web worker
 * extension host of any VS Code): serve.ts over the worker's messages. It has no file system:
 * data files, the workspace's diagnostics and their text are asked of the client, which reads them
 * through `vscode.workspace.fs` (client/web-files.ts). Validation runs in this worker (already off
 * the editor's thread); the Node build has a second thread so that completion never waits behind
 * a validation, this one answers after the validation under way.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReadDataRequest, ReadDiagnosticRequest, WorkspaceFilesRequest, type ReadDataParams, type ReadDataResult, type ReadDiagnosticParams, type WebInitOptions } from '../protocol-web.js';
import type { DocLink } from '../service/diagnostics.js';
import { docLinkOf } from './doc-lines.js';
import { serve } from './serve.js';
import { createServerService } from './service-common.js';
import { webWorkspace } from './web-workspace.js';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const ask = (p: ReadDataParams) => connection.sendRequest<ReadDataResult>(ReadDataRequest, p);

/** Links to the error docs, once the client has said where they are (initialization options). */
let docLink: DocLink | undefined;

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

serve(connection, {
  main,
  initialize(options) {
    const docs = (options as WebInitOptions | undefined)?.docs;
    if (docs) docLink = docLinkOf(docs.url, docs.lines);
  },
  validate: (doc, deep) => (deep ? main.service.validateDeep(doc) : main.service.validate(doc)),
  findFiles: async (folderUri) => {
    const all = await connection.sendRequest<string[]>(WorkspaceFilesRequest);
    return all.filter((u) => u.startsWith(`${folderUri}/`));
  },
  readDocument: async (uri) => {
    const text = await connection.sendRequest<string | null>(ReadDiagnosticRequest, { uri } satisfies ReadDiagnosticParams);
    return text === null ? undefined : TextDocument.create(uri, /\.json$/i.test(uri) ? 'gtec-json' : 'gtec', 0, text);
  },
});
