/**
 * Makes the report HTML (core/report/html.ts: inline CSS and SVG, no script) safe for a webview: its
 * own CSP is replaced by one first in <head> that also names the webview's origin and allows one
 * script only, ours, by its nonce (click-to-source), plus VS Code theme colours. Report labels are
 * already escaped by core/report; the CSP is the second line of defence: a `<script>` that slipped
 * into the report has no nonce and does not run.
 */
export interface WebviewHtmlOptions {
  /** `webview.cspSource` (origin of local resources), or '' when none are used. */
  cspSource: string;
  lang: 'fr' | 'en';
  /** Fresh random nonce of the click-to-source script; without it, no script at all. */
  nonce?: string;
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

const THEME = `
body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
a { color: var(--vscode-textLink-foreground); }
table { border-color: var(--vscode-panel-border); }
th { background: var(--vscode-editorWidget-background); }
`;

/**
 * Click-to-source: a click on an element carrying `data-pointeur` (see renderHtml's `liens`) asks
 * the extension to reveal that place of the source. In-page links (`#metier-…`) keep navigating.
 */
const REVEAL_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t || t.closest('a[href]')) return;
    const el = t.closest('[data-pointeur]');
    if (el) vscode.postMessage({ type: 'reveal', pointer: el.getAttribute('data-pointeur') });
  });
})();`;

const LINK_STYLE = `[data-pointeur] { cursor: pointer; } [data-pointeur]:hover { outline: 1px dotted var(--vscode-focusBorder); }`;

/** The message the preview's script posts. */
export interface RevealMessage {
  type: 'reveal';
  pointer: string;
}

export function isRevealMessage(m: unknown): m is RevealMessage {
  const r = m as Partial<RevealMessage> | null;
  return !!r && r.type === 'reveal' && typeof r.pointer === 'string';
}

export function webviewHtml(reportHtml: string, o: WebviewHtmlOptions): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">`;
  // Two CSP metas would both apply; ours replaces the report's.
  const html = reportHtml.replace(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gi, '');
  const theme = `<style>${THEME}${o.nonce ? LINK_STYLE : ''}</style>${o.nonce ? `<script nonce="${o.nonce}">${REVEAL_SCRIPT}</script>` : ''}`;
  // The CSP first in <head>; the theme last, so that it wins over the report's own colours.
  return /<head[^>]*>[\s\S]*<\/head>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (m) => `${m}${meta}`).replace(/<\/head>/i, `${theme}</head>`)
    : `<!DOCTYPE html><html lang="${o.lang}"><head><meta charset="utf-8">${meta}${theme}</head><body>${html}</body></html>`;
}

/** A page for when there is nothing to preview yet (invalid file): the problems, escaped. */
export function problemsPage(title: string, messages: string[], lang: 'fr' | 'en'): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body><h1 id="gtec-preview-title">${esc(title)}</h1><ul>${messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></body></html>`;
}
