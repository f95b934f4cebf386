/**
 * A zip archive read from its bytes, for xlsx workbooks: the central directory parsed here (ZIP64
 * included), entries inflated as streams with the web-standard `DecompressionStream('deflate-raw')`
 * (Node ≥ 18, VS Code, Excel's runtime), chunk by chunk, so that a reader can stop early and a zip
 * bomb is cut off at the limit instead of filling memory.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the directory declares it; the real size is counted while inflating. */
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** Why an archive was refused: not a zip, or over one of the limits. */
export class ZipRefusal extends Error {
  constructor(
    readonly kind: 'invalide' | 'entrees' | 'decompresse' | 'taux',
    detail: string,
    readonly value = 0,
    readonly max = 0,
  ) {
    super(detail);
  }
}

export interface ZipLimits {
  /** Entries in the archive. */
  entries: number;
  /** Bytes inflated from the archive, all entries read together. */
  decompressed: number;
  /** Inflated bytes per compressed byte of one entry, checked past its first MiB. */
  ratio: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

function findEndOfDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  return -1;
}

/** An archive's entries by name; throws `ZipRefusal` when the bytes are no zip or hold too many entries. */
export function readZipDirectory(b: Uint8Array, limits: ZipLimits): Map<string, ZipEntry> {
  const eocd = findEndOfDirectory(b);
  if (eocd < 0) throw new ZipRefusal('invalide', 'no zip end-of-central-directory record');
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === 0x07064b50) {
      const z = u64(b, loc + 8);
      if (z + 56 <= b.length && u32(b, z) === 0x06064b50) {
        count = u64(b, z + 32);
        offset = u64(b, z + 48);
      }
    }
  }
  if (count > limits.entries) throw new ZipRefusal('entrees', `${count} entries`, count, limits.entries);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipRefusal('invalide', 'broken zip central directory');
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const entry: ZipEntry = {
      name: names.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localOffset: u32(b, p + 42),
      encrypted: (u16(b, p + 8) & 1) === 1,
    };
    // ZIP64 extra field: the 64-bit values, in this order, for those set to 0xFFFFFFFF.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (entry.size === 0xffffffff) (entry.size = u64(b, q)), (q += 8);
        if (entry.compressedSize === 0xffffffff) (entry.compressedSize = u64(b, q)), (q += 8);
        if (entry.localOffset === 0xffffffff) entry.localOffset = u64(b, q);
      }
      e += 4 + len;
    }
    entries.set(entry.name, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Counts inflated bytes across the entries of one archive and refuses past the limit. */
export class InflateBudget {
  used = 0;
  constructor(
    readonly max: number,
    readonly ratio: number,
  ) {}
  take(n: number, entry: ZipEntry, inflated: number): void {
    this.used += n;
    if (this.used > this.max) throw new ZipRefusal('decompresse', `more than ${this.max} bytes`, this.used, this.max);
    if (inflated > RATIO_FROM && inflated > this.ratio * entry.compressedSize) {
      throw new ZipRefusal('taux', `${entry.name}: more than ${this.ratio} times its compressed size`, Math.floor(inflated / Math.max(1, entry.compressedSize)), this.ratio);
    }
  }
}

const RATIO_FROM = 1 << 20;

const INPUT_SLICE = 1 << 16;

/** The part of the web streams API used here (declared locally: core/ is typed without DOM or Node types). */
interface Inflater {
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };
  writable: { getWriter(): { ready: Promise<void>; write(c: Uint8Array): Promise<void>; close(): Promise<void>; abort(): Promise<void> } };
}

function newInflater(): Inflater {
  const DS = (globalThis as unknown as { DecompressionStream?: new (format: 'deflate-raw') => Inflater }).DecompressionStream;
  if (!DS) throw new ZipRefusal('invalide', 'this runtime has no DecompressionStream');
  return new DS('deflate-raw');
}

/**
 * The bytes of an entry, chunk by chunk. Leaving the loop early (`break`, `return`, a throw)
 * cancels the inflation: nothing more is decompressed.
 */
export async function* entryChunks(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  if (entry.encrypted) throw new ZipRefusal('invalide', `${entry.name} is encrypted`);
  const h = entry.localOffset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) throw new ZipRefusal('invalide', `no local header for ${entry.name}`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const data = b.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipRefusal('invalide', `${entry.name} is truncated`);
  if (entry.method === 0) {
    budget.take(data.length, entry, 0);
    yield data;
    return;
  }
  if (entry.method !== 8) throw new ZipRefusal('invalide', `${entry.name}: compression method ${entry.method} not supported`);
  const ds = newInflater();
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stopped = false;
  let inflated = 0;
  // The input goes in by slices, each after the previous one is taken: when the reader stops, so
  // does the inflation (one 64 KiB slice can still inflate to a lot, hence the budget per chunk).
  const feed = (async () => {
    for (let i = 0; i < data.length && !stopped; i += INPUT_SLICE) {
      await writer.ready;
      await writer.write(data.subarray(i, i + INPUT_SLICE));
    }
    if (!stopped) await writer.close();
  })().catch(() => {});
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      inflated += value.length;
      budget.take(value.length, entry, inflated);
      yield value;
    }
  } catch (e) {
    if (e instanceof ZipRefusal) throw e;
    throw new ZipRefusal('invalide', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    stopped = true;
    await reader.cancel().catch(() => {});
    await writer.abort().catch(() => {});
    await feed;
  }
}

/** The text of an entry, piece by piece (UTF-8, as every xlsx part is). */
export async function* entryText(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): AsyncGenerator<string> {
  const dec = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(b, entry, budget)) {
    const s = dec.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const rest = dec.decode();
  if (rest) yield rest;
}

/** The whole text of a small entry. */
export async function entryString(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<string> {
  let out = '';
  for await (const s of entryText(b, entry, budget)) out += s;
  return out;
}
