/**
 * The plan covers the diagnostic: fiches action are evaluated by indicators, indicators are used,
 * métiers declared strategic or changing have an action. Fragile métiers are only known after the
 * analysis: the analysis uses `metiersCouverts` and emits its own W4xx for them.
 */
import { pointer, type Problem } from '../../problems.js';
import { makeFormatProblem } from '../problems-format.js';
import type { DiagnosticDoc } from '../schema.js';
import type { Rule } from './context.js';

/** Codes of the métiers that at least one fiche action lists. */
export function metiersCouverts(doc: Pick<DiagnosticDoc, 'plan_action'>): Set<string> {
  return new Set(doc.plan_action.flatMap((f) => f.metiers));
}

export const checkCoverage: Rule = (doc) => {
  const out: Problem[] = [];
  doc.plan_action.forEach((fiche, i) => {
    if (fiche.indicateurs.length === 0) out.push(makeFormatProblem('GTEC-W106', pointer('plan_action', i, 'id'), { value: fiche.id }));
  });
  const used = new Set(doc.plan_action.flatMap((f) => f.indicateurs));
  doc.evaluation.indicateurs.forEach((ind, i) => {
    if (!used.has(ind.id)) out.push(makeFormatProblem('GTEC-I101', pointer('evaluation', 'indicateurs', i, 'id'), { value: ind.id }));
  });
  const covered = metiersCouverts(doc);
  doc.metiers.forEach((m, i) => {
    if (covered.has(m.code) || !(m.strategique || m.en_mutation)) return;
    const both = m.strategique && m.en_mutation;
    out.push(
      makeFormatProblem('GTEC-I102', pointer('metiers', i, 'code'), {
        value: m.code,
        qualite: both ? 'strategique-en-mutation' : m.strategique ? 'strategique' : 'en-mutation',
      }),
    );
  });
  return out;
};
