/**
 * Pair tables for trying passerelle features and models outside the engine (docs/passerelles.md,
 * « Essais hors du moteur »): for each cross-validation fold of bench/passerelles-qualite.ts (same
 * folds, same fit), every candidate pair of every calibration source, one float32 row per pair:
 *
 *   npx tsx bench/passerelles-paires.ts [dossier-sortie] [--folds 5]
 *   python3 bench/passerelles_essais.py [dossier-sortie]
 *
 * Columns (noms.json): source and target indexes (codes.json), held-out flag, label, the
 * similarity and content logits of the fold's model, the content features (a training source's
 * learned columns leave its own list out, as in the fit), the expert features, then CANDIDATE
 * expert features that the model does not use (measured and not kept: their definitions below).
 * A fold of ROME is ≈ 1.16 M rows × 49 columns, 227 MB.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPasserelleEngine } from '../core/passerelles/engine.js';
import { buildExpertFeatures, type ExpertLists } from '../core/passerelles/expert-features.js';
import { CARACTERISTIQUES_CONTENU, CARACTERISTIQUES_EXPERT, sigmoid } from '../core/passerelles/modele.js';
import type { Referentiel } from '../core/referentiel/model.js';
import { contentCache, contentLogits, fitDetails, listsBySource, loadRome, readMobilitesFile } from '../scripts/fit-passerelles.js';

const args = process.argv.slice(2);
const foldsAt = args.indexOf('--folds');
const K = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
const dir = args.find((a, i) => !a.startsWith('--') && (foldsAt < 0 || i !== foldsAt + 1)) ?? path.join(tmpdir(), 'gtec-paires');

/** Candidate expert features of source a (arrays over targets b), from the fold's training lists. */
const CANDIDATES = {
  /** Lists of the fiches co-cited with a (named in a list that names a), weighted by cosine of their citing sets. */
  citeSim: 0,
  /** Share of the lists naming a whose source b's list names. */
  citeCitants: 0,
  /** Mean content similarity σ(z) of b to the fiches whose list names a. */
  invContenu: 0,
  /** Largest content similarity of b to a fiche whose list names a. */
  invContenuMax: 0,
  /** 1 / (1 + position of a in b's list). */
  rangInverse: 0,
  /** Co-citation of b with a's 50 content-nearest fiches, weighted by σ(similarity). */
  voisCocit: 0,
  /** `voisins` over the 100 nearest fiches having a list. */
  voisins100: 0,
  /** `voisins100`, each listed target weighted by 1 / √(1 + its position in the list). */
  voisinsRang: 0,
  /** Number of lists naming a (the same for every b). */
  nCitants: 0,
};
const NOMS_CANDIDATS = Object.keys(CANDIDATES);

function candidates(a: number, el: ExpertLists, zs: Float64Array, simOf: (x: number) => Float64Array, n: number): Float64Array[] {
  const out = NOMS_CANDIDATS.map(() => new Float64Array(n));
  const [citeSim, citeCitants, invC, invMax, rangInv, voisCocit, vois100, voisRang, nCit] = out as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const citing = el.namedBy[a]!;
  const co = new Map<number, number>();
  for (const x of citing) for (const c of el.lists[x]!) if (c !== a) co.set(c, (co.get(c) ?? 0) + 1);
  let sw = 0;
  for (const [c, k] of co) {
    const l = el.lists[c];
    if (!l) continue;
    const w = k / Math.sqrt(citing.length * el.namedBy[c]!.length);
    sw += w;
    for (const t of l) citeSim[t]! += w;
  }
  for (const x of citing) {
    for (const y of el.namedBy[x]!) citeCitants[y]! += 1 / citing.length;
    const z = simOf(x);
    for (let b = 0; b < n; b++) {
      const p = b === x ? 1 : sigmoid(z[b]!);
      invC[b]! += p / citing.length;
      if (p > invMax[b]!) invMax[b] = p;
    }
    rangInv[x] = 1 / (1 + el.lists[x]!.indexOf(a));
  }
  const nearest = (m: number, keep: (b: number) => boolean) => {
    const idx: number[] = [];
    for (let b = 0; b < n; b++) if (b !== a && keep(b)) idx.push(b);
    return idx.sort((x, y) => zs[y]! - zs[x]! || x - y).slice(0, m);
  };
  let sp = 0;
  for (const t of nearest(50, () => true)) {
    const ct = el.namedBy[t]!.filter((x) => x !== a);
    if (ct.length === 0) continue;
    const p = sigmoid(zs[t]!);
    sp += p;
    for (const x of ct) for (const c of el.lists[x]!) voisCocit[c]! += p / ct.length;
  }
  let s100 = 0;
  for (const t of nearest(100, (b) => el.lists[b] !== undefined)) {
    const p = sigmoid(zs[t]!);
    s100 += p;
    el.lists[t]!.forEach((c, i) => {
      vois100[c]! += p;
      voisRang[c]! += p / Math.sqrt(1 + i);
    });
  }
  for (let b = 0; b < n; b++) {
    if (sw > 0) citeSim[b]! /= sw;
    if (sp > 0) voisCocit[b]! /= sp;
    if (s100 > 0) {
      vois100[b]! /= s100;
      voisRang[b]! /= s100;
    }
  }
  nCit.fill(citing.length);
  return out;
}

const ref = await loadRome();
const mobilites = readMobilitesFile();
const lists = listsBySource(mobilites);
const bare: Referentiel = { ...ref, mobilites: [] };
const contentEngine = createPasserelleEngine(bare, {}, { mode: 'contenu' });
const codes = contentEngine.codes;
const n = codes.length;
const sources = [...lists.keys()].filter((s) => contentEngine.has(s)).sort();
const cache = contentCache(contentEngine, sources);
const index = new Map(codes.map((c, i) => [c, i]));
const noms = ['source', 'cible', 'test', 'y', 'similarite', 'logitContenu', ...CARACTERISTIQUES_CONTENU, ...CARACTERISTIQUES_EXPERT.slice(1), ...NOMS_CANDIDATS];
const D = noms.length;
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'noms.json'), JSON.stringify(noms));
writeFileSync(path.join(dir, 'codes.json'), JSON.stringify(codes));
for (let f = 0; f < K; f++) {
  const t0 = performance.now();
  const test = new Set(sources.filter((_, i) => i % K === f));
  const det = fitDetails(ref, contentEngine, new Map([...lists].filter(([s]) => !test.has(s))), mobilites, cache);
  const ef = buildExpertFeatures(det.lists, n, det.model);
  const sims = new Map<number, Float64Array>();
  const simOf = (x: number) => {
    let z = sims.get(x);
    if (!z) {
      z = new Float64Array(n);
      contentLogits(det.model.contenu, det.heldOutContent(codes[x]!), x, z);
      sims.set(x, z);
    }
    return z;
  };
  const out = new Float32Array(sources.length * (n - 1) * D);
  let o = 0;
  for (const s of sources) {
    const a = index.get(s)!;
    const held = test.has(s);
    const cols = held ? det.heldOutContent(s) : det.trainingContent(s);
    const zs = new Float64Array(n);
    const zc = contentLogits(det.model.contenu, cols, a, zs);
    ef.compute(a, zs);
    const cand = candidates(a, det.lists, zs, simOf, n);
    const rel = lists.get(s)!;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      out.set([a, b, held ? 1 : 0, rel.has(codes[b]!) ? 1 : 0, zs[b]!, zc[b]!], o);
      o += 6;
      for (const c of cols) out[o++] = c[b]!;
      for (let e = 1; e < CARACTERISTIQUES_EXPERT.length; e++) out[o++] = ef.ex[e]![b]!;
      for (const c of cand) out[o++] = c[b]!;
    }
  }
  writeFileSync(path.join(dir, `pli${f + 1}.f32`), out);
  console.log(`pli ${f + 1}/${K} : ${o / D} paires × ${D} colonnes, ${((performance.now() - t0) / 1000).toFixed(0)} s → ${path.join(dir, `pli${f + 1}.f32`)}`);
}
