/**
 * Where every problem code is produced: format codes by their file in tests/fixtures/format/ (see
 * tests/format/fixtures.test.ts), every other code by a producer below that runs the real code on
 * a small input. The map is typed over the codes, so a new code without its producer does not
 * compile; producers.test.ts runs each one and checks that it yields its code.
 */
import path from 'node:path';
import { readCsv } from '../../core/data/csv.js';
import { loadCorrespondance } from '../../core/data/crosswalk.js';
import { inspectSource } from '../../core/data/inspect.js';
import { loadSource } from '../../core/data/load-source.js';
import { readDeclaredFile } from '../../core/data/open-source.js';
import type { AnalysisCode } from '../../core/analysis/problems-analysis.js';
import type { DataCode } from '../../core/data/problems-data.js';
import { readTable } from '../../core/data/table.js';
import { readXlsx } from '../../core/data/xlsx.js';
import { parseDiagnosticText } from '../../core/format/parse.js';
import { schemaProblems } from '../../core/format/schema-problems.js';
import { Correspondance, Source, type DiagnosticInput } from '../../core/format/schema.js';
import { SourceMap } from '../../core/format/source-map.js';
import { memoryHost } from '../../core/host.js';
import type { Problem } from '../../core/problems.js';
import { loadCsvReferentiel } from '../../core/referentiel/csv-referentiel.js';
import { readCsvTable } from '../../core/referentiel/csv-table.js';
import { loadReferentiel } from '../../core/referentiel/load.js';
import type { ReferentielCode } from '../../core/referentiel/problems-referentiel.js';
import { loadRomeOfficiel } from '../../core/referentiel/rome-officiel.js';
import { fixtures, folderFiles } from '../referentiel/helpers.js';
import { bassin, bmoMasques, departement, enc, restreint, sansReferentiel, tensionSeule, unreadableHost, workbook } from './scenarios.js';

type SourceInput = NonNullable<DiagnosticInput['sources']>[number];
const src = (s: Partial<SourceInput> & Pick<SourceInput, 'type' | 'chemin'>) => Source.parse({ id: 's', ...s });
const load = (files: Record<string, string | Uint8Array>, s: Partial<SourceInput> & Pick<SourceInput, 'type' | 'chemin'>) => loadSource(src(s), memoryHost(files), '/sources/0').then((r) => r.problems);
const inspect = (files: Record<string, string | Uint8Array>, s: Partial<SourceInput> & Pick<SourceInput, 'type' | 'chemin'>) => inspectSource(src(s), memoryHost(files), '/sources/0').then((r) => r.problems);
const csv = (text: string | Uint8Array, opts: { encodage?: 'utf-8' } = {}) => readCsv(typeof text === 'string' ? enc(text) : text, { file: 'x.csv', ...opts }).problems;
const mini = path.join(fixtures, 'mini-rome');
const rome = async (change: (files: Record<string, Uint8Array>) => void) => {
  const files = folderFiles(mini);
  change(files);
  return (await loadRomeOfficiel(memoryHost(files), 'rome')).problems;
};
const LIENS = 'rome/unix_liens_rome_referentiels_v999_utf8.csv';

export type Producer = () => Promise<readonly Problem[]> | readonly Problem[];

/** Format codes that no single fixture file can show, each with its producer. */
export const FORMAT_SANS_FIXTURE = {
  // A file over the size limit (lowered here: the real limit is 5 MB).
  'GTEC-E003': () => parseDiagnosticText('gtec: 1\ntitre: x\n', 'x.gtec.yaml', { caracteres: 10 }).problems,
  // No zod issue of the current schema leads to it: an issue of another kind stands for a future one.
  'GTEC-E019': () => schemaProblems([{ code: 'custom', path: ['titre'], message: 'Invalid input', input: 'x' } as never], { titre: 'x' }, new SourceMap()),
} satisfies Record<string, Producer>;

export const PRODUCTEURS: Record<DataCode | ReferentielCode | AnalysisCode, Producer> = {
  // ── Data files
  'GTEC-E201': async () => (await readDeclaredFile('../x.csv', memoryHost({}), '/sources/0/chemin')).problems,
  'GTEC-E202': async () => (await readDeclaredFile('x.csv', memoryHost({}), '/sources/0/chemin')).problems,
  'GTEC-E203': async () => [...(await readDeclaredFile('x.csv', unreadableHost, '/sources/0/chemin')).problems, ...(await readXlsx(enc('pas un classeur'), { file: 'x.xlsx' })).problems],
  'GTEC-E204': async () => (await readTable(enc('a'), { file: 'x.ods' })).problems,
  'GTEC-E205': async () => (await readXlsx(await workbook((wb) => wb.addWorksheet('Emploi').addRow(['metier'])), { file: 'x.xlsx', feuille: 'Emplois' })).problems,
  'GTEC-E206': () => csv(''),
  'GTEC-E207': () => csv('a;b\n1;2;3\n'),
  'GTEC-E208': () => csv('a;b\n"1;2\n3;4\n'),
  'GTEC-E209': () => inspect({ 'e.csv': 'code;zone;annee;effectif\n' }, { type: 'effectifs', chemin: 'e.csv' }),
  'GTEC-E210': () => inspect({ 'e.csv': 'metier;zone;annee;effectif\n' }, { type: 'effectifs', chemin: 'e.csv', colonnes: { effectif: 'efectif' } }),
  'GTEC-E211': () => load({ 'e.csv': 'metier;zone;annee;effectif\nH2913;01;2024;douze\n' }, { type: 'effectifs', chemin: 'e.csv' }),
  'GTEC-E212': () => load({ 'e.csv': 'metier;zone;annee;effectif\nH2913;;2024;12\n' }, { type: 'effectifs', chemin: 'e.csv' }),
  'GTEC-E213': () => load({ 'e.csv': 'metier;zone;annee;effectif\nH2913;01;20x0;12\n' }, { type: 'effectifs', chemin: 'e.csv' }),
  'GTEC-E214': () => inspect({ 't.csv': 'x\n' }, { type: 'bmo', chemin: 't.csv', preset: 'dares-tensions-fap2009' }),
  'GTEC-E215': () => load({ 't.csv': 'metier;zone;classe\nH2913;01;6\n' }, { type: 'tension', chemin: 't.csv', annee: 2024 }),
  'GTEC-E216': () =>
    load(
      { 'd.csv': 'annee,niveau_geo,code_region,code_departement,niveau_fap,code_fap2009,emploi_moyen,indicateur_tension,categorie_tension\n2019,com,,,fap225,A0Z40,5,0.1,1.0\n' },
      { type: 'tension', chemin: 'd.csv', preset: 'dares-tensions-fap2009', nomenclature: 'fap2009' },
    ),
  'GTEC-W201': () => csv(new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0xe9, 0x3b, 0x31, 0x0a]), { encodage: 'utf-8' }),
  'GTEC-W202': () => csv('a;;c\n1;2;3\n'),
  'GTEC-W203': () => csv('a;a\n1;2\n'),
  'GTEC-W204': () => inspect({ 'e.csv': 'metier;zone;annee;effectif\n' }, { type: 'effectifs', chemin: 'e.csv', colonnes: { efectif: 'effectif' } }),
  'GTEC-W205': () => csv(['a;b', ...Array.from({ length: 60 }, (_, i) => `${i};${i};${i}`)].join('\n')),
  'GTEC-W206': () => inspect({ 't.csv': 'x\n' }, { type: 'tension', chemin: 't.csv', preset: 'dares-tensions-fap2009' }),
  'GTEC-W207': () => load({ 'e.csv': 'metier;zone;annee;effectif\nH2913;01;2024;-3\n' }, { type: 'effectifs', chemin: 'e.csv' }),
  'GTEC-W208': () => csv('a;b\n'),
  'GTEC-W209': async () =>
    (
      await readXlsx(
        await workbook((wb) => {
          const ws = wb.addWorksheet('A');
          ws.addRow(['a']);
          ws.addRow([1, 2]);
        }),
        { file: 'x.xlsx' },
      )
    ).problems,
  'GTEC-W210': async () =>
    (await loadCorrespondance(Correspondance.parse({ id: 'c', de: 'fap2009', vers: 'rome3', chemin: 'c.csv', colonnes: { de: 'de', vers: 'vers' } }), memoryHost({ 'c.csv': 'de,vers\n,A1408\n' }), '/correspondances/0')).problems,
  // ── Referentiel
  'GTEC-E301': async () => (await loadRomeOfficiel(memoryHost({}), 'nulle-part')).problems,
  'GTEC-E302': () => rome((f) => delete f['rome/unix_referentiel_savoir_v999_utf8.csv']),
  'GTEC-E303': () => loadCsvReferentiel(enc('code_metier,libelle_metier\nA,B\n'), 'r.csv').problems,
  'GTEC-E304': () => {
    const problems: Problem[] = [];
    readCsvTable(enc(''), 'vide.csv', problems);
    return problems;
  },
  'GTEC-E305': () => loadCsvReferentiel(enc('code_metier,libelle_metier,code_competence,libelle_competence\n'), 'r.csv').problems,
  'GTEC-E306': async () => [...(await loadReferentiel({ type: 'rome-officiel' }, memoryHost({}), '/referentiel')).problems, ...(await loadReferentiel({ type: 'csv', chemin: 'r.csv' }, memoryHost({}), '/referentiel')).problems],
  'GTEC-W301': () => loadCsvReferentiel(enc('code_metier,libelle_metier,code_competence,libelle_competence,type,coeur\nA,Un,C1,X,talent,oui\nA,Un,C2,Y,savoir,peut-être\n,Un,C4,W,savoir,non\n'), 'r.csv').problems,
  'GTEC-W302': () => rome((f) => (f[LIENS] = enc(new TextDecoder().decode(f[LIENS]) + '"Z9999","5","1","901"\n"H2913","5","1","123456"\n"H2913","5"\n"H2913","5","7","902"\n'))),
  'GTEC-W303': async () =>
    (await loadReferentiel({ type: 'demo', version: '1' }, memoryHost({}))).problems.concat(
      (await loadReferentiel({ type: 'csv', chemin: 'c.csv', version: '2' }, memoryHost({ 'c.csv': enc('code_metier,libelle_metier,code_competence,libelle_competence\nA,Un,C1,X\n') }))).problems,
    ),
  'GTEC-W304': () => {
    const problems: Problem[] = [];
    readCsvTable(new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]), 'unix_x_v999_utf8.csv', problems);
    return problems;
  },
  'GTEC-W305': () => rome((f) => delete f['rome/version.txt']),
  // ── Analysis
  'GTEC-W401': bassin,
  'GTEC-I402': bassin,
  'GTEC-W403': bassin,
  'GTEC-W404': departement,
  'GTEC-W405': bassin,
  'GTEC-W406': departement,
  'GTEC-I407': bassin,
  'GTEC-I408': departement,
  'GTEC-I409': bassin,
  'GTEC-E410': sansReferentiel,
  'GTEC-W411': bassin,
  'GTEC-I412': bassin,
  'GTEC-I417': tensionSeule,
  'GTEC-W420': bmoMasques,
  'GTEC-W421': bmoMasques,
  'GTEC-I430': restreint,
};
