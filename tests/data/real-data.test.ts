import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorrespondance } from '../../core/data/crosswalk.js';
import { inspectSource } from '../../core/data/inspect.js';
import { loadSource } from '../../core/data/load-source.js';
import { REGION_DU_DEPARTEMENT } from '../../core/data/presets.js';
import type { BmoRecord, TensionRecord } from '../../core/data/records.js';
import { Correspondance, Source } from '../../core/format/schema.js';
import { nodeFileHost } from '../../node-host/file-host.js';

const repoRoot = path.resolve(__dirname, '../..');
const dataDir = path.resolve(repoRoot, '../shared/data');
const present = existsSync(path.join(dataDir, 'bmo-officiel/Base_open_data_BMO_2024.xlsx'));
if (!present) console.warn('données réelles absentes : ../shared/data — test ignoré');
const host = nodeFileHost(dataDir);

/** The independent CSV extraction, read with a plain split (no quotes in this file). */
function csvRows(rel: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path.join(dataDir, rel), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const h = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i]!, v])));
}

describe.skipIf(!present)('données réelles (../shared/data)', () => {
  let bmo: BmoRecord[];
  let bmoProblems: unknown[];
  beforeAll(async () => {
    const s = Source.parse({ id: 'bmo', type: 'bmo', chemin: 'bmo-officiel/Base_open_data_BMO_2024.xlsx', preset: 'bmo-officiel', nomenclature: 'fap2021' });
    const r = await loadSource(s, host, '/sources/0');
    bmo = r.loaded!.records as BmoRecord[];
    bmoProblems = r.problems;
  }, 180_000);

  it('classeur BMO officiel : 53 443 lignes, sans problème', () => {
    expect(bmoProblems).toEqual([]);
    expect(bmo).toHaveLength(53443);
    expect(bmo[0]!.origine).toEqual({ file: 'bmo-officiel/Base_open_data_BMO_2024.xlsx', sheet: 'BMO_2024_open_data', line: 2 });
  });

  it('égal, ligne à ligne, à l’extraction CSV indépendante (masques compris)', () => {
    // The extraction is sorted by bassin, the workbook by métier: rows are matched on their key
    // (bassin, département, métier), unique in both.
    const csv = new Map(csvRows('bmo/bmo_2024_projets.csv').map((c) => [`${c.code_bassin}|${c.code_departement}|${c.code_metier_bmo}`, c]));
    expect(csv.size).toBe(bmo.length);
    const nombre = (v: string, masque: string) => ({ valeur: masque === '1' ? null : Number(v), masque: masque === '1' });
    let differences = 0;
    for (const r of bmo) {
      const c = csv.get(`${r.zone}|${r.departement}|${r.metier}`);
      csv.delete(`${r.zone}|${r.departement}|${r.metier}`);
      const same =
        c !== undefined &&
        r.annee === Number(c.annee) &&
        JSON.stringify(r.projets) === JSON.stringify(nombre(c.projets_recrutement!, c.masque_recrutement!)) &&
        JSON.stringify(r.difficiles) === JSON.stringify(nombre(c.projets_difficiles!, c.masque_difficiles!)) &&
        JSON.stringify(r.saisonniers) === JSON.stringify(nombre(c.projets_saisonniers!, c.masque_saisonniers!));
      if (!same) differences++;
    }
    expect(csv.size).toBe(0);
    expect(differences).toBe(0);
    // Counts published in ../shared/data/README.md
    expect(bmo.filter((r) => r.projets.masque)).toHaveLength(10891);
    expect(bmo.filter((r) => r.difficiles.masque)).toHaveLength(20507);
    expect(bmo.filter((r) => r.saisonniers.masque)).toHaveLength(39359);
    expect(bmo.reduce((s, r) => s + (r.projets.valeur ?? 0), 0)).toBe(2751069);
  });

  it('part nationale des projets difficiles, (a) lignes où les deux sont publiés, (b) sommes des publiés', () => {
    const both = bmo.filter((r) => r.projets.valeur !== null && r.difficiles.valeur !== null);
    const a = both.reduce((s, r) => s + r.difficiles.valeur!, 0) / both.reduce((s, r) => s + r.projets.valeur!, 0);
    const b = bmo.reduce((s, r) => s + (r.difficiles.valeur ?? 0), 0) / bmo.reduce((s, r) => s + (r.projets.valeur ?? 0), 0);
    // Independent computation on the CSV extraction (its own columns and masks)
    let am = 0,
      ax = 0,
      bm = 0,
      bx = 0;
    for (const c of csvRows('bmo/bmo_2024_projets.csv')) {
      const m = c.masque_recrutement === '0',
        x = c.masque_difficiles === '0';
      if (m) bm += Number(c.projets_recrutement);
      if (x) bx += Number(c.projets_difficiles);
      if (m && x) {
        am += Number(c.projets_recrutement);
        ax += Number(c.projets_difficiles);
      }
    }
    console.log(`BMO 2024, part des projets difficiles : (a) ${ax} / ${am} = ${(ax / am).toFixed(6)} sur ${both.length} lignes ; (b) ${bx} / ${bm} = ${(bx / bm).toFixed(6)}`);
    expect(a).toBe(ax / am);
    expect(b).toBe(bx / bm);
    expect(bm).toBe(2751069);
  });

  it('tension France Travail ROME v3 × bassin : 27 053 lignes', async () => {
    const s = Source.parse({ id: 't', type: 'tension', chemin: 'bmo/ft_tension_rome_v3_bassin_2020.csv', preset: 'tension-ft-rome-bassin', nomenclature: 'rome3' });
    const r = await loadSource(s, host, '/sources/1');
    expect(r.problems).toEqual([]);
    const recs = r.loaded!.records as TensionRecord[];
    expect(recs).toHaveLength(27053);
    expect(recs[1]).toMatchObject({ metier: 'A1416', zone: '101', libelle: 'Polyculture, élevage', classe: { valeur: 5, masque: false } });
  });

  it('tensions DARES FAP 2009 : 31 034 lignes, niveaux nat/reg/dep', async () => {
    const s = Source.parse({ id: 'd', type: 'tension', chemin: 'bmo/dares_tensions_fap2009_2019.csv', preset: 'dares-tensions-fap2009', nomenclature: 'fap2009' });
    const r = await loadSource(s, host, '/sources/2');
    expect(r.problems).toEqual([]);
    const recs = r.loaded!.records as TensionRecord[];
    expect(recs).toHaveLength(31034);
    // 263 national rows, 4 471 regional, 26 300 departmental (counted with awk on niveau_geo)
    expect(recs.filter((x) => x.zone === 'FR')).toHaveLength(263);
    expect(recs.filter((x) => x.departement === undefined && x.region === x.zone)).toHaveLength(4471);
    expect(recs.filter((x) => x.departement === x.zone && x.region !== undefined)).toHaveLength(26300);
  });

  it('inspection rapide du CSV officiel : en-têtes lus, correspondance complète', async () => {
    const s = Source.parse({ id: 't', type: 'tension', chemin: 'bmo/ft_tension_rome_v3_bassin_2020.csv', preset: 'tension-ft-rome-bassin', nomenclature: 'rome3' });
    const r = await inspectSource(s, host, '/sources/1');
    expect(r.problems).toEqual([]);
    expect(r.headers).toContain('classe_tension');
  });

  it('table FAP 2009 → ROME v3 : 749 lignes, 208 codes FAP', async () => {
    const decl = Correspondance.parse({ id: 'c', de: 'fap2009', vers: 'rome3', chemin: 'correspondances/fap2009_rome_v3.csv', colonnes: { de: 'code_fap2009', vers: 'code_rome_v3' } });
    const r = await loadCorrespondance(decl, host, '/correspondances/0');
    expect(r.problems).toEqual([]);
    const pairs = [...r.table!.map.values()].reduce((s, v) => s + v.length, 0);
    const distinct = new Set(csvRows('correspondances/fap2009_rome_v3.csv').map((c) => `${c.code_fap2009}|${c.code_rome_v3}`));
    expect(pairs).toBe(distinct.size);
    expect(r.table!.map.size).toBe(new Set([...distinct].map((k) => k.split('|')[0])).size);
  });

  it('table département → région du préréglage DARES conforme aux bassins BMO 2024', () => {
    // The bassins file gives each bassin's region; a bassin over two regions (Redon: 35, 44, 56)
    // lends its region to a département of the other. The département's own region is the one
    // most of its bassins have.
    const votes = new Map<string, Map<string, number>>();
    for (const r of csvRows('bmo/bmo_2024_bassins.csv')) {
      const v = votes.get(r.code_departement!) ?? new Map<string, number>();
      v.set(r.code_region!, (v.get(r.code_region!) ?? 0) + 1);
      votes.set(r.code_departement!, v);
    }
    const majority = [...votes].map(([d, v]) => [d, [...v].sort((a, b) => b[1] - a[1])[0]![0]]);
    expect(majority.map(([d]) => [d, REGION_DU_DEPARTEMENT[d!]])).toEqual(majority);
    expect(Object.keys(REGION_DU_DEPARTEMENT).sort()).toEqual([...votes.keys()].sort());
  });
});
