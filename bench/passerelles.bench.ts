/**
 * All-pairs top-10 passerelles: the engine (inverted indexes) against the naive double loop over
 * pairs (same score, set intersections), in the same run, on the demo and on the full ROME 4.0
 * (skipped with a message when ../shared/data is absent). Checks both give the same rankings and
 * prints medians and the speed-up.
 *
 *   npx tsx bench/passerelles.bench.ts            (GTEC_BENCH_RUNS=5 by default, ≥ 5 recommended)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFileHost } from '../node-host/file-host.js';
import { createPasserelleEngine } from '../core/passerelles/engine.js';
import { naiveAllPairsTopK } from '../core/passerelles/naive.js';
import { buildProfiles } from '../core/passerelles/profiles.js';
import { demoReferential } from '../core/referential/demo.js';
import type { Referential } from '../core/referential/model.js';
import { loadRomeOfficiel } from '../core/referential/rome-officiel.js';

const RUNS = Math.max(1, Number(process.env.GTEC_BENCH_RUNS ?? 5));
const K = 10;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const romeDir = path.resolve(root, '../shared/data/rome-officiel/v460');

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

function bench(name: string, ref: Referential): void {
  const build: number[] = [];
  const fast: number[] = [];
  const slow: number[] = [];
  let same = true;
  for (let i = 0; i < RUNS; i++) {
    const [engine, tb] = time(() => createPasserelleEngine(ref));
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

bench('demo', demoReferential());
if (existsSync(path.join(romeDir, 'version.txt'))) {
  const { referential } = await loadRomeOfficiel(nodeFileHost(romeDir), '.');
  bench('ROME 4.0 v60', referential!);
} else {
  console.log(`ROME 4.0 absent (${romeDir}) : banc sur le ROME complet ignoré.`);
}
