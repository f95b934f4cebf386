/**
 * The web build (manifest `browser` entry: what vscode.dev and github.dev run) in code-server's web
 * worker extension host, with the packaged .vsix. The user setting `remote.extensionKind`
 * (`{ "gtec-toolkit.gtec": ["web"] }`) makes VS Code 1.100 run the extension as a web extension:
 * for a kind `web` installed on the remote, the browser's extension host picker chooses the local
 * web worker (extensions/browser/extensionService.ts, BrowserExtensionHostKindPicker). Checked here:
 * the Running Extensions view says "web worker" for GTEC and no Node language server process runs;
 * the language server (in a Web Worker, validating in a nested one) publishes real diagnostics,
 * with their line and their link to erreurs.md, also for a closed file (workspace diagnostics
 * through `workspace.findFiles`); completion works; data files
 * are read through `vscode.workspace.fs` (the demo's CSV files: no false « introuvable », the
 * preview shows the figures computed from them; a `$donnees/…` path in the folder `gtec.donnees`
 * declares; a broken CSV: its real data-file error) with the rules of the Node host as far as
 * they apply (a symbolic link is refused: GTEC-E231); the xlsx export is written; a restarted
 * server diagnoses the next edit; Restricted Mode reads no data file, without false errors.
 * Screenshots: tests/artifacts/e2e-web-*.png.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTIFACTS, type CodeServer, ROOT, skipE2e, startCodeServer } from './code-server.js';

const DEMO = path.join(ROOT, 'examples/demo');
const FILE = 'diagnostic.gtec.yaml';
const ERREUR = 'erreur.gtec.yaml';
const SAISIE = 'saisie.gtec.yaml';
const demo = readFileSync(path.join(DEMO, FILE), 'utf8');
/** The demo with its `titre` key misspelt: GTEC-E012 on that line. */
const erreur = demo.replace(/^titre:/m, 'titr:');
const errorLine = erreur.split(/\r?\n/).findIndex((l) => l.startsWith('titr:')) + 1;
/** The demo reading its employment file from the declared data folder (`gtec.donnees: data`). */
const DONNEES = 'donnees.gtec.yaml';
/** The demo reading its employment file through a symbolic link. */
const LIEN = 'lien.gtec.yaml';
const withEffectifs = (chemin: string) => demo.replace('chemin: data/effectifs.csv', `chemin: ${chemin}`);

/**
 * GTEC runs in the web worker extension host: the Running Extensions view says so (without the
 * setting, it shows the remote host), and the Node build's language server (dist/server.cjs of the
 * installed extension) was never started.
 */
async function expectWebWorker(cs: CodeServer, screenshot?: string): Promise<void> {
  const { page } = cs;
  await cs.command('Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'GTEC' });
  await expect.poll(() => row.first().innerText(), { timeout: 45_000 }).toContain('web worker');
  if (screenshot) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, screenshot) });
  }
  const ext = path.join(path.dirname(cs.workspace), 'ext');
  const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  expect(processes.split('\n').filter((l) => l.includes(ext) && l.includes('server.cjs'))).toEqual([]);
  await page.keyboard.press('Control+W');
}

describe.skipIf(skipE2e)('web extension in the web worker extension host of code-server (e2e)', () => {
  let cs: CodeServer;
  beforeAll(async () => {
    cs = await startCodeServer({
      from: DEMO,
      trusted: true,
      settings: { 'gtec.langue': 'fr', 'gtec.donnees': 'data', 'remote.extensionKind': { 'gtec-toolkit.gtec': ['web'] } },
      files: {
        [ERREUR]: erreur,
        [DONNEES]: withEffectifs('$donnees/effectifs.csv'),
        [LIEN]: withEffectifs('data/lien.csv'),
        [SAISIE]: 'gtec: 1\ntitre: Saisie\nterritoire:\n  nom: T\n  type: zone-emploi\n  codes: ["9901"]\nperiode:\n  debut: 2019\n  fin: 2024\nmetiers:\n  - code: ',
      },
    });
    // Before any GTEC file opens (the extension activates on the first one).
    symlinkSync('effectifs.csv', path.join(cs.workspace, 'data/lien.csv'));
  }, 240_000);
  afterAll(async () => cs?.close());

  test('runs in the web worker: diagnostics, completion, data files through workspace.fs', async () => {
    const { page, step } = cs;
    await step('web-open', async () => {
      await cs.open(FILE, 'gtec: 1');
      await page.locator('.statusbar-item', { hasText: 'GTEC' }).first().waitFor({ timeout: 90_000 });
    });

    await step('web-running-location', () => expectWebWorker(cs, 'e2e-web-running-extensions.png'));

    const rows = (text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text });
    /** The Problems panel showing only the problems matching `text` (the list is virtual: rows out of view are not in the page). */
    const filter = async (text: string) => {
      const input = page.getByPlaceholder('Filter (e.g. text');
      await input.fill(text);
    };
    await step('web-diagnostics', async () => {
      await page.keyboard.press('Control+Shift+M');
      // The closed file's error (workspace diagnostics: findFiles, then its text through workspace.fs), with its line.
      await filter('GTEC-E012');
      await rows('GTEC-E012').first().waitFor({ timeout: 90_000 });
      const text = await rows('GTEC-E012').first().innerText();
      expect(text).toContain('« titr »');
      expect(text).toContain(`[Ln ${errorLine}, Col 1]`);
      // The code links to its section of the error catalogue shipped with the extension.
      const link = rows('GTEC-E012').first().locator('a', { hasText: 'GTEC-E012' });
      expect(await link.getAttribute('href')).toMatch(/\/dist\/erreurs\.md#L\d+$/);
      await link.click();
      await page.locator('.tabs-container .tab', { hasText: 'erreurs.md' }).waitFor();
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'GTEC-E012' }).waitFor();
      await page.keyboard.press('Control+W');
    });

    await step('web-data-read', async () => {
      // The link is refused (workspace.fs cannot tell where it leads): the only data-file error.
      await filter('GTEC-E2');
      await rows('GTEC-E231').first().waitFor({ timeout: 90_000 });
      expect(await rows('GTEC-E231').first().innerText()).toContain('« data/lien.csv » non lu : c’est un lien symbolique');
      // Every diagnostic had its full run (columns and values read): nothing missing or unreadable,
      // `$donnees/effectifs.csv` found in the declared folder.
      await page.waitForTimeout(5_000);
      expect(await rows('GTEC-E2').allInnerTexts()).toEqual([expect.stringContaining('GTEC-E231')]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-web-problems.png') });
      await filter('GTEC-I230');
      await page.waitForTimeout(1_000);
      expect(await rows('GTEC-I230').count()).toBe(0);
      await filter('');
    });

    await step('web-preview', async () => {
      // The report computed in the worker from the CSV files read through workspace.fs: 7 386 jobs in 2024 over 36 métiers.
      await cs.command('GTEC: Open Preview');
      await expect.poll(() => cs.preview().locator('body').innerText(), { timeout: 90_000 }).toMatch(/7\s386/);
      expect(await cs.preview().locator('body').innerText()).toMatch(/36\s+Métiers analysés/);
      // Vega's charts, rendered to SVG in the worker (no canvas there).
      expect(await cs.preview().locator('svg').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-web-preview.png') });
    });

    await step('web-export', async () => {
      // The xlsx report, computed in the worker (exceljs's browser build) and written through workspace.fs.
      await page.locator('.tabs-container .tab', { hasText: FILE }).first().click();
      await cs.command('GTEC: Export the Diagnostic');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Excel (xlsx)' }).first().waitFor();
      await page.keyboard.type('Excel');
      await page.keyboard.press('Enter');
      // The browser's save dialog: VS Code's own, a path in a quick input, proposed beside the diagnostic.
      await expect.poll(() => page.locator('.quick-input-widget input').inputValue()).toContain('diagnostic.rapport.xlsx');
      await page.keyboard.press('Enter');
      const xlsx = path.join(cs.workspace, 'diagnostic.rapport.xlsx');
      await expect.poll(() => existsSync(xlsx), { timeout: 90_000 }).toBe(true);
      await expect.poll(() => readFileSync(xlsx).subarray(0, 2).toString('latin1'), { timeout: 30_000 }).toBe('PK');
    });

    await step('web-data-broken', async () => {
      // A header renamed on disk: the watcher re-validates, and the error names the column the CSV lacks.
      const csv = path.join(cs.workspace, 'data/effectifs.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(';Effectif\r\n', ';Nombre\r\n'));
      await page.keyboard.press('Control+Shift+M');
      await filter('GTEC-E210');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'GTEC-E210' }).filter({ hasText: 'data/effectifs.csv' });
      await row.first().waitFor({ timeout: 90_000 });
      const text = await row.first().innerText();
      expect(text).toContain('« Effectif »');
      expect(text).toContain('« Nombre »');
      await filter('');
    });

    await step('web-validation-worker', async () => {
      // The server started its validation worker (a nested Web Worker): completion and hover are not kept waiting by a validation.
      await cs.command('Output: Show Output Channels...');
      await page.locator('.quick-input-widget input').fill('GTEC');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'GTEC' }).first().waitFor();
      await page.keyboard.press('Enter');
      const output = page.locator('.output-view .view-lines');
      await output.filter({ hasText: 'validation dans un Web Worker' }).waitFor();
      // …and it did not stop since (a failure would be logged, and validation would go back to the server's worker).
      expect(await output.innerText()).not.toContain('worker de validation');
    });

    await step('web-completion', async () => {
      await cs.open(SAISIE, 'metiers:');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('aide soi', { delay: 80 });
      const suggestions = page.locator('.suggest-widget .monaco-list-row');
      await suggestions.first().waitFor();
      await expect.poll(() => suggestions.first().innerText()).toContain('J1501');
      await page.keyboard.press('Escape');
    });

    await step('web-restart', async () => {
      // A restarted server (the same worker, initialized again) diagnoses the next edit.
      await cs.command('GTEC: Restart the Language Server');
      await page.waitForTimeout(2_000);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
      await page.keyboard.type('zzz: 1');
      await page.keyboard.press('Control+Shift+M');
      await filter('zzz');
      await rows('« zzz »').first().waitFor({ timeout: 90_000 });
    });
  }, 400_000);
});

describe.skipIf(skipE2e)('web extension in Restricted Mode (e2e)', () => {
  let cs: CodeServer;
  beforeAll(async () => {
    cs = await startCodeServer({ from: DEMO, trusted: false, settings: { 'gtec.langue': 'fr', 'remote.extensionKind': { 'gtec-toolkit.gtec': ['web'] } } });
  }, 240_000);
  afterAll(async () => cs?.close());

  test('no data file read: one info, no false GTEC-E202, status « mode restreint »', async () => {
    const { page, step } = cs;
    await step('web-restricted-open', () => cs.open(FILE, 'gtec: 1'));
    await step('web-restricted-status', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'GTEC' });
      await expect.poll(() => item.first().innerText(), { timeout: 90_000 }).toContain('mode restreint');
    });
    await step('web-restricted-running-location', () => expectWebWorker(cs));
    await step('web-restricted-problems', async () => {
      await page.keyboard.press('Control+Shift+M');
      const info = page.locator('.markers-panel .monaco-list-row', { hasText: 'GTEC-I432' });
      await info.first().waitFor();
      expect(await info.first().innerText()).toContain('Données non lues en mode restreint');
      expect(await info.count()).toBe(1);
      expect(await page.locator('.markers-panel .monaco-list-row', { hasText: 'GTEC-E202' }).count()).toBe(0);
    });
  }, 240_000);
});
