/**
 * Import throughput: `readCsv` (csv-parse browser build, line numbers, checks) on a generated
 * ~20 MB French CSV, against a naive baseline in the same process (split on lines and `;`,
 * Number(replace(',', '.')) — no quotes, no encodings, no line numbers, no problems), and
 * the official BMO workbook through `loadSource` when ../shared/data is present.
 * Run: npx tsx bench/import.bench.ts
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '../core/data/csv.js';
import { loadSource } from '../core/data/load-source.js';
import { parseNombre } from '../core/data/numbers.js';
import { Source } from '../core/format/schema.js';
import { nodeFileHost } from '../cli/node-host.js';

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

function ours(bytes: Uint8Array): number {
  const { table } = readCsv(bytes, { file: 'bench.csv' });
  let sum = 0;
  for (const r of table.rows) {
    const v = parseNombre(r.cells[3]!);
    if (v.ok && v.value.valeur !== null) sum += v.value.valeur;
  }
  if (!Number.isFinite(sum)) throw new Error('readCsv');
  return table.rows.length;
}

const { bytes, rows } = generate(20 * 1024 * 1024);
const mb = bytes.length / (1024 * 1024);
console.log(`CSV généré : ${mb.toFixed(1)} Mo, ${rows} lignes`);
const RUNS = 5;
for (const [name, fn] of [['base naïve (split)', naive], ['readCsv + parseNombre', ours]] as const) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const n = fn(bytes);
    times.push((performance.now() - t) / 1000);
    if (n !== rows) throw new Error(`${name}: ${n} lignes au lieu de ${rows}`);
  }
  const m = median(times);
  console.log(`${name.padEnd(24)} médiane de ${RUNS} : ${m.toFixed(2)} s, ${(mb / m).toFixed(1)} Mo/s, ${Math.round(rows / m)} lignes/s`);
}

const dataDir = path.resolve(import.meta.dirname, '../../shared/data');
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
