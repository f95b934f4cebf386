/**
 * The preview follows typing (issue 12, « Preview like Markdown's »), in code-server with the
 * packaged .vsix: keys typed at the end of the demo's title appear in the preview's title, each
 * time, the page updated in place (not reloaded: it keeps its scroll position). The time from the last
 * key to the preview showing it is printed (median of several edits), never asserted (house rule:
 * no timing thresholds in tests; figures: bench/vscode-preview.bench.ts).
 */
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CodeServer, ROOT, skipE2e, startCodeServer } from './code-server.js';

const DEMO = path.join(ROOT, 'examples/demo');
const FILE = 'diagnostic.gtec.yaml';
/** The demo's `titre:` line (1-based), whose end is typed at. */
const TITLE_LINE = 15;
const EDITS = 5;

describe.skipIf(skipE2e)('preview speed in code-server (e2e)', () => {
  let cs: CodeServer;
  beforeAll(async () => {
    cs = await startCodeServer({ from: DEMO, trusted: true, settings: { 'gtec.langue': 'fr' } });
  }, 240_000);
  afterAll(async () => cs?.close());

  test('typed keys show in the preview, each edit, page updated in place', async () => {
    const { page, step } = cs;
    const title = () => cs.preview().locator('h1').first();
    await step('speed-open', () => cs.open(FILE, 'gtec: 1'));
    await step('speed-preview', async () => {
      await cs.command('GTEC: Open Preview');
      await expect.poll(() => title().innerText(), { timeout: 45_000 }).toContain('Valdorne');
    });
    // A mark in the page: it survives an update in place, not a reload of the page.
    const page0 = () =>
      cs
        .preview()
        .locator('html')
        .evaluate(() => (window as unknown as { __gtecPage?: number }).__gtecPage);
    await cs
      .preview()
      .locator('html')
      .evaluate(() => {
        (window as unknown as { __gtecPage?: number }).__gtecPage = 1;
      });
    const elapsed: number[] = [];
    for (let i = 1; i <= EDITS; i++) {
      await step(`speed-edit-${i}`, async () => {
        await page.locator('.editor-instance .view-lines').first().click();
        await page.keyboard.press('Control+G');
        await page.keyboard.type(String(TITLE_LINE));
        await page.keyboard.press('Enter');
        await page.keyboard.press('End');
        const mark = ` v${i}`;
        // Typed as a user types, one key at a time.
        await page.keyboard.type(mark, { delay: 60 });
        const last = Date.now();
        await cs
          .preview()
          .locator('h1', { hasText: `(démonstration)${mark}` })
          .first()
          .waitFor({ timeout: 45_000 });
        elapsed.push(Date.now() - last);
        // The page was updated in place (not reloaded: it would lose its scroll position for a moment).
        expect(await page0()).toBe(1);
        // Undo the edit (the next one starts from the demo's title), then let the validations end.
        for (let k = 0; k < mark.length; k++) await page.keyboard.press('Backspace');
        await expect.poll(() => title().innerText(), { timeout: 45_000 }).toMatch(/\(démonstration\)$/);
        await page.waitForTimeout(1500);
      });
    }
    const sorted = [...elapsed].sort((a, b) => a - b);
    console.log(
      `e2e aperçu : dernière touche → aperçu à jour, médiane ${sorted[Math.floor(sorted.length / 2)]} ms (${elapsed.join(', ')} ms) ; charge ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    expect(elapsed).toHaveLength(EDITS);
  }, 400_000);
});
