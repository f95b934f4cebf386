/**
 * The expert-aware features (CARACTERISTIQUES_EXPERT, modele.ts) of one source against every
 * métier, drawn from the official mobilités lists of the OTHER fiches (the source's own list never
 * informs its prediction: the fit is honest and a fiche without a list is treated the same way).
 */
import type { Referentiel } from '../referentiel/model.js';
import { CARACTERISTIQUES_EXPERT, sigmoid, type ModelePasserelles } from './modele.js';

/** Number of nearest fiches of the `voisinsProches` feature (the first of the `voisins` ones). */
const VOISINS_PROCHES = 10;

export interface ExpertLists {
  /** Official list of each source index (ordered by rang), undefined without one. */
  lists: Array<Int32Array | undefined>;
  /** For each métier, the sources whose list names it (ascending). */
  namedBy: Int32Array[];
  maxNamed: number;
  /** Number of sources with a list. */
  count: number;
}

export function buildExpertLists(ref: Referentiel, index: ReadonlyMap<string, number>, n: number): ExpertLists {
  const lists: Array<Int32Array | undefined> = new Array(n);
  const bySource = new Map<number, Array<[number, number]>>();
  for (const m of ref.mobilites ?? []) {
    const s = index.get(m.source);
    const c = index.get(m.cible);
    if (s === undefined || c === undefined || s === c) continue;
    const l = bySource.get(s) ?? [];
    if (!l.some((x) => x[1] === c)) l.push([m.rang, c]);
    bySource.set(s, l);
  }
  const named: number[][] = Array.from({ length: n }, () => []);
  let count = 0;
  for (const [s, l] of [...bySource].sort((x, y) => x[0] - y[0])) {
    l.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    lists[s] = Int32Array.from(l, (x) => x[1]);
    for (const [, c] of l) named[c]!.push(s);
    count++;
  }
  const namedBy = named.map((l) => Int32Array.from(l));
  return { lists, namedBy, maxNamed: named.reduce((m, l) => Math.max(m, l.length), 0), count };
}

export interface ExpertFeatures {
  /** Feature arrays in CARACTERISTIQUES_EXPERT order (slot 0, the content logit, is not filled). */
  ex: Float64Array[];
  /**
   * Fills ex for source a from its similarity logits zc (the content logits without the target
   * priors, ContentFeatures.logits): they choose and weigh the neighbours.
   */
  compute(a: number, zc: Float64Array): void;
  /** Expert logits of a into `out` (after compute). */
  logits(a: number, zc: Float64Array, out: Float64Array): void;
  poids: Float64Array;
}

export function buildExpertFeatures(el: ExpertLists, n: number, modele: ModelePasserelles): ExpertFeatures {
  const { lists, namedBy, maxNamed } = el;
  const ex = CARACTERISTIQUES_EXPERT.map(() => new Float64Array(n));
  const poids = Float64Array.from(CARACTERISTIQUES_EXPERT, (f) => modele.expert.poids[f] ?? 0);
  // How often experts list each target, the same for every source (its own list aside, below).
  const denom = Math.log(1 + maxNamed);
  const popularite = Float64Array.from(namedBy, (l) => (denom > 0 ? Math.log(1 + l.length) / denom : 0));

  const listed = Uint8Array.from(lists, (l) => (l === undefined ? 0 : 1));
  const top = new Int32Array(Math.max(0, modele.voisins));
  /**
   * The m best métiers by content logit (desc, then index), only those with a list when
   * `onlyListed`: a view on `top`, valid until the next call (insertion into a fixed array, no
   * allocation per source).
   */
  function nearest(a: number, m: number, zc: Float64Array, onlyListed: boolean): Int32Array {
    let count = 0;
    for (let b = 0; b < n; b++) {
      if (b === a || (onlyListed && listed[b] === 0)) continue;
      const z = zc[b]!;
      if (count === m && z <= zc[top[m - 1]!]!) continue;
      // A full list drops its last (the smallest, below z); equal logits keep index order.
      let at = count < m ? count++ : m - 1;
      while (at > 0 && zc[top[at - 1]!]! < z) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = b;
    }
    return top.subarray(0, count);
  }

  function compute(a: number, zc: Float64Array): void {
    const [, inv, pop, vois, voisInv, cocit, proches, deux] = ex as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (const f of ex) if (f !== pop) f.fill(0);
    const citing = namedBy[a]!;
    for (const x of citing) for (const c of lists[x]!) cocit[c]! += 1 / citing.length;
    for (const s of citing) inv[s] = 1;
    const own = lists[a];
    pop.set(popularite);
    // The source's own list never informs its prediction.
    if (own) for (const c of own) pop[c] = denom > 0 ? Math.log(namedBy[c]!.length) / denom : 0;
    const m = modele.voisins;
    let sum = 0;
    let sumProches = 0;
    const near = nearest(a, m, zc, true);
    for (let rank = 0; rank < near.length; rank++) {
      const s = near[rank]!;
      const p = sigmoid(zc[s]!);
      sum += p;
      const l = lists[s]!;
      for (const c of l) vois[c]! += p;
      if (rank < VOISINS_PROCHES) {
        sumProches += p;
        for (const c of l) proches[c]! += p;
      }
      // Two hops: the lists of the fiches this neighbour lists (never the source's own list).
      for (const c of l) {
        const next = c === a ? undefined : lists[c];
        if (next) for (const d of next) deux[d]! += p / l.length;
      }
    }
    if (sum > 0)
      for (let b = 0; b < n; b++) {
        vois[b]! /= sum;
        deux[b]! /= sum;
      }
    if (sumProches > 0) for (let b = 0; b < n; b++) proches[b]! /= sumProches;
    sum = 0;
    for (const t of nearest(a, m, zc, false)) {
      const p = sigmoid(zc[t]!);
      sum += p;
      for (const s of namedBy[t]!) voisInv[s]! += p;
    }
    if (sum > 0) for (let b = 0; b < n; b++) voisInv[b]! /= sum;
  }

  function logits(a: number, zc: Float64Array, out: Float64Array): void {
    const b0 = modele.expert.biais;
    for (let b = 0; b < n; b++) {
      if (b === a) {
        out[b] = -Infinity;
        continue;
      }
      let z = b0 + poids[0]! * zc[b]!;
      for (let f = 1; f < ex.length; f++) z += poids[f]! * ex[f]![b]!;
      out[b] = z;
    }
  }

  return { ex, compute, logits, poids };
}
