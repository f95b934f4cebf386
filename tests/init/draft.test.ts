/**
 * The drafted diagnostic is valid as it is, for each territory level and each mix of sources: it
 * parses, validates with its data files, and runs, on a small workbook laid out like the official one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { draftDiagnostic, nomLisible, yamlTexte, type ChoixInit } from '../../core/init/draft.js';
import { choisirFichiersDares, emplacementsCorrespondance } from '../../core/init/dares.js';
import { placeDataFile } from '../../core/init/place-file.js';
import { presetTensionFromHeaders } from '../../core/init/read-files.js';
import { territoiresFromRows, type TerritoireBmo } from '../../core/init/territoires.js';
import { memoryHost } from '../../core/host.js';
import { parseDiagnosticText } from '../../core/format/parse.js';
import type { DiagnosticInput } from '../../core/format/schema.js';
import { validateDiagnostic } from '../../core/validation/validate.js';
import { bmoWorkbook, ENTETES_BMO, LIGNES_TERRITOIRES } from './workbook.js';

const t = territoiresFromRows(
  ENTETES_BMO,
  LIGNES_TERRITOIRES.map((l) => ({ cells: ['2024', 'x', 'x', 'x', 'x', ...l, '1', '1', '1'] })),
);
const find = (xs: TerritoireBmo[], code: string) => xs.find((x) => x.code === code)!;
const TENSION_FT = 'annee,code_rome_v3,libelle_rome_v3,code_bassin_2019,libelle_bassin_2019,offres_emploi,demandeurs_abc,classe_tension\n2020,H2913,Soudage manuel,5225,SAINT NAZAIRE,40,35,4\n';
const mini = path.resolve(__dirname, '../fixtures/referentiel/mini-rome');
const romeFiles = Object.fromEntries(readdirSync(mini).map((f) => [`rome/${f}`, new Uint8Array(readFileSync(path.join(mini, f)))]));

const dares = path.resolve(__dirname, '../fixtures/dares');
const daresFiles = Object.fromEntries(readdirSync(dares).map((f) => [`dares/${f}`, new Uint8Array(readFileSync(path.join(dares, f)))]));

async function host() {
  return memoryHost({ 'data/bmo.xlsx': await bmoWorkbook(), 'data/tension.csv': TENSION_FT, ...romeFiles, ...daresFiles });
}

const DARES = { emploiNational: 'dares/effectifs_3niv.csv', ages: 'dares/age_fap225.csv' };
const CAS_DARES: Array<[string, ChoixInit]> = [
  ['région', { niveau: 'region', territoire: find(t.regions, '52'), annee: 2024, bmo: 'data/bmo.xlsx', dares: { emploiRegion: 'dares/input_carte1.csv', ...DARES } }],
  ['bassin', { niveau: 'bassin', territoire: find(t.bassins, '5225'), annee: 2024, bmo: 'data/bmo.xlsx', dares: DARES }],
  ['département', { niveau: 'departement', territoire: find(t.departements, '44'), annee: 2024, bmo: 'data/bmo.xlsx', dares: DARES }],
  ['France', { niveau: 'france', annee: 2024, bmo: 'data/bmo.xlsx', dares: DARES }],
  [
    'région, ROME and the crosswalk',
    { niveau: 'region', territoire: find(t.regions, '52'), annee: 2024, bmo: 'data/bmo.xlsx', rome: 'rome', dares: { emploiRegion: 'dares/input_carte1.csv', ...DARES, correspondance: 'dares/fap2009_rome_v3.csv' } },
  ],
  ['région, ROME without the crosswalk', { niveau: 'region', territoire: find(t.regions, '52'), annee: 2024, bmo: 'data/bmo.xlsx', rome: 'rome', dares: { emploiRegion: 'dares/input_carte1.csv', ...DARES } }],
];

const CAS: Array<[string, ChoixInit]> = [
  ['bassin', { niveau: 'bassin', territoire: find(t.bassins, '5225'), annee: 2024, bmo: 'data/bmo.xlsx' }],
  ['bassin over two départements', { niveau: 'bassin', territoire: find(t.bassins, '7539'), annee: 2024, bmo: 'data/bmo.xlsx' }],
  ['département', { niveau: 'departement', territoire: find(t.departements, '44'), annee: 2024, bmo: 'data/bmo.xlsx' }],
  ['région', { niveau: 'region', territoire: find(t.regions, '52'), annee: 2024, bmo: 'data/bmo.xlsx' }],
  ['France', { niveau: 'france', annee: 2024, bmo: 'data/bmo.xlsx' }],
  ['bassin, ROME and tension', { niveau: 'bassin', territoire: find(t.bassins, '5225'), annee: 2024, bmo: 'data/bmo.xlsx', rome: 'rome', tension: { chemin: 'data/tension.csv', preset: 'tension-ft-rome-bassin' } }],
];

describe('draftDiagnostic', () => {
  it.each(CAS)('%s: valid with its data files, 2-space YAML, and the diagnostic runs', async (_nom, choix) => {
    const text = draftDiagnostic(choix);
    expect(text.split('\n').filter((l) => !/^( {2})*(\S|$)/.test(l) || l.includes('\t'))).toEqual([]);
    const h = await host();
    const v = await validateDiagnostic(text, { fileName: 'x.gtec.yaml', host: h });
    expect(v.problems.filter((p) => p.severity !== 'info').map((p) => `${p.code} ${p.message.fr}`)).toEqual([]);
    const run = await runDiagnostic(text, { fileName: 'x.gtec.yaml', host: h });
    expect(run.result).toBeDefined();
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // BMO codes (FAP 2021) do not reach ROME 4.0: the drafted file says so, the run warns.
    if (choix.rome) expect(run.problems.map((p) => p.code)).toContain('GTEC-W401');
  });

  it('writes the territory, its reference, the nomenclature and the sources the choices call for', () => {
    const doc = (c: ChoixInit) => parseDiagnosticText(draftDiagnostic(c), 'x.gtec.yaml').value as DiagnosticInput;
    const bassin = doc(CAS[0]![1]);
    expect(bassin.territoire).toMatchObject({ nom: 'Bassin BMO Saint Nazaire', type: 'bassin-bmo', codes: ['5225'], reference: { nom: 'Pays de la Loire', type: 'region', codes: ['52'] } });
    expect(bassin.nomenclature).toBe('fap2021');
    expect(bassin.periode).toEqual({ debut: 2023, fin: 2024 });
    expect(bassin.sources).toEqual([expect.objectContaining({ id: 'bmo-2024', type: 'bmo', chemin: 'data/bmo.xlsx', preset: 'bmo-officiel', nomenclature: 'fap2021' })]);
    expect(bassin.plan_action).toEqual([]);
    expect(doc(CAS[2]![1]).territoire).toMatchObject({ type: 'departement', codes: ['44'], reference: { type: 'region', codes: ['52'] } });
    expect(doc(CAS[3]![1]).territoire).toMatchObject({ type: 'region', codes: ['52'], reference: { type: 'france', codes: [] } });
    expect(doc(CAS[4]![1]).territoire).toEqual({ nom: 'France', type: 'france', codes: [] });
    const rome = doc(CAS[5]![1]);
    expect(rome.nomenclature).toBe('rome4');
    expect(rome.referentiel).toEqual({ type: 'rome-officiel', chemin: 'rome' });
    expect(rome.sources?.[1]).toMatchObject({ id: 'tension', preset: 'tension-ft-rome-bassin', nomenclature: 'rome3' });
  });

  it('writes $donnees paths and the commands with --donnees in its header', () => {
    const text = draftDiagnostic({ niveau: 'france', bmo: '$donnees/bmo-officiel/Base_open_data_BMO_2024.xlsx', donnees: '../shared/data', fichier: 'france.gtec.yaml' });
    expect(text).toContain('    chemin: $donnees/bmo-officiel/Base_open_data_BMO_2024.xlsx\n');
    expect(text).toContain('# Calculer :  gtec diagnostic --donnees ../shared/data france.gtec.yaml --sortie sortie');
    // A comment never touches a long value (a `#` glued to it would be part of it).
    const long = draftDiagnostic({ niveau: 'france', bmo: 'b.xlsx', rome: '$donnees/rome-officiel/v460/un/chemin/assez/long' });
    expect(parseDiagnosticText(long, 'x.gtec.yaml').value).toMatchObject({ referentiel: { chemin: '$donnees/rome-officiel/v460/un/chemin/assez/long' } });
  });
});

describe('draftDiagnostic with the DARES Portrait files (--dares)', () => {
  const doc = (c: ChoixInit) => parseDiagnosticText(draftDiagnostic(c), 'x.gtec.yaml').value as DiagnosticInput;

  it.each(CAS_DARES)('%s: valid with its data files, and the diagnostic runs without error', async (_nom, choix) => {
    const text = draftDiagnostic(choix);
    expect(text.split('\n').filter((l) => !/^( {2})*(\S|$)/.test(l) || l.includes('\t'))).toEqual([]);
    const h = await host();
    const v = await validateDiagnostic(text, { fileName: 'x.gtec.yaml', host: h });
    expect(v.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.message.fr}`)).toEqual([]);
    const run = await runDiagnostic(text, { fileName: 'x.gtec.yaml', host: h });
    expect(run.result).toBeDefined();
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // National series below France are said to be national (I431); BMO codes stay beside (W401).
    if (choix.niveau !== 'france') expect(run.problems.filter((p) => p.code === 'GTEC-I431').map((p) => p.data?.source)).toEqual(['emploi-national', 'ages-national']);
    expect(run.problems.some((p) => p.code === 'GTEC-W401' && p.data?.source === 'bmo-2024')).toBe(true);
  });

  it('a région: regional employment 2017, then the national series, on FAP 87 families, 2012-2017, as examples/reel-region', () => {
    const d = doc(CAS_DARES[0]![1]);
    expect(d.nomenclature).toBe('fap2009');
    expect(d.periode).toEqual({ debut: 2012, fin: 2017 });
    expect(d.referentiel).toBeUndefined();
    expect(d.sources?.map((s) => [s.id, s.preset, s.niveau, s.portee])).toEqual([
      ['emploi-region-2017', 'dares-emploi-region', 'fap87', undefined],
      ['emploi-national', 'dares-emploi-national', 'fap87', 'nationale'],
      ['ages-national', 'dares-ages-fap225', 'fap87', 'nationale'],
      ['bmo-2024', 'bmo-officiel', undefined, undefined],
    ]);
    expect(d.passerelles).toBeUndefined();
  });

  it('a bassin or a département: the national series only, and the file says so; France: its own series, not « nationale »', () => {
    for (const [, c] of [CAS_DARES[1]!, CAS_DARES[2]!]) {
      expect(doc(c).sources?.map((s) => [s.id, s.portee])).toEqual([
        ['emploi-national', 'nationale'],
        ['ages-national', 'nationale'],
        ['bmo-2024', undefined],
      ]);
      expect(draftDiagnostic(c)).toContain('seules les séries NATIONALES (emploi, âges) sont déclarées');
    }
    expect(doc(CAS_DARES[3]![1]).sources?.map((s) => [s.id, s.portee])).toEqual([
      ['emploi-national', undefined],
      ['ages-national', undefined],
      ['bmo-2024', undefined],
    ]);
  });

  it('with ROME and the crosswalk: ROME 4.0 fiches, the FAP 2009 → ROME v3 table at family level, the porteur rule and passerelles of the example', () => {
    const d = doc(CAS_DARES[4]![1]);
    expect(d.nomenclature).toBe('rome4');
    expect(d.referentiel).toEqual({ type: 'rome-officiel', chemin: 'rome' });
    expect(d.correspondances).toEqual([{ id: 'fap2009-rome3', de: 'fap2009', vers: 'rome3', chemin: 'dares/fap2009_rome_v3.csv', colonnes: { de: 'code_fap2009', vers: 'code_rome_v3' }, niveau_de: 'fap87' }]);
    expect(d.regles).toMatchObject({ porteur_quartile_postes: false });
    expect(d.passerelles).toEqual({ depuis: ['fragile'], vers: ['porteur'], nombre: 3, cibles_hors_depart: true });
    // Without the crosswalk, FAP families cannot reach the fiches: FAP 2009, no referential, the file says why.
    const sans = doc(CAS_DARES[5]![1]);
    expect([sans.nomenclature, sans.referentiel, sans.correspondances]).toEqual(['fap2009', undefined, undefined]);
    expect(draftDiagnostic(CAS_DARES[5]![1])).toContain('GTEC-W508');
  });

  it('a DARES tension file is read at family level', () => {
    const d = doc({ ...CAS_DARES[0]![1], tension: { chemin: 'data/tension.csv', preset: 'dares-tensions-fap2009' } });
    expect(d.sources?.find((s) => s.id === 'tension')).toMatchObject({ preset: 'dares-tensions-fap2009', nomenclature: 'fap2009', niveau: 'fap87' });
  });

  it('the files of the folder it uses, by their published names; none: GTEC-E507', () => {
    const noms = ['age_agrege_1982_1984_2017_2019_restructure_fap225.csv', 'effectifs_3niv.csv', 'evol_mmo.csv', 'input_carte1.csv'];
    expect(choisirFichiersDares(noms, 'region', 'd').fichiers).toEqual({ emploiRegion: 'input_carte1.csv', emploiNational: 'effectifs_3niv.csv', ages: noms[0] });
    expect(choisirFichiersDares(noms, 'bassin', 'd').fichiers).toEqual({ emploiNational: 'effectifs_3niv.csv', ages: noms[0] });
    expect(choisirFichiersDares(['input_carte1.csv'], 'departement', 'd').problems.map((p) => p.code)).toEqual(['GTEC-E507']);
    expect(emplacementsCorrespondance('/x/dares-portrait/', '/x')).toEqual([
      '/x/dares-portrait/fap2009_rome_v3.csv',
      '/x/dares-portrait/../correspondances/fap2009_rome_v3.csv',
      '/x/dares-portrait/correspondances/fap2009_rome_v3.csv',
      '/x/correspondances/fap2009_rome_v3.csv',
    ]);
  });
});

describe('pieces of the draft', () => {
  it('names in capitals read in ordinary case', () => {
    expect(nomLisible('SAINT NAZAIRE')).toBe('Saint Nazaire');
    expect(nomLisible("SAINT JEAN D'ANGÉLY")).toBe("Saint Jean d'Angély");
    expect(nomLisible('BASSIN GRANDE-TERRE')).toBe('Bassin Grande-Terre');
    expect(nomLisible('T8 Est Ensemble')).toBe('T8 Est Ensemble');
  });

  it('a YAML scalar reads back as the same text', () => {
    for (const s of ["Provence-Alpes-Côte d'Azur", 'a: b', '# x', 'true', '2024', '"q"', 'x #y', '$donnees/a_b.xlsx', '- tiret']) {
      const v = parseDiagnosticText(`titre: ${yamlTexte(s)}\n`, 'x.gtec.yaml').value as { titre: unknown };
      expect(v.titre).toBe(s);
    }
  });

  it('a data path: relative inside the new file’s folder, $donnees/… inside the data folder, else GTEC-E504', () => {
    expect(placeDataFile({ fichier: '/d/diag/data/bmo.xlsx', dossier: '/d/diag', donnees: '/d' }).chemin).toBe('data/bmo.xlsx');
    expect(placeDataFile({ fichier: '/srv/donnees/bmo/x.csv', dossier: '/d/diag', donnees: '/srv/donnees/' }).chemin).toBe('$donnees/bmo/x.csv');
    expect(placeDataFile({ fichier: '/d/diagnostics/x.csv', dossier: '/d/diag' }).problems.map((p) => p.code)).toEqual(['GTEC-E504']);
    expect(placeDataFile({ fichier: 'C:/Users/X/Data/x.csv', dossier: 'c:/users/x/data', ignoreCase: true }).chemin).toBe('x.csv');
    const e = placeDataFile({ fichier: '/tmp/x.csv', dossier: '/d/diag', donnees: '/srv/donnees' }).problems[0]!;
    expect(e.message.fr).toContain('ni dans le dossier de données déclaré (« /srv/donnees »)');
  });

  it('recognises the tension files by their headers', () => {
    expect(presetTensionFromHeaders(TENSION_FT.split('\n')[0]!.split(','), 't.csv').preset).toBe('tension-ft-rome-bassin');
    const dares = 'annee,niveau_geo,code_region,code_departement,niveau_fap,code_fap2009,emploi_moyen,indicateur_tension,categorie_tension'.split(',');
    expect(presetTensionFromHeaders(dares, 't.csv').preset).toBe('dares-tensions-fap2009');
  });
});
