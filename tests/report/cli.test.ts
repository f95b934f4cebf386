import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { vegaCanvasSansCanvas } from '../../scripts/esbuild-vega-canvas.js';

// The CLI bundle is built as esbuild.config.js builds dist/cli/gtec.cjs (same plugin), into a
// private folder: other test files may rebuild dist/ at the same time.
const RACINE = path.resolve(__dirname, '../..');
const FIXTURES = path.join(RACINE, 'tests/fixtures/report');
let gtec = '';
let temp = '';
beforeAll(async () => {
  temp = mkdtempSync(path.join(tmpdir(), 'gtec-diagnostic-'));
  gtec = path.join(temp, 'gtec.cjs');
  await build({
    entryPoints: [path.join(RACINE, 'cli/gtec.ts')],
    outfile: gtec,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    plugins: [vegaCanvasSansCanvas],
  });
});

function run(args: string[]) {
  const r = spawnSync(process.execPath, [gtec, ...args], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, GTEC_LANG: '', GTEC_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sortie = (nom: string) => path.join(temp, nom);

describe('gtec diagnostic (end to end)', () => {
  it('writes the three reports, prints problems and what it wrote, exit 0', () => {
    const r = run(['diagnostic', 'petit/diagnostic.gtec.yaml', '--sortie', sortie('a')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lignes = r.out.trimEnd().split('\n');
    expect(lignes).toContainEqual(expect.stringMatching(/^1 fichier vérifié : 0 erreur, /));
    expect(lignes.slice(-3)).toEqual([
      expect.stringMatching(new RegExp(`^écrit : ${sortie('a')}/rapport\\.html \\(\\d+ Kio\\)$`)),
      expect.stringMatching(new RegExp(`^écrit : ${sortie('a')}/diagnostic\\.xlsx \\(\\d+ Kio\\)$`)),
      expect.stringMatching(new RegExp(`^écrit : ${sortie('a')}/diagnostic\\.json \\(\\d+ Kio\\)$`)),
    ]);
    // With the manifest of what gtec wrote (cli/write-outputs.ts).
    expect(readdirSync(sortie('a')).sort()).toEqual(['.gtec-sortie.json', 'diagnostic.json', 'diagnostic.xlsx', 'rapport.html']);
  });

  it('computes the expected families (hand-computed in the fixture’s header)', () => {
    const json = JSON.parse(readFileSync(path.join(sortie('a'), 'diagnostic.json'), 'utf8'));
    expect(json.familles['en-crise']).toEqual(['H2402']);
    expect(json.familles.fragile).toEqual(['H2402']);
    expect(json.familles.porteur).toEqual(['H2913', 'J1501']);
    const h2402 = json.metiers.find((m: { indicateurs: { code: string } }) => m.indicateurs.code === 'H2402');
    // (200 / 300)^(1/5) − 1 = exp(ln(2/3) / 5) − 1 = −0.077892
    expect(h2402.indicateurs.tcam.valeur).toBeCloseTo(-0.077892, 5);
  });

  it('keeps hostile labels from the diagnostic file as text in HTML and neutralised in xlsx', async () => {
    const html = readFileSync(path.join(sortie('a'), 'rapport.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Soudeur');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Petit bassin de test &lt;b&gt;gras&lt;/b&gt;');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(sortie('a'), 'diagnostic.xlsx')) as unknown as ExcelJS.Buffer);
    const fiche = wb.getWorksheet('Plan d’action')!.getRow(2).getCell(2);
    expect(fiche.type).toBe(ExcelJS.ValueType.String);
    expect(fiche.value).toBe(`'=HYPERLINK("http://exemple.invalid","clic")`);
    // The workbook is dated by the diagnostic's own date (2025-03-15), not by the clock.
    expect(wb.created?.toISOString()).toBe('2025-03-15T00:00:00.000Z');
  });

  it('gives byte-identical reports from one run to the next', () => {
    const r = run(['diagnostic', 'petit/diagnostic.gtec.yaml', '--sortie', sortie('b')]);
    expect(r.code).toBe(0);
    for (const f of ['rapport.html', 'diagnostic.xlsx', 'diagnostic.json']) {
      expect(Buffer.compare(readFileSync(path.join(sortie('a'), f)), readFileSync(path.join(sortie('b'), f))), f).toBe(0);
    }
  });

  it('--format json writes only the JSON; --lang en writes an English report', () => {
    expect(run(['diagnostic', 'petit/diagnostic.gtec.yaml', '--sortie', sortie('c'), '--format', 'json']).code).toBe(0);
    expect(readdirSync(sortie('c')).sort()).toEqual(['.gtec-sortie.json', 'diagnostic.json']);
    const r = run(['--lang', 'en', 'diagnostic', 'petit/diagnostic.gtec.yaml', '--sortie', sortie('d'), '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1 file checked: 0 errors, /m);
    expect(r.out).toContain(`written: ${sortie('d')}/rapport.html`);
    expect(readFileSync(path.join(sortie('d'), 'rapport.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('exit 1 and no report when errors prevent the result', () => {
    const r = run(['diagnostic', 'invalide.gtec.yaml', '--sortie', sortie('e')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^invalide\.gtec\.yaml:\d+:\d+: erreur GTEC-E/m);
    expect(r.err).toBe('gtec : aucun rapport écrit : corrigez les erreurs ci-dessus.\n');
    expect(existsSync(sortie('e'))).toBe(false);
  });

  it('exit 2 with one sentence, no stack trace, for usage and file errors', () => {
    const format = run(['diagnostic', 'petit/diagnostic.gtec.yaml', '--sortie', sortie('f'), '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.err).toBe('gtec : format inconnu « pdf » : html, xlsx ou json attendu\n');
    const absent = run(['diagnostic', 'absent.gtec.yaml', '--sortie', sortie('f')]);
    expect(absent.code).toBe(2);
    expect(absent.err).toBe('gtec : absent.gtec.yaml : lecture impossible (ENOENT)\n');
    const sansSortie = run(['diagnostic', 'petit/diagnostic.gtec.yaml']);
    expect(sansSortie.code).toBe(2);
    expect(sansSortie.err).toMatch(/--sortie/);
    // An output path under a regular file cannot be created.
    const sousFichier = run(['diagnostic', 'petit/diagnostic.gtec.yaml', '--sortie', 'petit/diagnostic.gtec.yaml/x']);
    expect(sousFichier.code).toBe(2);
    expect(sousFichier.err).toMatch(/^gtec : petit\/diagnostic\.gtec\.yaml\/x : création du dossier impossible \(E[A-Z]+\)\n$/);
    for (const r of [format, absent, sansSortie, sousFichier]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});
