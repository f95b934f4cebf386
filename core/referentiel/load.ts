/** Loads the referential a diagnostic declares (`referentiel:`), through the host. */
import { refusalOf, type FileHost } from '../host.js';
import { refusalProblem } from '../data/refusal.js';
import type { Problem } from '../problems.js';
import { loadCsvReferentiel } from './csv-referentiel.js';
import { demoReferentiel } from './demo.js';
import type { Referentiel } from './model.js';
import { problem } from './problems-referentiel.js';
import { loadRomeOfficiel } from './rome-officiel.js';
import type { ReferentielDoc } from '../format/schema.js';

export type { ReferentielDoc } from '../format/schema.js';

export async function loadReferentiel(decl: ReferentielDoc, host: FileHost, pointer = ''): Promise<{ referential?: Referentiel; problems: Problem[] }> {
  try {
    return await loadDeclared(decl, host, pointer);
  } catch (e) {
    // A file the host refuses (a link out of the allowed folders, not a regular file): GTEC-E230, E231, E233.
    const refusal = refusalOf(e);
    if (refusal) return { problems: [refusalProblem(refusal, `${pointer}/chemin`)] };
    throw e;
  }
}

async function loadDeclared(decl: ReferentielDoc, host: FileHost, pointer: string): Promise<{ referential?: Referentiel; problems: Problem[] }> {
  let result: { referential?: Referentiel; problems: Problem[] };
  if (decl.type === 'demo') result = { referential: demoReferentiel(), problems: [] };
  else if (!decl.chemin) {
    return {
      problems: [
        problem(`GTEC-E306`, `${pointer}/chemin`, {
          value: decl.type,
          missingKey: 'chemin',
          raison: decl.type === 'csv' ? 'chemin-csv' : 'chemin-rome',
        }),
      ],
    };
  } else if (decl.type === 'rome-officiel') result = await loadRomeOfficiel(host, decl.chemin, pointer);
  else {
    const bytes = await host.readFile(decl.chemin);
    if (!bytes) {
      return {
        problems: [
          problem('GTEC-E306', `${pointer}/chemin`, {
            value: decl.type,
            raison: 'introuvable',
            chemin: decl.chemin,
          }),
        ],
      };
    }
    result = loadCsvReferentiel(bytes, decl.chemin, pointer);
  }
  const ref = result.referential;
  if (ref && decl.version !== undefined && decl.version !== ref.version) {
    result.problems.push(problem('GTEC-W303', `${pointer}/version`, { value: ref.version, expected: decl.version }));
  }
  return result;
}
