/**
 * Paths of data files and of the referential are safe: relative to the diagnostic's folder and not
 * leaving it (checked before any host is asked for a file). A referential read from files needs a
 * path.
 */
import { checkRelativePath } from '../../paths.js';
import type { Problem } from '../../problems.js';
import { makeFormatProblem } from '../problems-format.js';
import type { DiagnosticDoc } from '../schema.js';
import type { Rule } from './context.js';

/** Every declared path with its pointer and what it designates. */
export function declaredPaths(doc: DiagnosticDoc): Array<{ chemin: string; pointer: string; kind: 'source' | 'correspondance' | 'referentiel' }> {
  const out: Array<{ chemin: string; pointer: string; kind: 'source' | 'correspondance' | 'referentiel' }> = [];
  if (doc.referentiel.chemin !== undefined) out.push({ chemin: doc.referentiel.chemin, pointer: '/referentiel/chemin', kind: 'referentiel' });
  doc.sources.forEach((s, i) => out.push({ chemin: s.chemin, pointer: `/sources/${i}/chemin`, kind: 'source' }));
  doc.correspondances.forEach((c, i) => out.push({ chemin: c.chemin, pointer: `/correspondances/${i}/chemin`, kind: 'correspondance' }));
  return out;
}

export const checkPaths: Rule = (doc) => {
  const out: Problem[] = [];
  for (const p of declaredPaths(doc)) {
    const r = checkRelativePath(p.chemin);
    if (!r.ok) out.push(makeFormatProblem('GTEC-E111', p.pointer, { value: p.chemin, raison: r.reason }));
  }
  const t = doc.referentiel.type;
  if (t !== 'demo' && doc.referentiel.chemin === undefined) {
    out.push(
      makeFormatProblem('GTEC-E112', '/referentiel/type', {
        value: t,
        missingKey: 'chemin',
        cible: t === 'rome-officiel' ? 'export-rome' : 'referentiel-csv',
      }),
    );
  }
  return out;
};
