/** Scroll sync's line mapping (extension/src/preview/scroll-sync.ts): source lines on the report's elements, line ↔ scroll position. */
import { describe, expect, test } from 'vitest';
import { renderHtml } from '../../core/report/html.js';
import { lineForScrollTop, scrollTopForLine, withSourceLines } from '../../extension/src/preview/scroll-sync.js';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { BASE, fixture, memoryWorkspace } from './fixtures.js';

const blocks = [
  { line: 10, top: 100 },
  { line: 20, top: 300 },
  { line: 40, top: 700 },
];

describe('scroll sync mapping', () => {
  test('editor line → page position: the element of that line, interpolated towards the next', () => {
    expect(scrollTopForLine(blocks, 0)).toBe(0);
    expect(scrollTopForLine(blocks, 5)).toBe(50);
    expect(scrollTopForLine(blocks, 10)).toBe(100);
    expect(scrollTopForLine(blocks, 15)).toBe(200);
    expect(scrollTopForLine(blocks, 30)).toBe(500);
    expect(scrollTopForLine(blocks, 90)).toBe(700);
    expect(scrollTopForLine([], 5)).toBe(0);
  });

  test('page position → editor line: the inverse, whole lines', () => {
    // The top of the page is line 0, whatever the first element.
    expect(lineForScrollTop(blocks, 0)).toBe(0);
    expect(lineForScrollTop(blocks, 50)).toBe(5);
    expect(lineForScrollTop([{ line: 145, top: 50 }, ...blocks], 0)).toBe(0);
    expect(lineForScrollTop(blocks, 200)).toBe(15);
    expect(lineForScrollTop(blocks, 500)).toBe(30);
    expect(lineForScrollTop(blocks, 5000)).toBe(40);
    expect(lineForScrollTop([], 5)).toBeUndefined();
    for (const line of [10, 12, 20, 33, 40]) expect(lineForScrollTop(blocks, scrollTopForLine(blocks, line))).toBe(line);
  });

  test('an element out of source order (a summary citing a late line) does not send the page back', () => {
    const mixed = [{ line: 40, top: 50 }, ...blocks];
    expect(scrollTopForLine(mixed, 15)).toBe(200);
  });

  test('the report: every element with a place in the source gets its line', async () => {
    const ls = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' } });
    const text = `${BASE}plan_action:\n  - id: FA1\n    titre: Former\n    objectifs: [x]\n  - id: FA2\n    titre: Recruter\n    objectifs: [y]\n`;
    const { doc } = fixture(text);
    const { result } = await ls.analyze(doc);
    const html = withSourceLines(await renderHtml(result!, { lang: 'fr', liens: { source: ls.parsed(doc).value } }), (p) => ls.sourceRange(doc, p)?.start.line);
    const lines = [...html.matchAll(/data-pointeur="([^"]*)" data-line="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(lines).toContainEqual(['/plan_action/0', text.split('\n').indexOf('  - id: FA1')]);
    expect(lines).toContainEqual(['/plan_action/1', text.split('\n').indexOf('  - id: FA2')]);
    expect(html.match(/data-pointeur=/g)?.length).toBe(lines.length);
  });
});
