/**
 * Step 1, load inputs: the data sources and the crosswalk tables, read in parallel. Problems are
 * kept in declaration order (not in order of completion) so that two runs report identically.
 */
import { loadCorrespondance } from '../../data/crosswalk.js';
import { loadSource, type SourceCache } from '../../data/load-source.js';
import { readDeclaredFile } from '../../data/open-source.js';
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

export async function loadInputs(doc: DiagnosticDoc, host: FileHost, ref: Referentiel | undefined, problems: Problem[], cache?: SourceCache): Promise<Inputs> {
  // A path refused by the format's rules (absolute, « .. ») is never handed to the host, nor a
  // `$donnees/…` path without a declared data folder (GTEC-I230 says so once).
  const sources = await Promise.all(
    doc.sources.map((source, i) =>
      readablePath(source.chemin, host) !== undefined ? attempt(pointer('sources', i), 'source', source.id, () => (cache ? loadCached(source, i, host, cache) : loadSource(source, host, pointer('sources', i)))) : { problems: [] },
    ),
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

/**
 * A source through the host's cache: the same declaration (at the same place) over the same bytes
 * gives the same loaded source, taken from the cache; its problems are copies (a run places them).
 */
async function loadCached(source: DiagnosticDoc['sources'][number], i: number, host: FileHost, cache: SourceCache): ReturnType<typeof loadSource> {
  const at = pointer('sources', i);
  const read = await readDeclaredFile(source.chemin, host, `${at}/chemin`);
  const bytes = read.bytes;
  if (!bytes || !read.path) return loadSource(source, host, at);
  const key = `${at}\n${JSON.stringify(source)}`;
  const copy = (r: Awaited<ReturnType<typeof loadSource>>) => ({ ...r, problems: r.problems.map((p) => ({ ...p })) });
  const hit = cache.get(key, bytes);
  if (hit) return copy(hit);
  // The loader reads the bytes the key was made of.
  const file = read.path;
  const same: FileHost = Object.assign(Object.create(host) as FileHost, { readFile: (p: string) => (p === file ? Promise.resolve(bytes) : host.readFile(p)) });
  const loaded = await loadSource(source, same, at);
  cache.set(key, bytes, loaded);
  return copy(loaded);
}

/** Restricted Mode: no file is read; one GTEC-I432 (on `sources`) instead of one error per file. */
export function unreadInputs(doc: DiagnosticDoc, ref: Referentiel | undefined, problems: Problem[]): Inputs {
  const fichiers = doc.sources.length + doc.correspondances.length;
  if (fichiers) problems.push(analysisProblem('GTEC-I432', doc.sources.length ? '/sources' : '/correspondances', { fichiers }));
  return { charges: doc.sources.map(() => undefined), passages: ref ? passagesFromReferentiel(ref) : [] };
}
