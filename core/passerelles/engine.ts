/**
 * The passerelle engine: built once per referential, it scores every target of a source in one
 * pass over inverted indexes (sparse weighted vectors in compressed arrays), instead of one set
 * intersection per pair. The score is defined in profiles.ts/naive.ts and docs/passerelles.md.
 *
 * Coverage with soft credit through the macro-compétence hierarchy is linear thanks to nesting
 * (held ⇒ same macro ⇒ same group): credit(c) = cg·[group held] + (cm − cg)·[macro held] +
 * (1 − cm)·[competence held]. So it is three sparse dot products, one per level.
 */
import type { CompetenceEcart, Passerelle } from '../analysis/result.js';
import type { Referentiel } from '../referentiel/model.js';
import { resolveParams, type DeepPartial, type PasserelleParams } from './params.js';
import { CARACTERISTIQUES_CONTENU, CARACTERISTIQUES_EXPERT, sigmoid, type CaracteristiqueContenu, type CaracteristiqueExpert, type ModelePasserelles } from './modele.js';
import { MODELE_ROME } from './modele-rome.js';
import { buildProfiles, type Composantes, type MetierProfile, type ProfileItem } from './profiles.js';
import type { SparseVectors } from './text.js';
import { matriceTransitions } from './transitions.js';
import { buildTextes, cadreOf, genericity, sameFlags, sortedMetiers } from './textes.js';

/** Number of nearest fiches of the `voisinsProches` feature (the first of the `voisins` ones). */
const VOISINS_PROCHES = 10;

export interface Cible {
  cible: string;
  score: number;
  /** Expert-aware mode: the target comes from the source's official ROME mobilités list. */
  officielle?: true;
}

/**
 * Which score the engine computes.
 * - `composantes`: the hand-weighted mean of five components (params.poids), the historical score.
 * - `contenu`: the learned content-only model.
 * - `expert`: the learned expert-aware model (needs `ref.mobilites`); a source with an official
 *   list gets that list first (marked), then computed passerelles.
 * - `auto` (with a model): `expert` when the referential has mobilités, else `contenu`.
 */
export type ModeScore = 'composantes' | 'contenu' | 'expert';

export interface EngineOptions {
  mode?: ModeScore | 'auto';
  /** The learned weights (default: the model fitted on ROME 4.0, core/passerelles/modele-rome.ts). */
  modele?: ModelePasserelles;
}

/** Feature values and their contributions (wᵢ·xᵢ, on the logit scale) for one pair. */
export interface Explication {
  mode: ModeScore;
  caracteristiques: Record<string, number>;
  contributions: Record<string, number>;
  biais: number;
  logit: number;
}

/** Raw features of a source against every métier (index order; the source's own slot is 0). */
export interface Caracteristiques {
  contenu: Record<CaracteristiqueContenu, Float64Array>;
  /** Present when the engine has expert lists. */
  expert?: Record<CaracteristiqueExpert, Float64Array>;
}

export interface PasserelleEngine {
  readonly params: PasserelleParams;
  /** The score actually computed (see ModeScore). */
  readonly mode: ModeScore;
  readonly modele?: ModelePasserelles;
  /** Métier codes in index order (sorted). */
  readonly codes: readonly string[];
  has(code: string): boolean;
  /** Score of the move from `a` to `b` (0..1), undefined for an unknown code or a = b. */
  score(a: string, b: string): number | undefined;
  composantes(a: string, b: string): Composantes | undefined;
  /** The k best targets of `source` (score desc, then code), optionally among `candidates` and ≥ minScore. */
  topK(source: string, k: number, candidates?: readonly string[], minScore?: number): Cible[];
  /** topK for every métier as source, in code order. */
  allPairsTopK(k: number, onProgress?: (done: number, total: number) => void): Array<{ source: string; cibles: Cible[] }>;
  /** The full passerelle, with the competences already held and the gap (cœur de métier first). */
  passerelle(a: string, b: string, rang: number): (Passerelle & { contributions?: Record<string, number> }) | undefined;
  /** Learned modes: each feature's value and contribution to the score of a → b. */
  explication(a: string, b: string): Explication | undefined;
  /** Learned modes: all raw features of `source` against every métier (for fitting). */
  caracteristiques(source: string): Caracteristiques | undefined;
  /** Number of official mobilités lists the expert-aware mode draws on. */
  readonly listesExpertes: number;
}

/** Compressed sparse rows: for key k, targets[offsets[k]..offsets[k+1]) with their weights. */
interface Postings {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

class KeySpace {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let i = this.ids.get(key);
    if (i === undefined) this.ids.set(key, (i = this.ids.size));
    return i;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Builds postings from per-métier sparse vectors (key id → weight). */
function buildPostings(nKeys: number, vectors: Array<Map<number, number>>): Postings {
  const counts = new Int32Array(nKeys + 1);
  for (const v of vectors) for (const k of v.keys()) counts[k + 1]!++;
  for (let k = 0; k < nKeys; k++) counts[k + 1]! += counts[k]!;
  const offsets = counts.slice();
  const fill = counts.slice(0, nKeys);
  const total = offsets[nKeys]!;
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  vectors.forEach((v, m) => {
    for (const [k, w] of v) {
      const at = fill[k]!++;
      targets[at] = m;
      weights[at] = w;
    }
  });
  return { offsets, targets, weights };
}

/** Postings of sparse vectors given as parallel typed arrays (document m: keys[m], values[m]). */
function sparsePostings(t: SparseVectors): Postings {
  const nKeys = t.nTerms;
  const offsets = new Int32Array(nKeys + 1);
  for (const k of t.keys) for (let i = 0; i < k.length; i++) offsets[k[i]! + 1]!++;
  for (let k = 0; k < nKeys; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, nKeys);
  const targets = new Int32Array(offsets[nKeys]!);
  const weights = new Float64Array(offsets[nKeys]!);
  t.keys.forEach((k, m) => {
    const v = t.values[m]!;
    for (let i = 0; i < k.length; i++) {
      const at = fill[k[i]!]!++;
      targets[at] = m;
      weights[at] = v[i]!;
    }
  });
  return { offsets, targets, weights };
}

/** Sparse vector of each métier over a key space, from a function listing (key, weight) pairs. */
function vectorsOf(profiles: MetierProfile[], keys: KeySpace, entries: (p: MetierProfile) => Iterable<[string, number]>): Array<Map<number, number>> {
  return profiles.map((p) => {
    const v = new Map<number, number>();
    for (const [key, w] of entries(p)) {
      const k = keys.id(key);
      v.set(k, (v.get(k) ?? 0) + w);
    }
    return v;
  });
}

function sumSquares(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v * v;
  return s;
}

export function createPasserelleEngine(ref: Referentiel, overrides: DeepPartial<PasserelleParams> = {}, options: EngineOptions = {}): PasserelleEngine {
  const params = resolveParams(overrides);
  const hasLists = (ref.mobilites?.length ?? 0) > 0;
  const requested = options.mode ?? 'composantes';
  const mode: ModeScore = requested === 'auto' ? (hasLists ? 'expert' : 'contenu') : requested === 'expert' && !hasLists ? 'contenu' : requested;
  const learned = mode !== 'composantes';
  const modele = learned ? (options.modele ?? MODELE_ROME) : undefined;
  const profiles = buildProfiles(ref, params);
  const n = profiles.length;
  const codes = profiles.map((p) => p.code);
  const index = new Map(codes.map((c, i) => [c, i]));

  // Coverage levels: competence, macro-compétence, group. Each level stores, per métier, a sparse
  // vector key → Σ poids (target side) and the same keys/weights for the source side. A competence
  // outside the hierarchy (savoirs) is its own macro and group: its three coefficients add up to 1,
  // so it is only indexed at level 0, with coefficient 1; levels 1-2 index hierarchised items only.
  const cm = params.creditMacro;
  const cg = params.creditGroupe;
  const levelSpecs: Array<(i: ProfileItem) => [string, number] | undefined> = [
    (i) => [i.id, i.hierarchise ? 1 - cm : 1],
    (i) => (i.hierarchise && cm - cg > 0 ? [i.macroKey, cm - cg] : undefined),
    // Raw weights (cg applied when accumulating): these vectors are also the activity profiles.
    (i) => (i.hierarchise ? [i.groupeKey, 1] : undefined),
  ];
  const levels = levelSpecs.map((spec) => {
    const space = new KeySpace();
    const vectors = vectorsOf(profiles, space, (p) => {
      const out: Array<[string, number]> = [];
      for (const item of p.items) {
        const e = spec(item);
        if (e) out.push([e[0], item.poids * e[1]]);
      }
      return out;
    });
    return {
      postings: buildPostings(space.size, vectors),
      held: vectors.map((v) => Int32Array.from(v.keys())),
      heldWeights: vectors.map((v) => Float64Array.from(v.values())),
    };
  });
  const actNorms = Float64Array.from(profiles, (p) => Math.sqrt(sumSquares(p.activites)));

  // Contextes de travail: cosine of IDF-weighted sets.
  const ctxSpace = new KeySpace();
  const ctxVectors = vectorsOf(profiles, ctxSpace, (p) => p.contextes);
  const ctxPostings = buildPostings(ctxSpace.size, ctxVectors);
  const ctxSources = ctxVectors.map((v) => ({ keys: Int32Array.from(v.keys()), values: Float64Array.from(v.values()) }));
  const ctxNorms = Float64Array.from(profiles, (p) => Math.sqrt(sumSquares(p.contextes)));

  const totals = Float64Array.from(profiles, (p) => p.total);
  const domainIds = new KeySpace();
  const domaine = Int32Array.from(profiles, (p) => (p.domaine !== undefined ? domainIds.id(`d:${p.domaine}`) : -1));
  const grandDomaine = Int32Array.from(profiles, (p) => (p.grandDomaine !== undefined ? domainIds.id(`g:${p.grandDomaine}`) : -1));

  const cov = new Float64Array(n);
  const rev = new Float64Array(n);
  const act = new Float64Array(n);
  const ctx = new Float64Array(n);
  const { couverture: wc, valorisation: wv, activites: wa, contextes: wx, proximite: wp } = params.poids;

  // ── Learned modes: text vectors (inverted indexes), flags, expert lists.
  const metiersSorted = learned ? sortedMetiers(ref) : [];
  const textes = learned ? buildTextes(ref, metiersSorted) : undefined;
  const textSpaces = textes ? [textes.intitules, textes.definitions, textes.libellesCompetences] : [];
  const textPostings = textSpaces.map(sparsePostings);
  const txt = textSpaces.map(() => new Float64Array(n));
  const romeV3 = sameFlags(metiersSorted, (m) => m.codeRomeV3);
  const cadre = sameFlags(metiersSorted, cadreOf);
  const isCadre = Float64Array.from(metiersSorted, (m) => (cadreOf(m) === 'cadre' ? 1 : 0));
  const generique = learned ? genericity(ref, metiersSorted) : new Float64Array(0);
  const maxApp = Math.max(1, ...metiersSorted.map((m) => m.appellations.length));
  const appellations = Float64Array.from(metiersSorted, (m) => Math.log(1 + m.appellations.length) / Math.log(1 + maxApp));
  const NC = CARACTERISTIQUES_CONTENU.length;
  const NE = CARACTERISTIQUES_EXPERT.length;
  const wContenu = Float64Array.from(CARACTERISTIQUES_CONTENU, (f) => modele?.contenu.poids[f] ?? 0);
  const wExpert = Float64Array.from(CARACTERISTIQUES_EXPERT, (f) => modele?.expert.poids[f] ?? 0);
  const xBuf = new Float64Array(NC);
  /** Per source: largest couverture, libellesCompetences, definitions, intitules over its candidates. */
  const rel = new Float64Array(4);
  // Learned domaine lifts, as dense matrices over this referential's domaines.
  const domCodes = [...new Set(metiersSorted.flatMap((m) => (m.domaine !== undefined ? [m.domaine] : [])))].sort();
  const gdomCodes = [...new Set(metiersSorted.flatMap((m) => (m.grandDomaine !== undefined ? [m.grandDomaine] : [])))].sort();
  const dom = Int32Array.from(metiersSorted, (m) => (m.domaine !== undefined ? domCodes.indexOf(m.domaine) : -1));
  const gdom = Int32Array.from(metiersSorted, (m) => (m.grandDomaine !== undefined ? gdomCodes.indexOf(m.grandDomaine) : -1));
  const liftDom = matriceTransitions(modele?.transitions?.domaine, domCodes);
  const liftGdom = matriceTransitions(modele?.transitions?.grandDomaine, gdomCodes);

  // Official lists by source index (ordered by rang), and for each métier the lists naming it.
  const lists: Array<Int32Array | undefined> = new Array(n);
  const namedBy: Int32Array[] = [];
  let maxNamed = 0;
  let listesExpertes = 0;
  if (learned && ref.mobilites) {
    const bySource = new Map<number, Array<[number, number]>>();
    for (const m of ref.mobilites) {
      const s = index.get(m.source);
      const c = index.get(m.cible);
      if (s === undefined || c === undefined || s === c) continue;
      const l = bySource.get(s) ?? [];
      if (!l.some((x) => x[1] === c)) l.push([m.rang, c]);
      bySource.set(s, l);
    }
    const named: number[][] = Array.from({ length: n }, () => []);
    for (const [s, l] of [...bySource].sort((x, y) => x[0] - y[0])) {
      l.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      lists[s] = Int32Array.from(l, (x) => x[1]);
      for (const [, c] of l) named[c]!.push(s);
      listesExpertes++;
    }
    for (let b = 0; b < n; b++) {
      namedBy.push(Int32Array.from(named[b]!));
      maxNamed = Math.max(maxNamed, named[b]!.length);
    }
  }
  const expertOn = mode === 'expert' && listesExpertes > 0;
  const zc = new Float64Array(n);
  const ex = CARACTERISTIQUES_EXPERT.map(() => new Float64Array(n));
  const ze = new Float64Array(n);

  /** Fills cov/rev/act/ctx with the raw accumulations of source a against every target. */
  function accumulate(a: number): void {
    cov.fill(0);
    rev.fill(0);
    act.fill(0);
    ctx.fill(0);
    for (let l = 0; l < 3; l++) {
      const { postings, held, heldWeights } = levels[l]!;
      const { offsets, targets, weights } = postings;
      const keys = held[a]!;
      const own = heldWeights[a]!;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = own[i]!;
        const end = offsets[k + 1]!;
        if (l < 2) {
          // Forward: a holds key k, so every target's requirements under k get credit.
          // Reverse: a's own competences under k are used by every métier holding k.
          for (let j = offsets[k]!; j < end; j++) {
            const b = targets[j]!;
            cov[b]! += weights[j]!;
            rev[b]! += v;
          }
        } else {
          for (let j = offsets[k]!; j < end; j++) {
            const b = targets[j]!;
            const w = weights[j]!;
            cov[b]! += cg * w;
            rev[b]! += cg * v;
            act[b]! += v * w;
          }
        }
      }
    }
    const { keys, values } = ctxSources[a]!;
    const { offsets, targets, weights } = ctxPostings;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = values[i]!;
      for (let j = offsets[k]!, end = offsets[k + 1]!; j < end; j++) ctx[targets[j]!]! += v * weights[j]!;
    }
    for (let t = 0; t < textSpaces.length; t++) {
      const out = txt[t]!;
      out.fill(0);
      const { offsets: o, targets: tg, weights: w } = textPostings[t]!;
      const ks = textSpaces[t]!.keys[a]!;
      const vs = textSpaces[t]!.values[a]!;
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i]!;
        const v = vs[i]!;
        for (let j = o[k]!, end = o[k + 1]!; j < end; j++) out[tg[j]!]! += v * w[j]!;
      }
    }
    if (learned) maxima(a);
  }

  /** Largest coverage and text similarities of source a over its candidates (relative features). */
  function maxima(a: number): void {
    rel.fill(0);
    const [t0, t1, t2] = txt as [Float64Array, Float64Array, Float64Array];
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const c = totals[b]! > 0 ? cov[b]! / totals[b]! : 0;
      if (c > rel[0]!) rel[0] = c;
      if (t2[b]! > rel[1]!) rel[1] = t2[b]!;
      if (t1[b]! > rel[2]!) rel[2] = t1[b]!;
      if (t0[b]! > rel[3]!) rel[3] = t0[b]!;
    }
    for (let i = 1; i < 4; i++) rel[i] = Math.sqrt(rel[i]!);
  }

  /** Content features of a → b (after accumulate(a)), in CARACTERISTIQUES_CONTENU order. */
  function fillContent(a: number, b: number, x: Float64Array): void {
    const tb = totals[b]!;
    const ta = totals[a]!;
    x[0] = tb > 0 ? cov[b]! / tb : 0;
    x[1] = ta > 0 ? rev[b]! / ta : 0;
    x[2] = actNorms[a]! > 0 && actNorms[b]! > 0 ? act[b]! / (actNorms[a]! * actNorms[b]!) : 0;
    x[3] = ctxNorms[a]! > 0 && ctxNorms[b]! > 0 ? ctx[b]! / (ctxNorms[a]! * ctxNorms[b]!) : 0;
    x[4] = domaine[a]! >= 0 && domaine[a] === domaine[b] ? 1 : 0;
    x[5] = grandDomaine[a]! >= 0 && grandDomaine[a] === grandDomaine[b] ? 1 : 0;
    x[6] = romeV3[a]! >= 0 && romeV3[a] === romeV3[b] ? 1 : 0;
    x[7] = Math.sqrt(txt[0]![b]!);
    x[8] = Math.sqrt(txt[1]![b]!);
    x[9] = Math.sqrt(txt[2]![b]!);
    x[10] = cadre[a] === cadre[b] ? 1 : 0;
    x[11] = isCadre[b]!;
    x[12] = generique[b]!;
    x[13] = appellations[b]!;
    x[14] = rel[0]! > 0 ? x[0]! / rel[0]! : 0;
    x[15] = rel[1]! > 0 ? x[9]! / rel[1]! : 0;
    x[16] = rel[2]! > 0 ? x[8]! / rel[2]! : 0;
    x[17] = rel[3]! > 0 ? x[7]! / rel[3]! : 0;
    x[18] = dom[a]! >= 0 && dom[b]! >= 0 ? liftDom[dom[a]! * domCodes.length + dom[b]!]! : 0;
    x[19] = gdom[a]! >= 0 && gdom[b]! >= 0 ? liftGdom[gdom[a]! * gdomCodes.length + gdom[b]!]! : 0;
  }

  /** Content logits of a against every métier into zc (after accumulate(a)). */
  function contentLogits(a: number): void {
    const b0 = modele!.contenu.biais;
    for (let b = 0; b < n; b++) {
      if (b === a) {
        zc[b] = -Infinity;
        continue;
      }
      fillContent(a, b, xBuf);
      let z = b0;
      for (let f = 0; f < NC; f++) z += wContenu[f]! * xBuf[f]!;
      zc[b] = z;
    }
  }

  /** The m best métiers by content logit (desc, then index), among those passing `keep`. */
  function nearest(a: number, m: number, keep: (b: number) => boolean): number[] {
    const top: number[] = [];
    for (let b = 0; b < n; b++) {
      if (b === a || !keep(b)) continue;
      const z = zc[b]!;
      if (top.length === m && z <= zc[top[m - 1]!]!) continue;
      let at = top.length;
      while (at > 0 && zc[top[at - 1]!]! < z) at--;
      top.splice(at, 0, b);
      if (top.length > m) top.pop();
    }
    return top;
  }

  /** Expert features of a against every métier into ex, from the lists of the other fiches. */
  function expertFeatures(a: number): void {
    const [, inv, pop, vois, voisInv, cocit, proches, deux] = ex as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    inv.fill(0);
    cocit.fill(0);
    const citing = namedBy[a]!;
    for (const x of citing) for (const c of lists[x]!) cocit[c]! += 1 / citing.length;
    vois.fill(0);
    voisInv.fill(0);
    proches.fill(0);
    deux.fill(0);
    for (const s of namedBy[a]!) inv[s] = 1;
    const own = lists[a];
    const denom = Math.log(1 + maxNamed);
    for (let b = 0; b < n; b++) pop[b] = denom > 0 ? Math.log(1 + namedBy[b]!.length) / denom : 0;
    // The source's own list never informs its prediction.
    if (own) for (const c of own) pop[c] = denom > 0 ? Math.log(namedBy[c]!.length) / denom : 0;
    const m = modele!.voisins;
    const near = nearest(a, m, (b) => lists[b] !== undefined);
    let sum = 0;
    let sumProches = 0;
    near.forEach((s, rank) => {
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
    });
    if (sum > 0)
      for (let b = 0; b < n; b++) {
        vois[b]! /= sum;
        deux[b]! /= sum;
      }
    if (sumProches > 0) for (let b = 0; b < n; b++) proches[b]! /= sumProches;
    sum = 0;
    for (const t of nearest(a, m, () => true)) {
      const p = sigmoid(zc[t]!);
      sum += p;
      for (const s of namedBy[t]!) voisInv[s]! += p;
    }
    if (sum > 0) for (let b = 0; b < n; b++) voisInv[b]! /= sum;
  }

  /** Expert logits into ze (after contentLogits(a)). */
  function expertLogits(a: number): void {
    expertFeatures(a);
    const b0 = modele!.expert.biais;
    for (let b = 0; b < n; b++) {
      if (b === a) {
        ze[b] = -Infinity;
        continue;
      }
      let z = b0 + wExpert[0]! * zc[b]!;
      for (let f = 1; f < NE; f++) z += wExpert[f]! * ex[f]![b]!;
      ze[b] = z;
    }
  }

  /** Prepares the scores of source a against every target; returns the logits (learned modes). */
  function prepare(a: number): Float64Array | undefined {
    accumulate(a);
    if (!learned) return undefined;
    contentLogits(a);
    if (!expertOn) return zc;
    expertLogits(a);
    return ze;
  }

  const round12 = (x: number) => Math.round(x * 1e12) / 1e12;

  function components(a: number, b: number): Composantes {
    const na = actNorms;
    const nc = ctxNorms;
    return {
      couverture: totals[b]! > 0 ? cov[b]! / totals[b]! : 0,
      valorisation: totals[a]! > 0 ? rev[b]! / totals[a]! : 0,
      activites: na[a]! > 0 && na[b]! > 0 ? act[b]! / (na[a]! * na[b]!) : 0,
      contextes: nc[a]! > 0 && nc[b]! > 0 ? ctx[b]! / (nc[a]! * nc[b]!) : 0,
      proximite: proximiteDe(a, b),
    };
  }

  /** Same domaine professionnel 1, same grand domaine `proximiteGrandDomaine`, else 0. */
  function proximiteDe(a: number, b: number): number {
    if (domaine[a]! >= 0 && domaine[a] === domaine[b]) return 1;
    return grandDomaine[a]! >= 0 && grandDomaine[a] === grandDomaine[b] ? params.proximiteGrandDomaine : 0;
  }

  /** Same values as `components` then the same expression and rounding as `combine` (profiles.ts),
   * written out without allocating: this is the hot loop of all-pairs. */
  function scoreOf(a: number, b: number, logits?: Float64Array): number {
    if (logits) return round12(sigmoid(logits[b]!));
    const na = actNorms;
    const nc = ctxNorms;
    const tb = totals[b]!;
    const ta = totals[a]!;
    const couverture = tb > 0 ? cov[b]! / tb : 0;
    const valorisation = ta > 0 ? rev[b]! / ta : 0;
    const activites = na[a]! > 0 && na[b]! > 0 ? act[b]! / (na[a]! * na[b]!) : 0;
    const contextes = nc[a]! > 0 && nc[b]! > 0 ? ctx[b]! / (nc[a]! * nc[b]!) : 0;
    const s = wc * couverture + wv * valorisation + wa * activites + wx * contextes + wp * proximiteDe(a, b);
    return Math.round(s * 1e12) / 1e12;
  }

  function topIndices(a: number, k: number, allowed?: Uint8Array, minScore = -Infinity): Cible[] {
    const logits = prepare(a);
    // Expert-aware mode: the source's official list first, in its order, then computed targets.
    const first: Cible[] = [];
    const own = expertOn ? lists[a] : undefined;
    if (own) {
      for (const c of own) {
        if (first.length >= k) break;
        if (!allowed || allowed[c]) first.push({ cible: codes[c]!, score: scoreOf(a, c, logits), officielle: true });
      }
      if (first.length >= k) return first;
      k -= first.length;
    }
    const topIdx: number[] = [];
    const topScore: number[] = [];
    for (let b = 0; b < n; b++) {
      if (b === a || (allowed && !allowed[b])) continue;
      if (own?.includes(b)) continue;
      const s = scoreOf(a, b, logits);
      if (s < minScore) continue;
      // Ascending b = ascending code: an equal score never displaces an earlier (smaller) code.
      if (topIdx.length === k && s <= topScore[k - 1]!) continue;
      let at = topIdx.length;
      while (at > 0 && topScore[at - 1]! < s) at--;
      topIdx.splice(at, 0, b);
      topScore.splice(at, 0, s);
      if (topIdx.length > k) {
        topIdx.pop();
        topScore.pop();
      }
    }
    return [...first, ...topIdx.map((b, i) => ({ cible: codes[b]!, score: topScore[i]! }))];
  }

  function explain(a: number, b: number): Explication {
    prepare(a);
    fillContent(a, b, xBuf);
    const caracteristiques: Record<string, number> = {};
    const contributions: Record<string, number> = {};
    CARACTERISTIQUES_CONTENU.forEach((f, i) => {
      caracteristiques[f] = xBuf[i]!;
      contributions[f] = wContenu[i]! * xBuf[i]!;
    });
    if (!expertOn) return { mode, caracteristiques, contributions, biais: modele!.contenu.biais, logit: zc[b]! };
    // Expert mode: the content contributions are scaled by the weight of the content logit.
    const wz = wExpert[0]!;
    for (const f of CARACTERISTIQUES_CONTENU) contributions[f]! *= wz;
    CARACTERISTIQUES_EXPERT.forEach((f, i) => {
      if (i === 0) return;
      caracteristiques[f] = ex[i]![b]!;
      contributions[f] = wExpert[i]! * ex[i]![b]!;
    });
    return { mode, caracteristiques, contributions, biais: modele!.expert.biais + wz * modele!.contenu.biais, logit: ze[b]! };
  }

  const officielles = ref.mobilites ? new Set(ref.mobilites.map((m) => `${m.source}|${m.cible}`)) : undefined;
  const typeOrder = { 'savoir-faire': 0, savoir: 1, 'savoir-etre': 2 } as const;

  function ecartOf(item: ProfileItem): CompetenceEcart & { poids: number } {
    const c = ref.competences[item.id]!;
    const e: CompetenceEcart & { poids: number } = { id: item.id, libelle: c.libelle, type: item.type, coeur: item.coeur, poids: item.poids };
    if (c.macro !== undefined) e.macro = c.macro;
    return e;
  }

  /** Cœur de métier first, then savoir-faire, savoirs, savoir-être; then the most important. */
  function orderGap(list: Array<CompetenceEcart & { poids: number }>): CompetenceEcart[] {
    list.sort((x, y) => Number(y.coeur) - Number(x.coeur) || typeOrder[x.type] - typeOrder[y.type] || y.poids - x.poids || x.libelle.localeCompare(y.libelle, 'fr') || (x.id < y.id ? -1 : 1));
    return list.map(({ poids: _p, ...e }) => e);
  }

  const pair = (a: string, b: string): [number, number] | undefined => {
    const ia = index.get(a);
    const ib = index.get(b);
    return ia === undefined || ib === undefined || ia === ib ? undefined : [ia, ib];
  };

  const engine: PasserelleEngine = {
    params,
    mode,
    ...(modele ? { modele } : {}),
    listesExpertes: expertOn ? listesExpertes : 0,
    codes,
    has: (code) => index.has(code),
    score(a, b) {
      const p = pair(a, b);
      if (!p) return undefined;
      return scoreOf(p[0], p[1], prepare(p[0]));
    },
    explication(a, b) {
      const p = pair(a, b);
      return p && learned ? explain(p[0], p[1]) : undefined;
    },
    caracteristiques(source) {
      const a = index.get(source);
      if (a === undefined || !learned) return undefined;
      prepare(a);
      const contenu = Object.fromEntries(CARACTERISTIQUES_CONTENU.map((f) => [f, new Float64Array(n)])) as Record<CaracteristiqueContenu, Float64Array>;
      for (let b = 0; b < n; b++) {
        if (b === a) continue;
        fillContent(a, b, xBuf);
        CARACTERISTIQUES_CONTENU.forEach((f, i) => (contenu[f][b] = xBuf[i]!));
      }
      if (listesExpertes === 0) return { contenu };
      if (!expertOn) expertFeatures(a);
      const expert = Object.fromEntries(CARACTERISTIQUES_EXPERT.map((f, i) => [f, i === 0 ? zc.map((z, b) => (b === a ? 0 : z)) : ex[i]!.slice()])) as Record<CaracteristiqueExpert, Float64Array>;
      return { contenu, expert };
    },
    composantes(a, b) {
      const p = pair(a, b);
      if (!p) return undefined;
      accumulate(p[0]);
      return components(p[0], p[1]);
    },
    topK(source, k, candidates, minScore) {
      const a = index.get(source);
      if (a === undefined || k <= 0) return [];
      let allowed: Uint8Array | undefined;
      if (candidates) {
        allowed = new Uint8Array(n);
        for (const c of candidates) {
          const i = index.get(c);
          if (i !== undefined) allowed[i] = 1;
        }
      }
      return topIndices(a, k, allowed, minScore);
    },
    allPairsTopK(k, onProgress) {
      const out: Array<{ source: string; cibles: Cible[] }> = [];
      for (let a = 0; a < n; a++) {
        out.push({ source: codes[a]!, cibles: k > 0 ? topIndices(a, k) : [] });
        if (onProgress && ((a + 1) % 64 === 0 || a + 1 === n)) onProgress(a + 1, n);
      }
      return out;
    },
    passerelle(a, b, rang) {
      const p = pair(a, b);
      if (!p) return undefined;
      const [ia, ib] = p;
      const logits = prepare(ia);
      const score = scoreOf(ia, ib, logits);
      const comp: Record<string, number> = { ...components(ia, ib) };
      let contributions: Record<string, number> | undefined;
      if (learned) {
        const e = explain(ia, ib);
        delete comp.proximite;
        Object.assign(comp, e.caracteristiques);
        contributions = e.contributions;
      }
      const held = new Set(profiles[ia]!.items.map((i) => i.id));
      const target = profiles[ib]!;
      const acquises: Array<CompetenceEcart & { poids: number }> = [];
      const ecart: Array<CompetenceEcart & { poids: number }> = [];
      let exact = 0;
      for (const item of target.items) {
        if (held.has(item.id)) {
          acquises.push(ecartOf(item));
          exact += item.poids;
        } else ecart.push(ecartOf(item));
      }
      const result: Passerelle = {
        source: a,
        cible: b,
        cibleLibelle: target.libelle,
        rang,
        score,
        composantes: { ...comp, couvertureExacte: target.total > 0 ? exact / target.total : 0 },
        acquises: orderGap(acquises),
        ecart: orderGap(ecart),
      };
      if (officielles) result.mobiliteOfficielle = officielles.has(`${a}|${b}`);
      return contributions ? { ...result, contributions } : result;
    },
  };
  return engine;
}
