/**
 * Packs a tree of plain data whose bulk is typed arrays (the engine state) into one buffer and a
 * small layout, and back: the typed arrays become views on the buffer. With a SharedArrayBuffer,
 * worker threads read the same memory instead of a copy each.
 */

type TypedArray = Int32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array | Int16Array | Int8Array | Float32Array;

const KINDS = { Int32Array, Float64Array, Uint8Array, Uint16Array, Uint32Array, Int16Array, Int8Array, Float32Array } as const;
type Kind = keyof typeof KINDS;

/** Typed array: ['t', kind, byte offset, length]; array: ['a', items]; object: ['o', entries]; undefined: ['u']; else the value. */
export type Layout = ['t', Kind, number, number] | ['a', Layout[]] | ['o', Record<string, Layout>] | ['u'] | string | number | boolean | null;

export interface Packed {
  layout: Layout;
  buffer: ArrayBufferLike;
}

function isTyped(x: unknown): x is TypedArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

export function pack(value: unknown, shared = false): Packed {
  let bytes = 0;
  const arrays: Array<[TypedArray, number]> = [];
  const walk = (v: unknown): Layout => {
    if (v === undefined) return ['u'];
    if (v === null || typeof v !== 'object') return v as Layout;
    if (isTyped(v)) {
      const kind = v.constructor.name as Kind;
      if (!(kind in KINDS)) throw new TypeError(`pack: ${kind}`);
      bytes = Math.ceil(bytes / 8) * 8;
      arrays.push([v, bytes]);
      const node: Layout = ['t', kind, bytes, v.length];
      bytes += v.byteLength;
      return node;
    }
    if (Array.isArray(v)) return ['a', v.map(walk)];
    const entries: Record<string, Layout> = {};
    for (const [key, x] of Object.entries(v)) entries[key] = walk(x);
    return ['o', entries];
  };
  const layout = walk(value);
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  for (const [v, at] of arrays) new (v.constructor as new (b: ArrayBufferLike, o: number, l: number) => TypedArray)(buffer, at, v.length).set(v);
  return { layout, buffer };
}

export function unpack<T>({ layout, buffer }: Packed): T {
  const walk = (l: Layout): unknown => {
    if (l === null || typeof l !== 'object') return l;
    switch (l[0]) {
      case 't':
        return new KINDS[l[1]](buffer as ArrayBuffer, l[2], l[3]);
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
