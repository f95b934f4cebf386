/**
 * Scroll sync between the editor and the preview (issue 12 point 7), in code-server with the
 * packaged .vsix: going to a line far down the demo scrolls the preview; scrolling the preview back
 * to the top brings the editor back to the top of the file.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CodeServer, ROOT, skipE2e, startCodeServer } from './code-server.js';

const DEMO = path.join(ROOT, 'examples/demo');
const FILE = 'diagnostic.gtec.yaml';

describe.skipIf(skipE2e)('preview scroll sync in code-server (e2e)', () => {
  let cs: CodeServer;
  beforeAll(async () => {
    cs = await startCodeServer({ from: DEMO, trusted: true, settings: { 'gtec.langue': 'fr' } });
  }, 240_000);
  afterAll(async () => cs?.close());

  test('editor → preview and preview → editor', async () => {
    const { page, step } = cs;
    const previewY = () =>
      cs
        .preview()
        .locator('html')
        .evaluate(() => window.scrollY);
    // The first line number Monaco shows (the editor's first visible line).
    const firstLine = async () => {
      const numbers = (await page.locator('.editor-instance .margin-view-overlays .line-numbers').allInnerTexts()).map(Number).filter((n) => n > 0);
      return Math.min(...numbers);
    };
    await step('scroll-open', () => cs.open(FILE, 'gtec: 1'));
    await step('scroll-preview', async () => {
      await cs.command('GTEC: Open Preview');
      await expect.poll(() => cs.preview().locator('body').innerText(), { timeout: 45_000 }).toContain('Valdorne');
      await expect.poll(() => cs.preview().locator('[data-line]').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    });
    await step('scroll-editor-to-preview', async () => {
      // Back in the editor, go to a line in the plan d'action (far down the file).
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type('420');
      await page.keyboard.press('Enter');
      await expect.poll(previewY, { timeout: 20_000 }).toBeGreaterThan(500);
    });
    await step('scroll-preview-to-editor', async () => {
      expect(await firstLine()).toBeGreaterThan(300);
      await cs
        .preview()
        .locator('html')
        .evaluate(() => window.scrollTo(0, 0));
      await expect.poll(firstLine, { timeout: 20_000 }).toBeLessThan(40);
    });
  }, 300_000);
});
