/**
 * Scroll sync between the editor and the preview, as VS Code's Markdown preview does it: the
 * report's elements that have a place in the source (`data-pointeur`, click-to-source) also get the
 * source line of that place (`data-line`, 0-based); the editor's first visible line scrolls the
 * preview to the element of that line (interpolated towards the next one), and the preview's scroll
 * reveals the line of the element at its top. The two mapping functions are plain, self-contained
 * functions: the webview's script embeds their source (webview-html.ts), and tests call them.
 */

/** An element of the page with its source line and its top, in page pixels. */
export interface Block {
  line: number;
  top: number;
}

const unescapeAttr = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The report's HTML with `data-line` beside every `data-pointeur` whose place `lineOf` knows. */
export function withSourceLines(html: string, lineOf: (pointer: string) => number | undefined): string {
  return html.replace(/ data-pointeur="([^"]*)"/g, (m, p: string) => {
    const line = lineOf(unescapeAttr(p));
    return line === undefined ? m : `${m} data-line="${line}"`;
  });
}

/**
 * Where the page scrolls for an editor whose first visible line is `line`: the top of the first
 * element of the greatest line ≤ `line`, moved towards the next element below it in proportion.
 * The top of the page stands for line 0.
 */
export function scrollTopForLine(blocks: Block[], line: number): number {
  let at: Block | undefined;
  for (const b of [{ line: 0, top: 0 }, ...blocks]) if (b.line <= line && (!at || b.line > at.line)) at = b;
  if (!at) return 0;
  const from = at;
  let next: Block | undefined;
  for (const b of blocks) if (b.line > from.line && b.top > from.top && (!next || b.top < next.top)) next = b;
  if (!next || next.line <= from.line) return from.top;
  return from.top + ((next.top - from.top) * (line - from.line)) / (next.line - from.line);
}

/**
 * The source line shown for a page scrolled to `y`: the line of the last element whose top is at or
 * above `y`, moved towards the next element's line in proportion; the top of the page is line 0.
 */
export function lineForScrollTop(blocks: Block[], y: number): number | undefined {
  if (!blocks.length) return undefined;
  const sorted = [{ line: 0, top: 0 }, ...blocks.slice().sort((a, b) => a.top - b.top)];
  let i = 0;
  for (let k = 0; k < sorted.length; k++) if (sorted[k]!.top <= y) i = k;
  const from = sorted[i]!;
  const next = sorted[i + 1];
  if (!next || next.line <= from.line || next.top <= from.top) return from.line;
  return Math.floor(from.line + ((next.line - from.line) * (y - from.top)) / (next.top - from.top));
}

/** Messages between the preview's script and the extension. */
export interface ScrollToLineMessage {
  type: 'scroll';
  line: number;
}
export interface ScrolledMessage {
  type: 'scrolled';
  line: number;
}

export function isScrolledMessage(m: unknown): m is ScrolledMessage {
  const r = m as Partial<ScrolledMessage> | null;
  return !!r && r.type === 'scrolled' && typeof r.line === 'number' && Number.isInteger(r.line) && r.line >= 0;
}
