/**
 * The report with hostile labels, opened in a real browser (Debian's Chromium through
 * playwright-core): no dialog opens, no request leaves the page, the DOM has no script or image,
 * and the hostile labels are visible as text. Skipped, with a message, when Chromium is absent
 * (`npm run setup:e2e` installs it).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../core/report/html.js';
import { INJECTIONS, resultatInjection } from '../fixtures/report/result.js';

const CHROMIUM = '/usr/bin/chromium';
const absent = !existsSync(CHROMIUM);
if (absent) console.warn(`test navigateur du rapport ignoré : ${CHROMIUM} absent — lancez « npm run setup:e2e »`);

describe.skipIf(absent)('rapport.html in Chromium', () => {
  let browser: Browser;
  let fichier = '';
  beforeAll(async () => {
    fichier = path.join(mkdtempSync(path.join(tmpdir(), 'gtec-rapport-')), 'rapport.html');
    writeFileSync(fichier, await renderHtml(resultatInjection(), { lang: 'fr' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs nothing, loads nothing, and shows hostile labels as text', async () => {
    const page = await browser.newPage();
    const dialogues: string[] = [];
    const requetes: string[] = [];
    page.on('dialog', async (d) => {
      dialogues.push(d.message());
      await d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(fichier).href) requetes.push(r.url());
    });
    await page.goto(pathToFileURL(fichier).href, { waitUntil: 'load' });
    expect(dialogues).toEqual([]);
    expect(requetes).toEqual([]);
    expect(await page.locator('script, img, iframe, object, embed, link').count()).toBe(0);
    // A string, evaluated in the page (the tests are type-checked without the DOM library).
    const attributsEvenement = await page.evaluate<number>("[...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')).length");
    expect(attributsEvenement).toBe(0);
    // The territory and the first métier carry the script label: it is text on the page.
    const texte = await page.locator('body').innerText();
    expect(texte).toContain(INJECTIONS.script);
    expect(texte).toContain(INJECTIONS.img);
    // Families, pyramids, TCAM, BMO, budget and the passerelle network.
    expect(await page.locator('figure svg').count()).toBe(6);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    await page.close();
  });
});
