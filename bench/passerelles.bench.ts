/**
 * All-pairs top-10 passerelles: the engine (inverted indexes) against the naive double loop over
 * pairs (same score, set intersections), in the same run, on the demo and on the full ROME 4.0
 * (skipped with a message when ../shared/data is absent). Checks both give the same rankings and
 * prints medians and the speed-up. Three scores: the historical 5-component mean, the learned
 * content-only model, the learned expert-aware model (ROME + the calibration mobilités). The naive
 * learned reference scores every pair from the definitions; on the full ROME it is run for the
 * first NAIVE_SOURCES sources only (against all targets) and its time scaled to 1 584 sources.
 *
 *   npx tsx bench/passerelles.bench.ts            (GTEC_BENCH_RUNS=5 by default, ≥ 5 recommended)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { nodeFileHost } from '../node-host/file-host.js';
import { createPasserelleEngine } from '../core/passerelles/engine.js';
import { MODELE_ROME } from '../core/passerelles/modele-rome.js';
import { naiveAllPairsTopK, naiveLearnedAllPairsTopK } from '../core/passerelles/naive.js';
import { MOBILITES_FILE, readMobilitesFile, ROME_DIR } from '../scripts/fit-passerelles.js';
import { buildProfiles } from '../core/passerelles/profiles.js';
import { demoReferentiel } from '../core/referentiel/demo.js';
import type { Referentiel } from '../core/referentiel/model.js';
import { loadRomeOfficiel } from '../core/referentiel/rome-officiel.js';

const RUNS = Math.max(1, Number(process.env.GTEC_BENCH_RUNS ?? 5));
const K = 10;
const romeDir = ROME_DIR;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function bench(name: string, ref: Referentiel): void {
  const build: number[] = [];
  const fast: number[] = [];
  const slow: number[] = [];
  let same = true;
  for (let i = 0; i < RUNS; i++) {
    const [engine, tb] = time(() => createPasserelleEngine(ref, {}, { mode: 'composantes' }));
    const [a, tf] = time(() => engine.allPairsTopK(K));
    const [b, ts] = time(() => naiveAllPairsTopK(buildProfiles(ref, engine.params), engine.params, K));
    build.push(tb);
    fast.push(tf);
    slow.push(ts);
    same &&= JSON.stringify(a) === JSON.stringify(b);
  }
  const f = median(fast);
  const s = median(slow);
  console.log(
    `${name} (${ref.metiers.length} métiers, top-${K}, ${RUNS} runs): ` +
      `engine build ${median(build).toFixed(1)} ms + all-pairs ${f.toFixed(1)} ms; naive ${s.toFixed(1)} ms; ` +
      `speed-up ×${(s / f).toFixed(1)} (×${(s / (f + median(build))).toFixed(1)} with build); same rankings: ${same ? 'yes' : 'NO'}`,
  );
  if (!same) process.exitCode = 1;
}

const NAIVE_SOURCES = Number(process.env.GTEC_BENCH_NAIVE_SOURCES ?? 60);

function benchLearned(name: string, ref: Referentiel, expert: boolean, naiveSources: number): void {
  const build: number[] = [];
  const fast: number[] = [];
  const slow: number[] = [];
  let same = true;
  for (let i = 0; i < RUNS; i++) {
    const [engine, tb] = time(() => createPasserelleEngine(ref, {}, { mode: expert ? 'expert' : 'contenu' }));
    const [a, tf] = time(() => engine.allPairsTopK(K));
    build.push(tb);
    fast.push(tf);
    if (i < 2) {
      const [b, ts] = time(() => naiveLearnedAllPairsTopK(ref, engine.params, MODELE_ROME, K, expert, naiveSources));
      slow.push((ts * ref.metiers.length) / b.length);
      same &&= JSON.stringify(a.slice(0, b.length)) === JSON.stringify(b);
    }
  }
  const f = median(fast);
  const s = median(slow);
  console.log(
    `${name} [${expert ? 'expert-aware' : 'content-only'}] (${ref.metiers.length} métiers, top-${K}, ${RUNS} runs): ` +
      `engine build ${median(build).toFixed(1)} ms + all-pairs ${f.toFixed(1)} ms; naive ${s.toFixed(0)} ms` +
      `${naiveSources < ref.metiers.length ? ` (scaled from ${naiveSources} sources)` : ''}; speed-up ×${(s / f).toFixed(1)}; same rankings: ${same ? 'yes' : 'NO'}`,
  );
  if (!same) process.exitCode = 1;
}

bench('demo', demoReferentiel());
benchLearned('demo', demoReferentiel(), false, Infinity);
if (existsSync(path.join(romeDir, 'version.txt'))) {
  const { referential } = await loadRomeOfficiel(nodeFileHost(romeDir), '.');
  bench('ROME 4.0 v60', referential!);
  benchLearned('ROME 4.0 v60', referential!, false, NAIVE_SOURCES);
  if (existsSync(MOBILITES_FILE)) benchLearned('ROME 4.0 v60 + mobilités (moitié)', { ...referential!, mobilites: readMobilitesFile() }, true, NAIVE_SOURCES);
} else {
  console.log(`ROME 4.0 absent (${romeDir}) : banc sur le ROME complet ignoré.`);
}
