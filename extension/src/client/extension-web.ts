/**
 * The GTEC extension's client for the web worker extension host (vscode.dev, github.dev, any VS
 * Code running the extension as a web extension): the language server runs in a Web Worker
 * (dist/web/server.js, server/server-web.ts) and reads the workspace's files through this client
 * (web-files.ts, `vscode.workspace.fs`); start.ts does the rest, shared with the Node client.
 * The new-diagnostic command reads the BMO workbook and writes files from Node: on the web it says so.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { ValidationWorkerRequest, type WebInitOptions } from '../protocol-web.js';
import { errorDocLines } from '../server/doc-lines.js';
import { readSettings } from './settings.js';
import { fileEvents, startClient } from './start.js';
import { uiText } from './texts.js';
import { registerWalkthroughContext } from './walkthrough-context.js';
import { registerWebFiles } from './web-files.js';

let client: LanguageClient | undefined;

/**
 * The server's worker. The host starts a worker from an `http(s):` or `file:` URI, not from the
 * `vscode-remote:` URI of an extension installed on a remote (code-server, Codespaces): its script
 * is then fetched (the host's `fetch` maps that URI) and started from a blob.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<Worker> {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  if (main.scheme !== 'vscode-remote') return new Worker(main.toString(true));
  const script = await extensionText(context, 'dist/web/server.js');
  return new Worker(URL.createObjectURL(new Blob([script ?? ''], { type: 'application/javascript' })));
}

/** A file of the extension, as text (the host's `fetch` maps a `vscode-remote:` URI); null when it cannot be read. */
async function extensionText(context: vscode.ExtensionContext, file: string): Promise<string | null> {
  try {
    const response = await fetch(vscode.Uri.joinPath(context.extensionUri, file).toString(true));
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** The error catalogue shipped with the extension, for the Problems panel's links (the worker cannot read it). */
async function errorDocs(context: vscode.ExtensionContext): Promise<WebInitOptions['docs']> {
  const text = await extensionText(context, 'dist/erreurs.md');
  return text === null ? undefined : { url: vscode.Uri.joinPath(context.extensionUri, 'dist/erreurs.md').toString(), lines: errorDocLines(text) };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = () => readSettings(true);
  const docs = await errorDocs(context);
  const clientOptions: LanguageClientOptions = {
    // Every scheme: `vscode-vfs:` on github.dev, `file:` or `vscode-remote:` elsewhere.
    documentSelector: [{ language: 'gtec' }, { language: 'gtec-json' }],
    initializationOptions: { ...settings(), ...(docs ? { docs } : {}) } satisfies WebInitOptions,
    synchronize: { fileEvents: fileEvents() },
  };
  client = new LanguageClient('gtec', 'GTEC', clientOptions, await serverWorker(context));
  const uri = (s: string | undefined) => (s ? vscode.Uri.parse(s) : undefined);
  context.subscriptions.push(
    ...registerWebFiles(client, { donnees: () => uri(settings().donnees), referentiel: () => uri(settings().referentielFolder) }),
    client.onRequest(ValidationWorkerRequest, () => extensionText(context, 'dist/web/validation-worker.js')),
  );
  const newDiagnostic = vscode.commands.registerCommand('gtec.nouveauDiagnostic', () =>
    vscode.window.showInformationMessage(uiText(settings().lang, 'The New Diagnostic command needs VS Code on the desktop: it reads the BMO workbook and writes the new files on disk.')),
  );
  await startClient(context, client, settings, [newDiagnostic, registerWalkthroughContext()]);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
