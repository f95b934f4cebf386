/**
 * Competence coverage, activities and contextes of one source against every métier, through
 * inverted indexes (the historical score's components, also features of the learned model).
 *
 * Coverage with soft credit through the macro-compétence hierarchy is linear thanks to nesting
 * (held ⇒ same macro ⇒ same group): credit(c) = cg·[group held] + (cm − cg)·[macro held] +
 * (1 − cm)·[competence held]. So it is three sparse dot products, one per level.
 *
 * The index is data (CompetenceState: typed arrays only, so it can be posted to a worker) and a
 * view over it (competenceIndexOf) that owns the accumulators of the last source.
 */
import type { PasserelleParams } from './params.js';
import { accumulateDots, KeySpace, type Postings, sparsePostings } from './postings.js';
import type { Composantes, MetierProfile, ProfileItem } from './profiles.js';
import type { SparseVectors } from './text.js';

export interface CompetenceIndex {
  /** Raw accumulations of the last source (fill with `accumulate`). */
  cov: Float64Array;
  rev: Float64Array;
  act: Float64Array;
  ctx: Float64Array;
  accumulate(a: number): void;
  /** Components of a → b after accumulate(a). */
  components(a: number, b: number): Composantes;
  /** couverture of a → b after accumulate(a). */
  couverture(b: number): number;
  /** The other components of `components`, one by one (no object per pair), after accumulate(a). */
  valorisation(a: number, b: number): number;
  activites(a: number, b: number): number;
  contextes(a: number, b: number): number;
  /** The historical 5-component score of a → b after accumulate(a), rounded to 10⁻¹². */
  legacyScore(a: number, b: number): number;
  sameDomaine(a: number, b: number): boolean;
  sameGrandDomaine(a: number, b: number): boolean;
}

/** Per-métier sparse vectors in one block (CSR): métier m owns keys/weights[offsets[m]..offsets[m+1]). */
export interface Rows {
  offsets: Int32Array;
  keys: Int32Array;
  weights: Float64Array;
}

/** The index as plain typed arrays (what a worker receives). */
export interface CompetenceState {
  n: number;
  /** Levels 0 (competence), 1 (macro), 2 (group): postings (target side) and rows (source side). */
  levels: Array<{ postings: Postings; rows: Rows }>;
  actNorms: Float64Array;
  ctxPostings: Postings;
  ctxRows: Rows;
  ctxNorms: Float64Array;
  totals: Float64Array;
  domaine: Int32Array;
  grandDomaine: Int32Array;
}

/**
 * Sparse vector of each métier over a key space, from a function emitting its (key, weight) pairs:
 * keys in order of first appearance, weights summed in emission order (a dense scratch row and a
 * mark per key instead of a Map per métier).
 */
function rowsOf(profiles: MetierProfile[], keys: KeySpace, entries: (p: MetierProfile, emit: (key: string, w: number) => void) => void): Rows {
  const offsets = new Int32Array(profiles.length + 1);
  let outKeys = new Int32Array(1024);
  let outWeights = new Float64Array(1024);
  let acc = new Float64Array(1024);
  let mark = new Int32Array(1024).fill(-1);
  let at = 0;
  profiles.forEach((p, m) => {
    const start = at;
    entries(p, (key, w) => {
      const k = keys.id(key);
      if (k >= acc.length) {
        const grownAcc = new Float64Array(acc.length * 2);
        grownAcc.set(acc);
        acc = grownAcc;
        const grownMark = new Int32Array(mark.length * 2).fill(-1);
        grownMark.set(mark);
        mark = grownMark;
      }
      if (mark[k] !== m) {
        mark[k] = m;
        acc[k] = 0;
        if (at === outKeys.length) {
          const grownKeys = new Int32Array(at * 2);
          grownKeys.set(outKeys);
          outKeys = grownKeys;
        }
        outKeys[at++] = k;
      }
      acc[k] = acc[k]! + w;
    });
    if (at > outWeights.length) {
      const grown = new Float64Array(outKeys.length);
      grown.set(outWeights);
      outWeights = grown;
    }
    for (let i = start; i < at; i++) outWeights[i] = acc[outKeys[i]!]!;
    offsets[m + 1] = at;
  });
  return { offsets, keys: outKeys.slice(0, at), weights: outWeights.slice(0, at) };
}

/** Postings (target side) of per-métier rows. */
function postingsOf(rows: Rows, nKeys: number): Postings {
  const n = rows.offsets.length - 1;
  const vectors: SparseVectors = { keys: [], values: [], nTerms: nKeys };
  for (let m = 0; m < n; m++) {
    vectors.keys.push(rows.keys.subarray(rows.offsets[m]!, rows.offsets[m + 1]!));
    vectors.values.push(rows.weights.subarray(rows.offsets[m]!, rows.offsets[m + 1]!));
  }
  return sparsePostings(vectors);
}

export function buildCompetenceState(profiles: MetierProfile[], params: PasserelleParams): CompetenceState {
  const n = profiles.length;
  // Each level stores, per métier, a sparse vector key → Σ poids (target side) and the same keys and
  // weights for the source side. A competence outside the hierarchy (savoirs) is its own macro and
  // group: its three coefficients add up to 1, so it is only indexed at level 0, with coefficient 1.
  const cm = params.creditMacro;
  const cg = params.creditGroupe;
  // Per level: the key of an item and its coefficient (no key: the item is not at that level).
  const levelSpecs: Array<(i: ProfileItem) => string | undefined> = [
    (i) => i.id,
    (i) => (i.hierarchise && cm - cg > 0 ? i.macroKey : undefined),
    // Raw weights (cg applied when accumulating): these vectors are also the activity profiles.
    (i) => (i.hierarchise ? i.groupeKey : undefined),
  ];
  const coefficients: Array<(i: ProfileItem) => number> = [(i) => (i.hierarchise ? 1 - cm : 1), () => cm - cg, () => 1];
  const levels = levelSpecs.map((keyOf, l) => {
    const space = new KeySpace();
    const coef = coefficients[l]!;
    const rows = rowsOf(profiles, space, (p, emit) => {
      for (const item of p.items) {
        const key = keyOf(item);
        if (key !== undefined) emit(key, item.poids * coef(item));
      }
    });
    return { postings: postingsOf(rows, space.size), rows };
  });
  // The activity profile of a métier is its level-2 vector (groups → Σ poids).
  const actNorms = Float64Array.from(profiles, (p) => Math.sqrt(sumMap(p.activites)));

  // Contextes de travail: cosine of IDF-weighted sets.
  const ctxSpace = new KeySpace();
  const ctxRows = rowsOf(profiles, ctxSpace, (p, emit) => p.contextes.forEach((w, key) => emit(key, w)));
  const ctxPostings = postingsOf(ctxRows, ctxSpace.size);
  const ctxNorms = Float64Array.from(profiles, (p) => Math.sqrt(sumMap(p.contextes)));

  const totals = Float64Array.from(profiles, (p) => p.total);
  const domainIds = new KeySpace();
  const domaine = Int32Array.from(profiles, (p) => (p.domaine !== undefined ? domainIds.id(`d:${p.domaine}`) : -1));
  const grandDomaine = Int32Array.from(profiles, (p) => (p.grandDomaine !== undefined ? domainIds.id(`g:${p.grandDomaine}`) : -1));
  return { n, levels, actNorms, ctxPostings, ctxRows, ctxNorms, totals, domaine, grandDomaine };
}

function sumMap(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v * v;
  return s;
}

export function buildCompetenceIndex(profiles: MetierProfile[], params: PasserelleParams): CompetenceIndex {
  return competenceIndexOf(buildCompetenceState(profiles, params), params);
}

/** The index over its state, with its own accumulators (one per thread). */
export function competenceIndexOf(state: CompetenceState, params: PasserelleParams): CompetenceIndex {
  const { n, levels, actNorms, ctxPostings, ctxRows, ctxNorms, totals, domaine, grandDomaine } = state;
  const cg = params.creditGroupe;
  const cov = new Float64Array(n);
  const rev = new Float64Array(n);
  const act = new Float64Array(n);
  const ctx = new Float64Array(n);
  const { couverture: wc, valorisation: wv, activites: wa, contextes: wx, proximite: wp } = params.poids;

  const sameDomaine = (a: number, b: number) => domaine[a]! >= 0 && domaine[a] === domaine[b];
  const sameGrandDomaine = (a: number, b: number) => grandDomaine[a]! >= 0 && grandDomaine[a] === grandDomaine[b];
  /** Same domaine professionnel 1, same grand domaine `proximiteGrandDomaine`, else 0. */
  const proximiteDe = (a: number, b: number) => (sameDomaine(a, b) ? 1 : sameGrandDomaine(a, b) ? params.proximiteGrandDomaine : 0);
  const couverture = (b: number) => (totals[b]! > 0 ? cov[b]! / totals[b]! : 0);
  const valorisation = (a: number, b: number) => (totals[a]! > 0 ? rev[b]! / totals[a]! : 0);
  const activites = (a: number, b: number) => (actNorms[a]! > 0 && actNorms[b]! > 0 ? act[b]! / (actNorms[a]! * actNorms[b]!) : 0);
  const contextes = (a: number, b: number) => (ctxNorms[a]! > 0 && ctxNorms[b]! > 0 ? ctx[b]! / (ctxNorms[a]! * ctxNorms[b]!) : 0);

  /** Forward: a holds key k, so every target's requirements under k get credit (`c`·w). Reverse: a's own weight under k (`c`·v) is used by every métier holding k. */
  function coverLevel(postings: Postings, rows: Rows, a: number, c: number, withAct: boolean): void {
    const { offsets, targets, weights } = postings;
    for (let i = rows.offsets[a]!, last = rows.offsets[a + 1]!; i < last; i++) {
      const k = rows.keys[i]!;
      const v = rows.weights[i]!;
      const end = offsets[k + 1]!;
      if (!withAct) {
        for (let j = offsets[k]!; j < end; j++) {
          const b = targets[j]!;
          cov[b]! += weights[j]!;
          rev[b]! += v;
        }
      } else {
        const cv = c * v;
        for (let j = offsets[k]!; j < end; j++) {
          const b = targets[j]!;
          const w = weights[j]!;
          cov[b]! += c * w;
          rev[b]! += cv;
          act[b]! += v * w;
        }
      }
    }
  }

  function accumulate(a: number): void {
    cov.fill(0);
    rev.fill(0);
    act.fill(0);
    ctx.fill(0);
    coverLevel(levels[0]!.postings, levels[0]!.rows, a, 1, false);
    coverLevel(levels[1]!.postings, levels[1]!.rows, a, 1, false);
    coverLevel(levels[2]!.postings, levels[2]!.rows, a, cg, true);
    accumulateDots(ctxPostings, ctxRows.keys, ctxRows.weights, ctx, ctxRows.offsets[a]!, ctxRows.offsets[a + 1]!);
  }

  return {
    cov,
    rev,
    act,
    ctx,
    accumulate,
    couverture,
    valorisation,
    activites,
    contextes,
    sameDomaine,
    sameGrandDomaine,
    components: (a, b) => ({ couverture: couverture(b), valorisation: valorisation(a, b), activites: activites(a, b), contextes: contextes(a, b), proximite: proximiteDe(a, b) }),
    // Same values as `components` then the same expression and rounding as `combine` (profiles.ts),
    // written out without allocating: the hot loop of all-pairs in the historical mode.
    legacyScore(a, b) {
      const s = wc * couverture(b) + wv * valorisation(a, b) + wa * activites(a, b) + wx * contextes(a, b) + wp * proximiteDe(a, b);
      return Math.round(s * 1e12) / 1e12;
    },
  };
}
