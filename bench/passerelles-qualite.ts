/**
 * Quality of the passerelle rankings (docs/passerelles.md quotes its output).
 *
 *   npx tsx bench/passerelles-qualite.ts [chemin/vers/unix_rubrique_mobilite_v4xx_utf8.csv]
 *
 * - Against official ROME mobilités, when a file is given (or the export contains one):
 *   precision@5, precision@10, recall@10, MRR (rank of the first official target, cut at 100).
 * - Always, against proxies the data does have: share of top-10 targets in the same domaine
 *   professionnel; share with the same ROME v3 parent; recall@10 and MRR of the "v3 siblings"
 *   (fiches split from the same ROME v3 code: near-identical jobs an expert would list first).
 *   Also with the structural term switched off, since the domaine proxy is partly circular.
 * - Nesta-style calibration of the "viable" threshold: mean − 1 sd, across domaines
 *   professionnels, of the average score between fiches of the same domaine.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFileHost } from '../node-host/file-host.js';
import { createPasserelleEngine, type PasserelleEngine } from '../core/passerelles/engine.js';
import type { DeepPartial, PasserelleParams } from '../core/passerelles/params.js';
import type { Problem } from '../core/problems.js';
import { columns, readCsvTable } from '../core/referential/csv-table.js';
import { demoReferential } from '../core/referential/demo.js';
import type { Referential } from '../core/referential/model.js';
import { loadRomeOfficiel } from '../core/referential/rome-officiel.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const romeDir = path.resolve(root, '../shared/data/rome-officiel/v460');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function readMobilites(file: string): Map<string, string[]> {
  const problems: Problem[] = [];
  const table = readCsvTable(new Uint8Array(readFileSync(file)), path.basename(file), problems);
  const c = table && columns(table, ['code_rome', 'code_rome_cible'], problems, ['numero_ordre']);
  if (!table || !c) throw new Error(`${file} : colonnes code_rome, code_rome_cible attendues`);
  const out = new Map<string, string[]>();
  for (const r of table.rows) {
    const list = out.get(r[c.code_rome]!) ?? [];
    if (!list.includes(r[c.code_rome_cible]!) && r[c.code_rome_cible] !== r[c.code_rome]) list.push(r[c.code_rome_cible]!);
    out.set(r[c.code_rome]!, list);
  }
  return out;
}

/** precision@5/@10, recall@10, MRR@100 of rankings against a set of relevant targets per source. */
function rankingMetrics(engine: PasserelleEngine, relevant: Map<string, string[]>) {
  let n = 0, p5 = 0, p10 = 0, r10 = 0, mrr = 0;
  for (const [source, targets] of relevant) {
    if (!engine.has(source)) continue;
    const rel = new Set(targets.filter((t) => engine.has(t)));
    if (!rel.size) continue;
    n++;
    const ranked = engine.topK(source, 100).map((c) => c.cible);
    const hits = (k: number) => ranked.slice(0, k).filter((c) => rel.has(c)).length;
    p5 += hits(5) / 5;
    p10 += hits(10) / 10;
    r10 += hits(10) / Math.min(rel.size, 10);
    const first = ranked.findIndex((c) => rel.has(c));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
  }
  return { sources: n, p5: p5 / n, p10: p10 / n, r10: r10 / n, mrr: mrr / n };
}

function proxies(ref: Referential, engine: PasserelleEngine) {
  const byCode = new Map(ref.metiers.map((m) => [m.code, m]));
  const all = engine.allPairsTopK(10);
  let pairs = 0, sameDomaine = 0, sameV3 = 0;
  for (const { source, cibles } of all) {
    const m = byCode.get(source)!;
    for (const c of cibles) {
      pairs++;
      const t = byCode.get(c.cible)!;
      if (t.domaine === m.domaine) sameDomaine++;
      if (t.codeRomeV3 && t.codeRomeV3 === m.codeRomeV3) sameV3++;
    }
  }
  const siblings = new Map<string, string[]>();
  for (const m of ref.metiers) {
    const s = ref.metiers.filter((x) => x !== m && x.codeRomeV3 && x.codeRomeV3 === m.codeRomeV3).map((x) => x.code);
    if (s.length) siblings.set(m.code, s);
  }
  return { sameDomaine: sameDomaine / pairs, sameV3: sameV3 / pairs, siblings: rankingMetrics(engine, siblings) };
}

/** Nesta: threshold = mean − 1 sd of the per-group average within-group similarity. */
function calibrate(ref: Referential, engine: PasserelleEngine) {
  const groups = new Map<string, string[]>();
  for (const m of ref.metiers) if (m.domaine) groups.set(m.domaine, [...(groups.get(m.domaine) ?? []), m.code]);
  const averages: number[] = [];
  const within: number[] = [];
  for (const codes of groups.values()) {
    if (codes.length < 2) continue;
    let sum = 0, n = 0;
    for (const a of codes) {
      for (const c of engine.topK(a, codes.length, codes)) {
        sum += c.score;
        n++;
        within.push(c.score);
      }
    }
    averages.push(sum / n);
  }
  const mean = averages.reduce((a, b) => a + b, 0) / averages.length;
  const sd = Math.sqrt(averages.reduce((a, b) => a + (b - mean) ** 2, 0) / (averages.length - 1));
  const threshold = mean - sd;
  return { groups: averages.length, mean, sd, threshold, shareAbove: within.filter((s) => s >= threshold).length / within.length };
}

async function main(): Promise<void> {
  let ref: Referential;
  if (existsSync(path.join(romeDir, 'version.txt'))) ref = (await loadRomeOfficiel(nodeFileHost(romeDir), '.')).referential!;
  else {
    console.log(`ROME 4.0 absent (${romeDir}) : mesures sur le référentiel de démonstration.`);
    ref = demoReferential();
  }
  console.log(`Référentiel : ${ref.label}, ${ref.metiers.length} métiers`);
  const variants: Array<[string, DeepPartial<PasserelleParams>]> = [
    ['score par défaut', {}],
    ['sans proximité structurelle', { poids: { proximite: 0 } }],
    ['couverture seule', { poids: { valorisation: 0, activites: 0, contextes: 0, proximite: 0 } }],
  ];
  const mobFile = process.argv[2];
  const official = mobFile
    ? readMobilites(mobFile)
    : ref.mobilites
      ? ref.mobilites.reduce((m, x) => m.set(x.source, [...(m.get(x.source) ?? []), x.cible]), new Map<string, string[]>())
      : undefined;
  for (const [name, params] of variants) {
    const engine = createPasserelleEngine(ref, params);
    const p = proxies(ref, engine);
    console.log(`\n[${name}]`);
    console.log(`  top-10 dans le même domaine professionnel : ${pct(p.sameDomaine)} ; même code ROME v3 parent : ${pct(p.sameV3)}`);
    console.log(
      `  fiches sœurs (même ROME v3, ${p.siblings.sources} sources) : rappel@10 ${pct(p.siblings.r10)}, précision@5 ${pct(p.siblings.p5)}, MRR ${p.siblings.mrr.toFixed(3)}`,
    );
    if (official) {
      const o = rankingMetrics(engine, official);
      console.log(
        `  mobilités officielles (${o.sources} sources) : précision@5 ${pct(o.p5)}, précision@10 ${pct(o.p10)}, rappel@10 ${pct(o.r10)}, MRR ${o.mrr.toFixed(3)}`,
      );
    }
  }
  if (!official) console.log('\n(pas de fichier de mobilités officielles : passer le chemin d’un unix_rubrique_mobilite_v4xx_utf8.csv)');
  const c = calibrate(ref, createPasserelleEngine(ref));
  console.log(
    `\nCalibrage du seuil « viable » (Nesta : moyenne − 1 écart-type des moyennes intra-domaine, ${c.groups} domaines) : ` +
      `moyenne ${c.mean.toFixed(3)}, écart-type ${c.sd.toFixed(3)} → seuil ${c.threshold.toFixed(3)} ; ` +
      `${pct(c.shareAbove)} des paires intra-domaine au-dessus.`,
  );
}

await main();
