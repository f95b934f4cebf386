/**
 * The passerelle engine: built once per referential, it scores every target of a source in one
 * pass over inverted indexes instead of one set intersection per pair. It assembles the parts:
 * competence-index.ts (coverage, activities, contextes), content-features.ts and
 * expert-features.ts (the learned model's features and logits), top-k.ts, gap.ts. The score is
 * defined in naive.ts and docs/passerelles.md; by default the learned model (mode `auto`).
 */
import type { Passerelle } from '../analysis/result.js';
import type { Referentiel } from '../referentiel/model.js';
import { topKBuffers, topKRange, topKRows } from './all-pairs.js';
import { competenceIds } from './competence-ids.js';
import { buildCompetenceState, type CompetenceIndex, type CompetenceState, competenceIndexOf } from './competence-index.js';
import { buildContentState, type ContentFeatures, type ContentState, contentFeaturesOf } from './content-features.js';
import { buildExpertFeatures, buildExpertLists, type ExpertFeatures, type ExpertLists } from './expert-features.js';
import { competenceGap } from './gap.js';
import { CARACTERISTIQUES_CONTENU, CARACTERISTIQUES_EXPERT, sigmoid, type CaracteristiqueContenu, type CaracteristiqueExpert, type ModelePasserelles } from './modele.js';
import { MODELE_ROME } from './modele-rome.js';
import { resolveParams, type DeepPartial, type PasserelleParams } from './params.js';
import { buildProfiles, type Composantes, type MetierProfile } from './profiles.js';
import { sortedMetiers } from './textes.js';
import { topByScore } from './top-k.js';

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
 * - `auto` (the default): `expert` when the referential has mobilités, else `contenu`.
 */
export type ModeScore = 'composantes' | 'contenu' | 'expert';

export interface EngineOptions {
  mode?: ModeScore | 'auto';
  /** The learned weights (default: the model fitted on ROME 4.0, core/passerelles/modele-rome.ts). */
  modele?: ModelePasserelles;
}

/** createPasserelleEngine's options: a host may give the state it built earlier (its cache). */
export interface CreateEngineOptions extends EngineOptions {
  /** What `buildEngineState` gave for this referential, these overrides and options (not checked). */
  state?: EngineState;
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

/** What scores need, with no referential: the state alone (a host's cache, a worker thread). */
export interface ScoringEngine {
  readonly params: PasserelleParams;
  /** The score actually computed (see ModeScore). */
  readonly mode: ModeScore;
  readonly modele?: ModelePasserelles;
  /** Métier codes in index order (sorted). */
  readonly codes: readonly string[];
  has(code: string): boolean;
  /** The k best targets of `source` (score desc, then code), optionally among `candidates` and ≥ minScore. */
  topK(source: string, k: number, candidates?: readonly string[], minScore?: number): Cible[];
  /** topK for every métier as source, in code order. */
  allPairsTopK(k: number, onProgress?: (done: number, total: number) => void): Array<{ source: string; cibles: Cible[] }>;
  /** Number of official mobilités lists the expert-aware mode draws on. */
  readonly listesExpertes: number;
  /** The data the scores are computed from (serialisable: a host may split all-pairs over threads, all-pairs.ts). */
  readonly state: EngineState;
}

export interface PasserelleEngine extends ScoringEngine {
  /** Score of the move from `a` to `b` (0..1), undefined for an unknown code or a = b. */
  score(a: string, b: string): number | undefined;
  composantes(a: string, b: string): Composantes | undefined;
  /** The full passerelle, with the competences already held and the gap (cœur de métier first). */
  passerelle(a: string, b: string, rang: number): (Passerelle & { contributions?: Record<string, number> }) | undefined;
  /** Learned modes: each feature's value and contribution to the score of a → b. */
  explication(a: string, b: string): Explication | undefined;
  /** Learned modes: all raw features of `source` against every métier (for fitting). */
  caracteristiques(source: string): Caracteristiques | undefined;
}

const round12 = (x: number) => Math.round(x * 1e12) / 1e12;

/** The score actually computed: `auto` resolves to `expert` with mobilités lists, else `contenu`. */
export function resolveMode(ref: Referentiel, requested: ModeScore | 'auto' = 'auto'): ModeScore {
  const hasLists = (ref.mobilites?.length ?? 0) > 0;
  if (requested === 'auto') return hasLists ? 'expert' : 'contenu';
  return requested === 'expert' && !hasLists ? 'contenu' : requested;
}

/**
 * Everything the scores are computed from, as plain data: typed arrays, numbers, strings and the
 * model (JSON). Built once per referential by `buildEngineState`; a host may post it to worker
 * threads, where `topKRange` (all-pairs.ts) computes the best targets of a range of sources.
 */
export interface EngineState {
  mode: ModeScore;
  n: number;
  params: PasserelleParams;
  modele?: ModelePasserelles;
  /** Métier codes in index order (sorted). */
  codes: string[];
  comp: CompetenceState;
  content?: ContentState;
  lists: ExpertLists;
}

export function buildEngineState(ref: Referentiel, overrides: DeepPartial<PasserelleParams> = {}, options: EngineOptions = {}): EngineState {
  const params = resolveParams(overrides);
  const mode = resolveMode(ref, options.mode);
  const learned = mode !== 'composantes';
  const modele = learned ? (options.modele ?? MODELE_ROME) : undefined;
  const metiers = sortedMetiers(ref);
  const codes = metiers.map((m) => m.code);
  const n = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  // The competences of each métier as integers, once for the index, the texts and the genericity.
  const ids = competenceIds(ref, metiers);
  const comp = buildCompetenceState(ref, params, metiers, ids);
  const content = modele ? buildContentState(ref, modele, metiers, ids) : undefined;
  const lists = buildExpertLists(learned ? ref : { ...ref, mobilites: [] }, index, n);
  return { mode, n, params, ...(modele ? { modele } : {}), codes, comp, ...(content ? { content } : {}), lists };
}

/** The per-thread side of the engine: views over the state with their own buffers. */
export interface Scorer {
  state: EngineState;
  comp: CompetenceIndex;
  content?: ContentFeatures;
  expert?: ExpertFeatures;
  expertOn: boolean;
  /** Content logits of the last source (learned modes). */
  zc: Float64Array;
  /** Content logits of the last source without the target priors: the similarity the expert features rank neighbours by. */
  zs: Float64Array;
  /** Expert logits of the last source (expert mode). */
  ze: Float64Array;
  /** Prepares the scores of source a against every target; returns the logits (learned modes). */
  prepare(a: number): Float64Array | undefined;
  scoreOf(a: number, b: number, logits?: Float64Array): number;
  /** The k best targets of a (indices), optionally among `allowed` and ≥ minScore. */
  topIndices(a: number, k: number, allowed?: Uint8Array, minScore?: number): Array<{ b: number; score: number; officielle?: true }>;
}

export function scorerOf(state: EngineState): Scorer {
  const { n, params, modele, mode, lists: el } = state;
  const comp = competenceIndexOf(state.comp, params);
  const content = modele && state.content ? contentFeaturesOf(state.content, comp, modele) : undefined;
  const expert = modele && el.count > 0 ? buildExpertFeatures(el, n, modele) : undefined;
  const expertOn = mode === 'expert' && expert !== undefined;
  const zc = new Float64Array(n);
  /** Content logits without the target priors: the similarity the expert features rank neighbours by. */
  const zs = new Float64Array(n);
  const ze = new Float64Array(n);
  const scoreBuf = new Float64Array(n);
  const skipBuf = new Uint8Array(n);

  function prepare(a: number): Float64Array | undefined {
    comp.accumulate(a);
    if (!content) return undefined;
    content.accumulate(a);
    content.logits(a, zc, zs);
    if (!expertOn) return zc;
    expert.compute(a, zs);
    expert.logits(a, zc, ze);
    return ze;
  }

  const scoreOf = (a: number, b: number, logits?: Float64Array) => (logits ? round12(sigmoid(logits[b]!)) : comp.legacyScore(a, b));

  /**
   * Scores (round12 ∘ sigmoid of the logits) of the targets not skipped that can reach the best m,
   * the others skipped: the score is monotone in the logit, so they are the targets whose logit is
   * at least that of the m-th best, or whose score can round to the same value (a margin of 10⁻¹¹
   * below it). Exactly the targets and scores a full pass would rank first, without a sigmoid for
   * every target. Scores too small for the margin: every target scored.
   */
  function scoreNearTop(logits: Float64Array, m: number): void {
    const zth = mthLargest(logits, m);
    const t = zth === undefined ? 0 : round12(sigmoid(zth));
    if (t < 1e-9) {
      for (let b = 0; b < n; b++) if (!skipBuf[b]) scoreBuf[b] = round12(sigmoid(logits[b]!));
      return;
    }
    const p = t - 1e-11;
    const zlow = Math.log(p / (1 - p)) - 1e-9;
    for (let b = 0; b < n; b++) {
      if (skipBuf[b]) continue;
      const z = logits[b]!;
      if (z < zlow) skipBuf[b] = 1;
      else scoreBuf[b] = round12(sigmoid(z));
    }
  }

  /** The m-th largest logit among the targets not skipped (undefined: fewer than m). */
  const best = new Float64Array(64);
  function mthLargest(logits: Float64Array, m: number): number | undefined {
    if (m <= 0 || m > best.length) return undefined;
    let len = 0;
    for (let b = 0; b < n; b++) {
      if (skipBuf[b]) continue;
      const z = logits[b]!;
      if (len === m && z <= best[m - 1]!) continue;
      let at = len < m ? len++ : m - 1;
      while (at > 0 && best[at - 1]! < z) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = z;
    }
    return len === m ? best[m - 1] : undefined;
  }

  function topIndices(a: number, k: number, allowed?: Uint8Array, minScore = -Infinity): Array<{ b: number; score: number; officielle?: true }> {
    const logits = prepare(a);
    // Expert-aware mode: the source's official list first, in its order, then computed targets.
    const first: Array<{ b: number; score: number; officielle?: true }> = [];
    const own = expertOn ? el.lists[a] : undefined;
    for (const c of own ?? []) {
      if (first.length >= k) break;
      if (!allowed || allowed[c]) first.push({ b: c, score: scoreOf(a, c, logits), officielle: true });
    }
    if (first.length >= k) return first;
    // Scores of every target into a typed array, then the best; skipped: a itself, targets not
    // allowed, the official list already given.
    if (allowed) for (let b = 0; b < n; b++) skipBuf[b] = allowed[b] ? 0 : 1;
    else skipBuf.fill(0);
    skipBuf[a] = 1;
    for (const c of own ?? []) skipBuf[c] = 1;
    if (logits) scoreNearTop(logits, k - first.length);
    else for (let b = 0; b < n; b++) scoreBuf[b] = b === a ? 0 : comp.legacyScore(a, b);
    const rest = topByScore(scoreBuf, k - first.length, skipBuf, minScore);
    for (const [b, score] of rest) first.push({ b, score });
    return first;
  }

  return { state, comp, ...(content ? { content } : {}), ...(expert ? { expert } : {}), expertOn, zc, zs, ze, prepare, scoreOf, topIndices };
}

/** The scoring side of the engine over a state (from buildEngineState, or unpacked from a host's cache). */
export function scoringEngineOf(state: EngineState, scorer: Scorer = scorerOf(state)): ScoringEngine {
  const { params, mode, modele, n, codes } = state;
  const index = new Map(codes.map((c, i) => [c, i]));
  const cibles = (list: Array<{ b: number; score: number; officielle?: true }>): Cible[] => list.map((t) => (t.officielle ? { cible: codes[t.b]!, score: t.score, officielle: true } : { cible: codes[t.b]!, score: t.score }));
  return {
    params,
    mode,
    ...(modele ? { modele } : {}),
    listesExpertes: scorer.expertOn ? state.lists.count : 0,
    codes,
    state,
    has: (code) => index.has(code),
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
      return cibles(scorer.topIndices(a, k, allowed, minScore));
    },
    allPairsTopK(k, onProgress) {
      const out = topKBuffers(n, Math.max(0, k));
      for (let a = 0; a < n; a += 64) {
        topKRange(scorer, a, Math.min(n, a + 64), out);
        onProgress?.(Math.min(n, a + 64), n);
      }
      return topKRows(codes, out);
    },
  };
}

export function createPasserelleEngine(ref: Referentiel, overrides: DeepPartial<PasserelleParams> = {}, options: CreateEngineOptions = {}): PasserelleEngine {
  const state = options.state ?? buildEngineState(ref, overrides, options);
  const { params, mode, modele, n, codes } = state;
  // The profiles (an object per competence of each métier) only serve the gap of a passerelle.
  let profiles: MetierProfile[] | undefined;
  const profilesOf = () => (profiles ??= buildProfiles(ref, params));
  const learned = mode !== 'composantes';
  const index = new Map(codes.map((c, i) => [c, i]));
  const scorer = scorerOf(state);
  const { comp, expertOn, zc, zs, ze, prepare, scoreOf } = scorer;
  const content = scorer.content;
  const expert = scorer.expert;
  const xBuf = new Float64Array(CARACTERISTIQUES_CONTENU.length);

  function explain(a: number, b: number): Explication {
    prepare(a);
    content!.fill(a, b, xBuf);
    const caracteristiques: Record<string, number> = {};
    const contributions: Record<string, number> = {};
    CARACTERISTIQUES_CONTENU.forEach((f, i) => {
      caracteristiques[f] = xBuf[i]!;
      contributions[f] = content!.poids[i]! * xBuf[i]!;
    });
    if (!expertOn) return { mode, caracteristiques, contributions, biais: modele!.contenu.biais, logit: zc[b]! };
    // Expert mode: the content contributions are scaled by the weight of the content logit.
    const wz = expert!.poids[0]!;
    for (const f of CARACTERISTIQUES_CONTENU) contributions[f]! *= wz;
    CARACTERISTIQUES_EXPERT.forEach((f, i) => {
      if (i === 0) return;
      caracteristiques[f] = expert!.ex[i]![b]!;
      contributions[f] = expert!.poids[i]! * expert!.ex[i]![b]!;
    });
    return { mode, caracteristiques, contributions, biais: modele!.expert.biais + wz * modele!.contenu.biais, logit: ze[b]! };
  }

  function features(a: number): Caracteristiques {
    prepare(a);
    const contenu = Object.fromEntries(CARACTERISTIQUES_CONTENU.map((f) => [f, new Float64Array(n)])) as Record<CaracteristiqueContenu, Float64Array>;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      content!.fill(a, b, xBuf);
      CARACTERISTIQUES_CONTENU.forEach((f, i) => (contenu[f][b] = xBuf[i]!));
    }
    if (!expert) return { contenu };
    if (!expertOn) expert.compute(a, zs);
    const ex = Object.fromEntries(CARACTERISTIQUES_EXPERT.map((f, i) => [f, i === 0 ? zc.map((z, b) => (b === a ? 0 : z)) : expert.ex[i]!.slice()])) as Record<CaracteristiqueExpert, Float64Array>;
    return { contenu, expert: ex };
  }

  const officielles = ref.mobilites ? new Set(ref.mobilites.map((m) => `${m.source}|${m.cible}`)) : undefined;

  function passerelle(ia: number, ib: number, rang: number): Passerelle & { contributions?: Record<string, number> } {
    const score = scoreOf(ia, ib, prepare(ia));
    const composantes: Record<string, number> = { ...comp.components(ia, ib) };
    let contributions: Record<string, number> | undefined;
    if (learned) {
      const e = explain(ia, ib);
      delete composantes.proximite;
      Object.assign(composantes, e.caracteristiques);
      contributions = e.contributions;
    }
    const ps = profilesOf();
    const { acquises, ecart, couvertureExacte } = competenceGap(ref, ps[ia]!, ps[ib]!);
    const result: Passerelle = { source: codes[ia]!, cible: codes[ib]!, cibleLibelle: ps[ib]!.libelle, rang, score, composantes: { ...composantes, couvertureExacte }, acquises, ecart };
    if (officielles) result.mobiliteOfficielle = officielles.has(`${codes[ia]}|${codes[ib]}`);
    return contributions ? { ...result, contributions } : result;
  }

  const pair = (a: string, b: string): [number, number] | undefined => {
    const ia = index.get(a);
    const ib = index.get(b);
    return ia === undefined || ib === undefined || ia === ib ? undefined : [ia, ib];
  };

  return {
    ...scoringEngineOf(state, scorer),
    score(a, b) {
      const p = pair(a, b);
      return p ? scoreOf(p[0], p[1], prepare(p[0])) : undefined;
    },
    explication(a, b) {
      const p = pair(a, b);
      return p && learned ? explain(p[0], p[1]) : undefined;
    },
    caracteristiques(source) {
      const a = index.get(source);
      return a === undefined || !learned ? undefined : features(a);
    },
    composantes(a, b) {
      const p = pair(a, b);
      if (!p) return undefined;
      comp.accumulate(p[0]);
      return comp.components(p[0], p[1]);
    },
    passerelle(a, b, rang) {
      const p = pair(a, b);
      return p ? passerelle(p[0], p[1], rang) : undefined;
    },
  };
}
