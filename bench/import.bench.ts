/**
 * Import throughput, in the same process: on a generated ~20 MB French CSV, a naive baseline
 * (split on lines and `;`, Number(replace(',', '.')) — no quotes, no encodings, no line numbers,
 * no problems), the previous reader (csv-parse's browser build, kept here only for comparison)
 * and `readCsv` (papaparse through `parseCsvRows`), each followed by `parseNombre`, and
 * `readCsv` alone; then the largest table of the official ROME 4.0 export (every field quoted)
 * through csv-parse and `readCsv`, and the official BMO workbook through `loadSource`, when
 * ../shared/data is present.
 * Run: npx tsx bench/import.bench.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/browser/esm/sync';
import { detectDelimiter, readCsv } from '../core/data/csv.js';
import { decodeText } from '../core/data/decode.js';
import { loadSource } from '../core/data/load-source.js';
import { parseNombre } from '../core/data/numbers.js';
import { Source } from '../core/format/schema.js';
import { nodeFileHost } from '../node-host/file-host.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function generate(targetBytes: number): { bytes: Uint8Array; rows: number } {
  const parts = ['metier;zone;annee;effectif;libelle\r\n'];
  let size = parts[0]!.length;
  let n = 0;
  while (size < targetBytes) {
    const line = `H${String(n % 10000).padStart(4, '0')};${String(n % 36000).padStart(5, '0')};2020;${n % 9000} ${String(n % 1000).padStart(3, '0')},${n % 10};Métier numéro ${n}\r\n`;
    parts.push(line);
    size += line.length + 1; // one é: two bytes in UTF-8
    n++;
  }
  return { bytes: new TextEncoder().encode(parts.join('')), rows: n };
}

function naive(bytes: Uint8Array): number {
  const lines = new TextDecoder().decode(bytes).split('\r\n');
  let rows = 0;
  let sum = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = lines[i]!.split(';');
    sum += Number(cells[3]!.replace(/\s/g, '').replace(',', '.'));
    rows++;
  }
  if (!Number.isFinite(sum)) throw new Error('baseline');
  return rows;
}

/**
 * The reader before papaparse, as it was in core/data/csv.ts: csv-parse over the text re-encoded
 * as UTF-8, line numbers counted from the records, blank and ragged records left out.
 */
function csvParseRows(bytes: Uint8Array): Array<{ line: number; cells: string[] }> {
  const text = decodeText(bytes).text;
  const records = parse(new TextEncoder().encode(text), {
    delimiter: detectDelimiter(text),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
  }) as string[][];
  const rows: Array<{ line: number; cells: string[] }> = [];
  let line = 1;
  let width = -1;
  for (const rec of records) {
    const start = line;
    line += 1;
    for (const f of rec) if (f.includes('\n') || f.includes('\r')) line += f.split(/\r\n|\n|\r/).length - 1;
    if (rec.every((c) => c.trim() === '')) continue;
    if (width < 0) width = rec.length;
    else if (rec.length === width) rows.push({ line: start, cells: rec });
  }
  return rows;
}

function withNumbers(rows: ReadonlyArray<{ cells: string[] }>, what: string): number {
  let sum = 0;
  for (const r of rows) {
    const v = parseNombre(r.cells[3]!);
    if (v.ok && v.value.valeur !== null) sum += v.value.valeur;
  }
  if (!Number.isFinite(sum)) throw new Error(what);
  return rows.length;
}

const time = (runs: number, fn: () => number, expected: number, name: string): number => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const n = fn();
    times.push((performance.now() - t) / 1000);
    if (n !== expected) throw new Error(`${name} : ${n} lignes au lieu de ${expected}`);
  }
  return median(times);
};

const { bytes, rows } = generate(20 * 1024 * 1024);
const mb = bytes.length / (1024 * 1024);
console.log(`CSV généré : ${mb.toFixed(1)} Mo, ${rows} lignes`);
const RUNS = 5;
const csvRuns: Array<[string, () => number]> = [
  ['base naïve (split)', () => naive(bytes)],
  ['avant : csv-parse + parseNombre', () => withNumbers(csvParseRows(bytes), 'csv-parse')],
  ['readCsv + parseNombre', () => withNumbers(readCsv(bytes, { file: 'bench.csv' }).table.rows, 'readCsv')],
  ['readCsv seul', () => readCsv(bytes, { file: 'bench.csv' }).table.rows.length],
];
for (const [name, fn] of csvRuns) {
  const m = time(RUNS, fn, rows, name);
  console.log(`${name.padEnd(34)} médiane de ${RUNS} : ${m.toFixed(2)} s, ${(mb / m).toFixed(1)} Mo/s, ${Math.round(rows / m)} lignes/s`);
}

const dataDir = path.resolve(import.meta.dirname, '../../shared/data');
const liens = path.join(dataDir, 'rome-officiel/v460/unix_liens_rome_referentiels_v460_utf8.csv');
if (existsSync(liens)) {
  const b = new Uint8Array(readFileSync(liens));
  const n = readCsv(b, { file: 'liens.csv' }).table.rows.length;
  const before = time(RUNS, () => csvParseRows(b).length, n, 'csv-parse');
  const after = time(RUNS, () => readCsv(b, { file: 'liens.csv' }).table.rows.length, n, 'readCsv');
  console.log(`ROME 4.0 liens_rome_referentiels (${(b.length / 1048576).toFixed(1)} Mo, ${n} lignes, tout entre guillemets), médianes de ${RUNS} : csv-parse ${before.toFixed(2)} s, readCsv ${after.toFixed(2)} s`);
} else {
  console.warn('données réelles absentes : ../shared/data — mesure de la table ROME ignorée');
}
if (existsSync(path.join(dataDir, 'bmo-officiel/Base_open_data_BMO_2024.xlsx'))) {
  const host = nodeFileHost(dataDir);
  const s = Source.parse({ id: 'bmo', type: 'bmo', chemin: 'bmo-officiel/Base_open_data_BMO_2024.xlsx', preset: 'bmo-officiel', nomenclature: 'fap2021' });
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await loadSource(s, host, '/sources/0');
    times.push((performance.now() - t) / 1000);
    if (r.loaded?.records.length !== 53443) throw new Error('BMO : nombre de lignes inattendu');
  }
  console.log(`Classeur BMO 2024 officiel (3,5 Mo, 53 443 lignes), loadSource médiane de 3 : ${median(times).toFixed(2)} s`);
} else {
  console.warn('données réelles absentes : ../shared/data — mesure du classeur BMO ignorée');
}
