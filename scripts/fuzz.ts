/**
 * The long fuzzing run (the suite's tests/fuzz/fuzz.test.ts runs the same documents, fewer of them):
 *
 *   npx tsx scripts/fuzz.ts [--count 20000] [--seed 1] [--analyse 0.05] [--crashes dossier]
 *
 * Generates `count` documents from `seed` (tests/fuzz/documents.ts: examples and minimal files with
 * hostile keys and values, YAML or JSON, mutated as text), validates each (and runs the whole
 * analysis on an empty host for a share `analyse` of them) and checks tests/fuzz/invariants.ts.
 * Every failing document is written to the crashes folder (default `fuzz-crashes/`, not committed):
 * turn each into a fixture under tests/fixtures/fuzz/ (tests/fuzz/crashers.test.ts replays them).
 * Prints the documents, the failures, the slowest input and the median time per document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { checkDocument } from '../tests/fuzz/check-document.js';
import { fuzzDocument } from '../tests/fuzz/documents.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const count = option('count', 20_000);
const seed = option('seed', 1);
const analyse = option('analyse', 0.05);
const ci = process.argv.indexOf('--crashes');
const crashes = path.resolve(ci > 0 ? process.argv[ci + 1]! : 'fuzz-crashes');

const BATCH = 200;
const times: number[] = [];
let slowest = { ms: 0, index: -1, length: 0, fileName: '' };
let failures = 0;
let done = 0;
const started = performance.now();
for (let b = 0; done < count; b++) {
  const docs = fc.sample(fuzzDocument, { seed: seed * 1_000_003 + b, numRuns: Math.min(BATCH, count - done) });
  for (const doc of docs) {
    const t0 = performance.now();
    const broken = await checkDocument(doc, { analyse: (done * 7919) % 1000 < analyse * 1000 });
    const ms = performance.now() - t0;
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, index: done, length: doc.text.length, fileName: doc.fileName };
    if (broken.length) {
      failures++;
      mkdirSync(crashes, { recursive: true });
      const name = `crash-${seed}-${done}${doc.fileName.endsWith('.json') ? '.gtec.json' : '.gtec.yaml'}`;
      writeFileSync(path.join(crashes, name), doc.text);
      writeFileSync(path.join(crashes, name + '.txt'), broken.join('\n') + '\n');
      console.log(`échec ${failures} (document ${done}) : ${broken[0]!.split('\n')[0]} → ${name}`);
    }
    done++;
  }
  if (b % 10 === 9) console.log(`${done} documents, ${failures} échec(s), ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
times.sort((a, b) => a - b);
console.log(
  [
    `documents : ${done} (graine ${seed}, analyse complète pour ~${Math.round(analyse * 100)} %)`,
    `échecs : ${failures}${failures ? ` (dans ${crashes})` : ''}`,
    `médiane : ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms par document ; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    `le plus lent : document ${slowest.index} (${slowest.fileName}, ${slowest.length} caractères), ${slowest.ms.toFixed(0)} ms`,
  ].join('\n'),
);
