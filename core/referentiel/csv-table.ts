/**
 * Reading a CSV table for the referential loaders: decoding and parsing with the data layer's
 * readers (UTF-8 with a Windows-1252 fallback for files mislabelled `utf8`; papaparse through
 * `parseCsvRows`), header lookup, and per-row problems with line numbers.
 */
import { detectDelimiter } from '../data/csv.js';
import { parseCsvRows } from '../data/csv-rows.js';
import { decodeText as decodeBytes } from '../data/decode.js';
import { scanLeanCsv } from './csv-lean.js';
import type { Problem } from '../problems.js';
import { problem, type RaisonLigne } from './problems-referentiel.js';

export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows, without the header. */
  rows: string[][];
  /** 1-based line in the file where each row starts (a quoted field may span lines). */
  lines: number[];
}

/** UTF-8 when valid, else Windows-1252 (France Travail's NAF table is cp1252 despite its name). */
export function decodeText(bytes: Uint8Array, file: string, problems: Problem[]): string {
  const decoded = decodeBytes(bytes, 'auto');
  if (decoded.encoding === 'windows-1252') problems.push(problem('GTEC-W304', '', { file }, { location: { file } }));
  return decoded.text;
}

/** From the header, a test of the rows worth keeping (the others are dropped after the field count check). */
export type RowFilter = (header: string[]) => ((row: string[]) => boolean) | undefined;

/**
 * Parses a CSV file. Blank lines are skipped; rows with a different number of fields than the
 * header are reported (GTEC-W301) and dropped, and so is a quote never closed. With `wanted`
 * (column names, case-insensitive), the cells of the other columns are '' (less memory); the
 * header stays whole. Plain exports go through the lean scanner (csv-lean.ts), the rest through
 * the general reader.
 */
export function readCsvTable(bytes: Uint8Array, file: string, problems: Problem[], wanted?: readonly string[], keepRow?: RowFilter): CsvTable | undefined {
  const text = decodeText(bytes, file, problems);
  let header: string[] | undefined;
  const rows: string[][] = [];
  const lines: number[] = [];
  let keep: ((row: string[]) => boolean) | undefined;
  const badRow = (line: number, raison: RaisonLigne) => problems.push(problem('GTEC-W301', '', { file, line, ...raison }, { location: { file, line } }));
  const onRow = (record: string[], line: number) => {
    if (record.length === 1 && record[0] === '') return;
    if (!header) {
      header = record.map((h) => h.trim());
      keep = keepRow?.(header);
      return;
    }
    if (record.length !== header.length) {
      badRow(line, { raison: 'champs', trouve: record.length, attendu: header.length });
      return;
    }
    if (keep && !keep(record)) return;
    rows.push(record);
    lines.push(line);
  };
  const delimiter = detectDelimiter(text);
  const names = wanted && new Set(wanted.map((w) => w.toLowerCase()));
  const cellsKept = names && ((h: string[]) => h.map((x) => names.has(x.trim().toLowerCase())));
  const before = problems.length;
  let badQuoteLines: number[] = [];
  if (!scanLeanCsv(text, delimiter, onRow, cellsKept)) {
    // Not a plain export: forget what the lean scanner delivered, read it again in full.
    header = undefined;
    rows.length = 0;
    lines.length = 0;
    problems.length = before;
    badQuoteLines = parseCsvRows(text, delimiter, onRow).badQuoteLines;
  }
  for (const line of badQuoteLines) badRow(line, { raison: 'guillemet' });
  if (!header) {
    problems.push(problem('GTEC-E304', '', { file, raison: 'vide' }, { location: { file } }));
    return undefined;
  }
  return { file, header, rows, lines };
}

/**
 * Indices of the required columns (by name, case-insensitive); GTEC-E303 for each one missing.
 * Returns undefined when any is missing.
 */
export function columns<K extends string>(table: CsvTable, required: readonly K[], problems: Problem[], optional: readonly string[] = []): (Record<K, number> & Record<string, number | undefined>) | undefined {
  const lower = table.header.map((h) => h.toLowerCase());
  const out: Record<string, number | undefined> = {};
  let ok = true;
  for (const name of required) {
    const i = lower.indexOf(name.toLowerCase());
    if (i < 0) {
      ok = false;
      problems.push(problem('GTEC-E303', '', { file: table.file, missingKey: name, found: table.header.join(', '), expected: required.join(', ') }, { location: { file: table.file, line: 1 } }));
    } else out[name] = i;
  }
  for (const name of optional) {
    const i = lower.indexOf(name.toLowerCase());
    if (i >= 0) out[name] = i;
  }
  return ok ? (out as Record<K, number> & Record<string, number | undefined>) : undefined;
}
