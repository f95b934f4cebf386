/**
 * The GTEC language server: a thin LSP layer over the language service. Validation is debounced
 * per document (typing is never blocked: the server is its own process, and a newer edit cancels
 * the publication of an older result); data files changing on disk re-validate open documents.
 */
import { CodeActionKind, createConnection, FileChangeType, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoryRequest, type MemoryResult, SettingsNotification, StatusNotification, type ServerSettings, type StatusParams } from '../protocol.js';
import { registerReportRequests } from './report-requests.js';
import { serverService } from './service-setup.js';
import { ValidationClient } from './validation-client.js';
import { GTEC_FILE, workspaceDiagnostics } from './workspace-files.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

const main = serverService();
const { service } = main;
// Validation in a worker thread: completion and hover are answered while a validation runs.
const validation = new ValidationClient(service, (m) => connection.console.warn(m));

function applySettings(next: Partial<ServerSettings>): void {
  main.apply(next);
  validation.settings(main.settings());
}

let folders: string[] = [];
const workspace = workspaceDiagnostics({
  folders: () => folders,
  enabled: () => main.settings().portee !== 'fichiers-ouverts',
  isOpen: (uri) => documents.get(uri) !== undefined,
  validate: async (doc) => (await validation.validate(doc, true)).diagnostics,
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
});

connection.onInitialize((params): InitializeResult => {
  applySettings((params.initializationOptions ?? {}) as Partial<ServerSettings>);
  folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'gtec-language-server', version: '0.1.0' },
  };
});

// ─── Debounced validation ───
// Two passes: validation after `delay` (format, references, files exist), then the full run after a
// longer pause (data files' columns and values), which replaces it.
const DEEP_DELAY_FACTOR = 4;
const timers = new Map<string, NodeJS.Timeout>();
const deepTimers = new Map<string, NodeJS.Timeout>();

async function validateNow(uri: string, deep: boolean): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  try {
    const report = await validation.validate(doc, deep);
    // A newer edit arrived meanwhile: its own validation will publish.
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: report.diagnostics });
    const status: StatusParams = {
      uri,
      errors: report.errors,
      warnings: report.warnings,
      restricted: report.restricted,
      ...(report.referential ? { referential: report.referential } : {}),
    };
    await connection.sendNotification(StatusNotification, status);
  } catch (e) {
    connection.console.error(`GTEC: validation de ${uri} impossible : ${(e as Error).message}`);
  }
}

function schedule(uri: string, delay = main.settings().delay): void {
  clearTimeout(timers.get(uri));
  clearTimeout(deepTimers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      const version = documents.get(uri)?.version;
      void validateNow(uri, false).then(() => {
        if (documents.get(uri)?.version !== version) return; // a newer edit scheduled its own passes
        deepTimers.set(
          uri,
          setTimeout(() => {
            deepTimers.delete(uri);
            void validateNow(uri, true);
          }, Math.max(delay, main.settings().delay) * DEEP_DELAY_FACTOR),
        );
      });
    }, delay),
  );
}

documents.onDidOpen((e) => schedule(e.document.uri, 0));
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  clearTimeout(deepTimers.get(e.document.uri));
  timers.delete(e.document.uri);
  deepTimers.delete(e.document.uri);
  // In the workspace scope a closed diagnostic keeps its problems (read again from disk).
  if (GTEC_FILE.test(e.document.uri) && main.settings().portee !== 'fichiers-ouverts') void workspace.refresh([e.document.uri]);
  else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onInitialized(() => void workspace.refresh());

connection.onDidChangeWatchedFiles((params) => {
  const uris = params.changes.map((c) => c.uri);
  // The worker may hold a file the main thread never read: every open document is validated again.
  validation.filesChanged(uris);
  service.filesChanged(uris);
  for (const d of documents.all()) schedule(d.uri, 0);
  // Closed diagnostics: a deleted one loses its problems; the others (their data may have changed) are validated again.
  for (const c of params.changes) if (c.type === FileChangeType.Deleted && GTEC_FILE.test(c.uri)) workspace.forget(c.uri);
  const created = params.changes.filter((c) => c.type !== FileChangeType.Deleted && GTEC_FILE.test(c.uri)).map((c) => c.uri);
  void workspace.refresh([...new Set([...workspace.known, ...created])].filter((u) => !params.changes.some((c) => c.uri === u && c.type === FileChangeType.Deleted)));
});

connection.onNotification(SettingsNotification, (next: ServerSettings) => {
  applySettings(next);
  for (const d of documents.all()) schedule(d.uri, 0);
  void workspace.refresh();
});

// ─── Features ───
const withDoc =
  <P extends { textDocument: { uri: string } }, R>(fallback: R, f: (doc: TextDocument, p: P) => R | Promise<R>) =>
  async (p: P): Promise<R> => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? f(doc, p) : fallback;
  };

connection.onHover(withDoc(null, (doc, p) => service.hover(doc, p.position)));
connection.onCompletion(withDoc({ isIncomplete: false, items: [] }, (doc, p) => service.complete(doc, p.position)));
connection.onCodeAction(withDoc([], (doc, p) => service.codeActions(doc, p.context.diagnostics)));
connection.onDocumentSymbol(withDoc([], (doc) => service.documentSymbols(doc)));
connection.onDefinition(withDoc(null, (doc, p) => service.definition(doc, p.position)));
connection.onDocumentLinks(withDoc([], (doc) => service.documentLinks(doc)));
connection.onCodeLens(withDoc([], (doc) => service.codeLenses(doc)));
connection.onPrepareRename(withDoc(null, (doc, p) => service.prepareRename(doc, p.position)));
connection.onRenameRequest(withDoc(null, (doc, p) => service.rename(doc, p.position, p.newName)));
connection.onDocumentFormatting(withDoc([], (doc) => service.format(doc)));
connection.onReferences(withDoc([], (doc, p) => service.references(doc, p.position, p.context.includeDeclaration)));
registerReportRequests(connection, documents, service, (doc) => validation.preview(doc));
connection.onRequest(MemoryRequest, async (): Promise<MemoryResult> => {
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  const worker = await validation.workerHeap();
  return { rss, heapUsed, heapTotal, ...(worker ? { worker } : {}) };
});

documents.listen(connection);
connection.listen();
