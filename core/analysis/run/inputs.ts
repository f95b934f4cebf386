/**
 * Step 1, load inputs: the data sources and the crosswalk tables, read in parallel. Problems are
 * kept in declaration order (not in order of completion) so that two runs report identically.
 */
import { loadCorrespondance } from '../../data/crosswalk.js';
import { loadSource } from '../../data/load-source.js';
import { readablePath } from '../../paths.js';
import type { LoadedSource } from '../../data/records.js';
import type { DiagnosticDoc } from '../../format/schema.js';
import type { FileHost } from '../../host.js';
import { pointer, pushAll, type Problem } from '../../problems.js';
import { analysisProblem } from '../problems-analysis.js';
import type { Referentiel } from '../../referentiel/model.js';
import { passageFromTable, passagesFromReferentiel, type Passage } from '../nomenclature.js';
import { attempt } from './failed-step.js';

export interface Inputs {
  /** Each declared source once loaded, by declaration index (undefined when it could not be). */
  charges: Array<LoadedSource | undefined>;
  /** Nomenclature passages: the declared tables first (a user's table wins), then the referential's. */
  passages: Passage[];
}

export async function loadInputs(doc: DiagnosticDoc, host: FileHost, ref: Referentiel | undefined, problems: Problem[]): Promise<Inputs> {
  // A path refused by the format's rules (absolute, « .. ») is never handed to the host, nor a
  // `$donnees/…` path without a declared data folder (GTEC-I230 says so once).
  const sources = await Promise.all(
    doc.sources.map((source, i) => (readablePath(source.chemin, host) !== undefined ? attempt(pointer('sources', i), 'source', source.id, () => loadSource(source, host, pointer('sources', i))) : { problems: [] })),
  );
  for (const l of sources) pushAll(problems, l.problems);
  const tables = await Promise.all(
    doc.correspondances.map((c, i) => (readablePath(c.chemin, host) !== undefined ? attempt(pointer('correspondances', i), 'correspondance', c.id, () => loadCorrespondance(c, host, pointer('correspondances', i))) : { problems: [] })),
  );
  for (const l of tables) pushAll(problems, l.problems);
  const declares = tables.flatMap((l, i) => ('table' in l && l.table ? [passageFromTable(l.table, doc.correspondances[i]!.id)] : []));
  return {
    charges: sources.map((l) => ('loaded' in l ? l.loaded : undefined)),
    passages: [...declares, ...(ref ? passagesFromReferentiel(ref) : [])],
  };
}

/** Restricted Mode: no file is read; one GTEC-I432 (on `sources`) instead of one error per file. */
export function unreadInputs(doc: DiagnosticDoc, ref: Referentiel | undefined, problems: Problem[]): Inputs {
  const fichiers = doc.sources.length + doc.correspondances.length;
  if (fichiers) problems.push(analysisProblem('GTEC-I432', doc.sources.length ? '/sources' : '/correspondances', { fichiers }));
  return { charges: doc.sources.map(() => undefined), passages: ref ? passagesFromReferentiel(ref) : [] };
}
