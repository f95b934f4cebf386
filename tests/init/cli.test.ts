/**
 * `gtec init` from the built CLI (dist/cli/gtec.cjs, `npm run build` first): each territory level,
 * ambiguous and unknown names, refusal to overwrite, usage without a terminal, data out of reach,
 * the DARES Portrait folder (`--dares`, on the small files of tests/fixtures/dares); then, on the
 * official BMO 2024 workbook and the real DARES files, `gtec check` and `gtec diagnostic` on what it
 * wrote (the region with --dares --rome gives the métiers and passerelles of examples/reel-region).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bmoWorkbook } from './workbook.js';

const ROOT = path.resolve(__dirname, '../..');
const GTEC = path.join(ROOT, 'dist/cli/gtec.cjs');
const DIR = mkdtempSync(path.join(tmpdir(), 'gtec-init-'));

/** Runs the CLI without blocking the test worker (the real workbook takes seconds to read). */
function gtec(args: string[], cwd = DIR, env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    // stdin is not a terminal here: a missing argument is a usage error, never a question.
    const child = spawn(process.execPath, [GTEC, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GTEC_LANG: '', GTEC_DONNEES: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
const lire = (f: string) => parse(readFileSync(path.join(DIR, f), 'utf8'));

beforeAll(async () => {
  if (!existsSync(GTEC)) throw new Error('dist/cli/gtec.cjs is missing: run `npm run build` first');
  writeFileSync(path.join(DIR, 'bmo.xlsx'), await bmoWorkbook());
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('gtec init', () => {
  it.each([
    ['bassin.gtec.yaml', ['--bassin', 'saint nazaire'], { type: 'bassin-bmo', codes: ['5225'], reference: { type: 'region', codes: ['52'] } }],
    ['departement.gtec.yaml', ['--departement', '44'], { type: 'departement', codes: ['44'], reference: { type: 'region', codes: ['52'] } }],
    ['region.gtec.yaml', ['--region', 'Pays-de-la-Loire'], { type: 'region', codes: ['52'], reference: { type: 'france', codes: [] } }],
    ['france.gtec.yaml', ['--france'], { nom: 'France', type: 'france', codes: [] }],
  ])('%s: writes the territory and its reference', async (fichier, args, territoire) => {
    const r = await gtec(['init', fichier, ...args, '--bmo', 'bmo.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`écrit : ${fichier}`);
    const doc = lire(fichier);
    expect(doc.territoire).toMatchObject(territoire);
    expect(doc.sources[0]).toMatchObject({ chemin: 'bmo.xlsx', preset: 'bmo-officiel', nomenclature: 'fap2021' });
    expect(doc.plan_action).toEqual([]);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the files it writes pass gtec check as they are', async () => {
    const r = await gtec(['check', 'bassin.gtec.yaml', 'departement.gtec.yaml', 'region.gtec.yaml', 'france.gtec.yaml']);
    expect(r.out).toContain('4 fichiers vérifiés : 0 erreur');
    expect(r.code).toBe(0);
  });

  it('several bassins for one name: listed with their codes, exit 1, nothing written', async () => {
    const r = await gtec(['init', 'saint.gtec.yaml', '--bassin', 'saint', '--bmo', 'bmo.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('GTEC-E502');
    expect(r.err).toContain('5225 SAINT NAZAIRE');
    expect(r.err).toContain('2824 SAINT LO COUTANCES');
    expect(existsSync(path.join(DIR, 'saint.gtec.yaml'))).toBe(false);
  });

  it('an unknown name: the closest names, in English with --lang en', async () => {
    const r = await gtec(['--lang', 'en', 'init', 'x.gtec.yaml', '--bassin', 'st nazere', '--bmo', 'bmo.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error GTEC-E501');
    expect(r.err).toContain('Did you mean: 5225 SAINT NAZAIRE?');
    expect(existsSync(path.join(DIR, 'x.gtec.yaml'))).toBe(false);
  });

  it('never overwrites an existing file', async () => {
    writeFileSync(path.join(DIR, 'existant.gtec.yaml'), 'mon travail\n');
    const r = await gtec(['init', 'existant.gtec.yaml', '--france', '--bmo', 'bmo.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('GTEC-E503');
    expect(readFileSync(path.join(DIR, 'existant.gtec.yaml'), 'utf8')).toBe('mon travail\n');
  });

  it('without a terminal, a missing argument is a usage error (exit 2), not a question', async () => {
    const sansTerritoire = await gtec(['init', 'y.gtec.yaml', '--bmo', 'bmo.xlsx']);
    expect(sansTerritoire.code).toBe(2);
    expect(sansTerritoire.err).toContain('territoire manquant');
    const sansBmo = await gtec(['init', 'y.gtec.yaml', '--france']);
    expect(sansBmo.code).toBe(2);
    expect(sansBmo.err).toContain('--bmo');
    expect((await gtec(['init', 'y.gtec.yaml', '--france', '--region', '52', '--bmo', 'bmo.xlsx'])).code).toBe(2);
    expect(existsSync(path.join(DIR, 'y.gtec.yaml'))).toBe(false);
    const nom = await gtec(['init', 'y.yaml', '--france', '--bmo', 'bmo.xlsx']);
    expect([nom.code, nom.err]).toEqual([2, expect.stringContaining('.gtec.yaml')]);
  });

  it('a data file outside the new file’s folder: $donnees/… inside the declared data folder, else refused with the way out', async () => {
    const sub = path.join(DIR, 'diag');
    const refus = await gtec(['init', 'diag/z.gtec.yaml', '--france', '--bmo', 'bmo.xlsx']);
    expect(refus.code).toBe(1);
    expect(refus.err).toContain('GTEC-E504');
    expect(refus.err).toContain('--donnees');
    expect(existsSync(sub)).toBe(false);
    const ok = await gtec(['init', 'diag/z.gtec.yaml', '--france', '--bmo', 'bmo.xlsx'], DIR, { GTEC_DONNEES: DIR });
    expect(ok.code).toBe(0);
    expect(lire('diag/z.gtec.yaml').sources[0].chemin).toBe('$donnees/bmo.xlsx');
    expect(ok.out).toContain(`gtec check --donnees ${DIR} diag/z.gtec.yaml`);
  });

  it('a tension file is recognised by its headers, an unknown one refused', async () => {
    writeFileSync(path.join(DIR, 'tension.csv'), 'annee,code_rome_v3,libelle_rome_v3,code_bassin_2019,libelle_bassin_2019,offres_emploi,demandeurs_abc,classe_tension\n2020,H2913,Soudage,5225,SAINT NAZAIRE,40,35,4\n');
    writeFileSync(path.join(DIR, 'autre.csv'), 'metier,classe\nH2913,4\n');
    const ok = await gtec(['init', 't.gtec.yaml', '--bassin', '5225', '--bmo', 'bmo.xlsx', '--tension', 'tension.csv']);
    expect(ok.code).toBe(0);
    expect(lire('t.gtec.yaml').sources[1]).toMatchObject({ chemin: 'tension.csv', preset: 'tension-ft-rome-bassin' });
    const refus = await gtec(['init', 'u.gtec.yaml', '--bassin', '5225', '--bmo', 'bmo.xlsx', '--tension', 'autre.csv']);
    expect(refus.code).toBe(1);
    expect(refus.err).toContain('GTEC-E506');
  });
});

describe('gtec init --dares', () => {
  const FIX = path.join(ROOT, 'tests/fixtures/dares');
  // The Portrait folder under its published names; the crosswalk in a `correspondances` folder beside it, as ../shared/data lays them out.
  beforeAll(() => {
    const d = path.join(DIR, 'dares-portrait');
    mkdirSync(d, { recursive: true });
    copyFileSync(path.join(FIX, 'input_carte1.csv'), path.join(d, 'input_carte1.csv'));
    copyFileSync(path.join(FIX, 'effectifs_3niv.csv'), path.join(d, 'effectifs_3niv.csv'));
    copyFileSync(path.join(FIX, 'age_fap225.csv'), path.join(d, 'age_agrege_1982_1984_2017_2019_restructure_fap225.csv'));
    copyFileSync(path.join(FIX, 'evol_mmo.csv'), path.join(d, 'evol_mmo.csv'));
    mkdirSync(path.join(DIR, 'correspondances'), { recursive: true });
    copyFileSync(path.join(FIX, 'fap2009_rome_v3.csv'), path.join(DIR, 'correspondances/fap2009_rome_v3.csv'));
    mkdirSync(path.join(DIR, 'sans-table/dares'), { recursive: true });
    copyFileSync(path.join(FIX, 'effectifs_3niv.csv'), path.join(DIR, 'sans-table/dares/effectifs_3niv.csv'));
    mkdirSync(path.join(DIR, 'vide'), { recursive: true });
    writeFileSync(path.join(DIR, 'vide/LISEZMOI.md'), 'rien\n');
  });

  it('a région: regional employment, national series and ages on FAP 87 families, and gtec check passes', async () => {
    const r = await gtec(['init', 'dares-region.gtec.yaml', '--region', '52', '--bmo', 'bmo.xlsx', '--dares', 'dares-portrait']);
    expect([r.code, r.err]).toEqual([0, '']);
    const doc = lire('dares-region.gtec.yaml');
    expect(doc.nomenclature).toBe('fap2009');
    expect(doc.periode).toEqual({ debut: 2012, fin: 2017 });
    expect(doc.sources.map((s: { id: string; chemin: string; niveau?: string; portee?: string }) => [s.id, s.chemin, s.niveau, s.portee])).toEqual([
      ['emploi-region-2017', 'dares-portrait/input_carte1.csv', 'fap87', undefined],
      ['emploi-national', 'dares-portrait/effectifs_3niv.csv', 'fap87', 'nationale'],
      ['ages-national', 'dares-portrait/age_agrege_1982_1984_2017_2019_restructure_fap225.csv', 'fap87', 'nationale'],
      ['bmo-2024', 'bmo.xlsx', undefined, undefined],
    ]);
    const c = await gtec(['check', 'dares-region.gtec.yaml']);
    expect(c.out).toContain('1 fichier vérifié : 0 erreur');
    expect(c.code).toBe(0);
  });

  it('a bassin: the national series only, said in a comment; with --rome, the crosswalk beside the folder and the passerelles', async () => {
    const r = await gtec(['init', 'dares-bassin.gtec.yaml', '--bassin', 'saint nazaire', '--bmo', 'bmo.xlsx', '--dares', 'dares-portrait', '--rome', path.join(ROOT, 'tests/fixtures/referentiel/mini-rome')], DIR, { GTEC_DONNEES: ROOT });
    expect([r.code, r.err]).toEqual([0, '']);
    const text = readFileSync(path.join(DIR, 'dares-bassin.gtec.yaml'), 'utf8');
    expect(text).toContain('seules les séries NATIONALES (emploi, âges) sont déclarées');
    const doc = parse(text);
    expect(doc.sources.map((s: { id: string }) => s.id)).toEqual(['emploi-national', 'ages-national', 'bmo-2024']);
    expect(doc).toMatchObject({
      nomenclature: 'rome4',
      referentiel: { type: 'rome-officiel', chemin: '$donnees/tests/fixtures/referentiel/mini-rome' },
      correspondances: [{ id: 'fap2009-rome3', chemin: 'correspondances/fap2009_rome_v3.csv', niveau_de: 'fap87' }],
      regles: { porteur_quartile_postes: false },
      passerelles: { depuis: ['fragile'], vers: ['porteur'], nombre: 3, cibles_hors_depart: true },
    });
    const c = await gtec(['check', '--donnees', ROOT, 'dares-bassin.gtec.yaml']);
    expect(c.out).toContain('1 fichier vérifié : 0 erreur');
    expect(c.code).toBe(0);
  });

  it('--rome without the FAP 2009 → ROME v3 table: written in FAP 2009 with GTEC-W508 saying where it was looked for', async () => {
    const r = await gtec(['init', 'sans-table.gtec.yaml', '--france', '--bmo', 'bmo.xlsx', '--dares', 'sans-table/dares', '--rome', path.join(ROOT, 'tests/fixtures/referentiel/mini-rome')], DIR, { GTEC_DONNEES: ROOT });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('avertissement GTEC-W508');
    expect(r.err).toContain('sans-table/correspondances/fap2009_rome_v3.csv');
    const doc = lire('sans-table.gtec.yaml');
    expect([doc.nomenclature, doc.referentiel, doc.correspondances]).toEqual(['fap2009', undefined, undefined]);
    expect(doc.sources.map((s: { id: string; portee?: string }) => [s.id, s.portee])).toEqual([
      ['emploi-national', undefined],
      ['bmo-2024', undefined],
    ]);
  });

  it('a folder without any Portrait file: GTEC-E507, exit 1, nothing written', async () => {
    const r = await gtec(['init', 'dares-vide.gtec.yaml', '--departement', '44', '--bmo', 'bmo.xlsx', '--dares', 'vide']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('GTEC-E507');
    expect(r.err).toContain('effectifs_3niv.csv');
    expect(existsSync(path.join(DIR, 'dares-vide.gtec.yaml'))).toBe(false);
  });
});

const DONNEES = path.resolve(ROOT, '../shared/data');
const CLASSEUR = path.join(DONNEES, 'bmo-officiel/Base_open_data_BMO_2024.xlsx');
const reel = existsSync(CLASSEUR);
if (!reel) console.warn(`données réelles absentes : ${CLASSEUR} — gtec init sur le classeur BMO réel non testé`);

describe.runIf(reel)('gtec init on the official BMO 2024 workbook, then check and diagnostic', () => {
  const R = path.join(DIR, 'reel');
  beforeAll(() => {
    rmSync(R, { recursive: true, force: true });
    mkdirSync(R, { recursive: true });
    // The workbook beside the new files (a hard link, or a copy across file systems): read as a file of the diagnostic's folder.
    try {
      linkSync(CLASSEUR, path.join(R, 'bmo.xlsx'));
    } catch {
      copyFileSync(CLASSEUR, path.join(R, 'bmo.xlsx'));
    }
  });

  it.each([
    ['saint-nazaire.gtec.yaml', ['--bassin', 'saint nazaire'], '5225'],
    ['loire-atlantique.gtec.yaml', ['--departement', '44'], '44'],
    ['pays-de-la-loire.gtec.yaml', ['--region', '52'], '52'],
    ['france.gtec.yaml', ['--france'], undefined],
  ])(
    '%s',
    async (fichier, args, code) => {
      const r = await gtec(['init', fichier, ...args, '--bmo', 'bmo.xlsx'], R);
      expect(r.code, r.err).toBe(0);
      const doc = parse(readFileSync(path.join(R, fichier), 'utf8'));
      expect(doc.territoire.codes).toEqual(code ? [code] : []);
    },
    120_000,
  );

  it('gtec check passes on all four (the workbook is read once per file: slow)', async () => {
    const r = await gtec(['check', '.'], R);
    expect(r.out).toContain('4 fichiers vérifiés : 0 erreur, 0 avertissement');
    expect(r.code).toBe(0);
  }, 400_000);

  it.each(['saint-nazaire.gtec.yaml', 'france.gtec.yaml'])(
    'gtec diagnostic runs on %s and gives the territory BMO totals',
    async (fichier) => {
      const sortie = path.join(R, `sortie-${fichier}`);
      const r = await gtec(['diagnostic', fichier, '--sortie', sortie, '--format', 'json'], R);
      expect(r.code, r.out + r.err).toBe(0);
      const json = JSON.parse(readFileSync(path.join(sortie, 'diagnostic.json'), 'utf8'));
      expect(json.bmo.annee).toBe(2024);
      expect(json.problemes.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    },
    120_000,
  );

  const DARES = path.join(DONNEES, 'dares-portrait');
  it.runIf(existsSync(DARES))(
    '--region 52 --dares --rome: gtec check passes, and gtec diagnostic gives the fragile métiers and passerelles of examples/reel-region',
    async () => {
      const args = ['--bmo', CLASSEUR, '--dares', DARES, '--rome', path.join(DONNEES, 'rome-officiel/v460'), '--tension', path.join(DONNEES, 'bmo/dares_tensions_fap2009_2019.csv'), '--donnees', DONNEES];
      const r = await gtec(['init', 'pdl-dares.gtec.yaml', '--region', '52', ...args], R);
      expect([r.code, r.err]).toEqual([0, '']);
      const c = await gtec(['check', '--donnees', DONNEES, 'pdl-dares.gtec.yaml'], R);
      expect(c.out).toContain('1 fichier vérifié : 0 erreur');
      expect(c.code).toBe(0);
      const diagnostic = async (fichier: string, sortie: string) => {
        const d = await gtec(['diagnostic', '--donnees', DONNEES, fichier, '--sortie', sortie, '--format', 'json'], R);
        expect(d.code, d.err).toBe(0);
        return JSON.parse(readFileSync(path.join(sortie, 'diagnostic.json'), 'utf8')) as Resultat;
      };
      type Resultat = { familles: Record<string, string[]>; passerelles: Array<{ source: string; cible: string; ecart: unknown[] }>; emploi: { territoire: { valeur: number } }; problemes: Array<{ severity: string }> };
      const init = await diagnostic('pdl-dares.gtec.yaml', path.join(R, 'sortie-dares'));
      expect(init.problemes.filter((p) => p.severity === 'error')).toEqual([]);
      expect(init.familles.fragile!.length).toBeGreaterThan(0);
      expect(init.passerelles.filter((p) => p.ecart.length > 0).length).toBeGreaterThan(0);
      // The same métiers and passerelles as the example built by hand on the same files.
      const exemple = await diagnostic(path.join(ROOT, 'examples/reel-region/region-fap.gtec.yaml'), path.join(R, 'sortie-exemple'));
      expect(init.emploi.territoire.valeur).toBeCloseTo(exemple.emploi.territoire.valeur, 2);
      expect(init.familles.fragile).toEqual(exemple.familles.fragile);
      expect(init.familles.porteur).toEqual(exemple.familles.porteur);
      const p = (x: Resultat) => x.passerelles.map((y) => `${y.source}→${y.cible}`).sort();
      expect(p(init)).toEqual(p(exemple));
    },
    400_000,
  );

  it('with the data folder declared, paths are $donnees/… and check reads them when it knows --donnees', async () => {
    const r = await gtec(['init', 'donnees.gtec.yaml', '--bassin', '5225', '--bmo', CLASSEUR, '--donnees', DONNEES], R);
    expect(r.code, r.err).toBe(0);
    expect(parse(readFileSync(path.join(R, 'donnees.gtec.yaml'), 'utf8')).sources[0].chemin).toBe('$donnees/bmo-officiel/Base_open_data_BMO_2024.xlsx');
    if (!(await gtec(['check', '--help'])).out.includes('--donnees')) {
      console.warn('gtec check ne connaît pas encore --donnees : vérification du fichier $donnees/… ignorée');
      return;
    }
    const c = await gtec(['check', '--donnees', DONNEES, 'donnees.gtec.yaml'], R);
    expect(c.out).toContain('0 erreur');
    expect(c.code).toBe(0);
  }, 120_000);
});
