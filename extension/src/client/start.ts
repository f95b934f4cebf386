/**
 * What both clients (Node: extension.ts; web: extension-web.ts) do once their language client
 * exists: forward settings and workspace trust, own the UI (preview, export command, status bar),
 * then start the client.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector } from 'vscode-languageclient';
import { SettingsNotification, StatusNotification, type ServerSettings, type StatusParams } from '../protocol.js';
import { exportDiagnostic } from './export.js';
import { PreviewManager } from './preview.js';
import { GtecStatus } from './status.js';

/** Data files and referential exports: a change re-validates the diagnostics using them. Diagnostics too: the closed ones are shown in Problems (workspace diagnostics). */
export const fileEvents = () => [vscode.workspace.createFileSystemWatcher('**/*.{csv,CSV,xlsx,XLSX,txt,tsv}'), vscode.workspace.createFileSystemWatcher('**/*.gtec.{yaml,yml,json}')];

/** The GTEC documents of the Node client: on disk, and new untitled ones. */
export const NODE_SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'gtec' },
  { scheme: 'file', language: 'gtec-json' },
  { scheme: 'untitled', language: 'gtec' },
];

export async function startClient(context: vscode.ExtensionContext, client: BaseLanguageClient, settings: () => ServerSettings, commands: vscode.Disposable[]): Promise<void> {
  const lang = () => settings().lang;
  const status = new GtecStatus(lang);
  const preview = new PreviewManager(client, lang);
  const sendSettings = () => void client.sendNotification(SettingsNotification, settings());

  context.subscriptions.push(
    status,
    preview,
    vscode.commands.registerCommand('gtec.preview.open', () => preview.open()),
    vscode.commands.registerCommand('gtec.preview.toggleLock', () => preview.toggleLock()),
    vscode.commands.registerCommand('gtec.export', () => exportDiagnostic(client, lang())),
    // Stop then start (the web client has no `restart`).
    vscode.commands.registerCommand('gtec.server.restart', async () => {
      await client.stop();
      await client.start();
    }),
    // The code lens "voir les passerelles" above a métier (extension/src/service/code-lens.ts).
    vscode.commands.registerCommand('gtec.passerelles.voir', (uri: string, code: string) => preview.showAnchor(vscode.Uri.parse(uri), `passerelles-${code}`)),
    ...commands,
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
