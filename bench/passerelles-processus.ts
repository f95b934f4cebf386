/**
 * Whole-process comparison (issue 10 §2): `gtec passerelles --referentiel <ROME> --top 10 --format
 * csv` (content-only and expert-aware) against the scikit-learn TF-IDF + cosine peer
 * (bench/passerelles_sklearn.py), run alternately, each under `/usr/bin/time -v`; medians of wall
 * time and peak resident memory. Needs `npm run build` (dist/cli/gtec.cjs); the peer is skipped when
 * Debian's python3-sklearn is absent.
 *
 *   nice -n 15 npx tsx bench/passerelles-processus.ts        (GTEC_BENCH_RUNS=5 by default)
 *
 * gtec runs twice per mode: without its engine cache (`--no-cache`: the export read and the
 * engine built every time, as the peer does) and from it (a cache folder of the bench's own,
 * filled by one run before the measures: what the next runs on unchanged files cost); the bench
 * checks that both write the same bytes.
 *
 * GTEC_BENCH_AVANT=<other build's gtec.cjs> adds that build's two runs (before/after in the same
 * run, without its cache when it has one), and checks that both builds write the same bytes. CPU time is that of all the threads of
 * the process (gtec splits all pairs over a worker thread): on a loaded machine wall time says
 * little, CPU time and memory more; the load is printed before and after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MOBILITES_FILE, ROME_DIR } from '../scripts/fit-passerelles.js';

const RUNS = Math.max(1, Number(process.env.GTEC_BENCH_RUNS ?? 5));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gtec = path.join(root, 'dist/cli/gtec.cjs');
const PY = '/usr/bin/python3';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one run, from GNU time's verbose report. */
function measure(cmd: string, args: string[]): { wall: number; cpu: number; mib: number; out: string } {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GTEC_CACHE_DIR: cacheDir } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} : ${r.stderr}`);
  const wallText = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/.exec(r.stderr)![1]!.trim();
  const wall = wallText.split(':').reduce((t, x) => t * 60 + Number(x), 0);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]);
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]);
  return { wall, cpu, mib: kb / 1024, out: r.stdout };
}

if (!existsSync(gtec) || !existsSync(path.join(ROME_DIR, 'version.txt'))) {
  console.log(`ignoré : ${existsSync(gtec) ? `ROME absent (${ROME_DIR})` : 'dist/cli/gtec.cjs absent (npm run build)'}`);
  process.exit(0);
}
const hasSklearn = spawnSync(PY, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
// Expert-aware: a folder = the export + the calibration mobilités table (copies: the CLI refuses a
// symlink that leads out of the referential's folder).
const withMob = mkdtempSync(path.join(tmpdir(), 'gtec-rome-mob-'));
for (const f of readdirSync(ROME_DIR)) copyFileSync(path.join(ROME_DIR, f), path.join(withMob, f));
if (existsSync(MOBILITES_FILE)) copyFileSync(MOBILITES_FILE, path.join(withMob, path.basename(MOBILITES_FILE)));

// The engine cache of the runs that use it, filled before the measures.
const cacheDir = mkdtempSync(path.join(tmpdir(), 'gtec-cache-bench-'));
const loadavg = () => execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim();
console.log(`charge au début : ${loadavg()}`);
const runs: Record<string, Array<{ wall: number; cpu: number; mib: number }>> = {};
const outputs: Record<string, string> = {};
const args = (entry: string, dir: string, extra: string[] = []) => [entry, 'passerelles', '--referentiel', dir, '--top', '10', '--format', 'csv', ...extra];
const variants: Array<[string, string, string[]]> = [
  ['gtec passerelles (contenu seul, sans cache)', process.execPath, args(gtec, ROME_DIR, ['--no-cache'])],
  ['gtec passerelles (avec mobilités expertes, sans cache)', process.execPath, args(gtec, withMob, ['--no-cache'])],
  ['gtec passerelles (contenu seul, moteur en cache)', process.execPath, args(gtec, ROME_DIR)],
  ['gtec passerelles (avec mobilités expertes, moteur en cache)', process.execPath, args(gtec, withMob)],
];
const avant = process.env.GTEC_BENCH_AVANT;
if (avant) {
  // A build from before the cache does not know --no-cache.
  const noCache = spawnSync(process.execPath, [avant, 'passerelles', '--help'], { encoding: 'utf8' }).stdout.includes('--no-cache') ? ['--no-cache'] : [];
  variants.push(['avant : contenu seul', process.execPath, args(avant, ROME_DIR, noCache)], ['avant : avec mobilités expertes', process.execPath, args(avant, withMob, noCache)]);
}
for (const [, cmd, a] of variants.filter(([name]) => name.includes('moteur en cache'))) measure(cmd, a);
if (hasSklearn) variants.push(['scikit-learn TF-IDF + cosinus', PY, [path.join(root, 'bench/passerelles_sklearn.py'), ROME_DIR, '10']]);
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [name, cmd, args] of variants) {
      const m = measure(cmd, args);
      (runs[name] ??= []).push(m);
      if (i === 0) {
        console.log(`${name} : ${m.out.trimEnd().split('\n').length - 1} lignes`);
        outputs[name] = m.out;
      }
    }
  }
} finally {
  rmSync(withMob, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}
const contenu = outputs['gtec passerelles (contenu seul, sans cache)'];
const expert = outputs['gtec passerelles (avec mobilités expertes, sans cache)'];
const cacheSame = outputs['gtec passerelles (contenu seul, moteur en cache)'] === contenu && outputs['gtec passerelles (avec mobilités expertes, moteur en cache)'] === expert;
console.log(cacheSame ? 'sorties identiques avec et sans cache (deux modes)' : 'ATTENTION : sorties différentes avec le cache');
if (avant) {
  const same = outputs['avant : contenu seul'] === contenu && outputs['avant : avec mobilités expertes'] === expert;
  console.log(same ? 'sorties identiques à celles de la version « avant » (deux modes)' : 'ATTENTION : sorties différentes de la version « avant »');
}
const sk = runs['scikit-learn TF-IDF + cosinus'];
// CPU time (user + system) beside wall time: on a loaded machine it moves much less.
console.log(`\n| processus (${RUNS} exécutions, médianes) | temps | temps CPU | mémoire max | rapport au script scikit-learn |\n|---|---|---|---|---|`);
for (const [name, list] of Object.entries(runs)) {
  const w = median(list.map((x) => x.wall));
  const c = median(list.map((x) => x.cpu));
  const m = median(list.map((x) => x.mib));
  const ratio = sk ? `× ${(w / median(sk.map((x) => x.wall))).toFixed(2)} temps, × ${(c / median(sk.map((x) => x.cpu))).toFixed(2)} CPU, × ${(m / median(sk.map((x) => x.mib))).toFixed(2)} mémoire` : '—';
  console.log(`| ${name} | ${w.toFixed(2)} s | ${c.toFixed(2)} s | ${m.toFixed(0)} Mio | ${ratio} |`);
}
if (!hasSklearn) console.log(`\n(scikit-learn absent de ${PY} : apt-get install python3-sklearn)`);
console.log(`charge à la fin : ${loadavg()}`);
