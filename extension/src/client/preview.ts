/**
 * `GTEC: Open Preview`: a webview beside the editor showing the report the document produces
 * (core/report/html via the server), as VS Code's Markdown preview does: updated while typing
 * (throttled, ~300 ms; the page's body updated in place, only what changed), following the active GTEC editor unless locked (`GTEC: Lock Preview`),
 * restored after a reload (WebviewPanelSerializer), scroll position kept across updates (webview
 * state), scroll sync both ways (scroll-sync.ts). The only script is ours (nonce'd: click-to-source posts the element's JSON pointer, we
 * reveal its range in the editor; it keeps the scroll position); the CSP allows nothing remote.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PreviewRequest, SourceRangeRequest, type PreviewParams, type PreviewResult, type SourceRangeParams, type SourceRangeResult } from '../protocol.js';
import { isScrolledMessage, type ScrollToLineMessage } from '../preview/scroll-sync.js';
import { bodyDelta, isLoadedMessage, isResyncMessage, isRevealMessage, pageUpdate, problemsPage, webviewHtml } from '../preview/webview-html.js';
import { isGtecDocument } from './status.js';
import { uiText } from './texts.js';

const THROTTLE_MS = 300;
/** After one side scrolled the other, the other's own scroll events are not sent back for this long. */
const ECHO_MS = 300;
export const PREVIEW_VIEW_TYPE = 'gtec.preview';
/** 16 random bytes in hex (Web Crypto: the same in Node and in the web worker extension host). */
const nonce = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

interface Preview {
  panel: vscode.WebviewPanel;
  uri: vscode.Uri;
  /** A locked preview stays on its document; an unlocked one follows the active GTEC editor. */
  locked: boolean;
  /** Element id the next page scrolls to ("voir les passerelles"), then forgotten. */
  anchor?: string;
  /** The page loaded in the webview (kind, language, document): a newer page of the same kind updates its body only, once it is `ready`. */
  page?: string;
  ready?: boolean;
  /** The body the page holds from the last update and its number: the next update sends what changed only. */
  sent?: { seq: number; body: string };
  /** The latest full page, when it was shown by in-place updates: set again if the webview reloads. */
  latest?: string;
  /** A refresh is running; `again`: the document changed meanwhile, refresh once more after it. */
  busy?: boolean;
  again?: boolean;
}

export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly previews = new Set<Preview>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents edited since their last refresh began, while throttled. */
  private readonly pending = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Per document: until when the editor's visible-range changes are our own reveal's. */
  private readonly editorQuiet = new Map<string, number>();

  constructor(
    private readonly client: LanguageClient,
    private readonly lang: () => 'fr' | 'en',
  ) {
    this.subscriptions.push(
      // Events without a change of text (the dirty state changed) leave the page as it is.
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.schedule(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e.document)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e.textEditor, e.visibleRanges)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
    );
  }

  async open(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isGtecDocument(doc)) {
      void vscode.window.showWarningMessage(uiText(this.lang(), 'Open a GTEC diagnostic (*.gtec.yaml) first.'));
      return;
    }
    const shown = [...this.previews].find((p) => p.uri.toString() === doc.uri.toString());
    if (shown) {
      shown.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    await this.attach(panel, doc.uri);
  }

  /** The preview of `uri` (opened beside if needed) scrolled to the element `id`. */
  async showAnchor(uri: vscode.Uri, id: string): Promise<void> {
    const key = uri.toString();
    let p = [...this.previews].find((x) => x.uri.toString() === key);
    if (!p) {
      await vscode.window.showTextDocument(uri, { preserveFocus: false });
      await this.open();
      p = [...this.previews].find((x) => x.uri.toString() === key);
    }
    if (!p) return;
    p.anchor = id;
    p.panel.reveal(undefined, true);
    await this.refresh(p, await vscode.workspace.openTextDocument(uri));
  }

  /** Locks or unlocks the active preview (an unlocked one follows the active GTEC editor). */
  toggleLock(): void {
    const p = [...this.previews].find((x) => x.panel.active) ?? [...this.previews][0];
    if (!p) return;
    p.locked = !p.locked;
    this.title(p);
  }

  /** After a reload: the panel VS Code kept, given back its document (from the webview state). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const uri = typeof (state as { uri?: unknown } | undefined)?.uri === 'string' ? vscode.Uri.parse((state as { uri: string }).uri) : undefined;
    if (!uri) {
      panel.dispose();
      return;
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    await this.attach(panel, uri);
  }

  private async attach(panel: vscode.WebviewPanel, uri: vscode.Uri): Promise<void> {
    const p: Preview = { panel, uri, locked: false };
    this.previews.add(p);
    panel.onDidDispose(() => this.previews.delete(p));
    // A hidden webview is discarded and shown again from its last `html`: the latest page instead.
    let hidden = false;
    panel.onDidChangeViewState(() => {
      if (!panel.visible) hidden = true;
      else if (hidden) {
        hidden = false;
        if (p.latest) this.load(p, p.latest);
      }
    });
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isLoadedMessage(m)) {
        // A page just loaded holds no body of an update.
        p.ready = true;
        p.sent = undefined;
      } else if (isResyncMessage(m)) {
        p.sent = undefined;
        void vscode.workspace.openTextDocument(p.uri).then((d) => this.refresh(p, d));
      } else if (isRevealMessage(m)) void this.reveal(p.uri, m.pointer);
      else if (isScrolledMessage(m)) this.previewScrolled(p.uri, m.line);
    });
    this.title(p);
    const doc = await vscode.workspace.openTextDocument(uri);
    await this.refresh(p, doc);
  }

  private title(p: Preview): void {
    const name = p.uri.path.split('/').pop() ?? '';
    p.panel.title = uiText(this.lang(), p.locked ? '[Preview] {0}' : 'Preview {0}', name);
  }

  /** An unlocked preview shows the GTEC document that became active. */
  private follow(doc: vscode.TextDocument): void {
    if (!isGtecDocument(doc) || [...this.previews].some((p) => p.uri.toString() === doc.uri.toString())) return;
    const p = [...this.previews].find((x) => !x.locked);
    if (!p) return;
    p.uri = doc.uri;
    this.title(p);
    void this.refresh(p, doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (![...this.previews].some((p) => p.uri.toString() === key)) return;
    if (this.timers.has(key)) {
      this.pending.add(key);
      return;
    }
    // Throttle: the first edit after a pause is shown at once, then at most one refresh per
    // THROTTLE_MS while typing, and always one after the last edit.
    const refresh = () => {
      for (const p of this.previews) if (p.uri.toString() === key) void this.refresh(p, doc);
    };
    const tick = () => {
      if (!this.pending.delete(key)) {
        this.timers.delete(key);
        return;
      }
      refresh();
      this.timers.set(key, setTimeout(tick, THROTTLE_MS));
    };
    refresh();
    this.timers.set(key, setTimeout(tick, THROTTLE_MS));
  }

  /** One refresh at a time per preview; edits during it give one more refresh after it. */
  private async refresh(p: Preview, doc: vscode.TextDocument): Promise<void> {
    if (p.busy) {
      p.again = true;
      return;
    }
    p.busy = true;
    try {
      do {
        p.again = false;
        await this.update(p, doc);
      } while (p.again && this.previews.has(p));
    } finally {
      p.busy = false;
    }
  }

  private async update(p: Preview, doc: vscode.TextDocument): Promise<void> {
    const uri = doc.uri.toString();
    const result = await this.client.sendRequest<PreviewResult>(PreviewRequest, { uri } satisfies PreviewParams);
    // The preview moved to another document meanwhile.
    if (p.uri.toString() !== uri || !this.previews.has(p)) return;
    const lang = this.lang();
    const problems = result.problems ?? result.messages.map((message) => ({ code: '', message, pointer: '' }));
    const report = result.html ?? problemsPage(uiText(lang, 'The diagnostic cannot be computed yet'), problems, lang, (line) => uiText(lang, 'Line {0}', line));
    const anchor = p.anchor;
    p.anchor = undefined;
    // Same kind of page, same language: the body is replaced in place, without reloading the page
    // (a reload parses and lays out the whole page again, and loses the scroll position for a moment).
    const page = `${result.html ? 'rapport' : 'problemes'} ${lang} ${uri}`;
    const update = p.page === page && p.ready && p.panel.visible ? pageUpdate(report, anchor) : undefined;
    // A fresh nonce for each page: only the script written here can run.
    const full = () => webviewHtml(report, { cspSource: p.panel.webview.cspSource, lang, nonce: nonce(), uri, ...(anchor ? { anchor } : {}) });
    // Only what changed travels to the page (a 180 kB body for a changed title otherwise).
    const sent = p.sent;
    const message = update && (sent ? bodyDelta(sent.body, update, sent.seq) : { ...update, seq: 1 });
    if (update && message && (await p.panel.webview.postMessage(message))) {
      p.sent = { seq: message.seq ?? 1, body: update.body };
      p.latest = full();
      return;
    }
    p.page = page;
    this.load(p, full());
  }

  private load(p: Preview, html: string): void {
    p.latest = undefined;
    p.ready = false;
    p.sent = undefined;
    p.panel.webview.html = html;
  }

  /** Scroll sync, editor → preview: the previews of the document scroll to its first visible line. */
  private editorScrolled(editor: vscode.TextEditor, ranges: readonly vscode.Range[]): void {
    const key = editor.document.uri.toString();
    const line = ranges[0]?.start.line;
    if (line === undefined || (this.editorQuiet.get(key) ?? 0) > Date.now()) return;
    for (const p of this.previews) if (p.uri.toString() === key) void p.panel.webview.postMessage({ type: 'scroll', line } satisfies ScrollToLineMessage);
  }

  /** Scroll sync, preview → editor: the visible editor of the document shows the line at its top. */
  private previewScrolled(uri: vscode.Uri, line: number): void {
    const key = uri.toString();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    if (!editor) return;
    this.editorQuiet.set(key, Date.now() + ECHO_MS);
    const at = new vscode.Position(Math.min(line, editor.document.lineCount - 1), 0);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
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
    for (const p of this.previews) p.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
