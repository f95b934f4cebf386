/**
 * What a real user of the extension hits (issue 12), in code-server with the packaged .vsix:
 * Restricted Mode reports one info and no false error, in the language of `gtec.langue`; the ROME
 * search opens while typing a value and shows the label on every row; the preview is readable in
 * light, dark and high-contrast themes (computed contrast ≥ 4.5:1 of header, body and callout
 * text; screenshots in tests/artifacts/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTIFACTS, type CodeServer, ROOT, skipE2e, startCodeServer } from './code-server.js';

const DEMO = path.join(ROOT, 'examples/demo');
const FILE = 'diagnostic.gtec.yaml';

describe.skipIf(skipE2e)('Restricted Mode in code-server (e2e)', () => {
  let cs: CodeServer;
  beforeAll(async () => {
    cs = await startCodeServer({ from: DEMO, trusted: false, settings: { 'gtec.langue': 'fr' } });
  }, 240_000);
  afterAll(async () => cs?.close());

  test('one info « données non lues en mode restreint », no GTEC-E202, status in French', async () => {
    const { page, step } = cs;
    await step('restricted-open', () => cs.open(FILE, 'gtec: 1'));
    await step('restricted-status', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'GTEC' });
      await expect.poll(() => item.first().innerText(), { timeout: 45_000 }).toContain('mode restreint');
    });
    await step('restricted-problems', async () => {
      await page.keyboard.press('Control+Shift+M');
      const info = page.locator('.markers-panel .monaco-list-row', { hasText: 'GTEC-I432' });
      await info.first().waitFor();
      expect(await info.first().innerText()).toContain('Données non lues en mode restreint');
      expect(await info.count()).toBe(1);
      expect(await page.locator('.markers-panel .monaco-list-row', { hasText: 'GTEC-E202' }).count()).toBe(0);
    });
  }, 240_000);
});

/**
 * Contrast ratio (WCAG) of the first element matching `selector`: its text colour over its effective
 * background (translucent backgrounds composited up to the first opaque one). Plain JavaScript
 * source, run in the preview's frame (a transpiled function could carry helpers the page lacks).
 */
const CONTRAST = `(selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    const [r, g, b, a] = (m ? m[1] : '0,0,0,0').split(/[ ,/]+/).map(Number);
    return { r, g, b, a: a === undefined || Number.isNaN(a) ? 1 : a };
  };
  const el = document.querySelector(selector);
  if (!el) return { selector, ratio: 0, missing: true };
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const bg = parse(getComputedStyle(e).backgroundColor);
    if (bg.a > 0) layers.push(bg);
    if (bg.a >= 1) break;
  }
  const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a) });
  let base = { r: 255, g: 255, b: 255 };
  for (const l of layers.reverse()) base = over(l, base);
  const fg = over(parse(getComputedStyle(el).color), base);
  const lum = (c) => [c.r, c.g, c.b].map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }).reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(fg), lum(base)].sort((x, y) => y - x);
  return { selector, ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100, fg: getComputedStyle(el).color, bg: 'rgb(' + [base.r, base.g, base.b].map(Math.round).join(',') + ')' };
}`;

type Contrast = { selector: string; ratio: number; missing?: true; fg?: string; bg?: string };

describe.skipIf(skipE2e)('completion and preview themes in code-server (e2e)', () => {
  let cs: CodeServer;
  const saisie = 'saisie.gtec.yaml';
  beforeAll(async () => {
    cs = await startCodeServer({
      from: DEMO,
      trusted: true,
      settings: { 'gtec.langue': 'fr' },
      files: { [saisie]: 'gtec: 1\ntitre: Saisie\nterritoire:\n  nom: T\n  type: zone-emploi\n  codes: ["9901"]\nperiode:\n  debut: 2019\n  fin: 2024\nmetiers:\n  - code: ' },
    });
  }, 240_000);
  afterAll(async () => cs?.close());

  test('typing a ROME label opens the list, code and label on every row', async () => {
    const { page, step } = cs;
    await step('completion-open', async () => {
      await cs.open(saisie, 'metiers:');
      // The language server has validated this file with its referential loaded (status bar item
      // naming the referential), as a user would see: the ROME search can answer.
      const status = page.locator('.statusbar-item', { hasText: 'GTEC' }).first();
      await status.waitFor({ timeout: 120_000 });
      await expect.poll(() => status.innerText(), { timeout: 120_000, interval: 500 }).not.toMatch(/aucun référentiel|no referential/);
    });
    await step('completion-typing', async () => {
      const typed = 'aide soi';
      const rows = page.locator('.suggest-widget .monaco-list-row');
      await page.keyboard.press('Control+End');
      // Typing opens the list (never Ctrl+Space). Under load the first answer can come late or
      // empty: wait for the widget, and if it did not open, erase the value and type it again.
      let opened = false;
      for (let attempt = 0; attempt < 3 && !opened; attempt++) {
        if (attempt > 0) for (let i = 0; i < typed.length; i++) await page.keyboard.press('Backspace');
        await page.keyboard.type(typed, { delay: 80 });
        opened = await rows
          .first()
          .waitFor({ timeout: 45_000 })
          .then(
            () => true,
            () => false,
          );
      }
      expect(opened, 'la liste des métiers s’ouvre pendant la frappe').toBe(true);
      await expect.poll(() => rows.first().innerText(), { timeout: 60_000, interval: 250 }).toContain('J1501');
      // Every row shows code and label: checked on the settled list (rows are replaced as answers come).
      await expect
        .poll(
          async () => {
            const texts = await rows.allInnerTexts();
            return texts.length > 0 && texts.every((t) => /^[A-Z]\d{4}[\s\S]*\p{L}{3}/u.test(t)) && texts.join('\n').includes('Aide-soignant / Aide-soignante');
          },
          { timeout: 60_000, interval: 250 },
        )
        .toBe(true);
      const texts = await rows.allInnerTexts();
      for (const t of texts) expect(t).toMatch(/^[A-Z]\d{4}[\s\S]*\p{L}{3}/u);
      expect(texts.join('\n')).toContain('Aide-soignant / Aide-soignante');
      await page.keyboard.press('Escape');
    });
  }, 400_000);

  test('preview readable in light, dark and high-contrast themes', async () => {
    const { page, step } = cs;
    await step('themes-open', () => cs.open(FILE, 'gtec: 1'));
    await step('themes-preview', async () => {
      await cs.command('GTEC: Open Preview');
      await expect.poll(() => cs.preview().locator('body').innerText(), { timeout: 45_000 }).toContain('Valdorne');
    });
    const themes = ['Default Light Modern', 'Default Dark Modern', 'Default High Contrast', 'Default High Contrast Light'];
    for (const theme of themes) {
      await step(`theme-${theme.replaceAll(' ', '-')}`, async () => {
        const before = await cs
          .preview()
          .locator('body')
          .evaluate((b) => getComputedStyle(b).backgroundColor);
        // Ctrl+K Ctrl+T: the colour theme picker.
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+T');
        await page.locator('.quick-input-widget input').fill(theme);
        // The list starts with « Browse Additional Color Themes… », then the matching themes.
        await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        if (theme !== themes[0])
          await expect
            .poll(
              () =>
                cs
                  .preview()
                  .locator('body')
                  .evaluate((b) => getComputedStyle(b).backgroundColor),
              { timeout: 30_000 },
            )
            .not.toBe(before);
        await page.waitForTimeout(1000);
        const frame = cs.preview().locator('html');
        const ratios = await Promise.all(
          ['thead th', 'tbody tr:nth-child(even) td', 'main p, main li, main td', '.alerte li', '.alerte h3', 'tr.sans-action td'].map((s) => frame.evaluate(`(${CONTRAST})(${JSON.stringify(s)})`) as Promise<Contrast>),
        );
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `e2e-preview-${theme.replaceAll(' ', '-')}.png`) });
        for (const r of ratios.filter((x) => !('missing' in x))) expect({ theme, ...r, ok: r.ratio >= 4.5 }).toMatchObject({ theme, selector: r.selector, ok: true });
        expect(ratios.filter((x) => 'missing' in x).map((x) => x.selector)).not.toContain('thead th');
        expect(ratios.filter((x) => 'missing' in x).map((x) => x.selector)).not.toContain('.alerte li');
      });
    }
  }, 400_000);
});
