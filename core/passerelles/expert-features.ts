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
  const m = Math.max(0, modele.voisins);
  // The m best métiers by content logit (desc, then index), among those with a list and among all,
  // and their logits: filled by nearest(), no allocation per source.
  const nearListed = new Int32Array(m);
  const zListed = new Float64Array(m);
  const nearAll = new Int32Array(m);
  const zAll = new Float64Array(m);
  let countListed = 0;
  let countAll = 0;

  /** Both neighbour sets of a in one pass over zc (insertion into fixed arrays; equal logits keep index order). */
  function nearest(a: number, zc: Float64Array): void {
    let cl = 0;
    let ca = 0;
    if (m > 0)
      for (let b = 0; b < n; b++) {
        if (b === a) continue;
        const z = zc[b]!;
        if (ca < m || !(z <= zAll[m - 1]!)) ca = insertSorted(zAll, nearAll, ca, z, b);
        if (listed[b] === 1 && (cl < m || !(z <= zListed[m - 1]!))) cl = insertSorted(zListed, nearListed, cl, z, b);
      }
    countListed = cl;
    countAll = ca;
  }

  function compute(a: number, zc: Float64Array): void {
    const [, inv, pop, vois, voisInv, cocit, proches, deux] = ex as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (const f of ex) if (f !== pop) f.fill(0);
    const citing = namedBy[a]!;
    for (let i = 0; i < citing.length; i++) {
      const l = lists[citing[i]!]!;
      for (let j = 0; j < l.length; j++) cocit[l[j]!]! += 1 / citing.length;
    }
    for (let i = 0; i < citing.length; i++) inv[citing[i]!] = 1;
    const own = lists[a];
    pop.set(popularite);
    // The source's own list never informs its prediction.
    if (own) for (let i = 0; i < own.length; i++) pop[own[i]!] = denom > 0 ? Math.log(namedBy[own[i]!]!.length) / denom : 0;
    nearest(a, zc);
    let sum = 0;
    let sumProches = 0;
    for (let rank = 0; rank < countListed; rank++) {
      const p = sigmoid(zListed[rank]!);
      sum += p;
      const l = lists[nearListed[rank]!]!;
      const close = rank < VOISINS_PROCHES;
      if (close) sumProches += p;
      const q = p / l.length;
      for (let i = 0; i < l.length; i++) {
        const c = l[i]!;
        vois[c]! += p;
        if (close) proches[c]! += p;
        // Two hops: the lists of the fiches this neighbour lists (never the source's own list).
        const next = c === a ? undefined : lists[c];
        if (next) for (let j = 0; j < next.length; j++) deux[next[j]!]! += q;
      }
    }
    if (sum > 0)
      for (let b = 0; b < n; b++) {
        vois[b]! /= sum;
        deux[b]! /= sum;
      }
    if (sumProches > 0) for (let b = 0; b < n; b++) proches[b]! /= sumProches;
    sum = 0;
    for (let rank = 0; rank < countAll; rank++) {
      const p = sigmoid(zAll[rank]!);
      sum += p;
      const l = namedBy[nearAll[rank]!]!;
      for (let i = 0; i < l.length; i++) voisInv[l[i]!]! += p;
    }
    if (sum > 0) for (let b = 0; b < n; b++) voisInv[b]! /= sum;
  }

  /** Feature by feature over all targets: for each target the same sum, in the same order, as one target at a time. */
  function logits(a: number, zc: Float64Array, out: Float64Array): void {
    const b0 = modele.expert.biais;
    const w0 = poids[0]!;
    for (let b = 0; b < n; b++) out[b] = b0 + w0 * zc[b]!;
    for (let f = 1; f < ex.length; f++) {
      const w = poids[f]!;
      const x = ex[f]!;
      for (let b = 0; b < n; b++) out[b]! += w * x[b]!;
    }
    out[a] = -Infinity;
  }

  return { ex, compute, logits, poids };
}

/**
 * Inserts (z, b) into the sorted top list (values desc) of `count` entries out of values.length,
 * dropping the last when full; an equal value stays after the earlier ones. The new count.
 */
function insertSorted(values: Float64Array, indices: Int32Array, count: number, z: number, b: number): number {
  const m = values.length;
  let at = count < m ? count++ : m - 1;
  while (at > 0 && values[at - 1]! < z) {
    values[at] = values[at - 1]!;
    indices[at] = indices[at - 1]!;
    at--;
  }
  values[at] = z;
  indices[at] = b;
  return count;
}
