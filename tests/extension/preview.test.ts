/**
 * The preview's HTML in headless Chromium (Debian chromium + playwright-core): the report of a
 * diagnostic shows, the CSP is the one we set, and labels carrying HTML or script stay text.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderHtml } from '../../core/report/html.js';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { contentSecurityPolicy, webviewHtml } from '../../extension/src/preview/webview-html.js';
import { BASE, fixture, memoryWorkspace } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && !process.env.CI) console.warn('chromium absent (/usr/bin/chromium) — test de l’aperçu ignoré ; « npm run setup:e2e » l’installe');

const INJECTED = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;

describe.skipIf(!present && !process.env.CI)('preview HTML in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('console', (m) => violations.push(m.text()));
    // No request may leave the page (no remote content).
    await page.route('**/*', (route) => (violations.push(`request ${route.request().url()}`), route.abort()));
  });
  afterAll(async () => browser?.close());

  test('the report shows; an injected label stays text and runs nothing', async () => {
    const ls = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' } });
    const text = BASE.replace('titre: Bassin de test   # le titre', `titre: ${JSON.stringify(INJECTED)}`);
    const { result } = await ls.analyze(fixture(text).doc);
    expect(result).toBeDefined();
    const html = webviewHtml(await renderHtml(result!, { lang: 'fr' }), { cspSource: '', lang: 'fr' });
    await page.setContent(html);
    expect(await page.locator('h1').first().innerText()).toBe(INJECTED);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('body').innerText()).toContain('Bassin test');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((m) => m.map((x) => x.getAttribute('content')));
    expect(csp).toEqual([contentSecurityPolicy('')]);
  });

  test("click-to-source: only the nonce'd script runs, and a click on a fiche posts its pointer", async () => {
    const ls = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' } });
    const text = `${BASE.replace('titre: Bassin de test   # le titre', `titre: ${JSON.stringify(INJECTED)}`)}plan_action:
  - id: FA1
    titre: Former
    objectifs: [x]
  - id: FA2
    titre: ${JSON.stringify(INJECTED)}
    objectifs: [y]
`;
    const { doc } = fixture(text);
    const { result } = await ls.analyze(doc);
    const report = await renderHtml(result!, { lang: 'fr', liens: { source: ls.parsed(doc).value } });
    const posted = await browser.newPage();
    // The webview's API, as VS Code provides it, defined by a script with the page's nonce just
    // after the CSP meta (so before the preview's own script).
    const stub = `<script nonce="abc123">window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m) });</script>`;
    const page2 = webviewHtml(report, { cspSource: '', lang: 'fr', nonce: 'abc123' }).replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1${stub}`);
    await posted.setContent(page2);
    await posted.locator('tr', { hasText: 'FA2' }).first().click();
    expect(await posted.evaluate(() => (globalThis as unknown as { __posted: unknown[] }).__posted)).toEqual([{ type: 'reveal', pointer: '/plan_action/1' }]);
    expect(await posted.evaluate(() => (globalThis as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(contentSecurityPolicy('', 'abc123')).toContain("script-src 'nonce-abc123'");
    await posted.close();
  });

  test('the CSP holds even if a script slipped into the report unescaped', async () => {
    const leaked = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src *; script-src 'unsafe-inline'"></head><body><h1>x</h1>${INJECTED}<link rel="stylesheet" href="https://example.org/x.css"></body></html>`;
    violations.length = 0;
    await page.setContent(webviewHtml(leaked, { cspSource: '', lang: 'fr' }));
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    // Chromium reports each blocked script and resource on the console.
    expect(violations.some((v) => v.includes('Content Security Policy'))).toBe(true);
    expect(violations.some((v) => v.startsWith('request https://example.org'))).toBe(false);
  });
});
