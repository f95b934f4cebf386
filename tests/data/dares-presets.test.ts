/**
 * The DARES « Portrait statistique des métiers » presets on small files in the publisher's shapes
 * (tests/fixtures/dares/: Windows-1252, `NA`, a wide file, 3-year periods, thousands).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorrespondance } from '../../core/data/crosswalk.js';
import { inspectSource } from '../../core/data/inspect.js';
import { loadSource } from '../../core/data/load-source.js';
import { milieuDePeriode } from '../../core/data/presets.js';
import { readTable } from '../../core/data/table.js';
import type { AgeRecord, EffectifRecord } from '../../core/data/records.js';
import { wideToLong } from '../../core/data/wide.js';
import { Correspondance, Source, type DiagnosticInput } from '../../core/format/schema.js';
import { memoryHost } from '../../core/host.js';

type SourceInput = NonNullable<DiagnosticInput['sources']>[number];
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/dares', name)));
const src = (s: Partial<SourceInput> & Pick<SourceInput, 'type' | 'chemin'>) => Source.parse({ id: 's', ...s });
const host = memoryHost(Object.fromEntries(['input_carte1.csv', 'effectifs_3niv.csv', 'age_fap225.csv', 'evol_mmo.csv', 'fap2009_rome_v3.csv'].map((f) => [`d/${f}`, fixture(f)])));

describe('dares-emploi-region (input_carte1.csv, Windows-1252)', () => {
  it('une ligne par région × FAP 87, année 2017, zone = région', async () => {
    const r = await loadSource(src({ type: 'effectifs', chemin: 'd/input_carte1.csv', preset: 'dares-emploi-region', nomenclature: 'fap2009' }), host, '/sources/0');
    expect(r.problems).toEqual([]);
    const recs = r.loaded!.records as EffectifRecord[];
    expect(recs.map((x) => [x.zone, x.region, x.metier, x.annee, x.effectif.valeur])).toEqual([
      ['11', '11', 'A0Z', 2017, 9719.05],
      ['52', '52', 'A0Z', 2017, 42923.81],
      ['11', '11', 'T2A', 2017, 60000],
      ['52', '52', 'T2A', 2017, 20000.5],
      ['11', '11', 'D1Z', 2017, 12000],
      ['52', '52', 'D1Z', 2017, 9000],
    ]);
  });

  it('une cellule illisible : fichier, ligne, colonne', async () => {
    const h = memoryHost({ 'c.csv': new TextEncoder().encode('"code_reg","FAP_3","emp_fap_reg"\n52,"A0Z","beaucoup"\n52,"A1Z","12.5"\n') });
    const r = await loadSource(src({ type: 'effectifs', chemin: 'c.csv', preset: 'dares-emploi-region', nomenclature: 'fap2009' }), h, '/sources/0');
    expect(r.problems.map((p) => [p.code, p.location])).toEqual([['GTEC-E211', { file: 'c.csv', line: 2, column: 3 }]]);
    expect((r.loaded!.records as EffectifRecord[]).map((x) => x.metier)).toEqual(['A1Z']); // the row without its required count is skipped
  });
});

describe('dares-emploi-national (effectifs_3niv.csv, un fichier large en milliers)', () => {
  it('une ligne par année × colonne, en personnes ; NA est vide, pas une erreur', async () => {
    const r = await loadSource(src({ type: 'effectifs', chemin: 'd/effectifs_3niv.csv', preset: 'dares-emploi-national', nomenclature: 'fap2009' }), host, '/sources/0');
    expect(r.problems).toEqual([]);
    const recs = r.loaded!.records as EffectifRecord[];
    expect(recs).toHaveLength(4 * 7);
    const a0z = recs.filter((x) => x.metier === 'A0Z').map((x) => [x.zone, x.annee, x.effectif.valeur]);
    expect(a0z).toEqual([
      ['FR', 2012, 450500],
      ['FR', 2013, 440200],
      ['FR', 2017, 400250],
      ['FR', 2018, 395000],
    ]);
    expect(recs.find((x) => x.metier === 'A0Z40' && x.annee === 2012)!.effectif).toEqual({ valeur: null, masque: false });
  });

  it('une valeur illisible est signalée à sa colonne du fichier large', async () => {
    const h = memoryHost({ 'e.csv': new TextEncoder().encode('"Annee","A0Z","A1Z"\n2017,1.5,x\n') });
    const r = await loadSource(src({ type: 'effectifs', chemin: 'e.csv', preset: 'dares-emploi-national', nomenclature: 'fap2009' }), h, '/sources/0');
    expect(r.problems.map((p) => [p.code, p.location])).toEqual([['GTEC-E211', { file: 'e.csv', line: 2, column: 3 }]]);
  });

  it('wideToLong garde la ligne et la colonne de chaque cellule', () => {
    const t = wideToLong({ file: 'w.csv', headers: ['Annee', 'A0Z', 'B1Z'], rows: [{ line: 2, cells: ['2017', '1', '2'] }] }, { garder: ['Annee'], champ: 'FAP', valeur: 'v' });
    expect(t.headers).toEqual(['Annee', 'FAP', 'v']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['2017', 'A0Z', '1'], colonnes: [0, 1, 1] },
      { line: 2, cells: ['2017', 'B1Z', '2'], colonnes: [0, 2, 2] },
    ]);
  });
});

describe('dares-ages-fap225 (structure par âge, périodes de 3 ans, en milliers)', () => {
  it('la période compte pour son année du milieu ; NA est vide', async () => {
    expect(milieuDePeriode('2016-2018')).toBe('2017');
    expect(milieuDePeriode('2019')).toBe('2019');
    const r = await loadSource(src({ type: 'ages', chemin: 'd/age_fap225.csv', preset: 'dares-ages-fap225', nomenclature: 'fap2009' }), host, '/sources/0');
    expect(r.problems).toEqual([]);
    const recs = r.loaded!.records as AgeRecord[];
    expect(new Set(recs.map((x) => x.annee))).toEqual(new Set([2014, 2018]));
    expect(recs[0]).toMatchObject({ metier: 'A0Z40', zone: 'FR', annee: 2014, tranche: '15-24 ans', effectif: { valeur: 5000, masque: false } });
    expect(recs.at(-1)!.effectif.valeur).toBeNull();
  });

  it('les lignes de total du fichier (ENSEM, ZZZZZ) ne sont pas signalées comme des codes mal formés (W221), un vrai intrus si', async () => {
    const csv = (code: string) => `"Fap","annee","effectif","age","pourcentage"\n"A0Z40","2017-2019",5,"15-24 ans",0.1\n"${code}","2017-2019",900,"15-24 ans",1\n`;
    const lire = async (code: string) => (await loadSource(src({ type: 'ages', chemin: 'a.csv', preset: 'dares-ages-fap225', nomenclature: 'fap2009' }), memoryHost({ 'a.csv': csv(code) }), '/sources/0')).problems.map((p) => p.code);
    expect(await lire('ENSEM')).toEqual([]);
    expect(await lire('ZZZZZ')).toEqual([]);
    expect(await lire('H24ÿþ02')).toEqual(['GTEC-W221']);
  });
});

describe('les autres fichiers du Portrait', () => {
  it('evol_mmo.csv : « ; » avec colonnes vides en fin de ligne, Windows-1252', async () => {
    const r = await readTable(fixture('evol_mmo.csv'), { file: 'evol_mmo.csv' });
    expect(r.table!.headers.slice(0, 4)).toEqual(['Fap3', 'Type_mmo', 'Annee', 'Taux']);
    expect(r.table!.rows.map((x) => x.cells.slice(0, 4))).toEqual([
      ['A0Z', "Taux d'entrée", '2007', '65.99'],
      ['A0Z', 'Taux de sortie', '2007', '60,5'],
    ]);
  });

  it('correspondance FAP 2009 → ROME v3 ramenée aux familles FAP 87 (niveau_de: fap87)', async () => {
    const decl = Correspondance.parse({ id: 'fap-rome', de: 'fap2009', vers: 'rome3', chemin: 'd/fap2009_rome_v3.csv', colonnes: { de: 'code_fap2009', vers: 'code_rome_v3' }, niveau_de: 'fap87' });
    const r = await loadCorrespondance(decl, host, '/correspondances/0');
    expect(r.problems).toEqual([]);
    expect([...r.table!.map]).toEqual([
      ['A0Z', ['A1416', 'A1403']],
      ['T2A', ['K1302']],
      ['D1Z', ['H2903']],
    ]);
  });
});

describe('gtec check sur le fichier large', () => {
  it('inspectSource voit les colonnes du préréglage large, sans erreur', async () => {
    const r = await inspectSource(src({ type: 'effectifs', chemin: 'd/effectifs_3niv.csv', preset: 'dares-emploi-national', nomenclature: 'fap2009' }), host, '/sources/0');
    expect(r.problems).toEqual([]);
  });
});
