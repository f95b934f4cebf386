/**
 * Small diagnostics, data files and referential files that produce problems of the data,
 * referential and analysis catalogues (the format codes have one file each in
 * tests/fixtures/format/). `producers.ts` maps every code to the scenario that produces it.
 */
import ExcelJS from 'exceljs';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { memoryHost, type FileHost } from '../../core/host.js';
import type { Problem } from '../../core/problems.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';

export const enc = (s: string) => new TextEncoder().encode(s);

export async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A host whose every read fails, as a file without read permission does. */
export const unreadableHost: FileHost = {
  async readFile() {
    throw new Error('EACCES: permission denied');
  },
};

const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

/**
 * A bassin of two BMO bassins in region 44: a fap2021 source with no path to ROME 4 (W401), a ROME v3
 * tension file whose I1304 maps to two fiches of the referential (I402) and whose K9999 maps to none
 * (W411), a fragile métier without fiche (W403), a source with no row for the territory (W405) nor
 * for the reference (I412), a métier absent from the referential (I409), offers/job seekers without
 * reference values (I407).
 */
export const bassin = once(async (): Promise<Problem[]> => {
  const files = {
    'data/effectifs.csv': [
      'metier;zone;region;annee;effectif',
      'H2402;B1;44;2019;120',
      'H2402;B1;44;2024;90',
      'H2402;B3;44;2019;800',
      'H2402;B3;44;2024;800',
      'H2403;B1;44;2019;100',
      'H2403;B1;44;2024;70',
      'H2403;B3;44;2019;400',
      'H2403;B3;44;2024;400',
      'H2913;B1;44;2019;60',
      'H2913;B1;44;2024;100',
      'H2913;B3;44;2019;400',
      'H2913;B3;44;2024;410',
      'X9999;B1;44;2019;50',
      'X9999;B1;44;2024;90',
      'X9999;B3;44;2019;400',
      'X9999;B3;44;2024;400',
    ].join('\n'),
    'data/tension.csv': ['metier;zone;classe;offres;demandeurs', 'I1304;B1;5;500;400', 'H2402;B1;2;200;300', 'K9999;B1;3;20;30'].join('\n'),
    'data/fap.csv': ['metier;zone;projets;difficiles;saisonniers', 'A0X40;B1;10;5;0'].join('\n'),
    'data/bmo.csv': ['metier;zone;annee;projets;difficiles;saisonniers', 'I1304;B1;2024;400;300;0', 'I1334;B1;2024;200;50;0', 'H2402;B1;2024;100;10;0'].join('\n'),
    'data/ailleurs.csv': ['metier;zone;projets;difficiles;saisonniers', 'H2402;Z9;10;5;0'].join('\n'),
  };
  const yaml = `
gtec: 1
titre: Bassin test
territoire:
  nom: Bassin test
  type: bassin-bmo
  codes: ['B1', 'B2']
  reference: { nom: la région, type: region, codes: ['44'] }
periode: { debut: 2019, fin: 2024 }
sources:
  - { id: effectifs, type: effectifs, chemin: data/effectifs.csv }
  - { id: tension, type: tension, chemin: data/tension.csv, nomenclature: rome3, annee: 2024 }
  - { id: bmo-fap, type: bmo, chemin: data/fap.csv, nomenclature: fap2021 }
  - { id: ailleurs, type: bmo, chemin: data/ailleurs.csv, annee: 2024 }
  - { id: bmo, type: bmo, chemin: data/bmo.csv }
passerelles: { score_minimum: 0.1, nombre: 3 }
metiers:
  - { code: H2403 }
`;
  const ref = demoReferentiel();
  ref.metiers = ref.metiers.map((m) => (m.code === 'I1334' ? { ...m, codeRomeV3: 'I1304' } : m));
  return (await runDiagnostic(yaml, { fileName: 'bassin.gtec.yaml', host: memoryHost(files), referential: ref })).problems;
});

/** A département without reference territory (I408), effectifs for two years of the period (W406), an unknown age band (W404). */
export const departement = once(async (): Promise<Problem[]> => {
  const files = {
    'd/eff.csv': ['metier;zone;annee;effectif', 'H2913;52;2020;100', 'H2913;52;2024;150'].join('\n'),
    'd/ages.csv': ['metier;zone;tranche;effectif', 'H2913;52;moins de 30 ans;60', 'H2913;52;inconnu;5'].join('\n'),
  };
  const yaml = `
gtec: 1
titre: Haute-Marne
territoire: { nom: Haute-Marne, type: departement, codes: ['52'] }
periode: { debut: 2019, fin: 2024 }
sources:
  - { id: eff, type: effectifs, chemin: d/eff.csv }
  - { id: ages, type: ages, chemin: d/ages.csv, annee: 2024 }
`;
  return (await runDiagnostic(yaml, { fileName: 'hm.gtec.yaml', host: memoryHost(files) })).problems;
});

/** A tension source giving only offers and job seekers: one component of the composite score of three (I417). */
export const tensionSeule = once(async (): Promise<Problem[]> => {
  const files = { 't/tension.csv': ['metier;zone;classe;offres;demandeurs', 'H2913;B1;5;500;400', 'H2402;B1;2;200;300'].join('\n') };
  const yaml = `
gtec: 1
titre: Tension seule
territoire: { nom: Bassin test, type: bassin-bmo, codes: ['B1'] }
periode: { debut: 2019, fin: 2024 }
sources:
  - { id: tension, type: tension, chemin: t/tension.csv, annee: 2024 }
`;
  return (await runDiagnostic(yaml, { fileName: 'ts.gtec.yaml', host: memoryHost(files) })).problems;
});

/** A referential declared but absent: the passerelles step cannot be carried out (E410). */
export const sansReferentiel = once(async (): Promise<Problem[]> => {
  const yaml = `
gtec: 1
titre: Sans référentiel
territoire: { nom: Haute-Marne, type: departement, codes: ['52'] }
periode: { debut: 2019, fin: 2024 }
referentiel: { type: csv, chemin: ref/metiers.csv }
sources:
  - { id: eff, type: effectifs, chemin: d/eff.csv }
passerelles: { score_minimum: 0.1, nombre: 3 }
`;
  const files = { 'd/eff.csv': ['metier;zone;annee;effectif', 'H2913;52;2019;100', 'H2913;52;2024;150', 'H2402;52;2019;150', 'H2402;52;2024;90'].join('\n') };
  return (await runDiagnostic(yaml, { fileName: 'sr.gtec.yaml', host: memoryHost(files) })).problems;
});

/**
 * BMO rows with withheld cells (`*`): B1's three parts of A1X01 sum to a lower bound that still
 * passes the ≥ 30 rule and makes an en-tension verdict (W420); the relative BMO threshold asked
 * for without a reference territory (W421).
 */
export const bmoMasques = once(async (): Promise<Problem[]> => {
  const files = {
    'data/bmo.csv': ['metier;zone;projets;difficiles;saisonniers', 'A1X01;B1;40;30;*', 'A1X01;B1;*;*;*', 'A1X01;B2;20;15;0', 'A1X02;B1;*;*;*'].join('\n'),
  };
  const yaml = `
gtec: 1
titre: BMO masqué
territoire: { nom: Deux bassins, type: bassin-bmo, codes: ['B1', 'B2'] }
periode: { debut: 2023, fin: 2024 }
nomenclature: fap2021
referentiel: { type: demo, version: '1' }
regles: { tension: { part_difficiles_seuil: reference } }
sources:
  - { id: bmo, type: bmo, chemin: data/bmo.csv, nomenclature: fap2021, annee: 2024 }
`;
  return (await runDiagnostic(yaml, { fileName: 'bmo.gtec.yaml', host: memoryHost(files) })).problems;
});

/** The Haute-Marne diagnostic in Restricted Mode (untrusted workspace): its two files are not read (I430). */
export const restreint = once(async (): Promise<Problem[]> => {
  const yaml = `
gtec: 1
titre: Haute-Marne
territoire: { nom: Haute-Marne, type: departement, codes: ['52'] }
periode: { debut: 2019, fin: 2024 }
sources:
  - { id: eff, type: effectifs, chemin: d/eff.csv }
  - { id: ages, type: ages, chemin: d/ages.csv, annee: 2024 }
`;
  return (await runDiagnostic(yaml, { fileName: 'hm.gtec.yaml', host: memoryHost({}), restricted: true })).problems;
});
