/**
 * The declared data folder (`$donnees/…` paths): when a diagnostic uses it and its host declares
 * none, those files are not read and ONE information says so, with how to declare it (GTEC-I230),
 * so that checking a fresh clone without the data passes.
 */
import { dataProblem } from '../data/problems-data.js';
import { declaredPaths } from '../format/semantic/paths.js';
import type { DiagnosticDoc } from '../format/schema.js';
import type { FileHost } from '../host.js';
import { checkRelativePath, inDonnees } from '../paths.js';
import type { Problem } from '../problems.js';

export function undeclaredDonnees(doc: DiagnosticDoc, host: FileHost): Problem[] {
  if (host.donnees !== undefined) return [];
  const used = declaredPaths(doc).filter((p) => {
    const c = checkRelativePath(p.chemin);
    return c.ok && inDonnees(c.path);
  });
  if (used.length === 0) return [];
  return [dataProblem('GTEC-I230', used[0]!.pointer, { file: used[0]!.chemin, count: used.length })];
}
