/**
 * A data file as a table of text cells, whatever its format. Cells stay text until a loader
 * knows what each column holds (codes keep their leading zeros; numbers are parsed with
 * `parseNombre`, which tells a withheld value from an empty one).
 */
import type { Problem } from '../problems.js';
import { readCsv, type CsvOptions } from './csv.js';
import { dataProblem } from './problems-data.js';
import type { XlsxOptions } from './xlsx.js';

export interface Table {
  /** Path of the file as the diagnostic writes it. */
  file: string;
  /** xlsx: the sheet read. Absent for CSV. */
  sheet?: string;
  headers: string[];
  /** Data rows, each with its 1-based line (CSV: the line where the record starts) or row (xlsx).
   * Rows whose cells are all empty are left out. `colonnes`: for a table reshaped from a wide
   * file (core/data/wide.ts), the 0-based column of the file each cell comes from. */
  rows: Array<{ line: number; cells: string[]; colonnes?: number[] }>;
}

export type FormatFichier = 'csv' | 'xlsx';

/** CSV and xlsx options together; `headerOnly` lets readers stop after the header. */
export interface ReadTableOptions extends CsvOptions, Omit<XlsxOptions, keyof CsvOptions> {
  format?: FormatFichier;
}

/** `csv` for .csv/.txt/.tsv, `xlsx` for .xlsx/.xlsm, else undefined. */
export function formatOf(file: string): FormatFichier | undefined {
  const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return undefined;
}

/**
 * Reads a CSV or xlsx file by its declared `format` or its extension. `table` is undefined when
 * nothing usable could be read (unknown format, unknown sheet, empty or broken file); the
 * problems say why.
 */
export async function readTable(bytes: Uint8Array, opts: ReadTableOptions): Promise<{ table?: Table; problems: Problem[] }> {
  const format = opts.format ?? formatOf(opts.file);
  let res: { table: Table; problems: Problem[] };
  if (format === 'csv') res = readCsv(bytes, opts);
  // The xlsx reader loads on first use: checking CSV-only diagnostics never parses it.
  else if (format === 'xlsx') res = await (await import('./xlsx.js')).readXlsx(bytes, opts);
  else {
    const ext = /\.([^./]+)$/.exec(opts.file)?.[1] ?? '';
    return {
      problems: [dataProblem('GTEC-E204', opts.pointer ?? '', { file: opts.file, value: ext }, { location: { file: opts.file } })],
    };
  }
  return res.table.headers.length ? res : { problems: res.problems };
}
