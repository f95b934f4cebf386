/**
 * Fits the learned passerelle model on expert mobilités and writes core/passerelles/modele-rome.ts.
 *
 *   npx tsx scripts/fit-passerelles.ts [dossier-export-rome] [fichier-mobilites.csv]
 *
 * Defaults: ../shared/data/rome-officiel/v460 and
 * ../shared/data/rome-mobilites-calibration/unix_rubrique_mobilite_v460_utf8.csv.
 *
 * Model: two L2-regularised logistic regressions over candidate pairs (source, target), every
 * target of a source with an expert list being a candidate, label 1 when experts list it.
 * 1. content-only: the CARACTERISTIQUES_CONTENU features;
 * 2. expert-aware: the content logit of (1) plus the CARACTERISTIQUES_EXPERT features, computed
 *    for each source from the lists of the *other* sources (its own list is never used).
 * Fitted by Newton's method on standardised features (deterministic: no sampling, no seed), then
 * written back on the raw feature scale so that wᵢ·xᵢ is the contribution of feature i.
 * bench/passerelles-qualite.ts uses the same functions for its k-fold cross-validation.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFileHost } from '../node-host/file-host.js';
import { createPasserelleEngine, type PasserelleEngine } from '../core/passerelles/engine.js';
import { CARACTERISTIQUES_CONTENU, CARACTERISTIQUES_EXPERT, DEBUT_PRIORS, PRODUITS_CONTENU, type ModeleLineaire, type ModelePasserelles } from '../core/passerelles/modele.js';
import { MODELE_ROME } from '../core/passerelles/modele-rome.js';
import { CompteTransitions, liftDe } from '../core/passerelles/transitions.js';
import { buildExpertFeatures, buildExpertLists, type ExpertLists } from '../core/passerelles/expert-features.js';
import type { Problem } from '../core/problems.js';
import { columns, readCsvTable } from '../core/referentiel/csv-table.js';
import type { MobiliteOfficielle, Referentiel } from '../core/referentiel/model.js';
import { loadRomeOfficiel } from '../core/referentiel/rome-officiel.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared/data beside the checkout (or beside the folder of worktrees). */
export const SHARED_DATA = [path.resolve(root, '../shared/data'), path.resolve(root, '../../shared/data')].find((d) => existsSync(d)) ?? path.resolve(root, '../shared/data');
export const ROME_DIR = path.join(SHARED_DATA, 'rome-officiel/v460');
export const MOBILITES_FILE = path.join(SHARED_DATA, 'rome-mobilites-calibration/unix_rubrique_mobilite_v460_utf8.csv');
/** Number of content-nearest fiches for the `voisins` features (50: best of 5, 10, 25, 50 in cross-validation). */
export const VOISINS = 50;
/** L2 penalty on the standardised weights, per candidate pair. */
export const L2 = 1e-5;

export async function loadRome(dir = ROME_DIR): Promise<Referentiel> {
  const { referential } = await loadRomeOfficiel(nodeFileHost(dir), '.');
  if (!referential) throw new Error(`export ROME illisible : ${dir}`);
  return referential;
}

/** The mobilités file (ROME 4 columns), in file order. */
export function readMobilitesFile(file = MOBILITES_FILE): MobiliteOfficielle[] {
  const problems: Problem[] = [];
  const table = readCsvTable(new Uint8Array(readFileSync(file)), path.basename(file), problems);
  const c = table && columns(table, ['code_rome', 'code_rome_cible'], problems, ['numero_ordre']);
  if (!table || !c) throw new Error(`${file} : colonnes code_rome, code_rome_cible attendues`);
  return table.rows.map((r, i) => ({
    source: r[c.code_rome]!,
    cible: r[c.code_rome_cible]!,
    rang: c.numero_ordre !== undefined ? Number(r[c.numero_ordre]) : i + 1,
  }));
}

/** Expert targets per source (distinct, without the source itself). */
export function listsBySource(mobilites: readonly MobiliteOfficielle[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of mobilites) {
    if (m.source === m.cible) continue;
    const s = out.get(m.source) ?? new Set<string>();
    s.add(m.cible);
    out.set(m.source, s);
  }
  return out;
}

/** Rows of a design matrix: features (row-major, Float64) and labels, one row per candidate pair. */
export interface Design {
  d: number;
  x: Float32Array;
  y: Uint8Array;
  rows: number;
}

/** Candidate pairs of `sources` (every other métier), features taken from `features(source)`. */
export function design(engine: PasserelleEngine, sources: readonly string[], relevant: Map<string, Set<string>>, features: (source: string) => Float64Array[]): Design {
  const n = engine.codes.length;
  const d = features(sources[0]!).length;
  const rows = sources.length * (n - 1);
  const x = new Float32Array(rows * d);
  const y = new Uint8Array(rows);
  let r = 0;
  for (const s of sources) {
    const f = features(s);
    const rel = relevant.get(s)!;
    for (let b = 0; b < n; b++) {
      const code = engine.codes[b]!;
      if (code === s) continue;
      for (let j = 0; j < d; j++) x[r * d + j] = f[j]![b]!;
      y[r] = rel.has(code) ? 1 : 0;
      r++;
    }
  }
  return { d, x, y, rows };
}

/** Solves A·z = g (A symmetric positive definite, d×d row-major) by Gaussian elimination. */
function solve(A: Float64Array, g: Float64Array, d: number): Float64Array {
  const M = A.slice();
  const v = g.slice();
  for (let i = 0; i < d; i++) {
    let p = i;
    for (let r = i + 1; r < d; r++) if (Math.abs(M[r * d + i]!) > Math.abs(M[p * d + i]!)) p = r;
    if (p !== i) {
      for (let c = 0; c < d; c++) [M[i * d + c], M[p * d + c]] = [M[p * d + c]!, M[i * d + c]!];
      [v[i], v[p]] = [v[p]!, v[i]!];
    }
    const piv = M[i * d + i]!;
    for (let r = i + 1; r < d; r++) {
      const f = M[r * d + i]! / piv;
      if (f === 0) continue;
      for (let c = i; c < d; c++) M[r * d + c]! -= f * M[i * d + c]!;
      v[r]! -= f * v[i]!;
    }
  }
  const z = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = v[i]!;
    for (let c = i + 1; c < d; c++) s -= M[i * d + c]! * z[c]!;
    z[i] = s / M[i * d + i]!;
  }
  return z;
}

/**
 * L2-regularised logistic regression by Newton's method on standardised columns; returns the
 * intercept and the weights on the raw scale. Deterministic.
 */
export function fitLogistic(D: Design, l2 = L2, iterations = 25, mask?: Uint8Array): { biais: number; poids: number[] } {
  const { d, x, y } = D;
  if (mask) {
    // Keep the masked rows only (hard negatives and positives).
    let kept = 0;
    for (let r = 0; r < D.rows; r++) if (mask[r]) kept++;
    const x2 = new Float32Array(kept * d);
    const y2 = new Uint8Array(kept);
    let k = 0;
    for (let r = 0; r < D.rows; r++) {
      if (!mask[r]) continue;
      x2.set(x.subarray(r * d, r * d + d), k * d);
      y2[k++] = y[r]!;
    }
    return fitLogistic({ d, x: x2, y: y2, rows: kept }, l2, iterations);
  }
  const rows = D.rows;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) mean[j]! += x[r * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= rows;
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) sd[j]! += (x[r * d + j]! - mean[j]!) ** 2;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]! / rows) || 1;
  const D1 = d + 1; // column 0: intercept
  const w = new Float64Array(D1);
  const z = new Float64Array(D1);
  const lambda = l2 * rows;
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(D1);
    const H = new Float64Array(D1 * D1);
    for (let r = 0; r < rows; r++) {
      z[0] = 1;
      for (let j = 0; j < d; j++) z[j + 1] = (x[r * d + j]! - mean[j]!) / sd[j]!;
      let s = 0;
      for (let j = 0; j < D1; j++) s += w[j]! * z[j]!;
      const p = 1 / (1 + Math.exp(-s));
      const e = p - y[r]!;
      const h = Math.max(p * (1 - p), 1e-12);
      for (let i = 0; i < D1; i++) {
        const zi = z[i]!;
        g[i]! += e * zi;
        const hz = h * zi;
        for (let j = i; j < D1; j++) H[i * D1 + j]! += hz * z[j]!;
      }
    }
    for (let i = 0; i < D1; i++) for (let j = 0; j < i; j++) H[i * D1 + j] = H[j * D1 + i]!;
    for (let i = 1; i < D1; i++) {
      g[i]! += lambda * w[i]!;
      H[i * D1 + i]! += lambda;
    }
    const step = solve(H, g, D1);
    let change = 0;
    for (let i = 0; i < D1; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-10) break;
  }
  const poids = Array.from({ length: d }, (_, j) => w[j + 1]! / sd[j]!);
  let biais = w[0]!;
  for (let j = 0; j < d; j++) biais -= (w[j + 1]! * mean[j]!) / sd[j]!;
  return { biais, poids };
}

/**
 * Hard negatives: after a first fit on all pairs, each model is refitted on the positives and the
 * HARD best-scored negatives of each source (300: best of 100, 300, 500 in cross-validation),
 * which brings the fit closer to what a top-10 ranking needs.
 */
export const HARD = Number(process.env.GTEC_FIT_HARD ?? 300);
function hardMask(D: Design, fit: { biais: number; poids: number[] }, per: number, keep: number): Uint8Array {
  const mask = new Uint8Array(D.rows);
  const z = new Float64Array(per);
  for (let start = 0; start < D.rows; start += per) {
    for (let r = 0; r < per; r++) {
      let s = fit.biais;
      for (let j = 0; j < D.d; j++) s += fit.poids[j]! * D.x[(start + r) * D.d + j]!;
      z[r] = s;
    }
    const order = Array.from({ length: per }, (_, r) => r).sort((p, q) => z[q]! - z[p]! || p - q);
    let negatives = 0;
    for (const r of order) {
      if (D.y[start + r]) mask[start + r] = 1;
      else if (negatives < keep) {
        mask[start + r] = 1;
        negatives++;
      }
    }
  }
  return mask;
}

/**
 * Pairwise ranking fit (RankNet-style): logistic loss on σ(w·(x⁺ − x⁻)) over the (positive,
 * negative) pairs of a same source, the negatives being the `keep` best-scored ones by `fit0`,
 * each source weighing the same; L2 on standardised weights. The scale of the logit is then
 * calibrated by a one-feature logistic regression of the labels on w·x (all rows): the ranking is
 * the pairwise one, the score stays a probability. Deterministic (Newton).
 */
export const PAIRES = Number(process.env.GTEC_FIT_PAIRES ?? 0);
const PAIRES_MODELES = process.env.GTEC_FIT_PAIRES_MODELES ?? 'ce';
export const L2_PAIRES = Number(process.env.GTEC_FIT_L2P ?? 1e-3);
export function fitPairwise(D: Design, fit0: { biais: number; poids: number[] }, per: number, keep = PAIRES, l2 = L2_PAIRES, iterations = 20): { biais: number; poids: number[] } {
  const { d, x, y, rows } = D;
  const sd = new Float64Array(d);
  const mean = new Float64Array(d);
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) mean[j]! += x[r * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= rows;
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) sd[j]! += (x[r * d + j]! - mean[j]!) ** 2;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]! / rows) || 1;
  // Per source: positive rows and the hard negative rows.
  const blocks: Array<{ pos: number[]; neg: number[] }> = [];
  const z0 = new Float64Array(per);
  for (let start = 0; start < rows; start += per) {
    for (let r = 0; r < per; r++) {
      let t = fit0.biais;
      for (let j = 0; j < d; j++) t += fit0.poids[j]! * x[(start + r) * d + j]!;
      z0[r] = t;
    }
    const order = Array.from({ length: per }, (_, r) => r).sort((p, q) => z0[q]! - z0[p]! || p - q);
    const pos: number[] = [];
    const neg: number[] = [];
    for (const r of order) {
      if (y[start + r]) pos.push(start + r);
      else if (neg.length < keep) neg.push(start + r);
    }
    if (pos.length && neg.length) blocks.push({ pos, neg });
  }
  const w = new Float64Array(d);
  const diff = new Float64Array(d);
  const lambda = l2 * blocks.length;
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const H = new Float64Array(d * d);
    for (const { pos, neg } of blocks) {
      const omega = 1 / (pos.length * neg.length);
      for (const p of pos)
        for (const q of neg) {
          let t = 0;
          for (let j = 0; j < d; j++) {
            diff[j] = (x[p * d + j]! - x[q * d + j]!) / sd[j]!;
            t += w[j]! * diff[j]!;
          }
          const pr = 1 / (1 + Math.exp(-t));
          const e = (pr - 1) * omega;
          const h = Math.max(pr * (1 - pr), 1e-12) * omega;
          for (let i = 0; i < d; i++) {
            const di = diff[i]!;
            g[i]! += e * di;
            const hd = h * di;
            for (let j = i; j < d; j++) H[i * d + j]! += hd * diff[j]!;
          }
        }
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) H[i * d + j] = H[j * d + i]!;
    for (let i = 0; i < d; i++) {
      g[i]! += lambda * w[i]!;
      H[i * d + i]! += lambda;
    }
    const step = solve(H, g, d);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-10) break;
  }
  const raw = Array.from({ length: d }, (_, j) => w[j]! / sd[j]!);
  // Calibration of the scale: labels ~ σ(b + a·(raw·x)).
  const s1 = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let t = 0;
    for (let j = 0; j < d; j++) t += raw[j]! * x[r * d + j]!;
    s1[r] = t;
  }
  const cal = fitLogistic({ d: 1, x: s1, y, rows }, 0);
  const a = cal.poids[0]!;
  return { biais: cal.biais, poids: raw.map((v) => v * a) };
}

function linear<K extends string>(names: readonly K[], fit: { biais: number; poids: number[] }): ModeleLineaire<K> {
  return { biais: fit.biais, poids: Object.fromEntries(names.map((f, i) => [f, fit.poids[i]!])) as Record<K, number> };
}

/**
 * Ablation (GTEC_FIT_SANS=feature,feature): the named features are fitted as zero columns, so
 * their weight stays 0. For measuring what a feature brings (bench/passerelles-qualite.ts).
 */
const SANS = new Set((process.env.GTEC_FIT_SANS ?? '').split(',').filter(Boolean));
const column = (f: Record<string, Float64Array>, k: string) => (SANS.has(k) ? new Float64Array(f[k]!.length) : f[k]!);

/** Content-only features of a source, in model order. */
export const contentFeatures = (engine: PasserelleEngine) => (s: string) => {
  const f = engine.caracteristiques(s)!.contenu;
  return CARACTERISTIQUES_CONTENU.map((k) => column(f, k));
};

/**
 * Content features of each source, in model order, computed once (they do not depend on the
 * fold: only the transition columns, filled per fit, do). The transition columns hold the lifts
 * of the engine's model; fitModel replaces them.
 */
export type ContentCache = Map<string, Float64Array[]>;
export function contentCache(engine: PasserelleEngine, sources: readonly string[]): ContentCache {
  const f = contentFeatures(engine);
  return new Map(sources.map((s) => [s, f(s)]));
}

/**
 * Content logits of a source from its feature columns (−∞ for the source itself), summed in the
 * engine's order; `similarity` receives the sum stopped before the target priors (DEBUT_PRIORS).
 */
export function contentLogits(m: ModeleLineaire<(typeof CARACTERISTIQUES_CONTENU)[number]>, cols: readonly Float64Array[], self: number, similarity?: Float64Array): Float64Array {
  const n = cols[0]!.length;
  const z = new Float64Array(n).fill(m.biais);
  CARACTERISTIQUES_CONTENU.forEach((k, j) => {
    if (j === DEBUT_PRIORS && similarity) similarity.set(z);
    const w = m.poids[k];
    const c = cols[j]!;
    for (let b = 0; b < n; b++) z[b]! += w * c[b]!;
  });
  z[self] = -Infinity;
  if (similarity) similarity[self] = -Infinity;
  return z;
}

const iDom = CARACTERISTIQUES_CONTENU.indexOf('transitionDomaine');
const iCibleDomaine = CARACTERISTIQUES_CONTENU.indexOf('cibleDomaineApprise');
const iCitations = CARACTERISTIQUES_CONTENU.indexOf('ciblePopulaireApprise');
/** Smoothing of the learned target-domaine share (in moves). */
export const BETA_CIBLE = 20;

/** Learned columns of source s: domaine lifts, target-domaine share, target popularity. */
interface Learned {
  lift(level: number, da: string, db: string): number;
  cibleDomaine(db: string): number;
  citations(b: string): number;
}
function learnedColumns(codes: readonly string[], levels: Array<(c: string) => string | undefined>, s: string, L: Learned): Array<[number, Float64Array]> {
  const out: Array<[number, Float64Array]> = levels.map((level, l) => {
    const col = new Float64Array(codes.length);
    const da = level(s);
    codes.forEach((c, b) => {
      const db = level(c);
      col[b] = c === s || da === undefined || db === undefined ? 0 : L.lift(l, da, db);
    });
    return [iDom + l, col];
  });
  const dom = new Float64Array(codes.length);
  const cit = new Float64Array(codes.length);
  codes.forEach((c, b) => {
    if (c === s) return;
    const db = levels[0]!(c);
    dom[b] = db === undefined ? 0 : L.cibleDomaine(db);
    cit[b] = Math.log(1 + L.citations(c));
  });
  out.push([iCibleDomaine, dom], [iCitations, cit]);
  return out;
}

/** A source's content columns with the learned columns replaced (ablated columns stay 0). */
function withTransitions(cols: readonly Float64Array[], tr: ReadonlyArray<[number, Float64Array]>): Float64Array[] {
  const f = cols.slice();
  for (const [j, col] of tr) if (!SANS.has(CARACTERISTIQUES_CONTENU[j]!)) f[j] = col;
  // Products are recomputed from their (new) factors.
  for (const [p, g, h] of PRODUITS_CONTENU) {
    const [ip, ig, ih] = [p, g, h].map((k) => CARACTERISTIQUES_CONTENU.indexOf(k)) as [number, number, number];
    if (SANS.has(p)) continue;
    f[ip] = f[ig]!.map((v, b) => v * f[ih]![b]!);
  }
  return f;
}

/** What a fit produced beside the model, for the cross-validation bench. */
export interface FitDetails {
  model: ModelePasserelles;
  /** Content columns of a source not in the training lists (transitions from the stored tables). */
  heldOutContent(s: string): Float64Array[];
  /** Content columns of a training source, its own list left out of the learned columns. */
  trainingContent(s: string): Float64Array[];
  /** The expert lists of the training sources, indexed like engine.codes. */
  lists: ExpertLists;
}

/**
 * Fits both models on the sources of `train` (their lists are the labels). `contentEngine` is a
 * content-mode engine on the referential (its features, or `cache`, give the content columns);
 * the expert features of a training source are computed from the lists of the other training
 * sources, with its leave-one-out content logits.
 */
export function fitModel(ref: Referentiel, contentEngine: PasserelleEngine, train: Map<string, Set<string>>, mobilites: readonly MobiliteOfficielle[], cache?: ContentCache): ModelePasserelles {
  return fitDetails(ref, contentEngine, train, mobilites, cache).model;
}

export function fitDetails(ref: Referentiel, contentEngine: PasserelleEngine, train: Map<string, Set<string>>, mobilites: readonly MobiliteOfficielle[], cache?: ContentCache): FitDetails {
  const sources = [...train.keys()].filter((s) => contentEngine.has(s)).sort();
  const codes = contentEngine.codes;
  const n = codes.length;
  const byCode = new Map(ref.metiers.map((m) => [m.code, m]));
  const contentOf = (s: string) => cache?.get(s) ?? contentFeatures(contentEngine)(s);
  // Domaine lifts counted on the training lists; a training source's own column leaves its list out.
  const levels = [(c: string) => byCode.get(c)?.domaine, (c: string) => byCode.get(c)?.grandDomaine];
  const counts = levels.map((level) => {
    const all = new CompteTransitions();
    const own = new Map<string, CompteTransitions>();
    for (const s of sources) {
      const mine = new CompteTransitions();
      const da = level(s);
      for (const c of train.get(s)!) {
        const db = level(c);
        if (da === undefined || db === undefined) continue;
        all.add(da, db);
        mine.add(da, db);
      }
      own.set(s, mine);
    }
    return { all, own };
  });
  // Target shares: moves landing in each domaine (vs its share of fiches), lists naming each fiche.
  const fichesIn = new Map<string, number>();
  for (const c of codes) {
    const d = levels[0]!(c);
    if (d !== undefined) fichesIn.set(d, (fichesIn.get(d) ?? 0) + 1);
  }
  const cites = new Map<string, number>();
  for (const s of sources) for (const c of train.get(s)!) cites.set(c, (cites.get(c) ?? 0) + 1);
  const dom0 = counts[0]!;
  const shareOf = (db: string, without?: CompteTransitions) => {
    const q = (fichesIn.get(db) ?? 0) / n;
    if (q <= 0) return 0;
    const to = (dom0.all.to.get(db) ?? 0) - (without?.to.get(db) ?? 0);
    const total = dom0.all.total - (without?.total ?? 0);
    return Math.log((to + BETA_CIBLE * q) / (total + BETA_CIBLE) / q);
  };
  const looContent = new Map<string, Float64Array[]>();
  for (const s of sources) {
    const own = train.get(s)!;
    const L: Learned = {
      lift: (l, da, db) => counts[l]!.all.lift(da, db, counts[l]!.own.get(s)),
      cibleDomaine: (db) => shareOf(db, dom0.own.get(s)),
      citations: (c) => (cites.get(c) ?? 0) - (own.has(c) ? 1 : 0),
    };
    looContent.set(s, withTransitions(contentOf(s), learnedColumns(codes, levels, s, L)));
  }
  const Dc = design(contentEngine, sources, train, (s) => looContent.get(s)!);
  let fitC = fitLogistic(Dc);
  if (HARD > 0) fitC = fitLogistic(Dc, L2, 25, hardMask(Dc, fitC, n - 1, HARD));
  if (PAIRES > 0 && PAIRES_MODELES.includes('c')) fitC = fitPairwise(Dc, fitC, n - 1);
  const contenu = linear(CARACTERISTIQUES_CONTENU, fitC);
  const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const cibleDomaine = Object.fromEntries([...fichesIn.keys()].sort().map((d) => [d, round4(shareOf(d))]));
  const citations = Object.fromEntries([...cites].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  const transitions = { domaine: counts[0]!.all.table(), grandDomaine: counts[1]!.all.table(), cibleDomaine, citations };
  const partial: ModelePasserelles = { description: '', contenu, expert: MODELE_ROME.expert, voisins: VOISINS, transitions };
  const tables = [transitions.domaine, transitions.grandDomaine];
  const stored: Learned = { lift: (l, da, db) => liftDe(tables[l], da, db), cibleDomaine: (db) => cibleDomaine[db] ?? 0, citations: (c) => citations[c] ?? 0 };
  const heldOutContent = (s: string) => withTransitions(contentOf(s), learnedColumns(codes, levels, s, stored));
  // Expert features: the lists of the training sources, each source's own list left out by the
  // feature code itself, from its leave-one-out content logits.
  const trainSet = new Set(sources);
  const index = new Map(codes.map((c, i) => [c, i]));
  const lists = buildExpertLists({ ...ref, mobilites: mobilites.filter((m) => trainSet.has(m.source)) }, index, n);
  const ef = buildExpertFeatures(lists, n, partial);
  const De = design(contentEngine, sources, train, (s) => {
    const a = index.get(s)!;
    const zs = new Float64Array(n);
    const zc = contentLogits(contenu, looContent.get(s)!, a, zs);
    ef.compute(a, zs);
    return CARACTERISTIQUES_EXPERT.map((k, j) => (SANS.has(k) ? new Float64Array(n) : j === 0 ? zc.map((z, b) => (b === a ? 0 : z)) : ef.ex[j]!));
  });
  let fitE = fitLogistic(De);
  if (HARD > 0) fitE = fitLogistic(De, L2, 25, hardMask(De, fitE, n - 1, HARD));
  if (PAIRES > 0 && PAIRES_MODELES.includes('e')) fitE = fitPairwise(De, fitE, n - 1);
  const expert = linear(CARACTERISTIQUES_EXPERT, fitE);
  return { model: { ...partial, expert }, heldOutContent, trainingContent: (s) => looContent.get(s)!, lists };
}

function render(m: ModelePasserelles): string {
  const num = (x: number) => Number(x.toPrecision(6));
  const block = <K extends string>(l: ModeleLineaire<K>) =>
    `{\n    biais: ${num(l.biais)},\n    poids: {\n${Object.entries(l.poids)
      .map(([k, v]) => `      ${k}: ${num(v as number)},`)
      .join('\n')}\n    },\n  }`;
  const key = (k: string) => (/^[A-Za-z_]\w*$/.test(k) ? k : JSON.stringify(k));
  const table = (t: Record<string, Record<string, number>>) =>
    `{\n${Object.entries(t)
      .map(
        ([da, row]) =>
          `      ${key(da)}: { ${Object.entries(row)
            .map(([db, v]) => `${key(db)}: ${v}`)
            .join(', ')} },`,
      )
      .join('\n')}\n    }`;
  const row = (name: string, r?: Record<string, number>) =>
    r
      ? `\n    ${name}: {\n${Object.entries(r)
          .map(([k, v]) => `      ${key(k)}: ${v},`)
          .join('\n')}\n    },`
      : '';
  return `/**
 * GENERATED by scripts/fit-passerelles.ts from the expert mobilités file: do not edit by hand.
 * Refit: npx tsx scripts/fit-passerelles.ts (docs/passerelles.md, « Réajuster le modèle »).
 */
import type { ModelePasserelles } from './modele.js';

export const MODELE_ROME: ModelePasserelles = {
  description: ${JSON.stringify(m.description)},
  contenu: ${block(m.contenu)},
  expert: ${block(m.expert)},
  voisins: ${m.voisins},${m.transitions ? `\n  transitions: {\n    domaine: ${table(m.transitions.domaine)},\n    grandDomaine: ${table(m.transitions.grandDomaine)},${row('cibleDomaine', m.transitions.cibleDomaine)}${row('citations', m.transitions.citations)}\n  },` : ''}
};
`;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? ROME_DIR;
  const file = process.argv[3] ?? MOBILITES_FILE;
  const ref = await loadRome(dir);
  const mobilites = readMobilitesFile(file);
  const lists = listsBySource(mobilites);
  const contentEngine = createPasserelleEngine({ ...ref, mobilites: [] }, {}, { mode: 'contenu' });
  const model = fitModel(ref, contentEngine, lists, mobilites);
  model.description = `Fitted on ${lists.size} expert lists (${mobilites.length} rows of ${path.basename(file)}) of ${ref.label}`;
  const out = path.join(root, 'core/passerelles/modele-rome.ts');
  writeFileSync(out, render(model));
  console.log(`${out}\n${JSON.stringify(model, null, 2)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
