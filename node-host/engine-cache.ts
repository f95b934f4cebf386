/**
 * The passerelle engine's cache on disk (`gtec passerelles`): the engine state built from a
 * referential (core/passerelles/pack.ts: one buffer and its layout) with the warnings its loading
 * gave, so that the next run on the same files skips reading and building (≈ 0.7 s of a full ROME
 * export). The key hashes what the state depends on: the code that builds it (and the Node that
 * runs it), the requested mode, whether the referential is a folder or a file, and every file of
 * it, names and bytes, read as the loader reads them (a changed, added or removed file is a new
 * key). An index file per referential path spares the hashing while its files keep their identity
 * (inode, size, modification and change times: cacheKey). A state is stored only when the files
 * did not change while it was built (unchangedSince). A cache file that is absent, truncated, of
 * another key, whose data does not match its checksum or whose layout does not fit is a miss,
 * never an error. Files are written beside their final name and renamed (a reader never sees half
 * a file), and only the most recently used ENTREES files are kept.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EngineState, type Packed, type Problem, unpack } from '../core/index.js';
import { nodeFileHost } from './file-host.js';

/** Bumped when the file layout below changes (the state's own shape is covered by the code's hash). */
const MAGIC = 'GTECMOT2';
/** MAGIC, the header's length (u32), 4 bytes unused, the sha256 of the header and the data (32 bytes). */
const PREFIXE = 48;
/** Cache files kept (a full ROME state is ≈ 12 Mio). */
const ENTREES = 6;
const PREFIX = 'moteur-';
const SUFFIX = '.bin';

export interface CachedState {
  /** The state, its typed arrays views on `packed.buffer`. */
  state: EngineState;
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

/** A state's key, and what tells later whether the referential is still the one it was computed from. */
export interface CacheKey {
  key: string;
  referentiel: string;
  isDir: boolean;
  code: string;
  options: string;
  /** The files' identity when the key was computed (undefined when one was too fresh). */
  identity?: string;
}

/**
 * The key of a state: `code` identifies the program that builds it (builtCodeId), `options` what
 * the command asked (the mode), `referentiel` a folder (its files, not its subfolders, as the
 * loader reads them) or one file, read as the loader reads them (the Node file host: real path
 * inside, regular files only; a refused or absent entry counts by its name). Undefined when the
 * referential does not exist: no cache.
 *
 * Hashing a full ROME export costs ≈ 0.1 s; with `dir`, an index file remembers the key beside the
 * files' identity (inode, size, modification and change times to the nanosecond): the same identity
 * gives the same key without reading. The change time cannot be set back by a program that writes
 * a file (any write moves it), so a file rewritten with its old modification date is still seen; a
 * file changed less than FRAIS ms ago is not remembered (a write in the same tick would share its
 * times), nor one that reports no inode. Limit: FAT and exFAT keep no change time, so there the
 * identity rests on size and modification time (docs/passerelles.md, « Cache du moteur »).
 */
export async function cacheKey(code: string, options: string, referentiel: string, dir?: string, now: number = Date.now()): Promise<CacheKey | undefined> {
  const s = await stat(referentiel).catch(() => undefined);
  if (!s) return undefined;
  const isDir = s.isDirectory();
  const base = { referentiel, isDir, code, options };
  // The identity first: a file changed while it is hashed has another identity afterwards.
  const identity = filesIdentity(referentiel, isDir, now);
  const index = identity && dir ? path.join(dir, `${INDEX}${sha256(`${code}\0${options}\0${path.resolve(referentiel)}`).slice(0, 32)}.json`) : undefined;
  if (index) {
    const known = readJson(index) as { identity?: unknown; key?: unknown } | undefined;
    if (known && known.identity === identity && typeof known.key === 'string' && KEY.test(known.key)) return { ...base, key: known.key, identity };
  }
  const key = await contentKey(code, options, referentiel, isDir);
  if (index) {
    try {
      mkdirSync(dir!, { recursive: true });
      writeAtomic(index, [Buffer.from(JSON.stringify({ identity, key }))]);
    } catch {
      // No index: the next run hashes again.
    }
  }
  return identity ? { ...base, key, identity } : { ...base, key };
}

/**
 * True when the referential is still the one `k` was computed from (its files kept their identity,
 * or, too fresh to tell by it, hash to the same key): a state built meanwhile may be stored under
 * `k.key`. A file changed between the key and the end of the loading would otherwise store the new
 * files' state under the old files' key.
 */
export async function unchangedSince(k: CacheKey, now: number = Date.now()): Promise<boolean> {
  if (k.identity) return filesIdentity(k.referentiel, k.isDir, now) === k.identity;
  return (await contentKey(k.code, k.options, k.referentiel, k.isDir)) === k.key;
}

/** Files whose times are closer to now than this are not remembered by identity. */
const FRAIS = 2000;
const INDEX = 'index-';
const KEY = /^[0-9a-f]{64}$/;

async function contentKey(code: string, options: string, referentiel: string, isDir: boolean): Promise<string> {
  const host = nodeFileHost(isDir ? referentiel : path.dirname(referentiel));
  const names = isDir ? ((await host.listDirectory?.('.').catch(() => undefined)) ?? []) : [path.basename(referentiel)];
  const h = createHash('sha256');
  // A folder holding only `r.csv` (the ROME export loader) is not the file `r.csv` (the CSV loader).
  h.update(`${MAGIC}\0${code}\0${options}\0${isDir ? 'dossier' : 'fichier'}\0`);
  for (const name of [...names].sort()) {
    const bytes = await host.readFile(name).catch(() => undefined);
    h.update(`${name}\0${bytes ? bytes.length : '-'}\0`);
    if (bytes) h.update(bytes);
  }
  return h.digest('hex');
}

/** The identity of the referential's files (names, then for each the link and its target: inode, size, times in ns); undefined when one is too fresh, has no inode or cannot be seen. */
function filesIdentity(referentiel: string, isDir: boolean, now: number): string | undefined {
  try {
    const base = isDir ? referentiel : path.dirname(referentiel);
    const names = isDir ? readdirSync(referentiel).sort() : [path.basename(referentiel)];
    const parts = [path.resolve(referentiel)];
    for (const name of names) {
      const full = path.join(base, name);
      const l = lstatSync(full, { bigint: true });
      const t = statSync(full, { bigint: true, throwIfNoEntry: false });
      if (l.ino === 0n || t?.ino === 0n) return undefined;
      const latest = [l.ctimeNs, l.mtimeNs, t?.ctimeNs ?? 0n, t?.mtimeNs ?? 0n].reduce((x, y) => (y > x ? y : x));
      if (BigInt(now - FRAIS) * 1_000_000n < latest) return undefined;
      parts.push([name, l.dev, l.ino, l.ctimeNs, t ? [t.dev, t.ino, t.size, t.mtimeNs, t.ctimeNs].join(':') : '-'].join(':'));
    }
    return parts.join('\n');
  } catch {
    return undefined;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * What identifies the program that builds the state: the bytes of the built module `moduleUrl`
 * (an esbuild chunk: it imports its dependencies by names that hash their contents, so any change
 * to the engine changes them), and the V8 and processor that run it (`Math.exp` and `Math.log`
 * may differ from one to another). Undefined from the sources (a `.ts` module): no cache there.
 */
export function builtCodeId(moduleUrl: string): string | undefined {
  if (!moduleUrl.endsWith('.mjs')) return undefined;
  try {
    return createHash('sha256')
      .update(`${process.versions.v8}\0${process.arch}\0`)
      .update(readFileSync(fileURLToPath(moduleUrl)))
      .digest('hex');
  } catch {
    return undefined;
  }
}

function fileOf(dir: string, key: string): string {
  if (!KEY.test(key)) throw new RangeError('engine cache: a key is 64 hexadecimal digits');
  return path.join(dir, `${PREFIX}${key.slice(0, 32)}${SUFFIX}`);
}

/** The state stored under `key` (its buffer shared, for worker threads), or undefined. */
export function readCachedState(dir: string, key: string): CachedState | undefined {
  let fd: number | undefined;
  try {
    const file = fileOf(dir, key);
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(PREFIXE);
    if (readSync(fd, head, 0, PREFIXE, 0) !== PREFIXE || head.toString('latin1', 0, 8) !== MAGIC) return undefined;
    const headerBytes = head.readUInt32LE(8);
    const dataAt = align8(PREFIXE + headerBytes);
    if (dataAt > size) return undefined;
    const json = Buffer.alloc(headerBytes);
    if (readSync(fd, json, 0, headerBytes, PREFIXE) !== headerBytes) return undefined;
    const header = JSON.parse(json.toString('utf8'), revive) as Header;
    if (header.key !== key || !Number.isInteger(header.bytes) || dataAt + header.bytes !== size) return undefined;
    const buffer = new SharedArrayBuffer(header.bytes);
    const view = new Uint8Array(buffer);
    for (let done = 0; done < header.bytes; ) {
      const got = readSync(fd, view, done, header.bytes - done, dataAt + done);
      if (got <= 0) return undefined;
      done += got;
    }
    // A flipped bit or a changed byte, in the header or the data: a miss (≈ 8 ms for the 10 Mio of the ROME).
    if (!checksum(json, view).equals(head.subarray(16, PREFIXE))) return undefined;
    const packed: Packed = { layout: header.layout, buffer };
    // A layout that does not fit its buffer throws here (RangeError): a miss too.
    const state = unpack<EngineState>(packed);
    if (!Array.isArray(state.codes) || state.codes.length !== state.n) return undefined;
    // Most recently used first when pruning (best effort: the state is read either way).
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // Then pruning may take it for an older one.
    }
    return { state, packed, warnings: Array.isArray(header.warnings) ? header.warnings : [] };
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
  const data = new Uint8Array(packed.buffer);
  const header: Header = { key, bytes: data.byteLength, layout: packed.layout, warnings };
  const json = Buffer.from(JSON.stringify(header, replace), 'utf8');
  const head = Buffer.alloc(align8(PREFIXE + json.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 8);
  checksum(json, data).copy(head, 16);
  json.copy(head, PREFIXE);
  writeAtomic(fileOf(dir, key), [head, data]);
  prune(dir);
}

/** Writes `parts` to a temporary file beside `file`, then renames it: a reader sees the old file or the new one, never half. */
function writeAtomic(file: string, parts: Uint8Array[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    // `wx` after removing what a crashed run of the same pid left: created here, never through an existing file or link.
    rmSync(tmp, { force: true });
    const fd = openSync(tmp, 'wx');
    try {
      for (const p of parts) writeFileSync(fd, p);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The first failure is the one to say.
    }
    throw e;
  }
}

/**
 * Removes the cache files beyond the ENTREES most recently used (and index files beyond
 * 4 × ENTREES), and temporary files an hour old. Best effort: the state is written already; a
 * file another process holds open, or a folder that cannot be listed, waits for the next time.
 */
function prune(dir: string): void {
  try {
    const now = Date.now();
    const entries = readdirSync(dir)
      .filter((f) => f.startsWith(PREFIX) || f.startsWith(INDEX))
      .flatMap((f) => {
        const s = statSync(path.join(dir, f), { throwIfNoEntry: false });
        return s ? [{ f, t: s.mtimeMs }] : [];
      });
    const remove = (f: string) => {
      try {
        rmSync(path.join(dir, f), { force: true });
      } catch {
        // Held open elsewhere (Windows): next time.
      }
    };
    for (const { f, t } of entries) if (f.endsWith('.tmp') && now - t > 3_600_000) remove(f);
    const recent = (prefix: string, suffix: string) => entries.filter((e) => e.f.startsWith(prefix) && e.f.endsWith(suffix)).sort((a, b) => b.t - a.t || a.f.localeCompare(b.f));
    for (const { f } of recent(PREFIX, SUFFIX).slice(ENTREES)) remove(f);
    for (const { f } of recent(INDEX, '.json').slice(4 * ENTREES)) remove(f);
  } catch {
    // Next time.
  }
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** sha256 of a cache file's header and data. */
const checksum = (header: Uint8Array, data: Uint8Array): Buffer => createHash('sha256').update(header).update(data).digest();

/** The numbers JSON cannot carry (−0, NaN, ±Infinity: a model or a parameter may hold them), as `{ "$nombre": "…" }`. */
function replace(_key: string, v: unknown): unknown {
  return typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? { $nombre: Object.is(v, -0) ? '-0' : String(v) } : v;
}

function revive(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const n = (v as { $nombre?: unknown }).$nombre;
  return typeof n === 'string' && Object.keys(v).length === 1 ? Number(n) : v;
}
