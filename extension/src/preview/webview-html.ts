/**
 * Makes the report HTML (core/report/html.ts: inline CSS and SVG, no script) safe for a webview: its
 * own CSP is replaced by one first in <head> that also names the webview's origin and allows one
 * script only, ours, by its nonce (click-to-source), plus VS Code theme colours. Report labels are
 * already escaped by core/report; the CSP is the second line of defence: a `<script>` that slipped
 * into the report has no nonce and does not run.
 */
import { lineForScrollTop, scrollTopForLine } from './scroll-sync.js';

export interface WebviewHtmlOptions {
  /** `webview.cspSource` (origin of local resources), or '' when none are used. */
  cspSource: string;
  lang: 'fr' | 'en';
  /** Fresh random nonce of the click-to-source script; without it, no script at all. */
  nonce?: string;
  /** The previewed document (kept in the webview's state to restore the panel after a reload). */
  uri?: string;
  /** Id of an element to scroll to once the page is shown (instead of the kept position). */
  anchor?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce?: string): string {
  const local = cspSource ? ` ${cspSource}` : '';
  return [
    `default-src 'none'`,
    `img-src${local} data:`,
    `font-src${local}`,
    // Inline styles are the report's own (bars' widths); the only script is ours, by nonce.
    `style-src${local} 'unsafe-inline'`,
    nonce ? `script-src 'nonce-${nonce}'` : `script-src 'none'`,
  ].join('; ');
}

/**
 * Every colour of the report from the VS Code theme (light, dark, high contrast): the report's own
 * palette (`--bleu`…) is mapped to theme variables, and each fixed colour of core/report's style
 * (borders, zebra rows, headers, callouts) is replaced; text sits on the editor's background or on a
 * background the theme pairs with a foreground.
 */
const THEME = `
:root { --bleu: var(--vscode-textLink-foreground); --orange: var(--vscode-editorWarning-foreground); --rouge: var(--vscode-errorForeground);
  --vert: var(--vscode-testing-iconPassed); --gris: var(--vscode-descriptionForeground); --fond: var(--vscode-textBlockQuote-background);
  --trait: var(--vscode-panel-border); }
body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
a { color: var(--vscode-textLink-foreground); }
h2, th, td, footer, article.metier, table { border-color: var(--trait); }
header { border-bottom-color: var(--vscode-focusBorder); }
thead th, .chiffres li { background: var(--vscode-editorWidget-background); color: var(--vscode-editorWidget-foreground); }
tbody tr:nth-child(even) { background: var(--vscode-editorWidget-background); color: var(--vscode-editorWidget-foreground); }
.alerte, tr.sans-action td { background: var(--vscode-inputValidation-errorBackground); color: var(--vscode-editor-foreground);
  border-color: var(--vscode-inputValidation-errorBorder); }
.alerte h3 { color: var(--vscode-editor-foreground); }
.barre { background: var(--vscode-editorWidget-border); }
.defile { max-width: 100%; overflow-x: auto; }
main table { display: block; max-width: 100%; overflow-x: auto; }
`;

/**
 * The preview's script: click-to-source (a click on an element carrying `data-pointeur`, see
 * renderHtml's `liens`, asks the extension to reveal that place of the source; in-page links keep
 * navigating), and the webview state: the document's URI (the panel is restored after a reload)
 * and the scroll position, kept across updates of the page; scroll sync with the editor (elements
 * with `data-line`, scroll-sync.ts): a `scroll` message scrolls to a line, a scroll of the page
 * posts the line at its top (`scrolled`), except the scrolls the script made itself; an `update`
 * message brings the page's body to a newer one (the preview after an edit: no reload of the page,
 * only the nodes that differ are replaced).
 */
const PREVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const uri = document.documentElement.getAttribute('data-gtec-uri');
  const state = vscode.getState() || {};
  const same = state.uri === uri;
  // The script runs in <head>: scroll once the body is there.
  const toTop = (${scrollTopForLine});
  const toLine = (${lineForScrollTop});
  const blocks = () => Array.from(document.querySelectorAll('[data-line]'), (el) => ({ line: Number(el.getAttribute('data-line')), top: el.getBoundingClientRect().top + window.scrollY }));
  // The position the script itself scrolled to: reaching it is not the user's scroll.
  let expected = -1;
  const scrollTo = (y) => { expected = Math.round(y); window.scrollTo(0, y); };
  // The new page's nodes replace only those that differ (a chart or a table whose data did not
  // change keeps its nodes: no layout of them again); attributes follow the new page.
  const morph = (from, to) => {
    if (from.nodeType === 1 && to.nodeType === 1) {
      for (const a of Array.from(from.attributes)) if (!to.hasAttribute(a.name)) from.removeAttribute(a.name);
      for (const a of Array.from(to.attributes)) if (from.getAttribute(a.name) !== a.value) from.setAttribute(a.name, a.value);
    }
    const a = Array.from(from.childNodes);
    const b = Array.from(to.childNodes);
    for (let i = 0; i < b.length; i++) {
      const x = a[i];
      const y = b[i];
      if (!x) from.appendChild(y);
      else if (x.isEqualNode(y)) continue;
      else if (x.nodeType === 1 && y.nodeType === 1 && x.tagName === y.tagName) morph(x, y);
      else from.replaceChild(y, x);
    }
    for (let i = b.length; i < a.length; i++) a[i].remove();
  };
  // The body text of the last update (and its number), the base of the next delta.
  let body;
  let seq;
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m && m.type === 'scroll' && typeof m.line === 'number') scrollTo(toTop(blocks(), m.line));
    // A new version of the same page: its body replaced in place (no reload), the scroll position kept.
    if (m && m.type === 'update' && typeof m.body === 'string') {
      // A delta: the previous body's first and last characters kept around the new middle.
      if (Array.isArray(m.keep) && (body === undefined || m.from !== seq)) {
        vscode.postMessage({ type: 'resync' });
        return;
      }
      body = Array.isArray(m.keep) ? body.slice(0, m.keep[0]) + m.body + body.slice(body.length - m.keep[1]) : m.body;
      seq = m.seq;
      const y = window.scrollY;
      const next = document.createElement('template');
      next.innerHTML = body;
      morph(document.body, next.content);
      if (typeof m.title === 'string') document.title = m.title;
      const el = typeof m.anchor === 'string' && document.getElementById(m.anchor);
      const target = el ? el.getBoundingClientRect().top + window.scrollY : y;
      if (Math.abs(window.scrollY - target) > 1) scrollTo(target);
    }
  });
  const anchor = document.documentElement.getAttribute('data-gtec-anchor');
  if (anchor || (same && state.scrollY)) {
    const restore = () => {
      const el = anchor && document.getElementById(anchor);
      scrollTo(el ? el.getBoundingClientRect().top + window.scrollY : state.scrollY || 0);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', restore);
    else restore();
  }
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      vscode.setState({ uri, scrollY: window.scrollY });
      const mine = expected >= 0 && Math.abs(window.scrollY - expected) <= 2;
      expected = -1;
      if (mine) return;
      const line = toLine(blocks(), window.scrollY);
      if (line !== undefined) vscode.postMessage({ type: 'scrolled', line });
    });
  });
  vscode.setState(same ? { ...state, uri } : { uri });
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t || t.closest('a[href]')) return;
    const el = t.closest('[data-pointeur]');
    if (el) vscode.postMessage({ type: 'reveal', pointer: el.getAttribute('data-pointeur') });
  });
  // The page can take updates (its body is there, the message listener too).
  const loaded = () => vscode.postMessage({ type: 'loaded' });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loaded);
  else loaded();
})();`;

const LINK_STYLE = `[data-pointeur] { cursor: pointer; } [data-pointeur]:hover { outline: 1px dotted var(--vscode-focusBorder); }`;

/** The message the preview's script posts. */
export interface RevealMessage {
  type: 'reveal';
  pointer: string;
}

/** The page is loaded and listens: later versions can update it in place. */
export function isLoadedMessage(m: unknown): boolean {
  return !!m && (m as { type?: unknown }).type === 'loaded';
}

export function isRevealMessage(m: unknown): m is RevealMessage {
  const r = m as Partial<RevealMessage> | null;
  return !!r && r.type === 'reveal' && typeof r.pointer === 'string';
}

/**
 * The message that brings the body of the page shown to a newer version of the same page: the whole
 * body, or (`keep`) the part between the first `keep[0]` and the last `keep[1]` characters of the body
 * of update `from`, which stay. `seq` numbers the body it gives.
 */
export interface UpdateMessage {
  type: 'update';
  body: string;
  title: string;
  anchor?: string;
  seq?: number;
  from?: number;
  keep?: [number, number];
}

/** The update as a delta from the body `previous` (update number `from`): what changed between the common start and end. */
export function bodyDelta(previous: string, u: UpdateMessage, from: number): UpdateMessage {
  const next = u.body;
  const max = Math.min(previous.length, next.length);
  let start = 0;
  while (start < max && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && previous.charCodeAt(previous.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  return { ...u, body: next.slice(start, next.length - end), keep: [start, end], from, seq: from + 1 };
}

/** The page asks for a whole body: it has no base for the delta it got (reloaded meanwhile). */
export function isResyncMessage(m: unknown): boolean {
  return !!m && (m as { type?: unknown }).type === 'resync';
}

/**
 * The body and title of a page (the report, or the problems page), for an in-place update of a page
 * of the same kind: its head (CSP, style, script) stays. Undefined when the page has no plain body.
 */
export function pageUpdate(page: string, anchor?: string): UpdateMessage | undefined {
  const body = /<body>([\s\S]*)<\/body>/i.exec(page)?.[1];
  if (body === undefined) return undefined;
  const title = /<title>([\s\S]*?)<\/title>/i.exec(page)?.[1] ?? '';
  return { type: 'update', body, title: unescapeText(title), ...(anchor ? { anchor } : {}) };
}

/** The text of an escaped title (document.title takes text, not HTML). */
const unescapeText = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function webviewHtml(reportHtml: string, o: WebviewHtmlOptions): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">`;
  // Two CSP metas would both apply; ours replaces the report's.
  const html = reportHtml.replace(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gi, '');
  const theme = `<style>${THEME}${o.nonce ? LINK_STYLE : ''}</style>${o.nonce ? `<script nonce="${o.nonce}">${PREVIEW_SCRIPT}</script>` : ''}`;
  // The CSP first in <head>; the theme last, so that it wins over the report's own colours.
  const page = /<head[^>]*>[\s\S]*<\/head>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (m) => `${m}${meta}`).replace(/<\/head>/i, `${theme}</head>`)
    : `<!DOCTYPE html><html lang="${o.lang}"><head><meta charset="utf-8">${meta}${theme}</head><body>${html}</body></html>`;
  const attrs = `${o.uri ? ` data-gtec-uri="${esc(o.uri)}"` : ''}${o.anchor ? ` data-gtec-anchor="${esc(o.anchor)}"` : ''}`;
  return attrs ? page.replace(/<html\b/i, `<html${attrs}`) : page;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One problem of the page shown for an invalid file: its line, code and message; a click reveals it. */
export interface PageProblem {
  code: string;
  message: string;
  line?: number;
  pointer: string;
}

/**
 * The page for when there is nothing to preview yet (invalid file), in the interface language:
 * the problems, escaped, each with its line and a click-to-source link (`data-pointeur`).
 */
export function problemsPage(title: string, problems: PageProblem[], lang: 'fr' | 'en', lineLabel: (line: number) => string): string {
  const items = problems.map((p) => `<li data-pointeur="${esc(p.pointer)}">${p.line ? `<a>${esc(lineLabel(p.line))}</a> ` : ''}<code>${esc(p.code)}</code> ${esc(p.message)}</li>`);
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1 id="gtec-preview-title">${esc(title)}</h1><ul class="problemes">${items.join('')}</ul></body></html>`;
}
