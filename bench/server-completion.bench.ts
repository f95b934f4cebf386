/**
 * Completion latency in the real language server (extension/dist/server.cjs, spoken to over stdio)
 * on a ~5 000-line diagnostic: asked when idle (the reference), and asked 300 ms after an edit,
 * while that edit's validation runs (in the server's validation worker since issue 12; before,
 * in its main thread, completion waited behind it). Medians of several edits.
 *
 *   npm run build && npx tsx bench/server-completion.bench.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = path.join(ROOT, 'extension/dist/server.cjs');
if (!existsSync(SERVER)) execFileSync('node', ['esbuild.config.js'], { cwd: ROOT });

const lines = ['gtec: 1', 'titre: Banc', 'territoire:', '  nom: T', '  type: zone-emploi', "  codes: ['9901']", 'periode:', '  debut: 2019', '  fin: 2024', 'plan_action:'];
for (let i = 0; i < 800; i++) lines.push(`  - id: fa${i}`, `    titre: Action ${i}   # commentaire`, '    objectifs: [Former]', `    metiers: [H2913]`, `    note: n${i}`, `    indicateurs: []`);
lines.push('metiers:', '  - code: soud');
const text = `${lines.join('\n')}\n`;
const at = { line: lines.length - 1, character: 14 };

const dir = mkdtempSync(path.join(os.tmpdir(), 'gtec-bench-srv-'));
const file = path.join(dir, 'grand.gtec.yaml');
writeFileSync(file, text);
const uri = pathToFileURL(file).href;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Completion latencies (idle, then 300 ms after each of 8 edits) in one server process. */
async function measure(worker: boolean): Promise<{ idle: number[]; busy: number[] }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, GTEC_VALIDATION_WORKER: worker ? '1' : '0' } });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let published = 0;
  conn.onNotification('textDocument/publishDiagnostics', () => void published++);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { lang: 'fr', trusted: true, referentielFolder: '', delay: 250 } });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gtec', version: 1, text } });
  const complete = async () => {
    const t = performance.now();
    await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at });
    return performance.now() - t;
  };
  // The first validations (fast and deep) over.
  while (published < 2) await sleep(100);
  await sleep(2000);
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) idle.push(await complete());
  const busy: number[] = [];
  for (let i = 0; i < 8; i++) {
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: text.replace('titre: Banc', `titre: Banc ${i}`) }] });
    // 300 ms after the edit: its validation (250 ms debounce) is running.
    await sleep(300);
    busy.push(await complete());
    await sleep(4000);
  }
  await conn.sendRequest('shutdown').catch(() => undefined);
  await conn.sendNotification('exit').catch(() => undefined);
  child.kill();
  return { idle, busy };
}

const main = await measure(false);
const worker = await measure(true);
console.log(
  `Diagnostic de ${lines.length} lignes ; charge : ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
for (const [name, r] of [
  ['validation dans le fil principal (référence)', main],
  ['validation dans le worker', worker],
] as const) {
  console.log(`${name} : complétion au repos médiane ${median(r.idle).toFixed(1)} ms ; 300 ms après une frappe médiane ${median(r.busy).toFixed(1)} ms, max ${Math.max(...r.busy).toFixed(1)} ms`);
}
rmSync(dir, { recursive: true, force: true });
