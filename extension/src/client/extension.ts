/**
 * The GTEC extension's client: starts the language server (extension/dist/server.cjs) for
 * `gtec` / `gtec-json` documents, forwards settings and workspace trust, and owns the UI: preview,
 * export command, status bar.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SettingsNotification, StatusNotification, type StatusParams } from '../protocol.js';
import { exportDiagnostic } from './export.js';
import { registerNewDiagnostic } from './new-diagnostic.js';
import { PreviewManager } from './preview.js';
import { readSettings } from './settings.js';
import { GtecStatus } from './status.js';
import { registerWalkthroughContext } from './walkthrough-context.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'gtec' },
      { scheme: 'file', language: 'gtec-json' },
      { scheme: 'untitled', language: 'gtec' },
    ],
    initializationOptions: readSettings(),
    synchronize: {
      // Data files and referential exports: a change on disk re-validates the diagnostics using them.
      // Diagnostics too: the closed ones are shown in Problems (workspace diagnostics).
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.{csv,CSV,xlsx,XLSX,txt,tsv}'), vscode.workspace.createFileSystemWatcher('**/*.gtec.{yaml,yml,json}')],
    },
  };
  client = new LanguageClient('gtec', 'GTEC', serverOptions, clientOptions);

  const status = new GtecStatus(() => readSettings().lang);
  const preview = new PreviewManager(client, () => readSettings().lang);
  const sendSettings = () => void client?.sendNotification(SettingsNotification, readSettings());

  context.subscriptions.push(
    status,
    preview,
    vscode.commands.registerCommand('gtec.preview.open', () => preview.open()),
    vscode.commands.registerCommand('gtec.preview.toggleLock', () => preview.toggleLock()),
    vscode.commands.registerCommand('gtec.export', () => client && exportDiagnostic(client, readSettings().lang)),
    vscode.commands.registerCommand('gtec.server.restart', () => client?.restart()),
    // The code lens "voir les passerelles" above a métier (extension/src/service/code-lens.ts).
    vscode.commands.registerCommand('gtec.passerelles.voir', (uri: string, code: string) => preview.showAnchor(vscode.Uri.parse(uri), `passerelles-${code}`)),
    registerNewDiagnostic(),
    registerWalkthroughContext(),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('gtec')) return;
      sendSettings();
      status.render();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(sendSettings),
  );
  await client.start();
  context.subscriptions.push(client.onNotification(StatusNotification, (p: StatusParams) => status.update(p)));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
