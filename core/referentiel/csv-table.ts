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

/** How a table was read by `scanCsvTable`. */
export type ScanResult = 'ok' | 'vide' | 'lean-refuse';

/**
 * Streams the data rows of a CSV file: `onHeader` once, then `onRow` per row (the cells array is
 * the reader's for that row: keep its strings, not the array). Blank lines are skipped; rows with a
 * different number of fields than the header are reported (GTEC-W301) and dropped, and so is a
 * quote never closed; no header: GTEC-E304, 'vide'. With `wanted` (column names,
 * case-insensitive), the cells of the other columns are '' (less memory); the header stays whole.
 * `lean`: the lean scanner only (csv-lean.ts), which gives up on an odd text: 'lean-refuse', the
 * rows delivered until then are to be forgotten; otherwise the general reader.
 */
export function scanCsvTable(bytes: Uint8Array, file: string, problems: Problem[], wanted: readonly string[] | undefined, onHeader: (header: string[]) => void, onRow: (row: string[], line: number) => void, lean: boolean): ScanResult {
  const text = decodeText(bytes, file, problems);
  let header: string[] | undefined;
  const badRow = (line: number, raison: RaisonLigne) => problems.push(problem('GTEC-W301', '', { file, line, ...raison }, { location: { file, line } }));
  const each = (record: string[], line: number) => {
    if (record.length === 1 && record[0] === '') return;
    if (!header) {
      header = record.map((h) => h.trim());
      onHeader(header);
      return;
    }
    if (record.length !== header.length) {
      badRow(line, { raison: 'champs', trouve: record.length, attendu: header.length });
      return;
    }
    onRow(record, line);
  };
  const delimiter = detectDelimiter(text);
  const names = wanted && new Set(wanted.map((w) => w.toLowerCase()));
  const cellsKept = names && ((h: string[]) => h.map((x) => names.has(x.trim().toLowerCase())));
  if (lean) {
    if (!scanLeanCsv(text, delimiter, each, cellsKept)) return 'lean-refuse';
  } else {
    // The general reader keeps every cell; the unread columns are emptied as the lean scanner does.
    let kept: boolean[] | undefined;
    const { badQuoteLines } = parseCsvRows(text, delimiter, (record, line) => {
      if (cellsKept && header && (kept ??= cellsKept(header))) for (let i = 0; i < record.length; i++) if (!kept[i]) record[i] = '';
      each(record, line);
    });
    for (const line of badQuoteLines) badRow(line, { raison: 'guillemet' });
  }
  if (!header) {
    problems.push(problem('GTEC-E304', '', { file, raison: 'vide' }, { location: { file } }));
    return 'vide';
  }
  return 'ok';
}

/**
 * Parses a CSV file into a table (scanCsvTable, kept rows only: `keepRow` tests each row). Plain
 * exports go through the lean scanner, the rest through the general reader.
 */
export function readCsvTable(bytes: Uint8Array, file: string, problems: Problem[], wanted?: readonly string[], keepRow?: RowFilter): CsvTable | undefined {
  const read = (lean: boolean, into: Problem[]): CsvTable | 'lean-refuse' | undefined => {
    let table: CsvTable | undefined;
    let keep: ((row: string[]) => boolean) | undefined;
    const r = scanCsvTable(
      bytes,
      file,
      into,
      wanted,
      (header) => {
        table = { file, header, rows: [], lines: [] };
        keep = keepRow?.(header);
      },
      (row, line) => {
        if (keep && !keep(row)) return;
        // The lean scanner reuses its arrays: the table keeps a copy.
        table!.rows.push(lean ? row.slice() : row);
        table!.lines.push(line);
      },
      lean,
    );
    return r === 'lean-refuse' ? r : r === 'ok' ? table : undefined;
  };
  const mine: Problem[] = [];
  const lean = read(true, mine);
  if (lean !== 'lean-refuse') {
    problems.push(...mine);
    return lean;
  }
  // Not a plain export: forget what the lean scanner delivered, read it again in full.
  const general = read(false, problems);
  return general === 'lean-refuse' ? undefined : general;
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
