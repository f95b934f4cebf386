/**
 * How `gtec diagnostic` writes its outputs (issue 13, docs/donnees.md « Sorties »):
 * - never into the diagnostic's own folder, nor over a file it did not write, without `--force`;
 *   what it wrote is listed in a manifest, `.gtec-sortie.json`, in the output folder;
 * - never through a symbolic link at an output name (the link is refused; with `--force` the link
 *   itself is replaced, never its target);
 * - every output is checked (size limit, GTEC-E234; a folder at an output name) before anything is
 *   written, then written to a temporary file of the output folder (created exclusively), and all
 *   are renamed at the end: a failed run leaves the previous outputs whole.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readlink, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../core/index.js';
import { checkOutputSize } from '../core/index.js';
import type { CliWords } from '../core/index.js';

/** The manifest of what gtec diagnostic wrote in an output folder. */
export const MANIFESTE = '.gtec-sortie.json';

export interface Output {
  /** File name inside the output folder. */
  name: string;
  content: string | Uint8Array;
}

export interface WriteOptions {
  /** The output folder, as the user named it. */
  folder: string;
  /** The diagnostic file's folder: refused as output folder without `force`. */
  diagnosticFolder: string;
  force: boolean;
  /** Size limit of one output, in bytes. */
  limit: number;
}

/** Why nothing was written: sentences (refusals) and problems (size limit). */
export interface Refused {
  refusals: string[];
  problems: Problem[];
}

/** The output folder could not be created (nothing was written). */
export class FolderNotCreated extends Error {
  constructor(readonly reason: NodeJS.ErrnoException) {
    super(reason.message);
  }
}

/** Writes every output, or none: returns the paths written, or why nothing was. */
export async function writeOutputs(outputs: readonly Output[], opts: WriteOptions, w: CliWords): Promise<{ written: string[] } | Refused> {
  const problems = outputs.flatMap((o) => checkOutputSize(o.name, byteLength(o.content), opts.limit) ?? []);
  const refusals: string[] = [];
  const folderRefusal = await refuseFolder(opts, w);
  if (folderRefusal) refusals.push(folderRefusal);
  const known = await readManifest(opts.folder);
  for (const o of outputs) {
    const target = path.join(opts.folder, o.name);
    const st = await lstat(target).catch(() => undefined);
    if (!st) continue;
    if (st.isDirectory()) refusals.push(w.fichiers.dossier(target));
    else if (st.isSymbolicLink()) {
      if (!opts.force) refusals.push(w.fichiers.lien(target, await readlink(target).catch(() => '?')));
    } else if (!opts.force && !known.has(o.name)) refusals.push(w.fichiers.nonEcritParGtec(target));
  }
  if ((await lstat(path.join(opts.folder, MANIFESTE)).catch(() => undefined))?.isDirectory()) refusals.push(w.fichiers.dossier(path.join(opts.folder, MANIFESTE)));
  if (refusals.length || problems.length) return { refusals, problems };

  try {
    await mkdir(opts.folder, { recursive: true });
  } catch (e) {
    throw new FolderNotCreated(e as NodeJS.ErrnoException);
  }
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps: Array<{ temp: string; target: string }> = [];
  const manifest = JSON.stringify({ gtec: 'sortie', fichiers: [...new Set([...known, ...outputs.map((o) => o.name)])].sort() }, null, 2) + '\n';
  try {
    for (const o of [...outputs, { name: MANIFESTE, content: manifest }]) {
      const temp = path.join(opts.folder, `.gtec-tmp-${tag}-${o.name}`);
      // `wx`: created here, never through an existing file or link.
      await writeFile(temp, o.content, { flag: 'wx' });
      temps.push({ temp, target: path.join(opts.folder, o.name) });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t.temp, { force: true })));
    throw e;
  }
  // rename replaces the name (a link included), never what a link points to.
  for (const t of temps) await rename(t.temp, t.target);
  return { written: temps.slice(0, outputs.length).map((t) => t.target) };
}

/** Why the output folder itself is refused (the diagnostic's own folder, without `force`), or undefined: checked before the run too. */
export async function refuseFolder(opts: Pick<WriteOptions, 'folder' | 'diagnosticFolder' | 'force'>, w: CliWords): Promise<string | undefined> {
  if (opts.force) return undefined;
  const folderReal = await realpath(opts.folder).catch(() => undefined);
  const diagnosticReal = await realpath(opts.diagnosticFolder).catch(() => path.resolve(opts.diagnosticFolder));
  return folderReal !== undefined && folderReal === diagnosticReal ? w.fichiers.sortieDansDiagnostic(opts.folder) : undefined;
}

/** The names listed in the folder's manifest (none when absent, unreadable or a link). */
async function readManifest(folder: string): Promise<Set<string>> {
  const file = path.join(folder, MANIFESTE);
  const st = await lstat(file).catch(() => undefined);
  if (!st?.isFile()) return new Set();
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as { fichiers?: unknown };
    return new Set(Array.isArray(v.fichiers) ? v.fichiers.filter((f): f is string => typeof f === 'string' && !f.includes('/') && !f.includes('\\')) : []);
  } catch {
    return new Set();
  }
}

export function byteLength(c: string | Uint8Array): number {
  return typeof c === 'string' ? Buffer.byteLength(c) : c.byteLength;
}
