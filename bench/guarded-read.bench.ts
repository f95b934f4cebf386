/**
 * The cost of the guarded read path (node-host/guarded-read.ts: realpath, stat, open with
 * O_NONBLOCK, fstat, read) against a plain `fs.readFile`, in the same process: the demo's six data
 * files (small: the per-file overhead) and, when ../shared/data is present, the official BMO
 * workbook (large: the overhead per byte). Medians of alternating rounds.
 * Run: npx tsx bench/guarded-read.bench.ts
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFileHost } from '../node-host/file-host.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function compare(label: string, folder: string, files: string[], rounds: number, donnees?: string): Promise<void> {
  const host = nodeFileHost(folder, donnees);
  const abs = files.map((f) => (f.startsWith('$donnees/') ? path.join(donnees!, f.slice(9)) : path.join(folder, f)));
  const plain: number[] = [];
  const guarded: number[] = [];
  for (let i = 0; i < rounds; i++) {
    plain.push(await time(() => Promise.all(abs.map((f) => readFile(f)))));
    guarded.push(await time(() => Promise.all(files.map((f) => host.readFile(f)))));
  }
  const [p, g] = [median(plain), median(guarded)];
  console.log(`${label.padEnd(44)} fs.readFile ${p.toFixed(2).padStart(8)} ms   guarded ${g.toFixed(2).padStart(8)} ms   (×${(g / p).toFixed(2)}, +${(g - p).toFixed(2)} ms)`);
}

const demo = path.join(ROOT, 'examples/demo');
const demoFiles = readdirSync(path.join(demo, 'data')).map((f) => `data/${f}`);
console.log(
  `charge (uptime) : ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
await compare(`démo : ${demoFiles.length} fichiers, 200 tours`, demo, demoFiles, 200);
const donnees = path.resolve(ROOT, '../shared/data');
if (existsSync(path.join(donnees, 'bmo-officiel/Base_open_data_BMO_2024.xlsx'))) {
  await compare('classeur BMO 2024 ($donnees), 15 tours', demo, ['$donnees/bmo-officiel/Base_open_data_BMO_2024.xlsx'], 15, donnees);
} else console.warn(`${donnees} absent : classeur BMO non mesuré.`);
