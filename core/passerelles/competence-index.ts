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
import type { Metier, Referentiel } from '../referentiel/model.js';
import type { CompetenceIds } from './competence-ids.js';
import type { PasserelleParams } from './params.js';
import { accumulateDots, KeySpace, type Postings, sparsePostings } from './postings.js';
import type { Composantes } from './profiles.js';
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

/** Growable per-métier sparse rows with integer keys: keys in order of first appearance, weights summed in emission order. */
class RowsBuilder {
  private keys = new Int32Array(1024);
  private weights = new Float64Array(1024);
  private acc: Float64Array;
  private mark: Int32Array;
  private at = 0;
  private m = -1;
  readonly offsets: Int32Array;
  constructor(nRows: number, nKeys: number) {
    this.offsets = new Int32Array(nRows + 1);
    this.acc = new Float64Array(nKeys);
    this.mark = new Int32Array(nKeys).fill(-1);
  }
  /** Starts row m (rows in order 0, 1, …). */
  row(m: number): void {
    this.end();
    this.m = m;
  }
  add(k: number, w: number): void {
    if (this.mark[k] !== this.m) {
      this.mark[k] = this.m;
      this.acc[k] = 0;
      if (this.at === this.keys.length) {
        const grown = new Int32Array(this.at * 2);
        grown.set(this.keys);
        this.keys = grown;
      }
      this.keys[this.at++] = k;
    }
    this.acc[k] = this.acc[k]! + w;
  }
  private end(): void {
    if (this.m < 0) return;
    if (this.weights.length < this.keys.length) {
      const grown = new Float64Array(this.keys.length);
      grown.set(this.weights);
      this.weights = grown;
    }
    for (let i = this.offsets[this.m]!; i < this.at; i++) this.weights[i] = this.acc[this.keys[i]!]!;
    this.offsets[this.m + 1] = this.at;
  }
  done(): Rows {
    this.end();
    return { offsets: this.offsets, keys: this.keys.slice(0, this.at), weights: this.weights.slice(0, this.at) };
  }
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

/** √(Σ w²) of each row, in row order. */
function norms(rows: Rows): Float64Array {
  const out = new Float64Array(rows.offsets.length - 1);
  for (let m = 0; m < out.length; m++) {
    let s = 0;
    for (let i = rows.offsets[m]!; i < rows.offsets[m + 1]!; i++) s += rows.weights[i]! * rows.weights[i]!;
    out[m] = Math.sqrt(s);
  }
  return out;
}

/** ln(1 + N/df), as in profiles.ts. */
const idf = (n: number, df: number) => Math.log(1 + n / Math.max(1, df));

/**
 * The index of the métiers of `ref` (sorted by code), computed from the referential with integer
 * keys: the same weights as the profiles (profiles.ts: w = type × cœur × rarity, in the same
 * order), without an object per item. `metiers`: sortedMetiers(ref); `ids`: their competenceIds
 * (shared with the texts and the genericity by the engine build).
 */
export function buildCompetenceState(ref: Referentiel, params: PasserelleParams, metiers: readonly Metier[], { ids, competences, perMetier, coeur }: CompetenceIds): CompetenceState {
  const n = metiers.length;
  const nc = ids.length;
  const df = new Int32Array(nc);
  for (const list of perMetier) for (let i = 0; i < list.length; i++) df[list[i]!]!++;
  // Per competence: type weight, rarity, macro and group keys (−1: outside the hierarchy).
  const typeWeight = new Float64Array(nc);
  const rarete = new Float64Array(nc);
  const macroKey = new Int32Array(nc);
  const groupKey = new Int32Array(nc);
  const macros = new KeySpace();
  const groups = new KeySpace();
  for (let ci = 0; ci < nc; ci++) {
    const c = competences[ci]!;
    typeWeight[ci] = params.poidsType[c.type];
    rarete[ci] = Math.pow(idf(n, df[ci]!), params.rarete);
    if (c.macro === undefined) {
      macroKey[ci] = groupKey[ci] = -1;
      continue;
    }
    macroKey[ci] = macros.id(c.macro);
    const groupe = ref.macros[c.macro]?.groupe;
    groupKey[ci] = groups.id(groupe !== undefined ? `g:${groupe}` : `m:${c.macro}`);
  }
  // Each level stores, per métier, a sparse vector key → Σ poids (target side) and the same keys and
  // weights for the source side. A competence outside the hierarchy (savoirs) is its own macro and
  // group: its three coefficients add up to 1, so it is only indexed at level 0, with coefficient 1.
  const cm = params.creditMacro;
  const cg = params.creditGroupe;
  const levels = [new RowsBuilder(n, nc), new RowsBuilder(n, macros.size), new RowsBuilder(n, groups.size)];
  const totals = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    for (const l of levels) l.row(m);
    const list = perMetier[m]!;
    const flags = coeur[m]!;
    let total = 0;
    for (let j = 0; j < list.length; j++) {
      const ci = list[j]!;
      const flag = flags[j]!;
      const coeurMult = flag === 2 ? params.poidsCoeur.principale : flag === 1 ? params.poidsCoeur.emergente : 1;
      const poids = typeWeight[ci]! * coeurMult * rarete[ci]!;
      total += poids;
      const hierarchise = macroKey[ci]! >= 0;
      levels[0]!.add(ci, poids * (hierarchise ? 1 - cm : 1));
      // Raw weights at level 2 (cg applied when accumulating): these vectors are also the activity profiles.
      if (hierarchise) {
        if (cm - cg > 0) levels[1]!.add(macroKey[ci]!, poids * (cm - cg));
        levels[2]!.add(groupKey[ci]!, poids * 1);
      }
    }
    totals[m] = total;
  }
  const sizes = [nc, macros.size, groups.size];
  const built = levels.map((b, l) => {
    const rows = b.done();
    return { postings: postingsOf(rows, sizes[l]!), rows };
  });
  // The activity profile of a métier is its level-2 vector (groups → Σ poids).
  const actNorms = norms(built[2]!.rows);

  // Contextes de travail: cosine of IDF-weighted sets.
  const ctxSpace = new KeySpace();
  const ctxIds = metiers.map((m) => Int32Array.from(m.contextes ?? [], (x) => ctxSpace.id(x)));
  const dfCtx = new Int32Array(ctxSpace.size);
  const seen = new Int32Array(ctxSpace.size).fill(-1);
  ctxIds.forEach((xs, m) => {
    for (const x of xs)
      if (seen[x] !== m) {
        seen[x] = m;
        dfCtx[x]!++;
      }
  });
  const ctxBuilder = new RowsBuilder(n, ctxSpace.size);
  ctxIds.forEach((xs, m) => {
    ctxBuilder.row(m);
    // A contexte listed twice is counted once (a set), at its first place.
    for (const x of xs)
      if (seen[x] !== n + m) {
        seen[x] = n + m;
        ctxBuilder.add(x, idf(n, dfCtx[x]!));
      }
  });
  const ctxRows = ctxBuilder.done();
  const ctxPostings = postingsOf(ctxRows, ctxSpace.size);
  const ctxNorms = norms(ctxRows);

  const domainIds = new KeySpace();
  const domaine = Int32Array.from(metiers, (m) => (m.domaine ? domainIds.id(`d:${m.domaine}`) : -1));
  const grandDomaine = Int32Array.from(metiers, (m) => (m.grandDomaine ? domainIds.id(`g:${m.grandDomaine}`) : -1));
  return { n, levels: built, actNorms, ctxPostings, ctxRows, ctxNorms, totals, domaine, grandDomaine };
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
