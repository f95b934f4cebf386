/**
 * The functions' result cache, bounded by size: least recently used entries go first once the
 * estimated bytes of the kept results exceed the budget (32 MB by default). Keys: the JSON of
 * small arguments, else a hash of (function, referential, arguments) computed by walking the
 * cells, so a whole-column argument (a million cells) is never kept, nor turned into a 10 MB
 * string; a result larger than an eighth of the budget is not kept at all. 64-bit hashes (two
 * independent 32-bit multiplicative hashes) plus the cell count make a collision negligible here.
 */

export interface Reglages {
  actif: boolean;
  /** Budget of the kept results, in estimated bytes. */
  octets: number;
}

interface Entree {
  valeur: unknown;
  octets: number;
}

export interface EtatCache {
  reglages: Reglages;
  entrees: Map<string, Entree>;
  octets: number;
  succes: number;
  echecs: number;
  evictions: number;
}

interface Global {
  __GTEC_CACHE__?: EtatCache;
}

export function cache(): EtatCache {
  const g = globalThis as Global;
  return (g.__GTEC_CACHE__ ??= { reglages: { actif: true, octets: 32 * 1024 * 1024 }, entrees: new Map(), octets: 0, succes: 0, echecs: 0, evictions: 0 });
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** Cells of the arguments (a matrix argument is rows of cells). */
function cellules(args: readonly unknown[]): number {
  let n = 0;
  for (const a of args) {
    if (!Array.isArray(a)) n++;
    else for (const l of a) n += Array.isArray(l) ? l.length : 1;
  }
  return n;
}

/**
 * Key of a call. Small arguments (the usual formula: a few cells) are kept as their JSON, short by
 * construction; larger ones (ranges, whole columns) as a 64-bit hash walked over the cells, with
 * their cell count: the arguments themselves are never kept.
 */
export function cle(id: string, contexte: string, args: readonly unknown[]): string {
  const n = cellules(args);
  if (n <= 64) {
    const json = JSON.stringify(args);
    if (json.length <= 2048) return `${id}\u0000${contexte}\u0000${json}`;
  }
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const mot = (x: number) => {
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  };
  const valeur = (v: unknown) => {
    if (typeof v === 'number') {
      f64[0] = v;
      mot(1);
      mot(i32[0]!);
      mot(i32[1]!);
    } else if (typeof v === 'string') {
      mot(2);
      for (let i = 0; i < v.length; i++) mot(v.charCodeAt(i));
      mot(v.length);
    } else if (typeof v === 'boolean') mot(v ? 3 : 4);
    else mot(v === null ? 5 : 6);
  };
  for (const a of args) {
    mot(0x2c);
    if (!Array.isArray(a)) valeur(a);
    else
      for (const l of a) {
        mot(0x5b);
        if (Array.isArray(l)) for (const c of l) valeur(c);
        else valeur(l);
      }
  }
  return `${id}\u0000${contexte}\u0000#${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}:${n}`;
}

/** Estimated bytes a result keeps in memory (cells, strings as UTF-16). */
export function taille(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((s: number, x) => s + taille(x), 16);
  if (typeof v === 'string') return 16 + 2 * v.length;
  if (v !== null && typeof v === 'object') return 64;
  return 16;
}

export function lire(c: EtatCache, k: string): unknown {
  const e = c.entrees.get(k);
  if (!e) return undefined;
  // Most recently used last (Map keeps insertion order).
  c.entrees.delete(k);
  c.entrees.set(k, e);
  return e.valeur;
}

export function garder(c: EtatCache, k: string, valeur: unknown): void {
  const octets = taille(valeur) + 2 * k.length + 64;
  if (octets > c.reglages.octets / 8) return;
  c.entrees.set(k, { valeur, octets });
  c.octets += octets;
  for (const [vieille, e] of c.entrees) {
    if (c.octets <= c.reglages.octets) break;
    c.entrees.delete(vieille);
    c.octets -= e.octets;
    c.evictions++;
  }
}

export function vider(c: EtatCache): void {
  c.entrees.clear();
  c.octets = 0;
}
