/**
 * The passerelle engine's cache on disk (`gtec passerelles`): the engine state built from a
 * referential (core/passerelles/pack.ts: one buffer and its layout) with the warnings its loading
 * gave, so that the next run on the same files skips reading and building (≈ 0.7 s of a full ROME
 * export). The key hashes what the state depends on: the code that builds it, the requested mode
 * and every file of the referential, names and bytes, read as the loader reads them (a changed,
 * added or removed file is a new key; no date is trusted). A file that is absent, truncated, of another key or unreadable is a
 * miss, never an error. Files are written beside their final name and renamed (a reader never
 * sees half a file), and only the most recently used ENTREES files are kept.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Packed, Problem } from '../core/index.js';
import { nodeFileHost } from './file-host.js';

/** Bumped when the file layout below changes (the state's own shape is covered by the code's hash). */
const MAGIC = 'GTECMOT1';
/** Cache files kept (a full ROME state is ≈ 12 Mio). */
const ENTREES = 6;
const PREFIX = 'moteur-';
const SUFFIX = '.bin';

export interface CachedState {
  packed: Packed;
  /** The warnings of the referential's loading, to say again on a hit. */
  warnings: Problem[];
}

interface Header {
  key: string;
  bytes: number;
  layout: Packed['layout'];
  warnings: Problem[];
}

/**
 * Where the cache lives: GTEC_CACHE_DIR, else the platform's cache folder (XDG_CACHE_HOME or
 * ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), in `gtec/`.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.GTEC_CACHE_DIR) return path.resolve(env.GTEC_CACHE_DIR);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'gtec', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'gtec');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'gtec');
}

/**
 * The key of a state: `code` identifies the program that builds it (builtCodeId), `options` what
 * the command asked (the mode), `referentiel` a folder (its files, not its subfolders, as the
 * loader reads them) or one file, read as the loader reads them (the Node file host: real path
 * inside, regular files only; a refused or absent entry counts by its name). Undefined when the
 * referential does not exist: no cache.
 */
export async function cacheKey(code: string, options: string, referentiel: string): Promise<string | undefined> {
  const s = await stat(referentiel).catch(() => undefined);
  if (!s) return undefined;
  const host = nodeFileHost(s.isDirectory() ? referentiel : path.dirname(referentiel));
  const names = s.isDirectory() ? ((await host.listDirectory?.('.').catch(() => undefined)) ?? []) : [path.basename(referentiel)];
  const h = createHash('sha256');
  h.update(`${MAGIC}\0${code}\0${options}\0`);
  for (const name of [...names].sort()) {
    const bytes = await host.readFile(name).catch(() => undefined);
    h.update(`${name}\0${bytes ? bytes.length : '-'}\0`);
    if (bytes) h.update(bytes);
  }
  return h.digest('hex');
}

/**
 * What identifies the program that builds the state: the bytes of the built module `moduleUrl`
 * (an esbuild chunk: it imports its dependencies by names that hash their contents, so any change
 * to the engine changes them). Undefined from the sources (a `.ts` module): no cache there.
 */
export function builtCodeId(moduleUrl: string): string | undefined {
  if (!moduleUrl.endsWith('.mjs')) return undefined;
  try {
    return createHash('sha256')
      .update(readFileSync(fileURLToPath(moduleUrl)))
      .digest('hex');
  } catch {
    return undefined;
  }
}

const fileOf = (dir: string, key: string) => path.join(dir, `${PREFIX}${key.slice(0, 32)}${SUFFIX}`);

/** The state stored under `key` (its buffer shared, for worker threads), or undefined. */
export function readCachedState(dir: string, key: string): CachedState | undefined {
  const file = fileOf(dir, key);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(16);
    if (readSync(fd, head, 0, 16, 0) !== 16 || head.toString('latin1', 0, 8) !== MAGIC) return undefined;
    const headerBytes = head.readUInt32LE(8);
    const dataAt = align8(16 + headerBytes);
    if (dataAt > size) return undefined;
    const json = Buffer.alloc(headerBytes);
    if (readSync(fd, json, 0, headerBytes, 16) !== headerBytes) return undefined;
    const header = JSON.parse(json.toString('utf8'), revive) as Header;
    if (header.key !== key || !Number.isInteger(header.bytes) || dataAt + header.bytes !== size) return undefined;
    const buffer = new SharedArrayBuffer(header.bytes);
    const view = new Uint8Array(buffer);
    for (let done = 0; done < header.bytes; ) {
      const got = readSync(fd, view, done, header.bytes - done, dataAt + done);
      if (got <= 0) return undefined;
      done += got;
    }
    // Most recently used first when pruning.
    const now = new Date();
    utimesSync(file, now, now);
    return { packed: { layout: header.layout, buffer }, warnings: header.warnings };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Stores a state under `key`: written to a temporary file beside its final name, then renamed;
 * then only the ENTREES most recently used cache files are kept. Throws on a write failure (the
 * caller says it and goes on).
 */
export function writeCachedState(dir: string, key: string, packed: Packed, warnings: Problem[]): void {
  mkdirSync(dir, { recursive: true });
  const header: Header = { key, bytes: packed.buffer.byteLength, layout: packed.layout, warnings };
  const json = Buffer.from(JSON.stringify(header, replace), 'utf8');
  const head = Buffer.alloc(align8(16 + json.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 8);
  json.copy(head, 16);
  const file = fileOf(dir, key);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeFileSync(fd, head);
      writeFileSync(fd, new Uint8Array(packed.buffer));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  prune(dir);
}

/** Removes the cache files beyond the ENTREES most recently used, and temporary files an hour old. */
function prune(dir: string): void {
  const now = Date.now();
  const entries = readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX))
    .flatMap((f) => {
      const s = statSync(path.join(dir, f), { throwIfNoEntry: false });
      return s ? [{ f, t: s.mtimeMs }] : [];
    });
  for (const { f, t } of entries) if (f.endsWith('.tmp') && now - t > 3_600_000) rmSync(path.join(dir, f), { force: true });
  const kept = entries.filter((e) => e.f.endsWith(SUFFIX)).sort((a, b) => b.t - a.t || a.f.localeCompare(b.f));
  for (const { f } of kept.slice(ENTREES)) rmSync(path.join(dir, f), { force: true });
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The numbers JSON cannot carry (−0, NaN, ±Infinity: a model or a parameter may hold them), as `{ "$nombre": "…" }`. */
function replace(_key: string, v: unknown): unknown {
  return typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? { $nombre: Object.is(v, -0) ? '-0' : String(v) } : v;
}

function revive(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const n = (v as { $nombre?: unknown }).$nombre;
  return typeof n === 'string' && Object.keys(v).length === 1 ? Number(n) : v;
}
