/**
 * Where every problem code is produced: format codes by their file in tests/fixtures/format/ (see
 * tests/format/fixtures.test.ts), every other code by a producer below that runs the real code on
 * a small input. The map is typed over the codes, so a new code without its producer does not
 * compile; producers.test.ts runs each one and checks that it yields its code.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCsv } from '../../core/data/csv.js';
import { loadCorrespondance } from '../../core/data/crosswalk.js';
import { inspectSource } from '../../core/data/inspect.js';
import { loadSource } from '../../core/data/load-source.js';
import { readDeclaredFile } from '../../core/data/open-source.js';
import type { AnalysisCode } from '../../core/analysis/problems-analysis.js';
import type { DataCode } from '../../core/data/problems-data.js';
import { choisirFichiersDares, emplacementsCorrespondance } from '../../core/init/dares.js';
import { resolveTerritoire } from '../../core/init/match.js';
import { placeDataFile } from '../../core/init/place-file.js';
import { initProblem, type InitCode } from '../../core/init/problems-init.js';
import { presetTensionFromHeaders, readTerritoiresBmo } from '../../core/init/read-files.js';
import { territoiresFromRows } from '../../core/init/territoires.js';
import { readTable } from '../../core/data/table.js';
import { readXlsx } from '../../core/data/xlsx.js';
import { parseDiagnosticText } from '../../core/format/parse.js';
import { schemaProblems } from '../../core/format/schema-problems.js';
import { Correspondance, Source, type DiagnosticInput } from '../../core/format/schema.js';
import { SourceMap } from '../../core/format/source-map.js';
import { FileRefusedError, memoryHost, type FileHost } from '../../core/host.js';
import { checkOutputSize } from '../../core/report/output-size.js';
import { validateDiagnostic } from '../../core/validation/validate.js';
import { nodeFileHost } from '../../node-host/file-host.js';
import type { Problem } from '../../core/problems.js';
import type { Referentiel } from '../../core/referentiel/model.js';
import { capProblems } from '../../core/validation/problem-cap.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';
import { loadCsvReferentiel } from '../../core/referentiel/csv-referentiel.js';
import { readCsvTable } from '../../core/referentiel/csv-table.js';
import { loadReferentiel } from '../../core/referentiel/load.js';
import type { ReferentielCode } from '../../core/referentiel/problems-referentiel.js';
import { loadRomeOfficiel } from '../../core/referentiel/rome-officiel.js';
import { fixtures, folderFiles } from '../referentiel/helpers.js';
import { bombWorkbook, sheetWorkbook, zip } from '../data/zip-build.js';
import { daresProblems } from './scenario-dares.js';
import { bassin, bmoMasques, departement, enc, sansReferentiel, restreint, tensionSeule, unreadableHost, workbook } from './scenarios.js';

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

/** A diagnostic folder on disk whose `donnees/` holds a link to /etc/passwd and a folder named like a file (the real node host refuses both). */
function hostileFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gtec-producer-'));
  mkdirSync(path.join(dir, 'donnees', 'dossier.csv'), { recursive: true });
  symlinkSync('/etc/passwd', path.join(dir, 'donnees', 'passwd.csv'));
  writeFileSync(path.join(dir, 'diagnostic.gtec.yaml'), '');
  return dir;
}
/** What the git host throws for a symbolic link stored in a revision. */
const gitLinkHost: FileHost = {
  readFile: async (p) => {
    throw new FileRefusedError({ kind: 'lien-git', file: p, link: p, target: '/etc/passwd' });
  },
};
const donneesYaml = "gtec: 1\ntitre: x\nterritoire: { nom: x, type: bassin-bmo, codes: ['5225'] }\nperiode: { debut: 2023, fin: 2024 }\nsources:\n  - { id: b, type: bmo, chemin: $donnees/bmo.csv }\n";
/** A referential whose métiers cannot be read: validation meets an exception it did not expect. */
export function throwingReferential(): Referentiel {
  return Object.defineProperty({ kind: 'csv', label: 'cassé', version: '1', competences: {}, macros: {}, domaines: {} }, 'metiers', {
    get() {
      throw new RangeError('Maximum call stack size exceeded');
    },
  }) as Referentiel;
}

export type Producer = () => Promise<readonly Problem[]> | readonly Problem[];

/** Format codes that no single fixture file can show, each with its producer. */
export const FORMAT_SANS_FIXTURE = {
  // A file over the size limit (lowered here: the real limit is 5 MB).
  'GTEC-E003': () => parseDiagnosticText('gtec: 1\ntitre: x\n', 'x.gtec.yaml', { caracteres: 10 }).problems,
  // No zod issue of the current schema leads to it: an issue of another kind stands for a future one.
  // More problems than a file reports (the limit lowered here: the real one is 1 000).
  'GTEC-W002': () => capProblems(parseDiagnosticText('a: 1\na: 2\na: 3\n', 'x.gtec.yaml').problems, 1),
  // A defect of the core, caught: a referential whose reading throws stands for it.
  'GTEC-E090': () =>
    validateDiagnosticSync('gtec: 1\ntitre: x\nterritoire: { nom: T, type: region, codes: ["52"] }\nperiode: { debut: 2019, fin: 2024 }\nmetiers: [{ code: H2913 }]\n', {
      fileName: 'x.gtec.yaml',
      referential: throwingReferential(),
    }).problems,
  'GTEC-E019': () => schemaProblems([{ code: 'custom', path: ['titre'], message: 'Invalid input', input: 'x' } as never], { titre: 'x' }, new SourceMap()),
} satisfies Record<string, Producer>;

export const PRODUCTEURS: Record<DataCode | ReferentielCode | AnalysisCode | InitCode, Producer> = {
  // ── Data files
  'GTEC-E201': async () => (await readDeclaredFile('../x.csv', memoryHost({}), '/sources/0/chemin')).problems,
  'GTEC-E202': async () => (await readDeclaredFile('x.csv', memoryHost({}), '/sources/0/chemin')).problems,
  'GTEC-E203': async () => [...(await readDeclaredFile('x.csv', unreadableHost, '/sources/0/chemin')).problems, ...(await readXlsx(enc('pas un classeur'), { file: 'x.xlsx' })).problems],
  'GTEC-E230': async () => (await readDeclaredFile('donnees/passwd.csv', nodeFileHost(hostileFolder()), '/sources/0/chemin')).problems,
  'GTEC-E231': async () => (await readDeclaredFile('donnees/dossier.csv', nodeFileHost(hostileFolder()), '/sources/0/chemin')).problems,
  'GTEC-E232': async () => (await readDeclaredFile('$donnees/absent.csv', memoryHost({}, '../shared/data'), '/sources/0/chemin')).problems,
  'GTEC-E233': async () => (await readDeclaredFile('donnees/passwd.csv', gitLinkHost, '/sources/0/chemin')).problems,
  'GTEC-E234': () => [checkOutputSize('rapport.html', 2048, 1024)!],
  'GTEC-I230': async () => (await validateDiagnostic(donneesYaml, { fileName: 'x.gtec.yaml', host: memoryHost({}) })).problems,
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
  'GTEC-E220': async () => (await readDeclaredFile('x.csv', { ...memoryHost({ 'x.csv': 'a;b\n1;2\n' }), limites: { taille: 4 } }, '/sources/0/chemin')).problems,
  'GTEC-E221': async () => (await readXlsx(zip(Array.from({ length: 11 }, (_, i) => ({ name: `x${i}.xml`, data: '' }))), { file: 'x.xlsx', limites: { entrees: 10 } })).problems,
  'GTEC-E222': async () => (await readXlsx(bombWorkbook(4 << 20), { file: 'x.xlsx', limites: { decompresse: 1 << 20, taux: 1e9 } })).problems,
  'GTEC-E223': async () => (await readXlsx(bombWorkbook(4 << 20), { file: 'x.xlsx' })).problems,
  'GTEC-E224': async () => [
    ...(await readXlsx(sheetWorkbook('<row r="1"><c r="A1" t="inlineStr"><is><t>metier</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>H2913H2913</t></is></c></row>'), { file: 'x.xlsx', limites: { cellule: 5 } })).problems,
    ...readCsv(enc('metier\nH2913H2913\n'), { file: 'x.csv', limites: { cellule: 5 } }).problems,
  ],
  'GTEC-E225': async () => [
    ...(await readXlsx(sheetWorkbook('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>'), { file: 'x.xlsx', limites: { lignes: 2 } })).problems,
    ...readCsv(enc('a\n1\n2\n'), { file: 'x.csv', limites: { lignes: 2 } }).problems,
  ],
  'GTEC-E226': async () => [
    ...(await readXlsx(sheetWorkbook('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'), { file: 'x.xlsx', limites: { colonnes: 1 } })).problems,
    ...readCsv(enc('a;b\n1;2\n'), { file: 'x.csv', limites: { colonnes: 1 } }).problems,
  ],
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
  'GTEC-W220': () => csv(new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0xe9, 0x3b, 0x31, 0x0a])),
  'GTEC-W221': () => load({ 'e.csv': 'metier;zone;annee;effectif\nH2913;01;2024;1\nH24ÿþ02;01;2024;2\nTotal;01;2024;3\n' }, { type: 'effectifs', chemin: 'e.csv' }),
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
  'GTEC-I430': daresProblems,
  'GTEC-I431': daresProblems,
  // ── A new diagnostic (gtec init)
  'GTEC-E501': () => initMatch('saint nazere'),
  'GTEC-E502': () => initMatch('saint'),
  'GTEC-E503': () => [initProblem('GTEC-E503', '', { fichier: 'x.gtec.yaml' })],
  'GTEC-E504': () => placeDataFile({ fichier: '/home/u/Téléchargements/bmo.xlsx', dossier: '/home/u/diag' }).problems,
  'GTEC-E505': async () => (await readTerritoiresBmo(await workbook((wb) => wb.addWorksheet('BMO_2024_open_data').addRow(['annee', 'REG'])), 'bmo.xlsx')).problems,
  'GTEC-E506': () => presetTensionFromHeaders(['metier', 'classe'], 'tension.csv').problems,
  'GTEC-E507': () => choisirFichiersDares(['LISEZMOI.md', 'evol_mmo.csv'], 'bassin', 'dares').problems,
  'GTEC-W508': () => [initProblem('GTEC-W508', '', { cherches: emplacementsCorrespondance('dares-portrait') })],
  'GTEC-I432': restreint,
};

const INIT_BASSINS = territoiresFromRows(
  ['REG', 'NOM_REG', 'Dept', 'NomDept', 'BE24', 'NOMBE24'],
  [{ cells: ['52', 'Pays de la Loire', '44', 'Loire-Atlantique', '5225', 'SAINT NAZAIRE'] }, { cells: ['28', 'Normandie', '50', 'Manche', '2805', 'SAINT LO COUTANCES'] }],
).bassins;
const initMatch = (saisie: string) => resolveTerritoire(saisie, 'bassin', INIT_BASSINS, 'bmo.xlsx').problems;
