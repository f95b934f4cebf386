/**
 * The workbook `gtec diagnostic` writes opens cleanly in another spreadsheet: LibreOffice headless
 * (Debian's libreoffice-calc-nogui) converts it to ODS and to CSV (every sheet) without error, and
 * the values it reads are the values exceljs reads back from the xlsx. Outside CI the test is
 * skipped when LibreOffice is absent; in CI (CI=true) it must be installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { build } from 'esbuild';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { vegaCanvasSansCanvas } from '../../scripts/esbuild-vega-canvas.js';

const RACINE = path.resolve(__dirname, '../..');
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
if (!SOFFICE) console.warn('LibreOffice absent (apt-get install libreoffice-calc-nogui) — test d’ouverture du classeur dans LibreOffice ignoré');

describe.skipIf(!SOFFICE && !process.env.CI)('classeur de `gtec diagnostic` ouvert par LibreOffice', () => {
  let temp = '';
  let xlsx = '';
  beforeAll(async () => {
    expect(SOFFICE, 'LibreOffice est requis en CI : apt-get install libreoffice-calc-nogui').toBeDefined();
    temp = mkdtempSync(path.join(tmpdir(), 'gtec-lo-'));
    const gtec = path.join(temp, 'gtec.cjs');
    await build({ entryPoints: [path.join(RACINE, 'cli/gtec.ts')], outfile: gtec, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', plugins: [vegaCanvasSansCanvas] });
    const r = spawnSync(process.execPath, [gtec, 'diagnostic', 'examples/demo/diagnostic.gtec.yaml', '--sortie', path.join(temp, 'sortie'), '--format', 'xlsx'], { cwd: RACINE, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    xlsx = path.join(temp, 'sortie', readdirSync(path.join(temp, 'sortie')).find((n) => n.endsWith('.xlsx'))!);
  });

  function soffice(...args: string[]) {
    // A private profile: no lock shared with another LibreOffice, no first-start dialogs.
    return spawnSync(SOFFICE!, [`-env:UserInstallation=file://${temp}/profil`, '--headless', '--norestore', ...args], { encoding: 'utf8', timeout: 120_000 });
  }

  it('conversion en ODS sans erreur', () => {
    const r = soffice('--convert-to', 'ods', '--outdir', path.join(temp, 'ods'), xlsx);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/error/i);
    const ods = path.join(temp, 'ods', path.basename(xlsx).replace(/\.xlsx$/, '.ods'));
    expect(statSync(ods).size).toBeGreaterThan(1000);
  });

  it('chaque feuille convertie en CSV a les valeurs que relit exceljs', async () => {
    // CSV filter: comma, ", UTF-8, from line 1, raw values (not as shown), every sheet (-1).
    const r = soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1', '--outdir', path.join(temp, 'csv'), xlsx);
    expect(r.status, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const base = path.basename(xlsx, '.xlsx');
    let cellules = 0;
    for (const ws of wb.worksheets) {
      const fichier = path.join(temp, 'csv', `${base}-${ws.name}.csv`);
      expect(existsSync(fichier), fichier).toBe(true);
      const lignes = parse(readFileSync(fichier, 'utf8'), { relax_column_count: true }) as string[][];
      ws.eachRow({ includeEmpty: true }, (row, i) => {
        row.eachCell({ includeEmpty: false }, (cell, j) => {
          const lu = lignes[i - 1]?.[j - 1] ?? '';
          const v = cell.value;
          const ou = `${ws.name}!${cell.address}`;
          // LibreOffice writes 15 significant digits, and a percent-formatted number with « % ».
          if (typeof v === 'number') {
            const n = lu.endsWith('%') ? Number(lu.slice(0, -1)) / 100 : Number(lu);
            expect(Math.abs(n - v), `${ou} : ${lu} ≠ ${v}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
          } else if (typeof v === 'boolean') expect(lu, ou).toBe(v ? 'TRUE' : 'FALSE');
          else if (v instanceof Date) expect(lu, ou).not.toBe('');
          else if (v === null || v === undefined) expect(lu).toBe('');
          else expect(lu, ou).toBe(typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : String(v));
          cellules++;
        });
      });
    }
    expect(cellules).toBeGreaterThan(200);
  });
});
