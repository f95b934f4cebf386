/**
 * A real VS Code for end-to-end tests: the packaged .vsix installed into a fresh code-server
 * (VS Code 1.100.3 served to a browser) on a copy of a folder, driven in Debian's Chromium by
 * playwright-core. Tools come from `npm run setup:e2e`; screenshots go to tests/artifacts/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
export const CODE_SERVER = path.join(ROOT, '.cache/code-server/node_modules/.bin/code-server');
export const CHROMIUM = '/usr/bin/chromium';
export const VSIX = path.join(ROOT, 'dist/gtec.vsix');

export const missingTools = [CODE_SERVER, CHROMIUM].filter((p) => !existsSync(p));
/** Skipped outside CI when the tools are absent (in CI their absence is an error). */
export const skipE2e = missingTools.length > 0 && !process.env.CI;
if (skipE2e) console.warn(`test e2e VS Code ignoré : absent(s) ${missingTools.join(', ')} — lancez « npm run setup:e2e »`);

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The palette's focused row once it is the command titled `title`. Enter runs the focused row, and
 * until the list is filtered that row may be a recently used command: a row that merely holds the
 * title (« View: Close All Editors in Group », or the unfiltered list of recent commands) is not enough.
 */
export const focusedCommand = (page: Page, title: string) =>
  // The whole label must be the title: once the list is filtered, the label of « View: Close All
  // Editors in Group » holds a highlight span whose text is exactly « View: Close All Editors ».
  page.locator('.quick-input-list .monaco-list-row.focused').filter({ has: page.locator('.label-name').filter({ hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });

let packaged = false;

export interface CodeServer {
  page: Page;
  workspace: string;
  /** The user settings file: writing it changes settings live (theme, language). */
  settingsFile: string;
  writeSettings(extra: Record<string, unknown>): void;
  /** Runs a step; on failure keeps a screenshot in tests/artifacts/e2e-<name>.png. */
  step<T>(name: string, f: () => Promise<T>): Promise<T>;
  /** Opens a file of the workspace by Quick Open and waits for its text. */
  open(file: string, text: string): Promise<void>;
  /** Runs a command by its palette title. */
  command(title: string): Promise<void>;
  /** Closes every editor (files, previews, the walkthrough) and waits until none is left. */
  closeAllEditors(): Promise<void>;
  /**
   * Waits for the suggestion row holding `label` at the cursor, asking for suggestions again
   * (Control+Space) while it does not show: typing opens the list only if the providers answer in
   * time (a language service still starting under load, the JSON service reading its schema).
   */
  suggestion(label: string): Promise<Locator>;
  /** The preview's page (the webview's inner frame). */
  preview(): FrameLocator;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Folder copied as the workspace. */
  from: string;
  /** Changes to the copy before start (relative path → text). */
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Workspace trust: false opens the folder in Restricted Mode. */
  trusted: boolean;
}

export async function startCodeServer(o: StartOptions): Promise<CodeServer> {
  if (missingTools.length) throw new Error(`CI : outils e2e absents (${missingTools.join(', ')}) ; « npm run setup:e2e » doit les installer`);
  if (!packaged) {
    // `npm test` has built extension/dist already; packaging only reads it.
    if (!['extension/dist/server.cjs', 'extension/dist/web/server.js'].every((f) => existsSync(path.join(ROOT, f)))) execFileSync('node', ['esbuild.config.js'], { cwd: ROOT, stdio: 'pipe' });
    execFileSync('npm', ['run', '--silent', 'package:vsix'], { cwd: ROOT, stdio: 'pipe' });
    packaged = true;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gtec-e2e-'));
  const workspace = path.join(tmp, 'ws');
  cpSync(o.from, workspace, { recursive: true });
  for (const [f, text] of Object.entries(o.files ?? {})) writeFileSync(path.join(workspace, f), text);
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdgdata') };
  const dirs = ['--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.join(tmp, 'ext')];
  execFileSync(CODE_SERVER, [...dirs, '--install-extension', VSIX], { env, stdio: 'pipe' });
  mkdirSync(path.join(tmp, 'ud/User'), { recursive: true });
  const settingsFile = path.join(tmp, 'ud/User/settings.json');
  const base = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': !o.trusted,
    // Untrusted without a prompt: the folder opens in Restricted Mode.
    'security.workspace.trust.startupPrompt': 'never',
    ...o.settings,
  };
  const writeSettings = (extra: Record<string, unknown>) => writeFileSync(settingsFile, JSON.stringify({ ...base, ...extra }));
  writeSettings({});
  const port = await freePort();
  const server: ChildProcess = spawn(CODE_SERVER, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...(o.trusted ? ['--disable-workspace-trust'] : []), ...dirs, workspace], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
  for (let i = 0; ; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 300 || server.exitCode !== null) throw new Error(`code-server ne répond pas sur le port ${port} (sortie : ${server.exitCode}) : ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const context: BrowserContext = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-chromium') },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(45_000);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor();

  const cs: CodeServer = {
    page,
    workspace,
    settingsFile,
    writeSettings,
    async step(name, f) {
      try {
        return await f();
      } catch (e) {
        mkdirSync(ARTIFACTS, { recursive: true });
        const shot = path.join(ARTIFACTS, `e2e-${name}.png`);
        await page.screenshot({ path: shot }).catch(() => undefined);
        throw new Error(`étape « ${name} » en échec (capture : ${path.relative(ROOT, shot)}) : ${(e as Error).message}`);
      }
    },
    async open(file, text) {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).waitFor();
      // Quick Open searches a file list that may not hold a file written a moment ago (« No
      // matching results » under load, while the explorer already shows it): each attempt opens it
      // again, which searches again.
      for (let attempt = 1; ; attempt++) {
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input').fill(file);
        try {
          await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 15_000 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
          await page.keyboard.press('Escape');
        }
      }
      await page.keyboard.press('Enter');
      // The file's own tab, not its preview's (« Aperçu <file> »).
      await page.locator(`.tabs-container .tab[data-resource-name="${file}"]`).waitFor();
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: text }).waitFor();
    },
    async command(title) {
      // The palette may not open (F1 pressed while the focus is inside a webview's frame) or close
      // at once (a panel that takes the focus as it updates): each attempt opens it, types the
      // command and waits for its row; a failed attempt brings the focus back to the workbench.
      const input = page.locator('.quick-input-widget input');
      const row = focusedCommand(page, title);
      for (let attempt = 1; ; attempt++) {
        try {
          await page.keyboard.press('F1');
          await input.fill(`>${title}`, { timeout: 10_000 });
          await row.waitFor({ timeout: 10_000 });
          await page.keyboard.press('Enter');
          return;
        } catch (e) {
          if (attempt === 5) throw e;
          await page.keyboard.press('Escape');
          await page
            .locator('.part.sidebar .title-label')
            .first()
            .click({ timeout: 5_000 })
            .catch(() => undefined);
        }
      }
    },
    async closeAllEditors() {
      await cs.command('View: Close All Editors');
      await page.locator('.editor-instance').first().waitFor({ state: 'detached' });
    },
    async suggestion(label) {
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first();
      await expect
        .poll(
          async () => {
            if (await row.isVisible()) return true;
            await page.keyboard.press('Escape');
            await page.keyboard.press('Control+Space');
            return row.waitFor({ timeout: 5000 }).then(
              () => true,
              () => false,
            );
          },
          { timeout: 90_000, interval: 1000 },
        )
        .toBe(true);
      return row;
    },
    preview: () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame'),
    async close() {
      await context.close().catch(() => undefined);
      server.kill();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  return cs;
}
