/**
 * Makes the report HTML (core/report/html.ts: inline CSS and SVG, no script) safe for a webview: its
 * own CSP is replaced by one first in <head> that also names the webview's origin and forbids every
 * script, plus VS Code theme colours. Report labels are already escaped by core/report;
 * the CSP is the second line of defence: a `<script>` that slipped into the report does not run.
 */
export interface WebviewHtmlOptions {
  /** `webview.cspSource` (origin of local resources), or '' when none are used. */
  cspSource: string;
  lang: 'fr' | 'en';
}

export function contentSecurityPolicy(cspSource: string): string {
  const local = cspSource ? ` ${cspSource}` : '';
  return [
    `default-src 'none'`,
    `img-src${local} data:`,
    `font-src${local}`,
    // Inline styles are the report's own (bars' widths); no script of any kind.
    `style-src${local} 'unsafe-inline'`,
    `script-src 'none'`,
  ].join('; ');
}

const THEME = `
body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
a { color: var(--vscode-textLink-foreground); }
table { border-color: var(--vscode-panel-border); }
th { background: var(--vscode-editorWidget-background); }
`;

export function webviewHtml(reportHtml: string, o: WebviewHtmlOptions): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource)}">`;
  // Two CSP metas would both apply; ours replaces the report's.
  const html = reportHtml.replace(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gi, '');
  const theme = `<style>${THEME}</style>`;
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
