/**
 * The factories are typed: a code outside the catalogue, data of another code, a missing or
 * misspelt field do not compile. Each `@ts-expect-error` line fails `npm run typecheck` (which
 * covers tests/) as soon as the mistake it shows starts compiling; the calls also run here.
 */
import { describe, expect, it } from 'vitest';
import { analysisProblem } from '../../core/analysis/problems-analysis.js';
import type { ProblemCode } from '../../core/catalogues.js';
import { dataProblem } from '../../core/data/problems-data.js';
import { ProblemSink } from '../../core/data/sink.js';
import { makeFormatProblem } from '../../core/format/problems-format.js';
import { problem } from '../../core/referentiel/problems-referentiel.js';

describe('typed problem factories', () => {
  it('accept a code of their catalogue with exactly its data', () => {
    expect(makeFormatProblem('GTEC-E006', '', { value: 'titre' }).code).toBe('GTEC-E006');
    // Data may be left out only when the code's data has no required field.
    expect(makeFormatProblem('GTEC-E007', '').message.en).toContain('"---"');
    expect(analysisProblem('GTEC-I407', '/regles/tension', { composante: 'ecoulement' }).message.en).toContain('outflow rate');
    expect(problem('GTEC-W301', '', { file: 'r.csv', line: 2, raison: 'champs', trouve: 2, attendu: 4 }).message.fr).toContain('2 champs au lieu de 4');
  });

  it('refuse a wrong code or wrong data (compile-time; at run time the unknown code throws)', () => {
    // @ts-expect-error a data code is not a format code
    expect(() => makeFormatProblem('GTEC-E201', '', { value: 'x', reason: 'vide' })).toThrow(/Unknown problem code/);
    // @ts-expect-error no such code
    expect(() => dataProblem('GTEC-E299', '', {})).toThrow(/Unknown problem code/);
    // @ts-expect-error E006 needs its `value`
    makeFormatProblem('GTEC-E006', '');
    // @ts-expect-error a French phrase is not a reason token
    analysisProblem('GTEC-E410', '/passerelles', { etape: 'passerelles', raison: 'référentiel non chargé' });
    // @ts-expect-error a French label is not a component token
    analysisProblem('GTEC-I407', '/regles/tension', { composante: 'écoulement' });
    // @ts-expect-error a field of another code (E109's French `raison`) is refused
    makeFormatProblem('GTEC-E109', '', { value: '2023-02-29', annee: 2023, mois: 2, jours: 28, raison: 'février 2023 a 28 jours' });
    // @ts-expect-error W301's reason for `champs` needs its counts
    problem('GTEC-W301', '', { file: 'r.csv', line: 2, raison: 'champs' });
    // @ts-expect-error a number where the data holds a user's text
    dataProblem('GTEC-E202', '', { file: 12 });
  });

  it('the data sink takes a place code and the facts that code needs besides its place', () => {
    const sink = new ProblemSink('e.csv', '/sources/0');
    sink.at('GTEC-E207', { line: 3 }, { value: 5, expected: 4 });
    sink.at('GTEC-W208', {});
    // @ts-expect-error E207 needs the counts
    sink.at('GTEC-E207', { line: 3 });
    // @ts-expect-error E214 is about the declaration, not a place in the file
    sink.at('GTEC-E214', {}, { value: 'p', expected: 'bmo', type: 'tension' });
    expect(sink.finish().map((p) => p.code)).toEqual(['GTEC-E207', 'GTEC-W208', 'GTEC-E207', 'GTEC-E214']);
  });

  it('ProblemCode is the union of the four catalogues', () => {
    const codes: ProblemCode[] = ['GTEC-E001', 'GTEC-E201', 'GTEC-E301', 'GTEC-E410'];
    // @ts-expect-error not a code
    const faux: ProblemCode = 'GTEC-E999';
    expect(codes).toHaveLength(4);
    expect(faux).toBe('GTEC-E999');
  });
});
