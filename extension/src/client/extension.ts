/**
 * The GTEC extension's client for Node (desktop VS Code, remote hosts): starts the language server
 * (extension/dist/server.cjs, a process of its own) for `gtec` / `gtec-json` documents; start.ts
 * does the rest, shared with the web client (extension-web.ts).
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerNewDiagnostic } from './new-diagnostic.js';
import { readSettings } from './settings.js';
import { fileEvents, NODE_SELECTOR, startClient } from './start.js';
import { registerWalkthroughContext } from './walkthrough-context.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: NODE_SELECTOR,
    initializationOptions: readSettings(),
    synchronize: { fileEvents: fileEvents() },
  };
  client = new LanguageClient('gtec', 'GTEC', serverOptions, clientOptions);
  await startClient(context, client, () => readSettings(), [registerNewDiagnostic(), registerWalkthroughContext()]);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
