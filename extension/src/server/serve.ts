/**
 * The GTEC language server, whatever its host: a thin LSP layer over the language service.
 * Validation is debounced per document (typing is never blocked: the server is its own process or
 * Web Worker, and a newer edit cancels the publication of an older result); data files changing
 * re-validate open documents. The host (server.ts for Node, server-web.ts for the browser) gives
 * the connection, the service, where validation runs and how the workspace's diagnostics are found.
 */
import { CodeActionKind, type Connection, FileChangeType, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type PreviewResult, SettingsNotification, StatusNotification, type ServerSettings, type StatusParams } from '../protocol.js';
import type { ValidationReport } from '../service/language-service.js';
import { registerReportRequests } from './report-requests.js';
import type { ServerService } from './service-common.js';
import { GTEC_FILE, workspaceDiagnostics } from './workspace-files.js';

export interface ServerHost {
  main: ServerService;
  /** Where validation runs (Node: a worker thread; web: the server's own worker). */
  validate(doc: TextDocument, deep: boolean): Promise<ValidationReport>;
  /** The preview of a document, made where its full run is cached (the validation worker). */
  preview(doc: TextDocument): Promise<PreviewResult>;
  /** The settings changed (after `main` applied them). */
  settingsChanged?(settings: ServerSettings): void;
  /** Files changed on disk (URIs), before open documents are validated again. */
  filesChanged?(uris: string[]): void;
  /** The diagnostic files of a workspace folder, and a closed one's text (workspace diagnostics). */
  findFiles(folderUri: string): Promise<string[]>;
  readDocument(uri: string): Promise<TextDocument | undefined>;
  /** The client's initialization options, before they are applied as settings. */
  initialize?(options: unknown): void;
  /** The client is ready for the server's requests. */
  initialized?(): void;
}

export function serve(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const { main } = host;
  const { service } = main;

  function applySettings(next: Partial<ServerSettings>): void {
    main.apply(next);
    host.settingsChanged?.(main.settings());
  }

  let folders: string[] = [];
  const workspace = workspaceDiagnostics({
    folders: () => folders,
    find: (f) => host.findFiles(f),
    read: (u) => host.readDocument(u),
    enabled: () => main.settings().portee !== 'fichiers-ouverts',
    isOpen: (uri) => documents.get(uri) !== undefined,
    validate: async (doc) => (await host.validate(doc, true)).diagnostics,
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  });

  connection.onInitialize((params): InitializeResult => {
    host.initialize?.(params.initializationOptions);
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
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const deepTimers = new Map<string, ReturnType<typeof setTimeout>>();

  async function validateNow(uri: string, deep: boolean): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      const report = await host.validate(doc, deep);
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

  connection.onInitialized(() => {
    host.initialized?.();
    void workspace.refresh();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const uris = params.changes.map((c) => c.uri);
    // The worker may hold a file the main thread never read: every open document is validated again.
    host.filesChanged?.(uris);
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
  registerReportRequests(connection, documents, service, (doc) => host.preview(doc));

  documents.listen(connection);
  connection.listen();
}
