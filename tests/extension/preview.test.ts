/**
 * The preview's HTML in headless Chromium (Debian chromium + playwright-core): the report of a
 * diagnostic shows, the CSP is the one we set, and labels carrying HTML or script stay text.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderHtml } from '../../core/report/html.js';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { bodyDelta, contentSecurityPolicy, pageUpdate, problemsPage, webviewHtml } from '../../extension/src/preview/webview-html.js';
import { BASE, fixture, memoryWorkspace } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && !process.env.CI) console.warn('chromium absent (/usr/bin/chromium) — test de l’aperçu ignoré ; « npm run setup:e2e » l’installe');

/** The webview's API as VS Code provides it (postMessage, state), by a script with the page's nonce. */
const STUB = (state: string) =>
  `<script nonce="abc123">window.__posted = []; window.__state = ${state}; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } });</script>`;
const withStub = (html: string, state = 'null') => html.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1${STUB(state)}`);

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
    const stub = STUB('null');
    const page2 = webviewHtml(report, { cspSource: '', lang: 'fr', nonce: 'abc123' }).replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1${stub}`);
    await posted.setContent(page2);
    await posted.locator('tr', { hasText: 'FA2' }).first().click();
    expect(await posted.evaluate(() => (globalThis as unknown as { __posted: unknown[] }).__posted)).toEqual([{ type: 'loaded' }, { type: 'reveal', pointer: '/plan_action/1' }]);
    expect(await posted.evaluate(() => (globalThis as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(contentSecurityPolicy('', 'abc123')).toContain("script-src 'nonce-abc123'");
    await posted.close();
  });

  test('invalid file: the problems with their line, a click reveals the place; the state keeps the URI', async () => {
    const page3 = await browser.newPage();
    const html = problemsPage('Le diagnostic ne peut pas encore être calculé', [{ code: 'GTEC-E012', message: 'Clé « titr » inconnue', line: 3, pointer: '/titr' }], 'fr', (n) => `Ligne ${n}`);
    await page3.setContent(withStub(webviewHtml(html, { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'file:///ws/d.gtec.yaml' })));
    expect(await page3.locator('html').getAttribute('lang')).toBe('fr');
    const item = page3.locator('li', { hasText: 'GTEC-E012' });
    expect(await item.innerText()).toBe('Ligne 3 GTEC-E012 Clé « titr » inconnue');
    await item.click();
    expect(await page3.evaluate(() => (globalThis as unknown as { __posted: unknown[] }).__posted)).toEqual([{ type: 'loaded' }, { type: 'reveal', pointer: '/titr' }]);
    expect(await page3.evaluate(() => (globalThis as unknown as { __state: unknown }).__state)).toMatchObject({ uri: 'file:///ws/d.gtec.yaml' });
    await page3.close();
  });

  test('an update keeps the scroll position (webview state of the same document)', async () => {
    const tall = `<!DOCTYPE html><html><head></head><body>${'<p>ligne</p>'.repeat(400)}</body></html>`;
    const page4 = await browser.newPage();
    await page4.setContent(withStub(webviewHtml(tall, { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'u' }), JSON.stringify({ uri: 'u', scrollY: 900 })));
    expect(await page4.evaluate(() => window.scrollY)).toBe(900);
    await page4.close();
    // Another document's state does not scroll this one.
    const page5 = await browser.newPage();
    await page5.setContent(withStub(webviewHtml(tall, { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'v' }), JSON.stringify({ uri: 'u', scrollY: 900 })));
    expect(await page5.evaluate(() => window.scrollY)).toBe(0);
    await page5.close();
  });

  test('an `update` message updates the body in place (only what differs): scroll kept, title set, injected markup runs nothing', async () => {
    const page6 = await browser.newPage();
    const tall = (word: string) => `<!DOCTYPE html><html><head><title>Rapport ${word} &amp; co</title></head><body>${`<p>${word}</p>`.repeat(400)}</body></html>`;
    await page6.setContent(withStub(webviewHtml(tall('avant'), { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'u' })));
    await page6.evaluate(() => window.scrollTo(0, 1200));
    const update = pageUpdate(tall(`après${INJECTED}`));
    expect(update).toMatchObject({ type: 'update', title: `Rapport après${INJECTED} & co` });
    await page6.evaluate((m) => window.postMessage(m, '*'), update);
    await page6.waitForFunction(() => document.body.textContent?.includes('après'));
    expect(await page6.evaluate(() => [window.scrollY, document.title.startsWith('Rapport après'), document.body.textContent?.includes('avant')])).toEqual([1200, true, false]);
    await page6.waitForTimeout(100);
    expect(await page6.evaluate(() => (globalThis as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await page6.close();
    // Only what differs is replaced: an unchanged element keeps its node, a changed one its node too
    // when only its text or attributes changed; extra nodes are added or removed.
    const page7 = await browser.newPage();
    const two = (b: string) => `<!DOCTYPE html><html><head><title>t</title></head><body><main><p id="a">même</p>${b}</main></body></html>`;
    await page7.setContent(withStub(webviewHtml(two('<p id="b" data-x="1">avant</p><p>de trop</p>'), { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'u' })));
    await page7.evaluate(() => {
      for (const id of ['a', 'b']) (document.getElementById(id) as unknown as { mark: boolean }).mark = true;
    });
    await page7.evaluate((m) => window.postMessage(m, '*'), pageUpdate(two('<p id="b" data-y="2">après</p>')));
    await page7.waitForFunction(() => document.body.textContent?.includes('après'));
    expect(
      await page7.evaluate(() => {
        const b = document.getElementById('b') as HTMLElement & { mark?: boolean };
        return [(document.getElementById('a') as unknown as { mark?: boolean }).mark, b.mark, b.getAttribute('data-x'), b.getAttribute('data-y'), document.querySelectorAll('main p').length];
      }),
    ).toEqual([true, true, null, '2', 2]);
    await page7.close();
    // After a first update, the next ones carry what changed only (« v1 » → « version 2 »: « ersion 2 »); a delta the page has no base for asks for the whole body.
    const page8 = await browser.newPage();
    const doc = (t: string) => `<!DOCTYPE html><html><head><title>t</title></head><body><h1>${t}</h1>${'<p>même</p>'.repeat(200)}<footer>fin</footer></body></html>`;
    await page8.setContent(withStub(webviewHtml(doc('v0'), { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'u' })));
    const u1 = { ...pageUpdate(doc('v1'))!, seq: 1 };
    await page8.evaluate((m) => window.postMessage(m, '*'), u1);
    await page8.waitForFunction(() => document.querySelector('h1')?.textContent === 'v1');
    const d2 = bodyDelta(u1.body, pageUpdate(doc('version 2'))!, 1);
    expect([d2.body, d2.from, d2.seq, d2.keep![0] + d2.body.length + d2.keep![1]]).toEqual(['ersion 2', 1, 2, pageUpdate(doc('version 2'))!.body.length]);
    await page8.evaluate((m) => window.postMessage(m, '*'), d2);
    await page8.waitForFunction(() => document.querySelector('h1')?.textContent === 'version 2');
    expect(await page8.evaluate(() => [document.querySelectorAll('p').length, document.querySelector('footer')?.textContent])).toEqual([200, 'fin']);
    await page8.evaluate((m) => window.postMessage(m, '*'), { ...d2, from: 7, seq: 8, body: 'x' });
    await page8.waitForFunction(() => (globalThis as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'resync'));
    expect(await page8.evaluate(() => document.querySelector('h1')?.textContent)).toBe('version 2');
    await page8.close();
    // A page whose body carries attributes is loaded whole (no in-place update).
    expect(pageUpdate('<html><body style="margin:0">x</body></html>')).toBeUndefined();
  });

  test('scroll sync: a `scroll` message scrolls to the line, a scroll of the page posts the line at its top', async () => {
    // 200 elements of 40 px, element i on source line 10 i.
    const rows = Array.from({ length: 200 }, (_, i) => `<p style="height:40px;margin:0" data-pointeur="/x/${i}" data-line="${i * 10}">${i}</p>`).join('');
    const tall = `<!DOCTYPE html><html><head></head><body style="margin:0">${rows}</body></html>`;
    const p = await browser.newPage();
    await p.setContent(withStub(webviewHtml(tall, { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'u' })));
    const posted = () => p.evaluate(() => (globalThis as unknown as { __posted: Array<{ type: string; line?: number }> }).__posted.filter((m) => m.type === 'scrolled'));
    const frames = () => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Editor → preview: line 505 is half-way between elements 50 and 51.
    await p.evaluate(() => window.postMessage({ type: 'scroll', line: 505 }, '*'));
    await p.waitForFunction(() => window.scrollY > 0);
    expect(await p.evaluate(() => window.scrollY)).toBe(50 * 40 + 20);
    await frames();
    // The script's own scroll is not sent back to the editor.
    expect(await posted()).toEqual([]);
    // Preview → editor: the user scrolls to element 120.
    await p.evaluate(() => window.scrollTo(0, 120 * 40));
    await p.waitForFunction(() => (globalThis as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'scrolled'));
    expect(await posted()).toEqual([{ type: 'scrolled', line: 1200 }]);
    await p.close();
  });

  test('"voir les passerelles": the page opens at its anchor, not at the kept position', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<p style="height:40px;margin:0">${i}</p>`).join('');
    const tall = `<!DOCTYPE html><html><head></head><body style="margin:0">${rows}<h3 id="passerelles-H2913" style="margin:0">H2913</h3>${rows}</body></html>`;
    const p = await browser.newPage();
    await p.setContent(withStub(webviewHtml(tall, { cspSource: '', lang: 'fr', nonce: 'abc123', uri: 'u', anchor: 'passerelles-H2913' }), JSON.stringify({ uri: 'u', scrollY: 300 })));
    expect(await p.evaluate(() => window.scrollY)).toBe(4000);
    await p.close();
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
