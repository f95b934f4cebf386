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
import type { Referential } from '../referential/model.js';
import { resolveParams, type DeepPartial, type PasserelleParams } from './params.js';
import { buildProfiles, type Composantes, type MetierProfile, type ProfileItem } from './profiles.js';

export interface Cible {
  cible: string;
  score: number;
}

export interface PasserelleEngine {
  readonly params: PasserelleParams;
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
  passerelle(a: string, b: string, rang: number): Passerelle | undefined;
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

/** Sparse vector of each métier over a key space, from a function listing (key, weight) pairs. */
function vectorsOf(
  profiles: MetierProfile[],
  keys: KeySpace,
  entries: (p: MetierProfile) => Iterable<[string, number]>,
): Array<Map<number, number>> {
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

export function createPasserelleEngine(ref: Referential, overrides: DeepPartial<PasserelleParams> = {}): PasserelleEngine {
  const params = resolveParams(overrides);
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
  }

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
  function scoreOf(a: number, b: number): number {
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
    accumulate(a);
    const topIdx: number[] = [];
    const topScore: number[] = [];
    for (let b = 0; b < n; b++) {
      if (b === a || (allowed && !allowed[b])) continue;
      const s = scoreOf(a, b);
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
    return topIdx.map((b, i) => ({ cible: codes[b]!, score: topScore[i]! }));
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
    list.sort(
      (x, y) =>
        Number(y.coeur) - Number(x.coeur) ||
        typeOrder[x.type] - typeOrder[y.type] ||
        y.poids - x.poids ||
        x.libelle.localeCompare(y.libelle, 'fr') ||
        (x.id < y.id ? -1 : 1),
    );
    return list.map(({ poids: _p, ...e }) => e);
  }

  const pair = (a: string, b: string): [number, number] | undefined => {
    const ia = index.get(a);
    const ib = index.get(b);
    return ia === undefined || ib === undefined || ia === ib ? undefined : [ia, ib];
  };

  return {
    params,
    codes,
    has: (code) => index.has(code),
    score(a, b) {
      const p = pair(a, b);
      if (!p) return undefined;
      accumulate(p[0]);
      return scoreOf(p[0], p[1]);
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
      accumulate(ia);
      const comp = components(ia, ib);
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
        score: scoreOf(ia, ib),
        composantes: { ...comp, couvertureExacte: target.total > 0 ? exact / target.total : 0 },
        acquises: orderGap(acquises),
        ecart: orderGap(ecart),
      };
      if (officielles) result.mobiliteOfficielle = officielles.has(`${a}|${b}`);
      return result;
    },
  };
}
