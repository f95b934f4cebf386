/** Loads the referential a diagnostic declares (`referentiel:`), through the host. */
import type { FileHost } from '../host.js';
import type { Problem } from '../problems.js';
import { loadCsvReferential } from './csv-referential.js';
import { demoReferential } from './demo.js';
import type { Referential } from './model.js';
import { problem } from './problems-referential.js';
import { loadRomeOfficiel } from './rome-officiel.js';

export interface ReferentialDecl {
  type: 'demo' | 'rome-officiel' | 'csv';
  chemin?: string;
  version?: string;
}

export async function loadReferential(
  decl: ReferentialDecl,
  host: FileHost,
  pointer = '',
): Promise<{ referential?: Referential; problems: Problem[] }> {
  let result: { referential?: Referential; problems: Problem[] };
  if (decl.type === 'demo') result = { referential: demoReferential(), problems: [] };
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
    result = loadCsvReferential(bytes, decl.chemin, pointer);
  }
  const ref = result.referential;
  if (ref && decl.version !== undefined && decl.version !== ref.version) {
    result.problems.push(problem('GTEC-W303', `${pointer}/version`, { value: ref.version, expected: decl.version }));
  }
  return result;
}
