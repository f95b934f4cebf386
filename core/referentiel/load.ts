/** Loads the referential a diagnostic declares (`referentiel:`), through the host. */
import type { FileHost } from '../host.js';
import type { Problem } from '../problems.js';
import { loadCsvReferentiel } from './csv-referentiel.js';
import { demoReferentiel } from './demo.js';
import type { Referentiel } from './model.js';
import { problem } from './problems-referentiel.js';
import { loadRomeOfficiel } from './rome-officiel.js';
import type { ReferentielDoc } from '../format/schema.js';

export type { ReferentielDoc } from '../format/schema.js';

export async function loadReferentiel(decl: ReferentielDoc, host: FileHost, pointer = ''): Promise<{ referential?: Referentiel; problems: Problem[] }> {
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
