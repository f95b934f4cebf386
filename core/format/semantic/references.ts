/**
 * References between sections resolve: actors, financing lines, indicators; identifiers are unique
 * in each section; actors hold the roles their use implies.
 */
import { pointer, type Problem } from '../../problems.js';
import { makeFormatProblem } from '../problems-format.js';
import type { DiagnosticDoc } from '../schema.js';
import { closest } from '../../suggest.js';
import type { Rule } from './context.js';

function suggestion(value: string, ids: Iterable<string>): { value: string; suggestion?: string } {
  const s = closest(value, ids);
  return s === undefined ? { value } : { value, suggestion: s };
}

/** Identifiers of a section → pointer of their first use, reporting the duplicates. */
function indexIds(items: ReadonlyArray<Record<string, unknown>>, section: string, key: string, out: Problem[]): Map<string, string> {
  const seen = new Map<string, string>();
  items.forEach((item, i) => {
    const id = String(item[key]);
    const ptr = pointer(...section.split('.'), i, key);
    const first = seen.get(id);
    if (first !== undefined) out.push(makeFormatProblem('GTEC-E104', ptr, { value: id, section, premier: first }));
    else seen.set(id, ptr);
  });
  return seen;
}

export const checkReferences: Rule = (doc: DiagnosticDoc) => {
  const out: Problem[] = [];
  const actors = indexIds(doc.acteurs, 'acteurs', 'id', out);
  const lines = indexIds(doc.financements, 'financements', 'id', out);
  const indicators = indexIds(doc.evaluation.indicateurs, 'evaluation.indicateurs', 'id', out);
  indexIds(doc.sources, 'sources', 'id', out);
  indexIds(doc.correspondances, 'correspondances', 'id', out);
  indexIds(doc.plan_action, 'plan_action', 'id', out);
  indexIds(doc.metiers, 'metiers', 'code', out);
  indexIds(doc.gouvernance?.comites ?? [], 'gouvernance.comites', 'id', out);

  const rolesOf = new Map(doc.acteurs.map((a) => [a.id, a.roles as string[]]));
  const actor = (id: string, ptr: string): string[] | undefined => {
    const roles = rolesOf.get(id);
    if (!roles) out.push(makeFormatProblem('GTEC-E101', ptr, suggestion(id, actors.keys())));
    return roles;
  };

  if (doc.gouvernance) {
    const roles = actor(doc.gouvernance.porteur, '/gouvernance/porteur');
    if (roles && !roles.includes('pilotage')) out.push(makeFormatProblem('GTEC-W102', '/gouvernance/porteur', { value: doc.gouvernance.porteur, roles }));
    doc.gouvernance.comites.forEach((c, i) => c.membres.forEach((m, j) => actor(m, pointer('gouvernance', 'comites', i, 'membres', j))));
  }
  doc.financements.forEach((f, i) => {
    const ptr = pointer('financements', i, 'financeur');
    const roles = actor(f.financeur, ptr);
    if (roles && !roles.includes('financement')) out.push(makeFormatProblem('GTEC-W101', ptr, { value: f.financeur, ligne: f.id, roles }));
  });
  doc.plan_action.forEach((fiche, i) => {
    fiche.acteurs.forEach((a, j) => {
      const ptr = pointer('plan_action', i, 'acteurs', j, 'acteur');
      const roles = actor(a.acteur, ptr);
      if (roles && !roles.includes(a.role)) out.push(makeFormatProblem('GTEC-W104', pointer('plan_action', i, 'acteurs', j, 'role'), { value: a.acteur, role: a.role, roles }));
    });
    fiche.financements.forEach((f, j) => {
      if (!lines.has(f.financement)) out.push(makeFormatProblem('GTEC-E102', pointer('plan_action', i, 'financements', j, 'financement'), suggestion(f.financement, lines.keys())));
    });
    fiche.indicateurs.forEach((id, j) => {
      if (!indicators.has(id)) out.push(makeFormatProblem('GTEC-E103', pointer('plan_action', i, 'indicateurs', j), suggestion(id, indicators.keys())));
    });
  });
  return out;
};
