/**
 * Every problem code rendered in both languages, from its `exemple` and from variants that reach
 * the other branches of its wording: the English text holds no French word of ours and no « »,
 * the French text no English word. User values (the data's own strings) and quoted identifiers
 * ("metiers", 'effectif', « titre ») are left out of the scan: they may be in either language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalogue as analysis } from '../../core/analysis/problems-analysis.js';
import { catalogues, type AnyProblemDefinition, type ProblemCode } from '../../core/catalogues.js';
import { Catalogue as data } from '../../core/data/problems-data.js';
import { Catalogue as format } from '../../core/format/problems-format.js';
import type { Catalogue, CodeOf, DataOf } from '../../core/problems.js';
import { Catalogue as referential } from '../../core/referentiel/problems-referentiel.js';
import { englishIn, frenchIn } from './language-words.js';

type Variantes<C extends Catalogue> = { [K in CodeOf<C>]?: Array<DataOf<C, K>> };

const FORMAT: Variantes<typeof format> = {
  'GTEC-E001': [{ yaml: 'TAB_AS_INDENT', detail: 'Tabs are not allowed as indentation' }],
  'GTEC-E002': [
    { attendu: 'fin-fichier' },
    { caractere: '}', attendu: 'virgule-ou-fermeture', fermeture: ']' },
    { caractere: 'x', attendu: 'echappement' },
    { caractere: '\n', attendu: 'fin-texte-ligne' },
    { attendu: 'fin-texte' },
    { caractere: '}', attendu: 'cle-virgule' },
    { caractere: ']', attendu: 'valeur-virgule' },
    { caractere: '1', attendu: 'cle' },
    { caractere: ',', attendu: 'deux-points' },
  ],
  'GTEC-E004': [{ limite: 2000000, mesure: 'valeurs' }],
  'GTEC-E010': [
    { value: true, expected: 'string', conseil: { type: 'guillemets', texte: 'true' }, suggestion: '"true"' },
    { value: 'oui', expected: 'boolean', conseil: { type: 'booleen', texte: 'oui', valeur: true }, suggestion: 'true' },
    { value: '12,5 %', expected: 'number', conseil: { type: 'nombre', nombre: '0.125' }, suggestion: '0.125' },
    { value: 'H2913', expected: 'array', source: 'H2913', conseil: { type: 'liste', texte: 'H2913' } },
    { value: null, expected: 'object' },
    { value: [1, 2], expected: 'int' },
    { value: { a: 1 }, expected: 'record' },
  ],
  'GTEC-E011': [{ missingKey: 'type', parent: 'territoire', valeurs: ['region', 'departement'] }],
  'GTEC-E012': [{ value: 'zzz', permises: ['gtec', 'titre'] }],
  'GTEC-E013': [{ value: { a: 1 }, permises: ['region'] }],
  'GTEC-E014': [
    { value: '', limite: 1, origine: 'string', inclusive: true },
    { value: 'ab', limite: 3, origine: 'string', inclusive: true },
    { value: [], limite: 1, origine: 'array', inclusive: true },
    { value: 0, limite: 0, origine: 'number', inclusive: false },
  ],
  'GTEC-E015': [
    { value: 'abcd', limite: 3, origine: 'string', inclusive: true },
    { value: [1, 2], limite: 1, origine: 'array', inclusive: false },
    { value: 1.5, limite: 1, origine: 'number', inclusive: false },
  ],
  'GTEC-E016': [{ value: 'a b', format: 'identifiant' }],
  'GTEC-E105': [{ value: 'Z0000', referentiel: 'Référentiel de démonstration GTEC (40 fiches ROME 4.0, compétences rédigées pour l’exemple)', demo: true, suggestions: [], libelles: [] }],
  'GTEC-E111': [
    { value: '', raison: 'vide' },
    { value: '/etc', raison: 'absolu' },
    { value: 'a:b', raison: 'invalide' },
  ],
  'GTEC-E112': [{ value: 'csv', missingKey: 'chemin', cible: 'referentiel-csv' }],
  'GTEC-E113': [
    { value: 'x', cible: 'export-rome' },
    { value: 'x.csv', cible: 'referentiel-csv' },
  ],
  'GTEC-I102': [
    { value: 'H2913', qualite: 'en-mutation' },
    { value: 'H2913', qualite: 'strategique-en-mutation' },
  ],
};
const DATA: Variantes<typeof data> = {
  'GTEC-E201': [
    { value: '', reason: 'vide' },
    { value: '/x', reason: 'absolu' },
    { value: 'a:b', reason: 'invalide' },
  ],
  'GTEC-E203': [{ file: 'bmo.xlsx', raison: 'xlsx', detail: "Can't find end of central directory" }],
  'GTEC-E211': [{ file: 'b.xlsx', sheet: 'Feuil1', cell: 'D4', line: 4, value: 'x', field: 'effectif' }],
};
const REFERENTIAL: Variantes<typeof referential> = {
  'GTEC-E306': [
    { value: 'csv', raison: 'chemin-csv', missingKey: 'chemin' },
    { value: 'rome-officiel', raison: 'chemin-rome', missingKey: 'chemin' },
  ],
  'GTEC-W301': [
    { file: 'r.csv', line: 2, raison: 'codes-vides' },
    { file: 'r.csv', line: 2, raison: 'type-inconnu', value: 'talent' },
    { file: 'r.csv', line: 2, raison: 'code-rome', value: 'H29' },
    { file: 'r.csv', line: 2, raison: 'rubrique', value: '7' },
    { file: 'r.csv', line: 2, raison: 'champs', trouve: 2, attendu: 4 },
    { file: 'r.csv', line: 2, raison: 'guillemet' },
  ],
  'GTEC-W302': [{ file: 'l.csv', line: 3, kind: 'fiche', value: 'Z9999' }],
};
const ANALYSIS: Variantes<typeof analysis> = {
  'GTEC-E410': [
    { etape: 'referentiel', raison: 'exception', detail: 'ENOENT: no such file' },
    { etape: 'source', id: 'bmo', raison: 'exception', detail: 'boom' },
    { etape: 'correspondance', id: 'fap-rome', raison: 'exception', detail: 'boom' },
    { etape: 'passerelles', raison: 'exception' },
  ],
  'GTEC-I407': [{ composante: 'ratioOffresDemandeurs' }, { composante: 'partDifficiles' }],
};

/** Every code with its exemple and variants. */
const cases: Array<[string, AnyProblemDefinition, unknown]> = [];
for (const [variantes, cat] of [
  [FORMAT, format],
  [DATA, data],
  [REFERENTIAL, referential],
  [ANALYSIS, analysis],
] as Array<[Record<string, unknown[] | undefined>, Record<string, AnyProblemDefinition>]>) {
  for (const [code, def] of Object.entries(cat)) {
    cases.push([code, def, def.exemple]);
    (variantes[code] ?? []).forEach((v) => cases.push([code, def, v]));
  }
}

describe('the word lists catch what they are for', () => {
  it('French of ours in English text, English in French text', () => {
    expect(frenchIn('Analysis: step "passerelles" could not be carried out (référentiel non chargé); the rest is computed.')).toEqual(expect.arrayContaining(['référentiel', 'non', 'chargé']));
    expect(frenchIn('Métier "H2913" is not listed by any fiche action.')).toEqual(expect.arrayContaining(['métier', 'fiche']));
    expect(frenchIn('The aliases expand (plus de 100 alias): refused.')).toContain('de');
    expect(frenchIn('Found text "x" ; expected a list.')).toContain('espace avant ponctuation');
    expect(frenchIn('Expected « a » : b')).toEqual(expect.arrayContaining(['« »']));
    expect(englishIn('Fichier « x » illisible : file not found.')).toEqual(expect.arrayContaining(['file', 'not', 'found']));
    // Quoted identifiers and the sample's own values are not words of ours.
    expect(frenchIn('Add it to the "metiers" of an action sheet (Soudage manuel).', { libelle: 'Soudage manuel' })).toEqual([]);
  });
});

describe('every problem code, rendered in English and French', () => {
  it.each(cases.map(([code, def, sample]) => [code, JSON.stringify(sample), def, sample] as const))('%s %s', (_code, _json, def, sample) => {
    const fr = def.fr(sample);
    const en = def.en(sample);
    for (const m of [fr, en]) {
      expect(m).not.toMatch(/undefined|\[object Object\]|NaN|‹|›/);
      expect(m.length).toBeGreaterThan(15);
    }
    expect(en).not.toBe(fr);
    expect(frenchIn(en, sample), en).toEqual([]);
    expect(englishIn(fr, sample), fr).toEqual([]);
  });
});

describe('values of ours that data carries are worded per language', () => {
  it('the demo referential is named in English, not by its French label', () => {
    const label = 'Référentiel de démonstration GTEC (40 fiches ROME 4.0, compétences rédigées pour l’exemple)';
    const d = { value: 'Z0000', referentiel: label, demo: true as const, suggestions: [], libelles: [] };
    expect(format['GTEC-E105'].fr(d)).toContain(label);
    expect(format['GTEC-E105'].en(d)).toBe('Occupation code "Z0000" is not in the GTEC demo referential (40 ROME 4.0 occupations, skills written for the example).');
  });
});

describe('every code is documented and worded', () => {
  const docs = readFileSync(path.resolve(__dirname, '../../docs/erreurs.md'), 'utf8');
  it.each(Object.keys(catalogues) as ProblemCode[])('%s: title, English text, docs/erreurs.md entry', (code) => {
    const def = catalogues[code];
    expect(def.title.length).toBeGreaterThan(5);
    expect(typeof def.en).toBe('function');
    expect(docs).toContain(`### ${code} — `);
    expect(docs).toContain(`*In English:* “`);
  });
});
