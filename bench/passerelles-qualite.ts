/**
 * Quality of the passerelle rankings against ROME's expert mobilités (docs/passerelles.md quotes
 * its output), by k-fold cross-validation over SOURCE fiches:
 *
 *   npx tsx bench/passerelles-qualite.ts [fichier-mobilites.csv] [--folds 5]
 *
 * The sources that have an expert list are split into k stable folds (sorted codes, i mod k). For
 * each fold, the learned models are fitted on the lists of the other k − 1 folds
 * (scripts/fit-passerelles.ts, same code as the shipped fit) and measured on the held-out sources:
 * - content-only: features of the referential alone;
 * - expert-aware: the referential carries the lists of the k − 1 training folds only, so a
 *   held-out source is predicted from its content and the other fiches' lists, exactly as a fiche
 *   without a list is at run time.
 * Baselines in the same run (nothing to fit, measured on the same sources): the historical
 * 5-component score, TF-IDF cosine over competence codes (scikit-learn's TfidfVectorizer
 * defaults: smooth IDF, L2 norm) and Jaccard of the competence sets.
 *
 * Metrics, averaged over sources: recall@10 = expert targets in the top 10 / min(|list|, 10)
 * (and / |list|, the stricter reading), MRR@10 (1 / rank of the first expert target, 0 beyond 10),
 * P@5.
 */
import { createPasserelleEngine } from '../core/passerelles/engine.js';
import type { Referentiel } from '../core/referentiel/model.js';
import { buildExpertFeatures } from '../core/passerelles/expert-features.js';
import { sigmoid } from '../core/passerelles/modele.js';
import { contentCache, contentLogits, fitDetails, listsBySource, loadRome, MOBILITES_FILE, readMobilitesFile } from '../scripts/fit-passerelles.js';

const args = process.argv.slice(2);
const foldsAt = args.indexOf('--folds');
const K = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
/** --rapide: the first fold only (for trying things; the reported figures come from all folds). */
const QUICK = args.includes('--rapide');
/** --verifie: check every fold against engines built with its model (default: fold 1). */
const VERIFIE = args.includes('--verifie');
const file = args.find((a, i) => !a.startsWith('--') && (foldsAt < 0 || i !== foldsAt + 1)) ?? MOBILITES_FILE;

interface Scores {
  n: number;
  r10: number;
  r10strict: number;
  mrr: number;
  p5: number;
}
const empty = (): Scores => ({ n: 0, r10: 0, r10strict: 0, mrr: 0, p5: 0 });

function add(s: Scores, ranked: readonly string[], rel: Set<string>): void {
  const top = ranked.slice(0, 10);
  const hits = top.filter((c) => rel.has(c)).length;
  s.n++;
  s.r10 += hits / Math.min(rel.size, 10);
  s.r10strict += hits / rel.size;
  const first = top.findIndex((c) => rel.has(c));
  s.mrr += first >= 0 ? 1 / (first + 1) : 0;
  s.p5 += top.slice(0, 5).filter((c) => rel.has(c)).length / 5;
}

/** Top-10 of a source by a dense score over codes (desc, then code). */
function top10(codes: readonly string[], a: number, score: Float64Array): string[] {
  const idx: number[] = [];
  for (let b = 0; b < codes.length; b++) {
    if (b === a) continue;
    const s = score[b]!;
    if (idx.length === 10 && s <= score[idx[9]!]!) continue;
    let at = idx.length;
    while (at > 0 && score[idx[at - 1]!]! < s) at--;
    idx.splice(at, 0, b);
    if (idx.length > 10) idx.pop();
  }
  return idx.map((b) => codes[b]!);
}

/** TF-IDF cosine and Jaccard over competence codes (baselines), as dense score rows on demand. */
function baselines(ref: Referentiel, codes: readonly string[]) {
  const byCode = new Map(ref.metiers.map((m) => [m.code, m]));
  const sets = codes.map((c) => [...new Set(byCode.get(c)!.competences.map((x) => x.id))]);
  const n = codes.length;
  const df = new Map<string, number>();
  for (const s of sets) for (const id of s) df.set(id, (df.get(id) ?? 0) + 1);
  const idf = (id: string) => Math.log((1 + n) / (1 + df.get(id)!)) + 1;
  const norms = sets.map((s) => Math.sqrt(s.reduce((t, id) => t + idf(id) ** 2, 0)));
  const posting = new Map<string, number[]>();
  sets.forEach((s, m) => s.forEach((id) => posting.set(id, [...(posting.get(id) ?? []), m])));
  return (a: number) => {
    const tf = new Float64Array(n);
    const inter = new Float64Array(n);
    for (const id of sets[a]!) {
      const w = idf(id) ** 2;
      for (const b of posting.get(id)!) {
        tf[b]! += w;
        inter[b]! += 1;
      }
    }
    const jac = new Float64Array(n);
    for (let b = 0; b < n; b++) {
      tf[b] = norms[a]! > 0 && norms[b]! > 0 ? tf[b]! / (norms[a]! * norms[b]!) : 0;
      jac[b] = inter[b]! / (sets[a]!.length + sets[b]!.length - inter[b]! || 1);
    }
    return { tfidf: tf, jaccard: jac };
  };
}

const fmt = (s: Scores) => `${(s.r10 / s.n).toFixed(3)} | ${(s.r10strict / s.n).toFixed(3)} | ${(s.mrr / s.n).toFixed(3)} | ${(s.p5 / s.n).toFixed(3)}`;

async function main(): Promise<void> {
  const t0 = performance.now();
  const ref = await loadRome();
  const mobilites = readMobilitesFile(file);
  const lists = listsBySource(mobilites);
  const bare: Referentiel = { ...ref, mobilites: [] };
  const contentEngine = createPasserelleEngine(bare, {}, { mode: 'contenu' });
  const legacy = createPasserelleEngine(bare, {}, { mode: 'composantes' });
  const codes = contentEngine.codes;
  const sources = [...lists.keys()].filter((s) => contentEngine.has(s)).sort();
  console.log(`${ref.label} : ${codes.length} fiches ; ${sources.length} sources avec une liste experte (${mobilites.length} lignes) ; ${K} plis`);

  const results: Record<string, Scores> = {
    'score appris, contenu seul': empty(),
    'score appris, avec listes expertes': empty(),
    'score historique à 5 composantes': empty(),
    'TF-IDF cosinus (codes de compétences)': empty(),
    'Jaccard (codes de compétences)': empty(),
  };
  const base = baselines(bare, codes);
  for (const s of sources) {
    const a = codes.indexOf(s);
    const { tfidf, jaccard } = base(a);
    const rel = lists.get(s)!;
    add(results['TF-IDF cosinus (codes de compétences)']!, top10(codes, a, tfidf), rel);
    add(results['Jaccard (codes de compétences)']!, top10(codes, a, jaccard), rel);
    add(
      results['score historique à 5 composantes']!,
      legacy.topK(s, 10).map((c) => c.cible),
      rel,
    );
  }

  // The diagnostic's viability threshold (score_minimum, 0.30 by default) on the learned score:
  // how many of the top 10 pass it, and how often they are expert targets (held-out sources).
  const SEUIL = 0.3;
  const viable = { contenu: { sources: 0, kept: 0, hits: 0, below: 0, belowHits: 0 }, expert: { sources: 0, kept: 0, hits: 0, below: 0, belowHits: 0 } };
  const perFold: string[] = [];
  // Content features of every source, computed once: they do not depend on the fold (the fit
  // replaces the transition columns). Each fold then fits on its cached columns and scores its
  // held-out sources with the same feature code as the engine (content-features.ts,
  // expert-features.ts); fold 1 is checked against engines built with the fold's model.
  const tc0 = performance.now();
  const cache = contentCache(contentEngine, sources);
  console.log(`caractéristiques du contenu de ${sources.length} sources : ${((performance.now() - tc0) / 1000).toFixed(1)} s`);
  const index = new Map(codes.map((c, i) => [c, i]));
  const scoreOf = (z: Float64Array) => z.map((x) => Math.round(sigmoid(x) * 1e12) / 1e12);
  const foldRange = { contenu: [Infinity, -Infinity], expert: [Infinity, -Infinity] };
  let checked = 0;
  let mismatches = 0;
  for (let f = 0; f < K; f++) {
    const tf0 = performance.now();
    const test = sources.filter((_, i) => i % K === f);
    const train = new Map([...lists].filter(([s]) => !test.includes(s)));
    const details = fitDetails(ref, contentEngine, train, mobilites, cache);
    const model = details.model;
    const ef = buildExpertFeatures(details.lists, codes.length, model);
    const ze = new Float64Array(codes.length);
    const verify = f === 0 || VERIFIE;
    const engines = verify
      ? {
          content: createPasserelleEngine(bare, {}, { mode: 'contenu', modele: model }),
          expert: createPasserelleEngine({ ...ref, mobilites: mobilites.filter((m) => train.has(m.source)) }, {}, { mode: 'expert', modele: model }),
        }
      : undefined;
    const fc = empty();
    const fe = empty();
    for (const s of test) {
      const rel = lists.get(s)!;
      const a = index.get(s)!;
      const zs = new Float64Array(codes.length);
      const held = details.heldOutContent(s);
      const zc = contentLogits(model.contenu, held, a, zs);
      ef.compute(a, zs);
      ef.logits(a, zc, ze);
      const sc = scoreOf(zc);
      const se = scoreOf(ze);
      const rc = top10(codes, a, sc);
      const re = top10(codes, a, se);
      if (engines) {
        checked++;
        const ec = engines.content.topK(s, 10).map((c) => c.cible);
        const ee = engines.expert.topK(s, 10).map((c) => c.cible);
        if (ec.join() !== rc.join() || ee.join() !== re.join()) mismatches++;
      }
      for (const [v, top, score] of [
        [viable.contenu, rc, sc],
        [viable.expert, re, se],
      ] as const) {
        const kept = top.filter((c) => score[index.get(c)!]! >= SEUIL);
        v.sources++;
        v.kept += kept.length;
        v.hits += kept.filter((c) => rel.has(c)).length;
        v.below += top.length - kept.length;
        v.belowHits += top.filter((c) => score[index.get(c)!]! < SEUIL && rel.has(c)).length;
      }
      add(results['score appris, contenu seul']!, rc, rel);
      add(results['score appris, avec listes expertes']!, re, rel);
      add(fc, rc, rel);
      add(fe, re, rel);
    }
    foldRange.contenu = [Math.min(foldRange.contenu[0]!, fc.r10 / fc.n), Math.max(foldRange.contenu[1]!, fc.r10 / fc.n)];
    foldRange.expert = [Math.min(foldRange.expert[0]!, fe.r10 / fe.n), Math.max(foldRange.expert[1]!, fe.r10 / fe.n)];
    perFold.push(`  pli ${f + 1} (${test.length} sources, ${train.size} listes d’entraînement, ${((performance.now() - tf0) / 1000).toFixed(0)} s) : contenu ${fmt(fc)} ; expert ${fmt(fe)}`);
    if (QUICK) break;
  }
  console.log('\n| méthode | rappel@10 | rappel@10 (÷ |liste|) | MRR@10 | P@5 |\n|---|---|---|---|---|');
  for (const [name, s] of Object.entries(results)) console.log(`| ${name} | ${fmt(s).replaceAll(' | ', ' | ')} |`);
  console.log(`\nSeuil de viabilité ${SEUIL} (score_minimum du diagnostic), top 10 des sources mesurées :`);
  for (const [mode, v] of Object.entries(viable)) {
    console.log(
      `  ${mode} : ${(v.kept / v.sources).toFixed(1)} passerelles par source au-dessus du seuil, dont ${((100 * v.hits) / Math.max(1, v.kept)).toFixed(0)} % citées par les experts ; sous le seuil : ${((100 * v.belowHits) / Math.max(1, v.below)).toFixed(0)} %`,
    );
  }
  console.log(`\nPar pli (rappel@10 | rappel strict | MRR@10 | P@5) :\n${perFold.join('\n')}`);
  console.log(`rappel@10 par pli : contenu ${foldRange.contenu.map((x) => x.toFixed(3)).join('–')}, expert ${foldRange.expert.map((x) => x.toFixed(3)).join('–')}`);
  console.log(`vérification contre le moteur (${VERIFIE ? 'tous les plis' : 'pli 1'}) : ${checked - mismatches}/${checked} sources au top 10 identique`);
  console.log(`\n(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

await main();
