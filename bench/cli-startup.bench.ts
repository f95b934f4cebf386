/**
 * Start-up of the built CLI, whole process (issue 14: pre-commit hooks and CI loops call `gtec`
 * on every commit): `gtec --help`, `gtec check` of the demo, and `gtec check examples` (the ten
 * examples in one call), each beside `node -e 0` in the same run. The commands are spawned one
 * after the other, round after round, so that a busy machine weighs on all of them alike; the
 * figures are medians (wall-clock time measured around the spawn; peak RSS and CPU time, user +
 * system, from /usr/bin/time: the CPU time moves less than the wall-clock time on a busy machine).
 *
 *   npm run build && nice -n 10 npx tsx bench/cli-startup.bench.ts
 *
 * GTEC_BENCH_REF=/tmp/gtec-before.cjs adds another build of the CLI (a copy of dist/cli/gtec.cjs
 * made before a change), run alternately with the current one. GTEC_BENCH_RUNS sets the number of
 * rounds (default 9; the ten examples, which read the real BMO workbook when
 * ../shared/data is there, declared with --donnees, take at most 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GTEC = path.join(ROOT, 'dist/cli/gtec.cjs');
const REF = process.env.GTEC_BENCH_REF;
const RUNS = Math.max(1, Number(process.env.GTEC_BENCH_RUNS) || 9);
const TIME = '/usr/bin/time';

if (!existsSync(GTEC)) {
  console.error('dist/cli/gtec.cjs absent : lancer `npm run build` d’abord.');
  process.exit(1);
}
if (REF && !existsSync(REF)) {
  console.error(`GTEC_BENCH_REF=${REF} : fichier absent.`);
  process.exit(1);
}
const hasTime = existsSync(TIME);
if (!hasTime) console.warn(`${TIME} absent : pic de mémoire non mesuré (apt-get install time).`);
// examples/reel-bassin reads `$donnees/…`: the real data when present, else one information (GTEC-I230).
const DONNEES = path.resolve(ROOT, '../shared/data');
const reel = existsSync(DONNEES);
if (!reel) console.warn(`${DONNEES} absent : examples/reel-bassin ne lit pas ses données (information GTEC-I230).`);

interface Case {
  label: string;
  args: string[];
  /** Goals of the issue: seconds and MiB, medians. */
  goal?: { s?: number; mib?: number };
  runs: number;
}

const bundles: Array<{ name: string; file: string }> = [{ name: 'actuel', file: GTEC }, ...(REF ? [{ name: 'référence', file: REF }] : [])];
const cases: Array<Case & { bundle?: string }> = [{ label: 'node -e 0', args: ['-e', '0'], runs: RUNS }];
for (const b of bundles) {
  cases.push(
    { label: `gtec --help (${b.name})`, args: [b.file, '--help'], goal: { s: 0.12 }, runs: RUNS, bundle: b.name },
    { label: `gtec check demo (${b.name})`, args: [b.file, 'check', 'examples/demo/diagnostic.gtec.yaml'], goal: { s: 0.25, mib: 70 }, runs: RUNS, bundle: b.name },
    { label: `gtec check examples (${b.name})`, args: [b.file, 'check', 'examples', ...(reel ? ['--donnees', DONNEES] : [])], runs: Math.min(RUNS, 5), bundle: b.name },
  );
}

const temp = mkdtempSync(path.join(tmpdir(), 'gtec-bench-startup-'));
const rss = path.join(temp, 'rss');
const samples = new Map<string, { s: number[]; kib: number[]; cpu: number[] }>(cases.map((c) => [c.label, { s: [], kib: [], cpu: [] }]));

function once(c: Case): void {
  const cmd = hasTime ? TIME : process.execPath;
  const args = hasTime ? ['-f', '%M %U %S', '-o', rss, process.execPath, ...c.args] : c.args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GTEC_LANG: '', CI: '1' } });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  // `gtec check` exits 1 when a file has errors: a figure all the same; a crash is not.
  if (r.status === null || r.status > 1) throw new Error(`${c.label} : code ${r.status}\n${r.stderr}`);
  const m = samples.get(c.label)!;
  m.s.push(s);
  if (hasTime) {
    const [kib = 0, user = 0, sys = 0] = readFileSync(rss, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    m.kib.push(kib);
    m.cpu.push(user + sys);
  }
}

// A first round unmeasured (file cache), then rounds where every case runs once, in turn.
for (const c of cases) if (c.runs === RUNS || c.label === 'node -e 0') once(c);
for (const m of samples.values()) m.s.length = m.kib.length = m.cpu.length = 0;
for (let i = 0; i < RUNS; i++) for (const c of cases) if (i < c.runs) once(c);
rmSync(temp, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};
const base = median(samples.get('node -e 0')!.s);
const baseKib = hasTime ? median(samples.get('node -e 0')!.kib) : 0;
console.log(`\nDémarrage de la CLI, processus entier : médianes de ${RUNS} passages (les dix exemples : ${Math.min(RUNS, 5)}), node ${process.version}`);
console.log('commande'.padEnd(34) + ['médiane s', 'min s', '− node s', 'CPU s', 'pic MiB'].map((h) => h.padStart(11)).join('') + '  objectif');
for (const c of cases) {
  const m = samples.get(c.label)!;
  const s = median(m.s);
  const mib = hasTime ? median(m.kib) / 1024 : Number.NaN;
  const goal = c.goal
    ? [c.goal.s !== undefined ? `≤ ${c.goal.s} s ${s <= c.goal.s ? 'oui' : 'NON'}` : '', c.goal.mib !== undefined && hasTime ? `≤ ${c.goal.mib} MiB ${mib <= c.goal.mib ? 'oui' : 'NON'}` : ''].filter(Boolean).join(', ')
    : '';
  console.log(
    c.label.padEnd(34) +
      s.toFixed(3).padStart(11) +
      Math.min(...m.s)
        .toFixed(3)
        .padStart(11) +
      (c.label === 'node -e 0' ? '—' : `+${(s - base).toFixed(3)}`).padStart(11) +
      (hasTime ? median(m.cpu).toFixed(2) : '—').padStart(11) +
      (hasTime ? mib.toFixed(1) : '—').padStart(11) +
      '  ' +
      goal,
  );
}
if (REF) {
  const ratio = (b: string, k: 's' | 'cpu') => median(samples.get(`gtec check examples (actuel)`)![k]) / median(samples.get(`gtec check examples (${b})`)![k]);
  const cpu = hasTime ? ratio('référence', 'cpu') : Number.NaN;
  console.log(`dix exemples : ${ratio('référence', 's').toFixed(2)} × la référence en durée` + (hasTime ? `, ${cpu.toFixed(2)} × en temps CPU (objectif : pas plus lent) ${cpu <= 1.03 ? 'oui' : 'NON'}` : ''));
}
if (hasTime) console.log(`(node -e 0 : ${(baseKib / 1024).toFixed(1)} MiB de pic)`);
// About 0.05 s on this 2-core machine when idle: more means other processes share the cores.
if (base > 0.07) console.log(`node -e 0 prend ${base.toFixed(3)} s : machine chargée, les durées sont gonflées (le temps CPU l’est moins).`);
