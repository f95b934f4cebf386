/**
 * End to end in a real VS Code: the packaged .vsix is installed into a fresh code-server (VS Code
 * 1.100.3 served to a browser), a copy of the demo diagnostic with an unknown key `titr` is opened
 * in Debian's Chromium driven by playwright-core, and we check what a user sees: the Problems
 * panel lists GTEC-E012 at the right line, the quick fix renames the key, the preview shows the
 * report. Tools come from `npm run setup:e2e`. Screenshots of failures: tests/artifacts/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTIFACTS, CHROMIUM, CODE_SERVER, focusedCommand, freePort, missingTools, ROOT, skipE2e, VSIX } from './code-server.js';

const FILE = 'diagnostic.gtec.yaml';

describe.skipIf(skipE2e)('extension VS Code dans code-server (e2e)', () => {
  let tmp: string;
  let workspace: string;
  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let port: number;
  let errorLine: number;
  let ficheLine: number;
  const timings: Record<string, number> = {};
  const t0 = Date.now();

  /** Runs a step; on failure keeps a screenshot of the workbench in tests/artifacts/. */
  async function step<T>(name: string, f: () => Promise<T>): Promise<T> {
    const start = Date.now();
    try {
      return await f();
    } catch (e) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = path.join(ARTIFACTS, `e2e-${name}.png`);
      await page?.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`étape « ${name} » en échec (capture : ${path.relative(ROOT, shot)}) : ${(e as Error).message}`);
    } finally {
      timings[name] = Date.now() - start;
    }
  }

  beforeAll(async () => {
    if (missingTools.length) throw new Error(`CI : outils e2e absents (${missingTools.join(', ')}) ; « npm run setup:e2e » doit les installer`);
    const start = Date.now();
    // `npm test` has built extension/dist already; packaging only reads it (other test files use it too).
    if (!existsSync(path.join(ROOT, 'extension/dist/server.cjs'))) execFileSync('node', ['esbuild.config.js'], { cwd: ROOT, stdio: 'pipe' });
    execFileSync('npm', ['run', '--silent', 'package:vsix'], { cwd: ROOT, stdio: 'pipe' });
    timings.package = Date.now() - start;

    tmp = mkdtempSync(path.join(os.tmpdir(), 'gtec-e2e-'));
    workspace = path.join(tmp, 'ws');
    cpSync(path.join(ROOT, 'examples/demo'), workspace, { recursive: true });
    // The error under test: `titre` misspelled `titr`.
    const text = readFileSync(path.join(workspace, FILE), 'utf8').replace(/^titre:/m, 'titr:');
    errorLine = text.slice(0, text.indexOf('\ntitr:') + 1).split('\n').length;
    // Click-to-source target: the second fiche action, `- id: FA2` (its map starts at `id`).
    ficheLine = text.slice(0, text.indexOf('\n  - id: FA2\n') + 1).split('\n').length;
    writeFileSync(path.join(workspace, FILE), text);

    const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdgdata') };
    const dirs = ['--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.join(tmp, 'ext')];
    const installStart = Date.now();
    execFileSync(CODE_SERVER, [...dirs, '--install-extension', VSIX], { env, stdio: 'pipe' });
    timings.install = Date.now() - installStart;
    mkdirSync(path.join(tmp, 'ud/User'), { recursive: true });
    writeFileSync(
      path.join(tmp, 'ud/User/settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'security.workspace.trust.enabled': false,
        'gtec.langue': 'en',
      }),
    );
    port = await freePort();
    server = spawn(CODE_SERVER, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...dirs, workspace], { env, stdio: 'ignore' });
    for (let i = 0; ; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 300 || server.exitCode !== null) throw new Error(`code-server ne répond pas sur le port ${port}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-chromium') },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(45_000);
  }, 240_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    server?.kill();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    console.log(`e2e VS Code : ${((Date.now() - t0) / 1000).toFixed(1)} s au total ; étapes (ms) ${JSON.stringify(timings)}`);
  });

  test('diagnostics in the Problems panel, quick fix, preview, click-to-source', async () => {
    await step('workbench', async () => {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).waitFor();
    });

    await step('open-file', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.fill(FILE);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: FILE }).waitFor();
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'gtec: 1' }).waitFor();
    });

    await step('problems', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'GTEC-E012' });
      await row.first().waitFor();
      const text = await row.first().innerText();
      expect(text).toContain('"titr"');
      expect(text).toContain(`[Ln ${errorLine}, Col 1]`);
    });

    await step('quick-fix', async () => {
      // Cursor on the key: Quick Open `:line` puts it at column 1 of the line, where `titr` starts.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(`:${errorLine}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace with "titre"' });
      // The action list never counts as "stable" for a click: it is focused, Enter applies its first row.
      await fix.first().waitFor({ state: 'attached' });
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'titre: Diagnostic' }).waitFor();
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'GTEC-E012' }).waitFor({ state: 'detached' });
    });

    await step('preview', async () => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>GTEC: Open Preview');
      await focusedCommand(page, 'GTEC: Open Preview').waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: `Preview ${FILE}` }).waitFor();
      const body = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
      await expect.poll(() => body.innerText(), { timeout: 45_000 }).toContain('Valdorne');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-preview.png') });
    });

    await step('click-to-source', async () => {
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await frame.locator('tr[data-pointeur="/plan_action/1"] th').first().click();
      // The editor beside gets the focus, its cursor on the fiche's first line (`id: FA2`, column 5).
      const selection = page.locator('#status\\.editor\\.selection');
      await expect.poll(() => selection.innerText(), { timeout: 45_000 }).toMatch(new RegExp(`^Ln ${ficheLine}, Col 5\\b`));
    });
  }, 240_000);
});
