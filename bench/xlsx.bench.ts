/**
 * Reading the official BMO workbook (53 443 rows, ../shared/data/bmo-officiel) in the same
 * process, medians of 5 runs: the previous reader (exceljs's object model, as core/data/xlsx.ts
 * did it until the lean reader; kept in tests/data/exceljs-reference.ts for comparison), today's `readXlsx` (zip directory
 * and sheet XML read by core/data/zip.ts and xlsx-sheet.ts), its header-only read, and `loadSource`
 * end to end with the `bmo-officiel` preset. The two readers must give the same table (checked on
 * every row); then `readXlsx` reads the workbook 10 more times in this process (a previous
 * JSZip-based reader stalled on the 4th-6th read).
 * Run: nice -n 10 npx tsx bench/xlsx.bench.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadSource } from '../core/data/load-source.js';
import { readXlsx } from '../core/data/xlsx.js';
import { Source } from '../core/format/schema.js';
import { nodeFileHost } from '../node-host/file-host.js';
import { readXlsxExceljs } from '../tests/data/exceljs-reference.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const RUNS = 5;
const dir = path.resolve(process.cwd(), '../shared/data/bmo-officiel');
const file = path.join(dir, 'Base_open_data_BMO_2024.xlsx');
const SHEET = 'BMO_2024_open_data';

async function time<T>(label: string, run: () => Promise<T>, runs = RUNS): Promise<{ ms: number; out: T }> {
  const ms: number[] = [];
  let out!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = await run();
    ms.push(performance.now() - t0);
  }
  const m = median(ms);
  process.stdout.write(`${label.padEnd(58)} ${(m / 1000).toFixed(2)} s (médiane de ${runs} ; ${ms.map((x) => (x / 1000).toFixed(2)).join(' ')})\n`);
  return { ms: m, out };
}

async function main() {
  if (!existsSync(file)) {
    process.stdout.write(`Classeur BMO officiel absent (${file}) : mesure sautée.\n`);
    return;
  }
  const bytes = new Uint8Array(readFileSync(file));
  process.stdout.write(`${path.basename(file)} : ${(bytes.length / 1e6).toFixed(1)} Mo\n`);
  const avant = await time('lecteur précédent (modèle objet exceljs)', async () => (await readXlsxExceljs(bytes, { file, feuille: SHEET })).table.rows);
  const apres = await time('readXlsx (zip et XML de la feuille lus par le cœur)', async () => (await readXlsx(bytes, { file, feuille: SHEET })).table.rows);
  await time('readXlsx, en-tête seulement', async () => (await readXlsx(bytes, { file, feuille: SHEET, headerOnly: true })).table.headers);
  const source = Source.parse({ id: 'bmo', type: 'bmo', chemin: 'Base_open_data_BMO_2024.xlsx', preset: 'bmo-officiel', nomenclature: 'fap2021' });
  const host = nodeFileHost(dir);
  const charge = await time('loadSource (préréglage bmo-officiel, lecture du fichier comprise)', () => loadSource(source, host, '/sources/0'));
  const encore = await time('readXlsx, 10 lectures de plus dans le même processus', async () => (await readXlsx(bytes, { file, feuille: SHEET })).table.rows.length, 10);
  const rows = apres.out;
  const pareil = avant.out.length === rows.length && avant.out.every((r, i) => isDeepStrictEqual(r, rows[i]));
  process.stdout.write(`lignes : ${rows.length} (10 lectures de plus : ${encore.out}) ; enregistrements BMO : ${charge.out.loaded?.records.length ?? 0}\n`);
  process.stdout.write(`mêmes cellules que le lecteur précédent : ${pareil ? 'oui' : 'NON'}\n`);
  process.stdout.write(`readXlsx : ${(avant.ms / apres.ms).toFixed(1)} fois plus rapide que le lecteur précédent\n`);
  if (!pareil) process.exitCode = 1;
}

await main();
