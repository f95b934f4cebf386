import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../core/format/schema-problems.js';
import { SourceMap } from '../../core/format/source-map.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';
import { at } from './helpers.js';

const BASE = `gtec: 1
titre: Essai
territoire: { nom: Pays de la Loire, type: region, codes: ["52"] }
periode: { debut: 2019, fin: 2024 }
`;

describe('schema problems', () => {
  it('reports all problems at once: 5 different mistakes give 5 problems', () => {
    const text = `gtec: 1
titre: Essai
territoire: { nom: Pays de la Loire, type: regoin, codes: ["52"] }
periode: { debut: "2019", fin: 2024 }
date: 31/12/2024
regles: { effectif_minimum: -1 }
acteurs:
  - { id: mde, nom: MDE, type: maison-emploi, roles: [pilotage], contacte: x }
`;
    const r = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' });
    expect(r.doc).toBeUndefined();
    expect(at(text, r.problems)).toEqual([
      'GTEC-E013 3:44', // type: regoin
      'GTEC-E010 4:19', // debut: "2019" (text, number expected)
      'GTEC-E016 5:7', // date 31/12/2024
      'GTEC-E014 6:29', // effectif_minimum -1
      'GTEC-E012 8:66', // contacte
    ]);
  });

  it('wrong types say what was found and what was expected, with a fix when obvious', () => {
    const text = BASE + `metiers:\n  - { code: H2913, strategique: oui }\npasserelles: { score_minimum: "0,3" }\nplan_action: { id: x }\n`;
    const r = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' });
    const byPtr = Object.fromEntries(r.problems.map((p) => [p.pointer, p]));
    expect(byPtr['/metiers/0/strategique']!.message.fr).toBe('Texte « oui » trouvé ; attendu : booléen (true ou false). Écrivez true (YAML 1.2 ne lit pas « oui » comme un booléen).');
    expect(byPtr['/metiers/0/strategique']!.data!.suggestion).toBe('true');
    expect(byPtr['/passerelles/score_minimum']!.data!.suggestion).toBe('0.3');
    expect(byPtr['/plan_action']!.message.fr).toMatch(/^Table \(clé: valeur\) trouvé ; attendu : liste/);
    expect(byPtr['/plan_action']!.message.en).toMatch(/^Found mapping \(key: value\); expected list/);
  });

  it('unknown key → suggestion from the allowed keys (edit distance, accents ignored)', () => {
    const text = BASE + 'périodee: 1\nplan_action:\n  - { id: a, titre: T, objectifs: [o], indicateur: [] }\n';
    const r = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' });
    const unknown = r.problems.filter((p) => p.code === 'GTEC-E012');
    expect(unknown.map((p) => [p.pointer, p.data!.suggestion])).toEqual([
      ['/périodee', 'periode'],
      ['/plan_action/0/indicateur', 'indicateurs'],
    ]);
    expect(unknown[0]!.message.fr).toBe('clé inconnue « périodee »: vouliez-vous dire « periode » ?');
  });

  it('unknown key far from every allowed key lists the allowed keys', () => {
    const text = BASE.replace('periode:', 'zzzzzz: 1\nperiode:');
    const [p] = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' }).problems;
    expect(p!.data!.suggestion).toBeUndefined();
    expect(p!.message.fr).toContain('Clés permises ici : « gtec », « titre »');
  });

  it('missing required key → data.missingKey, pointed at the parent’s key', () => {
    const text = 'gtec: 1\nterritoire:\n  nom: X\n  type: region\nperiode: { debut: 2019 }\n';
    const r = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' });
    expect(r.problems.map((p) => [p.code, p.pointer, p.data!.missingKey])).toEqual([
      ['GTEC-E011', '/titre', 'titre'], // root: pointed at its first key (1:1)
      ['GTEC-E011', '/periode/fin', 'fin'], // pointed at « periode »
    ]);
    expect(at(text, r.problems)).toEqual(['GTEC-E011 1:1', 'GTEC-E011 5:1']);
    expect(r.problems[1]!.message.fr).toBe('Clé obligatoire « fin » absente dans « periode » ; attendu : nombre.');
  });

  it('enum values are listed and the closest one suggested', () => {
    const text = BASE + 'nomenclature: rome-4\n';
    const [p] = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' }).problems;
    expect(p!.code).toBe('GTEC-E013');
    expect(p!.data).toMatchObject({ value: 'rome-4', suggestion: 'rome4' });
    expect(p!.message.fr).toContain('« rome4 », « rome3 », « fap2021 »');
  });

  it('min/max and regex meaning in the message', () => {
    const text = BASE + 'acteurs:\n  - { id: "mon acteur", nom: "", type: cci, roles: [] }\nperiode_x: 1\n';
    const r = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' });
    const m = Object.fromEntries(r.problems.map((p) => [p.pointer, p.message.fr]));
    expect(m['/acteurs/0/id']).toMatch(/« mon acteur » n’a pas le format attendu : identifiant .* \(sans espace ni accent\)/);
    expect(m['/acteurs/0/nom']).toBe('Texte vide ; attendu : un texte non vide.');
    expect(m['/acteurs/0/roles']).toBe('Liste vide ; attendu : au moins 1 élément(s).');
  });

  it('an issue kind the schema does not produce today still becomes a problem (E019)', () => {
    const [p] = schemaProblems([{ code: 'custom', path: ['titre'], message: 'refusé par une règle', input: 'x' } as never], { titre: 'x' }, new SourceMap());
    expect(p!.code).toBe('GTEC-E019');
    expect(p!.pointer).toBe('/titre');
    expect(p!.message.fr).toBe('Valeur refusée : refusé par une règle.');
  });
});
