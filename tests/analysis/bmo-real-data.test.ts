import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import type { DiagnosticResult, TotauxBmo } from '../../core/analysis/result.js';
import { nodeFileHost } from '../../node-host/file-host.js';

const data = path.resolve(__dirname, '../..', '../shared/data');
const present = existsSync(path.join(data, 'bmo-officiel/Base_open_data_BMO_2024.xlsx')) && existsSync(path.join(data, 'bmo/bmo_2024_projets.csv'));
if (!present) console.warn('données réelles absentes : ../shared/data/bmo-officiel ou bmo — test ignoré');

/*
 * BMO 2024 aggregates read from the official workbook (bmo-officiel preset), against an
 * independent computation from the CSV extract of the same sheet (bmo/bmo_2024_projets.csv, `*`
 * left empty and flagged in masque_* columns): France, a region (Pays de la Loire, 52), a
 * bassin spanning two départements (Pays Basque, 7539: 64 and 40) and a one-département bassin
 * (Saint-Nazaire, 5225). Totals are sums of the published cells with the number of withheld ones.
 */
type Ligne = Record<string, string>;
const csv = (f: string) => (present ? (parse(readFileSync(path.join(data, f)), { columns: true, bom: true }) as Ligne[]) : []);

interface Attendu {
  projets: number;
  difficiles: number;
  saisonniers: number;
  masques: [number, number, number];
  lignes: number;
  metiers: number;
  /** Per métier: published projects and their withheld cells. */
  parMetier: Map<string, { projets: number; masques: number; publies: number }>;
}

function attendu(lignes: readonly Ligne[]): Attendu {
  const a: Attendu = { projets: 0, difficiles: 0, saisonniers: 0, masques: [0, 0, 0], lignes: lignes.length, metiers: 0, parMetier: new Map() };
  const champs = [
    ['projets_recrutement', 'masque_recrutement'],
    ['projets_difficiles', 'masque_difficiles'],
    ['projets_saisonniers', 'masque_saisonniers'],
  ] as const;
  for (const l of lignes) {
    champs.forEach(([v, m], i) => {
      if (l[m] === '1') a.masques[i]!++;
      else if (l[v] !== '') a[(['projets', 'difficiles', 'saisonniers'] as const)[i]!] += Number(l[v]);
    });
    const pm = a.parMetier.get(l.code_metier_bmo!) ?? { projets: 0, masques: 0, publies: 0 };
    if (l.masque_recrutement === '1') pm.masques++;
    else if (l.projets_recrutement !== '') {
      pm.projets += Number(l.projets_recrutement);
      pm.publies++;
    }
    a.parMetier.set(l.code_metier_bmo!, pm);
  }
  a.metiers = a.parMetier.size;
  return a;
}

function compare(t: TotauxBmo, a: Attendu) {
  expect(t.projets).toMatchObject({ valeur: a.projets, borneInferieure: true, masques: a.masques[0] });
  expect(t.difficiles).toMatchObject({ valeur: a.difficiles, borneInferieure: true, masques: a.masques[1] });
  expect(t.saisonniers).toMatchObject({ valeur: a.saisonniers, borneInferieure: true, masques: a.masques[2] });
  expect(t.partDifficiles.valeur!).toBeCloseTo(a.difficiles / a.projets, 12);
  expect(t.partDifficiles.masques).toBe(a.masques[0] + a.masques[1]);
  expect(t.partSaisonniers.valeur!).toBeCloseTo(a.saisonniers / a.projets, 12);
  expect({ lignes: t.lignes, metiers: t.metiers }).toEqual({ lignes: a.lignes, metiers: a.metiers });
}

function compareMetiers(r: DiagnosticResult, a: Attendu) {
  expect(r.metiers.map((m) => m.indicateurs.code).sort()).toEqual([...a.parMetier.keys()].sort());
  for (const m of r.metiers) {
    const e = a.parMetier.get(m.indicateurs.code)!;
    const p = m.indicateurs.bmo!.projets;
    // a blank only when every cell of the métier is withheld
    if (e.publies === 0) expect(p).toMatchObject({ valeur: null, masque: true, masques: e.masques });
    else expect({ valeur: p.valeur, borne: p.borneInferieure === true, masques: p.masques ?? 0 }).toEqual({ valeur: e.projets, borne: e.masques > 0, masques: e.masques });
  }
}

const yaml = (territoire: string) => `
gtec: 1
titre: BMO 2024
territoire: ${territoire}
periode: { debut: 2023, fin: 2024 }
nomenclature: fap2021
sources:
  - { id: bmo, type: bmo, chemin: bmo-officiel/Base_open_data_BMO_2024.xlsx, preset: bmo-officiel, nomenclature: fap2021, producteur: France Travail }
`;

const run = async (territoire: string) => {
  const out = await runDiagnostic(yaml(territoire), { fileName: 'bmo.gtec.yaml', host: nodeFileHost(data) });
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return out;
};

describe.skipIf(!present)('real data: BMO 2024 aggregates, official workbook against the CSV extract', () => {
  const lignes = csv('bmo/bmo_2024_projets.csv');
  const region = new Map(csv('bmo/bmo_2024_bassins.csv').map((b) => [`${b.code_bassin}|${b.code_departement}`, b.code_region!]));
  const deRegion = (code: string) => lignes.filter((l) => region.get(`${l.code_bassin}|${l.code_departement}`) === code);
  const duBassin = (code: string) => lignes.filter((l) => l.code_bassin === code);

  it('France: every row, 2 751 069 published projects, no métier blank', async () => {
    const out = await run('{ nom: France, type: france }');
    const r = out.result!;
    const a = attendu(lignes);
    expect(a.projets).toBe(2_751_069);
    compare(r.bmo!.territoire, a);
    expect(r.bmo).toMatchObject({ source: 'bmo', annee: 2024, base: 'publies' });
    expect(r.bmo!.reference).toBeUndefined();
    compareMetiers(r, a);
    expect(r.metiers.filter((m) => m.indicateurs.bmo!.projets.valeur === null)).toEqual([]);
    // verdicts resting on withheld cells are reported, with their count
    const w = out.problems.find((p) => p.code === 'GTEC-W420')!;
    expect(w.data?.metiers).toBe(r.metiers.filter((m) => m.explications.some((e) => e.regle === 'part-difficiles' && e.masques)).length);
    expect(w.data?.metiers).toBeGreaterThan(0);
  });

  it('Pays de la Loire (52) beside France, and the relative threshold', async () => {
    const out = await run(`{ nom: Pays de la Loire, type: region, codes: ['52'], reference: { nom: la France, type: france } }
regles: { tension: { part_difficiles_seuil: reference } }`);
    const r = out.result!;
    const a = attendu(deRegion('52'));
    compare(r.bmo!.territoire, a);
    compare(r.bmo!.reference!, attendu(lignes));
    compareMetiers(r, a);
    const part = r.bmo!.reference!.partDifficiles.valeur!;
    for (const m of r.metiers) {
      const e = m.explications.find((x) => x.regle === 'part-difficiles');
      const b = m.indicateurs.bmo!;
      const attenduTension = b.partDifficiles.significatif && b.partDifficiles.valeur! >= part && b.projets.valeur! >= 30;
      expect(e !== undefined, m.indicateurs.code).toBe(attenduTension);
      if (e) expect(e).toMatchObject({ seuil: part, reference: part });
    }
  });

  it('Pays Basque (7539, départements 64 and 40) and Saint-Nazaire (5225), beside their regions', async () => {
    const basque = (await run(`{ nom: Pays Basque, type: bassin-bmo, codes: ['7539'], reference: { nom: Nouvelle-Aquitaine, type: region, codes: ['75'] } }`)).result!;
    const a = attendu(duBassin('7539'));
    expect(new Set(duBassin('7539').map((l) => l.code_departement))).toEqual(new Set(['64', '40']));
    compare(basque.bmo!.territoire, a);
    compare(basque.bmo!.reference!, attendu(deRegion('75')));
    compareMetiers(basque, a);
    const nazaire = (await run(`{ nom: Saint-Nazaire, type: bassin-bmo, codes: ['5225'], reference: { nom: Pays de la Loire, type: region, codes: ['52'] } }`)).result!;
    const b = attendu(duBassin('5225'));
    compare(nazaire.bmo!.territoire, b);
    compare(nazaire.bmo!.reference!, attendu(deRegion('52')));
    compareMetiers(nazaire, b);
  });

  it('a département (44, Loire-Atlantique) selects its rows by the Dept column', async () => {
    const r = (await run(`{ nom: Loire-Atlantique, type: departement, codes: ['44'] }`)).result!;
    compare(r.bmo!.territoire, attendu(lignes.filter((l) => l.code_departement === '44')));
  });
});
