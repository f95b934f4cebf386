/**
 * The editor as a user feels it, measured on the real language server (extension/dist/server.cjs,
 * spoken to over stdio with LSP, its validation worker running; no mock):
 *   1. validation per edit on a generated 5 000-line diagnostic (official ROME 4.0 export from
 *      ../shared/data and a ~100 000-row effectifs CSV): edit → diagnostics published, for the
 *      validation (p50, p95) and for the full pass that follows; reference: the first validation
 *      of the file (referential and CSV not loaded yet);
 *   2. preview update after an edit on the demo (examples/demo): `gtec/preview` asked at once (the
 *      client's first refresh after a pause) and 300 ms after the edit (its throttle), answered
 *      with the edited text (p50, p95); reference: the first preview (nothing cached);
 *   3. completion asked 300 ms after an edit, while that edit's validation runs, on the 5 000-line
 *      file; references: completion when idle, and the server without its worker
 *      (GTEC_VALIDATION_WORKER=0, validation in its main thread);
 *   4. server memory with the full ROME loaded (after 1.): RSS of the process (peak too) and the V8
 *      heaps of its main thread and of its validation worker; reference: the same server just started.
 * The time in the webview itself (page update in VS Code) is measured by
 * tests/e2e/vscode-preview-speed.e2e.test.ts.
 *
 *   npm run build && npx tsx bench/vscode-preview.bench.ts
 *   npx tsx bench/vscode-preview.bench.ts apercu completion    (only those parts: validation, apercu, completion)
 *   GTEC_BENCH_SERVER=/other/build/extension/dist/server.cjs npx tsx bench/vscode-preview.bench.ts   (another build)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticParts, romeCodes, writeEffectifs } from './large-diagnostic.js';
import { createProtocolConnection, type ProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = process.env.GTEC_BENCH_SERVER ?? path.join(ROOT, 'extension/dist/server.cjs');
if (!process.env.GTEC_BENCH_SERVER && !existsSync(SERVER)) execFileSync('node', ['esbuild.config.js'], { cwd: ROOT });
const DATA = path.resolve(ROOT, '../shared/data');
const ROME = path.join(DATA, 'rome-officiel/v460');
const ROME_CSV = path.join(ROME, 'unix_referentiel_code_rome_v460_utf8.csv');
const real = existsSync(ROME_CSV);
if (!real) console.warn(`données réelles absentes : ${ROME} — référentiel de démonstration (40 fiches) ; mémoire avec ROME complet non mesurée`);

const EDITS = Number(process.env.GTEC_BENCH_EDITS ?? 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// ─── The generated 5 000-line diagnostic ───
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gtec-bench-vscode-'));
const grandDir = path.join(tmp, 'grand');
cpSync(path.join(ROOT, 'examples/demo/data'), path.join(grandDir, 'data'), { recursive: true });
const demoCodes = [...new Set([...readFileSync(path.join(ROOT, 'examples/demo/diagnostic.gtec.yaml'), 'utf8').matchAll(/code: ([A-N]\d{4})\b/g)].map((m) => m[1]!))];
const codes = real ? romeCodes(ROME_CSV) : demoCodes;
const csvRows = writeEffectifs(grandDir, codes);
const grand = diagnosticParts(codes, real);
const head = [...grand.head, ...grand.acteurs];
const metiers = grand.metiers;
const fiches = Math.ceil((5000 - head.length - metiers.length - 4) / 11);
const body = grand.plan(fiches);
// The métiers last, ending with a code being typed: completion is asked there.
const grandLines = [...head, ...body, ...metiers, '  - code: soud'];
const grandText = `${grandLines.join('\n')}\n`;
const grandUri = pathToFileURL(path.join(grandDir, 'grand.gtec.yaml')).href;
writeFileSync(new URL(grandUri), grandText);
const completionAt = { line: grandLines.length - 1, character: 14 };
/** The text after edit `i`: one character more in a fiche's title (another fiche each time). */
const grandEdit = (i: number) => grandText.replace(`titre: Action ${i % fiches} `, `titre: Action ${i % fiches}x`);

// ─── The demo ───
const demoDir = path.join(tmp, 'demo');
cpSync(path.join(ROOT, 'examples/demo'), demoDir, { recursive: true });
const demoUri = pathToFileURL(path.join(demoDir, 'diagnostic.gtec.yaml')).href;
const demoText = readFileSync(new URL(demoUri), 'utf8');
const TITLE = '(démonstration)';
if (!demoText.includes(TITLE)) throw new Error(`le titre de la démo ne contient plus « ${TITLE} »`);

// ─── A server over stdio ───
interface Server {
  conn: ProtocolConnection;
  child: ChildProcess;
  /** Resolves when diagnostics of `uri` at `version` are published (the n-th such publication). */
  published(uri: string, version: number, n?: number): Promise<number>;
  open(uri: string, text: string): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(o: { root: string; delay: number; worker?: boolean }): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, GTEC_VALIDATION_WORKER: o.worker === false ? '0' : '1' } });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const seen = new Map<string, number>();
  const waiters: Array<{ key: string; n: number; resolve: (t: number) => void }> = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const key = `${p.uri}#${p.version}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const now = performance.now();
    for (const w of waiters.filter((x) => x.key === key && x.n <= n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(now);
    }
  });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(o.root).href,
    workspaceFolders: null,
    capabilities: {},
    initializationOptions: { lang: 'fr', trusted: true, referentielFolder: '', delay: o.delay, donnees: DATA, portee: 'fichiers-ouverts' },
  });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    published(uri, version, n = 1) {
      const key = `${uri}#${version}`;
      if ((seen.get(key) ?? 0) >= n) return Promise.resolve(performance.now());
      return new Promise((resolve) => waiters.push({ key, n, resolve }));
    },
    open: (uri, text) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gtec', version: 1, text } }),
    change: (uri, version, text) => conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      child.kill();
    },
  };
}

/** RSS now and at its peak (kB → bytes), from /proc (Linux). */
function procMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

interface Memory {
  rss: number;
  peak?: number;
  heapUsed?: number;
  worker?: number;
}
async function memory(s: Server): Promise<Memory> {
  const r = await s.conn.sendRequest<{ rss: number; heapUsed: number; worker?: { heapUsed: number } }>('gtec/memory').catch(() => undefined);
  const proc = s.child.pid ? procMemory(s.child.pid) : undefined;
  return { rss: r?.rss ?? proc?.rss ?? 0, ...(proc ? { peak: proc.peak } : {}), ...(r ? { heapUsed: r.heapUsed } : {}), ...(r?.worker ? { worker: r.worker.heapUsed } : {}) };
}

type Row = [string, string, string];
const ms = (x: number) => `${Math.round(x).toLocaleString('fr')} ms`;
const mb = (x: number | undefined) => (x === undefined ? '—' : `${(x / 2 ** 20).toFixed(0)} Mo`);

// ─── 1. and 4. Validation per edit, memory with full ROME ───
async function validation(): Promise<Row[]> {
  const s1 = await startServer({ root: grandDir, delay: 0 });
  await sleep(500);
  const memStart = await memory(s1);
  let t0 = performance.now();
  await s1.open(grandUri, grandText);
  const firstFast = (await s1.published(grandUri, 1, 1)) - t0;
  const firstDeep = (await s1.published(grandUri, 1, 2)) - t0;
  const fast: number[] = [];
  const deep: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    t0 = performance.now();
    await s1.change(grandUri, version, grandEdit(i));
    fast.push((await s1.published(grandUri, version, 1)) - t0);
    deep.push((await s1.published(grandUri, version, 2)) - t0);
  }
  // A completion, as while typing: the main thread loads its own referential (for completion and hover).
  await s1.conn.sendRequest('textDocument/completion', { textDocument: { uri: grandUri }, position: completionAt });
  const memRome = await memory(s1);
  await s1.stop();
  return [
    [`validation par frappe, ${grandLines.length} lignes (publication)`, `p50 ${ms(median(fast))}, p95 ${ms(p95(fast))}`, `1re validation ${ms(firstFast)}`],
    ['passe complète qui la suit (CSV, typologie…)', `p50 ${ms(median(deep))}, p95 ${ms(p95(deep))}`, `1re passe ${ms(firstDeep)}`],
    ...((real
      ? [
          ['mémoire du serveur, ROME complet chargé : RSS (pic)', `${mb(memRome.rss)} (${mb(memRome.peak)})`, `au démarrage ${mb(memStart.rss)}`],
          ['  tas V8 : fil principal / worker de validation', `${mb(memRome.heapUsed)} / ${mb(memRome.worker)}`, `au démarrage ${mb(memStart.heapUsed)} / ${mb(memStart.worker)}`],
        ]
      : [['mémoire avec ROME complet', 'non mesurée : ../shared/data/rome-officiel absent', '']]) as Row[]),
  ];
}

// ─── 2. Preview after an edit, on the demo ───
async function apercu(): Promise<Row[]> {
  const s2 = await startServer({ root: demoDir, delay: 250 });
  await s2.open(demoUri, demoText);
  await s2.published(demoUri, 1, 2);
  const previewOf = () => s2.conn.sendRequest<{ html?: string }>('gtec/preview', { uri: demoUri });
  const t0 = performance.now();
  const coldHtml = (await previewOf()).html ?? '';
  const previewCold = performance.now() - t0;
  if (!coldHtml.includes('Valdorne')) throw new Error('aperçu de la démo sans rapport');
  /** Edit, wait `wait` ms, ask the preview: edit → answer with the edited text, and the request alone. */
  const previewAfterEdits = async (wait: number, from: number) => {
    const total: number[] = [];
    const request: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const version = from + i;
      const mark = `(démonstration ${version})`;
      const t = performance.now();
      await s2.change(demoUri, version, demoText.replace(TITLE, mark));
      if (wait) await sleep(wait);
      const t1 = performance.now();
      const html = (await previewOf()).html ?? '';
      const t2 = performance.now();
      if (!html.includes(mark)) throw new Error(`aperçu sans la modification ${mark}`);
      total.push(t2 - t);
      request.push(t2 - t1);
      // The pause of a user who looks at the preview: the edit's validations end.
      await s2.published(demoUri, version, 2);
      await sleep(500);
    }
    return { total, request };
  };
  // The client's throttle: the first edit after a pause is asked at once, the next ones at most every 300 ms.
  const now = await previewAfterEdits(0, 2);
  const throttled = await previewAfterEdits(300, 2 + EDITS);
  await s2.stop();
  return [
    ['aperçu de la démo, demandé aussitôt après une frappe', `p50 ${ms(median(now.total))}, p95 ${ms(p95(now.total))}`, `1er aperçu ${ms(previewCold)}`],
    ['aperçu de la démo, demandé 300 ms après (300 ms compris)', `p50 ${ms(median(throttled.total))}, p95 ${ms(p95(throttled.total))}`, `requête seule p50 ${ms(median(throttled.request))}`],
  ];
}

// ─── 3. Completion during validation ───
async function completionIn(worker: boolean): Promise<{ idle: number[]; busy: number[] }> {
  const s = await startServer({ root: grandDir, delay: 250, worker });
  await s.open(grandUri, grandText);
  await s.published(grandUri, 1, 2);
  const complete = async () => {
    const t = performance.now();
    await s.conn.sendRequest('textDocument/completion', { textDocument: { uri: grandUri }, position: completionAt });
    return performance.now() - t;
  };
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) idle.push(await complete());
  const busy: number[] = [];
  for (let i = 0; i < Math.min(EDITS, 8); i++) {
    await s.change(grandUri, i + 2, grandEdit(i));
    // 300 ms after the edit: its validation (250 ms debounce) is running.
    await sleep(300);
    busy.push(await complete());
    await s.published(grandUri, i + 2, 2);
  }
  await s.stop();
  return { idle, busy };
}
async function completion(): Promise<Row[]> {
  const withWorker = await completionIn(true);
  const mainThread = await completionIn(false);
  return [
    ['complétion 300 ms après une frappe (worker)', `p50 ${ms(median(withWorker.busy))}, max ${ms(Math.max(...withWorker.busy))}`, `au repos ${ms(median(withWorker.idle))}`],
    ['complétion 300 ms après une frappe, sans worker', `p50 ${ms(median(mainThread.busy))}, max ${ms(Math.max(...mainThread.busy))}`, `au repos ${ms(median(mainThread.idle))}`],
  ];
}

// ─── Run (all parts, or those named: validation, apercu, completion) ───
const parts = { validation, apercu, completion };
const asked = process.argv.slice(2).filter((a): a is keyof typeof parts => a in parts);
console.log(`Serveur : ${path.relative(ROOT, SERVER)} ; charge au départ : ${load()}`);
console.log(`Grand diagnostic : ${grandLines.length} lignes, ${codes.length} métiers, ${fiches} fiches ; CSV de ${csvRows.toLocaleString('fr')} lignes ; référentiel ${real ? 'ROME 4.0 officiel (v460)' : 'démo'}`);
const table: Row[] = [];
const loads: string[] = [];
for (const name of asked.length ? asked : (Object.keys(parts) as Array<keyof typeof parts>)) {
  table.push(...(await parts[name]()));
  loads.push(`après ${name} : ${load()}`);
}
rmSync(tmp, { recursive: true, force: true });

// ─── Table ───
const w = [Math.max(...table.map((r) => r[0].length)), Math.max(...table.map((r) => r[1].length))];
console.log(`\n${'mesure'.padEnd(w[0]!)}  ${'médianes'.padEnd(w[1]!)}  référence (même exécution)`);
for (const [a, b, c] of table) console.log(`${a.padEnd(w[0]!)}  ${b.padEnd(w[1]!)}  ${c}`);
console.log(`\n${EDITS} frappes par mesure ; charge (1, 5, 15 min) ${loads.join(' ; ')}`);
