/**
 * `GTEC: Open Preview`: a webview beside the editor showing the report the document produces
 * (core/report/html via the server), updated while typing (throttled). The only script is ours
 * (nonce'd, click-to-source: a click posts the element's JSON pointer, we reveal its range in the
 * editor); the CSP allows nothing remote.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest, SourceRangeRequest, type PreviewParams, type PreviewResult, type SourceRangeParams, type SourceRangeResult } from '../protocol.js';
import { isRevealMessage, problemsPage, webviewHtml } from '../preview/webview-html.js';
import { isGtecDocument } from './status.js';
import { uiText } from './texts.js';

const THROTTLE_MS = 500;

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly lang: () => 'fr' | 'en',
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d)),
    );
  }

  async open(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isGtecDocument(doc)) {
      void vscode.window.showWarningMessage(uiText(this.lang(), 'Open a GTEC diagnostic (*.gtec.yaml) first.'));
      return;
    }
    const key = doc.uri.toString();
    let panel = this.panels.get(key);
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const name = doc.uri.path.split('/').pop() ?? '';
      panel = vscode.window.createWebviewPanel(
        'gtec.preview',
        uiText(this.lang(), 'Preview {0}', name),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          localResourceRoots: [],
        },
      );
      this.panels.set(key, panel);
      panel.onDidDispose(() => this.panels.delete(key));
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isRevealMessage(m)) void this.reveal(doc.uri, m.pointer);
      });
    }
    await this.refresh(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.panels.has(key) || this.timers.has(key)) return;
    // Throttle: at most one refresh per THROTTLE_MS while typing, always one after the last edit.
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(doc);
      }, THROTTLE_MS),
    );
  }

  private async refresh(doc: vscode.TextDocument): Promise<void> {
    const panel = this.panels.get(doc.uri.toString());
    if (!panel) return;
    const result = await this.client.sendRequest<PreviewResult>(PreviewRequest, { uri: doc.uri.toString() } satisfies PreviewParams);
    const lang = this.lang();
    const report = result.html ?? problemsPage(uiText(this.lang(), 'The diagnostic cannot be computed yet'), result.messages, lang);
    // A fresh nonce for each page: only the script written here can run.
    panel.webview.html = webviewHtml(report, { cspSource: panel.webview.cspSource, lang, nonce: randomBytes(16).toString('hex') });
  }

  /** Shows the source of a preview element: selected, its first line in view, in the editor beside. */
  private async reveal(uri: vscode.Uri, pointer: string): Promise<void> {
    const r = await this.client.sendRequest<SourceRangeResult>(SourceRangeRequest, { uri: uri.toString(), pointer } satisfies SourceRangeParams);
    if (!r) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const start = new vscode.Position(r.start.line, r.start.character);
    const end = new vscode.Position(r.end.line, r.end.character);
    // Anchor at the end, cursor at the start: the cursor is on the element's first line.
    editor.selection = new vscode.Selection(end, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const p of this.panels.values()) p.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
