/** The steps `inspectSource` and `loadSource` share: a safe path, the file, its table, its preset. */
import { refusalOf, type FileHost } from '../host.js';
import type { SourceDoc } from '../format/schema.js';
import { parsePointer, pointer as ptr, pushAll, type Problem } from '../problems.js';
import { checkRelativePath, inDonnees } from '../paths.js';
import { PRESETS, type Preset } from './presets.js';
import { limitesOf } from './limits.js';
import { dataProblem } from './problems-data.js';
import { refusalProblem } from './refusal.js';
import { readTable, type ReadTableOptions, type Table } from './table.js';
import { wideToLong } from './wide.js';

/**
 * Reads a declared file safely: E201 for a refused path, E202 missing (E232 in the declared data
 * folder), E203 unreadable, E220 too big, E230/E231/E233 refused by the host. A `$donnees/…` path without a
 * declared data folder is not read (the diagnostic says so once: GTEC-I230).
 */
export async function readDeclaredFile(chemin: string, host: FileHost, pointerChemin: string): Promise<{ path?: string; bytes?: Uint8Array; problems: Problem[] }> {
  const checked = checkRelativePath(chemin);
  if (!checked.ok) {
    return { problems: [dataProblem('GTEC-E201', pointerChemin, { value: chemin, reason: checked.reason })] };
  }
  const file = checked.path;
  const donnees = inDonnees(file);
  if (donnees && host.donnees === undefined) return { path: file, problems: [] };
  let bytes: Uint8Array | undefined;
  try {
    bytes = await host.readFile(file);
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) return { path: file, problems: [refusalProblem(refusal, pointerChemin)] };
    const detail = e instanceof Error ? e.message : String(e);
    return { path: file, problems: [dataProblem('GTEC-E203', pointerChemin, { file, detail }, { location: { file } })] };
  }
  if (!bytes) {
    const missing = donnees ? dataProblem('GTEC-E232', pointerChemin, { file, folder: host.donnees! }, { location: { file } }) : dataProblem('GTEC-E202', pointerChemin, { file }, { location: { file } });
    return { path: file, problems: [missing] };
  }
  const max = limitesOf(host.limites).taille;
  if (bytes.length > max) return { path: file, problems: [dataProblem('GTEC-E220', pointerChemin, { file, value: bytes.length, max }, { location: { file } })] };
  return { path: file, bytes, problems: [] };
}

export interface OpenedSource {
  table?: Table;
  preset?: Preset;
  problems: Problem[];
}

export async function openSource(source: SourceDoc, host: FileHost, pointer: string, headerOnly: boolean): Promise<OpenedSource> {
  const at = (key: string) => ptr(...parsePointer(pointer), key);
  const problems: Problem[] = [];
  const preset = source.preset ? PRESETS[source.preset] : undefined;
  if (preset && preset.type !== source.type) {
    problems.push(dataProblem('GTEC-E214', at('preset'), { value: preset.id, expected: preset.type, type: source.type }));
    return { problems };
  }
  if (preset && preset.nomenclature !== source.nomenclature) {
    problems.push(dataProblem('GTEC-W206', at('nomenclature'), { preset: preset.id, expected: preset.nomenclature, value: source.nomenclature, suggestion: preset.nomenclature }));
  }
  const read = await readDeclaredFile(source.chemin, host, at('chemin'));
  pushAll(problems, read.problems);
  if (!read.bytes || !read.path) return { problems };
  const opts: ReadTableOptions = {
    file: read.path,
    separateur: source.separateur,
    encodage: source.encodage === 'auto' && preset?.encodage ? preset.encodage : source.encodage,
    pointer: at('chemin'),
    pointerFeuille: at('feuille'),
    headerOnly,
    ...(host.limites ? { limites: host.limites } : {}),
    ...(source.format ? { format: source.format } : {}),
    ...(source.feuille !== undefined ? { feuille: source.feuille } : {}),
    ...(preset?.feuille ? { choisirFeuille: (noms: string[]) => noms.find((n) => preset.feuille!.test(n)) } : {}),
  };
  const res = await readTable(read.bytes, opts);
  pushAll(problems, res.problems);
  // A wide file (one column per code) is read as the long table its preset describes, by the loader and by `gtec check` alike.
  const table = res.table && preset?.large ? wideToLong(res.table, preset.large) : res.table;
  return { ...(table ? { table } : {}), ...(preset ? { preset } : {}), problems };
}
