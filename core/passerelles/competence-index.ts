/**
 * Competence coverage, activities and contextes of one source against every métier, through
 * inverted indexes (the historical score's components, also features of the learned model).
 *
 * Coverage with soft credit through the macro-compétence hierarchy is linear thanks to nesting
 * (held ⇒ same macro ⇒ same group): credit(c) = cg·[group held] + (cm − cg)·[macro held] +
 * (1 − cm)·[competence held]. So it is three sparse dot products, one per level.
 */
import type { PasserelleParams } from './params.js';
import { accumulateDots, buildPostings, KeySpace, sumSquares, type Postings } from './postings.js';
import type { Composantes, MetierProfile, ProfileItem } from './profiles.js';

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

/** Sparse vector of each métier over a key space, from a function emitting its (key, weight) pairs. */
function vectorsOf(profiles: MetierProfile[], keys: KeySpace, entries: (p: MetierProfile, emit: (key: string, w: number) => void) => void): Array<Map<number, number>> {
  return profiles.map((p) => {
    const v = new Map<number, number>();
    entries(p, (key, w) => {
      const k = keys.id(key);
      v.set(k, (v.get(k) ?? 0) + w);
    });
    return v;
  });
}

export function buildCompetenceIndex(profiles: MetierProfile[], params: PasserelleParams): CompetenceIndex {
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
    const vectors = vectorsOf(profiles, space, (p, emit) => {
      for (const item of p.items) {
        const key = keyOf(item);
        if (key !== undefined) emit(key, item.poids * coef(item));
      }
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
  const ctxVectors = vectorsOf(profiles, ctxSpace, (p, emit) => p.contextes.forEach((w, key) => emit(key, w)));
  const ctxPostings: Postings = buildPostings(ctxSpace.size, ctxVectors);
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

  const sameDomaine = (a: number, b: number) => domaine[a]! >= 0 && domaine[a] === domaine[b];
  const sameGrandDomaine = (a: number, b: number) => grandDomaine[a]! >= 0 && grandDomaine[a] === grandDomaine[b];
  /** Same domaine professionnel 1, same grand domaine `proximiteGrandDomaine`, else 0. */
  const proximiteDe = (a: number, b: number) => (sameDomaine(a, b) ? 1 : sameGrandDomaine(a, b) ? params.proximiteGrandDomaine : 0);
  const couverture = (b: number) => (totals[b]! > 0 ? cov[b]! / totals[b]! : 0);
  const valorisation = (a: number, b: number) => (totals[a]! > 0 ? rev[b]! / totals[a]! : 0);
  const activites = (a: number, b: number) => (actNorms[a]! > 0 && actNorms[b]! > 0 ? act[b]! / (actNorms[a]! * actNorms[b]!) : 0);
  const contextes = (a: number, b: number) => (ctxNorms[a]! > 0 && ctxNorms[b]! > 0 ? ctx[b]! / (ctxNorms[a]! * ctxNorms[b]!) : 0);

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
    accumulateDots(ctxPostings, ctxSources[a]!.keys, ctxSources[a]!.values, ctx);
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
