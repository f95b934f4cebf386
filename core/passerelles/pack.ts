/**
 * Packs a tree of plain data whose bulk is typed arrays (the engine state) into one buffer and a
 * small layout, and back: the typed arrays become views on the buffer. With a SharedArrayBuffer,
 * worker threads read the same memory instead of a copy each.
 */

type TypedArray = Int32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array | Int16Array | Int8Array | Float32Array;

const KINDS = { Int32Array, Float64Array, Uint8Array, Uint16Array, Uint32Array, Int16Array, Int8Array, Float32Array } as const;
type Kind = keyof typeof KINDS;

/**
 * Typed array: ['t', kind, byte offset, length]; array of typed arrays of one kind (the sparse
 * vectors of every métier): ['A', kind, byte offset of the data, byte offset of the n + 1 start
 * indices, n], one block; other array: ['a', items]; object: ['o', entries]; undefined: ['u'];
 * else the value.
 */
export type Layout = ['t', Kind, number, number] | ['A', Kind, number, number, number] | ['a', Layout[]] | ['o', Record<string, Layout>] | ['u'] | string | number | boolean | null;

export interface Packed {
  layout: Layout;
  buffer: ArrayBufferLike;
}

function isTyped(x: unknown): x is TypedArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/** The constructor shared by every element when they are all typed arrays of one kind (no hole), else undefined. */
function sameKind(v: unknown[]): (typeof KINDS)[Kind] | undefined {
  if (v.length < 2) return undefined;
  const first = v[0];
  if (!isTyped(first)) return undefined;
  const kind = first.constructor as (typeof KINDS)[Kind];
  if (!(kind.name in KINDS)) return undefined;
  for (let i = 1; i < v.length; i++) if (!(i in v) || v[i]?.constructor !== kind) return undefined;
  return kind;
}

export function pack(value: unknown, shared = false): Packed {
  let bytes = 0;
  const copies: Array<(buffer: ArrayBufferLike) => void> = [];
  /** Reserves `size` bytes at the next multiple of 8; their offset. */
  const align = (size: number) => {
    const at = Math.ceil(bytes / 8) * 8;
    bytes = at + size;
    return at;
  };
  const walk = (v: unknown): Layout => {
    if (v === undefined) return ['u'];
    if (v === null || typeof v !== 'object') return v as Layout;
    if (isTyped(v)) {
      const kind = v.constructor.name as Kind;
      if (!(kind in KINDS)) throw new TypeError(`pack: ${kind}`);
      const at = align(v.byteLength);
      copies.push((buffer) => new (v.constructor as new (b: ArrayBufferLike, o: number, l: number) => TypedArray)(buffer, at, v.length).set(v));
      return ['t', kind, at, v.length];
    }
    if (Array.isArray(v)) {
      const block = sameKind(v);
      // Array.from, not map: a hole (a métier without an official list) becomes ['u'], which JSON keeps.
      if (!block) return ['a', Array.from(v, (x) => walk(x))];
      const starts = new Int32Array(v.length + 1);
      for (let i = 0; i < v.length; i++) starts[i + 1] = starts[i]! + (v[i] as TypedArray).length;
      const at = align(starts[v.length]! * block.BYTES_PER_ELEMENT);
      copies.push((buffer) => {
        const data = new (block as new (b: ArrayBufferLike, o: number, l: number) => TypedArray)(buffer, at, starts[v.length]!);
        for (let i = 0; i < v.length; i++) data.set(v[i] as TypedArray, starts[i]!);
      });
      const startsAt = align(starts.byteLength);
      copies.push((buffer) => new Int32Array(buffer, startsAt, starts.length).set(starts));
      return ['A', block.name as Kind, at, startsAt, v.length];
    }
    const entries: Record<string, Layout> = {};
    for (const [key, x] of Object.entries(v)) entries[key] = walk(x);
    return ['o', entries];
  };
  const layout = walk(value);
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  for (const copy of copies) copy(buffer);
  return { layout, buffer };
}

export function unpack<T>({ layout, buffer }: Packed): T {
  const walk = (l: Layout): unknown => {
    if (l === null || typeof l !== 'object') return l;
    switch (l[0]) {
      case 't':
        return new KINDS[l[1]](buffer as ArrayBuffer, l[2], l[3]);
      case 'A': {
        const starts = new Int32Array(buffer as ArrayBuffer, l[3], l[4] + 1);
        const data = new KINDS[l[1]](buffer as ArrayBuffer, l[2], starts[l[4]]!);
        return Array.from({ length: l[4] }, (_, i) => data.subarray(starts[i]!, starts[i + 1]!));
      }
      case 'a':
        return l[1].map(walk);
      case 'o':
        return Object.fromEntries(Object.entries(l[1]).map(([key, x]) => [key, walk(x)]));
      default:
        return undefined;
    }
  };
  return walk(layout) as T;
}
