/**
 * The one guarded way Node hosts read a data file (issue 13): the file's REAL path (after every
 * symbolic link) must lie inside one of the allowed folders (the diagnostic's folder, the declared
 * data folder), and it must be a regular file: a FIFO, a device, a socket or a folder is refused
 * before it is opened (checked with `stat`, then opened with O_NONBLOCK and checked again on the
 * open descriptor, so that a file swapped meanwhile never blocks nor streams forever). A refusal
 * throws the core's `FileRefusedError`, which names the link that leads away and where it points.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { FileRefusedError, type FileRefusal } from '../core/index.js';

/** A path to read: where it is on disk, and how the diagnostic names it (for messages). */
export interface GuardedPath {
  /** Absolute path on disk, before symbolic links are resolved. */
  full: string;
  /** The folder the path starts from (the diagnostic's folder, or the declared data folder). */
  base: string;
  /** The path as the diagnostic names it (`donnees/x.csv`, `$donnees/bmo/x.xlsx`). */
  shown: string;
}

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** The real paths of the allowed folders (a folder that does not exist allows nothing). */
export async function realFolders(folders: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of folders) {
    const r = await realpath(f).catch(() => undefined);
    if (r) out.push(r);
  }
  return out;
}

/** The bytes of a regular file inside an allowed folder, undefined when absent; throws a `FileRefusedError` otherwise. */
export async function readGuarded(p: GuardedPath, allowed: readonly string[]): Promise<Uint8Array | undefined> {
  const real = await realOrMissing(p.full);
  if (real === undefined) return undefined;
  await checkInside(p, real, allowed);
  const st = await stat(real);
  if (!st.isFile()) throw refused({ kind: 'pas-un-fichier', file: p.shown, what: whatOf(st) });
  const fh = await open(real, FLAGS);
  try {
    const fst = await fh.stat();
    // Swapped between stat and open (another file, a FIFO): refused, never read.
    if (!fst.isFile() || fst.ino !== st.ino || fst.dev !== st.dev) throw refused({ kind: 'pas-un-fichier', file: p.shown, what: whatOf(fst) });
    return new Uint8Array(await fh.readFile());
  } finally {
    await fh.close();
  }
}

/** The names in a folder inside an allowed folder, undefined when absent or not a folder; throws a `FileRefusedError` for a folder outside. */
export async function listGuarded(p: GuardedPath, allowed: readonly string[]): Promise<string[] | undefined> {
  const real = await realOrMissing(p.full);
  if (real === undefined) return undefined;
  await checkInside(p, real, allowed);
  try {
    return (await readdir(real)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR' || (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** True when `real` is `folder` or lies under it. */
export function isInside(real: string, folder: string): boolean {
  const rel = path.relative(folder, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realOrMissing(full: string): Promise<string | undefined> {
  try {
    return await realpath(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Absent, or a link that points nowhere: nothing to read.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

async function checkInside(p: GuardedPath, real: string, allowed: readonly string[]): Promise<void> {
  if (allowed.some((f) => isInside(real, f))) return;
  throw refused({ kind: 'hors-dossier', file: p.shown, link: await firstLink(p), target: real });
}

/** The first component of the path that is a symbolic link, as the diagnostic names it (the file itself if none is). */
async function firstLink(p: GuardedPath): Promise<string> {
  const segs = path.relative(p.base, p.full).split(path.sep).filter(Boolean);
  const shown = p.shown.split('/').filter(Boolean);
  // The shown path may carry a prefix (`$donnees/`) the disk path has not.
  const prefix = shown.slice(0, Math.max(0, shown.length - segs.length));
  for (let i = 1; i <= segs.length; i++) {
    const s = await lstat(path.join(p.base, ...segs.slice(0, i))).catch(() => undefined);
    if (s?.isSymbolicLink()) return [...prefix, ...segs.slice(0, i)].join('/');
  }
  return p.shown;
}

function whatOf(s: Stats): Extract<FileRefusal, { kind: 'pas-un-fichier' }>['what'] {
  if (s.isFIFO()) return 'fifo';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'peripherique';
  if (s.isSocket()) return 'socket';
  if (s.isDirectory()) return 'dossier';
  return 'autre';
}

function refused(r: FileRefusal): FileRefusedError {
  return new FileRefusedError(r);
}
