/**
 * CSV files as offices export them: `;` (French Excel), `,` or tab, detected on the first lines;
 * quoted fields, possibly over several lines; blank lines anywhere. Records come from
 * `parseCsvRows` (papaparse), which runs in every host of the core.
 */
import type { Problem } from '../problems.js';
import { parseCsvRows } from './csv-rows.js';
import { decodeText, type Encodage } from './decode.js';
import { checkHeaders } from './header-row.js';
import { limitesOf, type LimitesDonnees } from './limits.js';
import { ProblemSink } from './sink.js';
import type { Table } from './table.js';

export type Separateur = ';' | ',' | 'tab' | 'auto';

export interface CsvOptions {
  file: string;
  separateur?: Separateur;
  encodage?: Encodage;
  /** JSON pointer for problems about the file (e.g. `/sources/0/chemin`). */
  pointer?: string;
  /** Only the header is needed: parsing stops after the first records. */
  headerOnly?: boolean;
  /** Size limits (cells, lines, columns); the defaults for what is not set. */
  limites?: Partial<LimitesDonnees>;
}

export interface CsvResult {
  table: Table;
  problems: Problem[];
  /** What was used, for messages and docs. */
  encoding: string;
  delimiter: ';' | ',' | '\t';
}

const CANDIDATS = [';', ',', '\t'] as const;

/** Records read for `headerOnly`: enough for the header after a few blank or title lines. */
const HEADER_ONLY_RECORDS = 50;

/** True when every cell from `from` on is empty or spaces. */
function isBlank(cells: readonly string[], from = 0): boolean {
  for (let i = from; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}

/**
 * The separator that splits the first lines (quotes-aware) into the same number of fields as
 * the header line, and the most fields when several do; `;` on a tie, as French Excel writes it.
 * A decimal comma in the data makes `,` inconsistent, so it does not win over `;`.
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const lines = firstLines(text, 30);
  let best: { d: ';' | ',' | '\t'; consistency: number; fields: number } | undefined;
  for (const d of CANDIDATS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const h = counts[0] ?? 0;
    if (h === 0) continue;
    const consistency = counts.filter((c) => c === h).length / counts.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && h > best.fields)) {
      best = { d, consistency, fields: h };
    }
  }
  return best?.d ?? ';';
}

/** Up to `n` non-blank records of the text, split on newlines outside quotes. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  const end = Math.min(text.length, 1 << 16);
  for (let i = 0; i < end && out.length < n; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if ((c === '\n' || c === '\r') && !inQuotes) {
      if (text.slice(start, i).trim() !== '') out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < n && start < end && !inQuotes && text.slice(start, end).trim() !== '') out.push(text.slice(start, end));
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}

export function readCsv(bytes: Uint8Array, opts: CsvOptions): CsvResult {
  const sink = new ProblemSink(opts.file, opts.pointer ?? '');
  const decoded = decodeText(bytes, opts.encodage ?? 'auto');
  if (decoded.invalide) sink.at('GTEC-W201', { line: decoded.invalide.line });
  if (decoded.repli) sink.at('GTEC-W220', { line: decoded.repli.line }, { byte: decoded.repli.byte });
  const text = decoded.text;
  const sep = opts.separateur ?? 'auto';
  const delimiter = sep === 'auto' ? detectDelimiter(text) : sep === 'tab' ? '\t' : sep;

  let rawHeaders: string[] | undefined;
  let headerLine = 1;
  let records = 0;
  const rows: Table['rows'] = [];
  const lim = limitesOf(opts.limites);
  let tooLong: { count: number; line: number; column: number; length: number } | undefined;
  let tooWide: { count: number; line: number } | undefined;
  const { badQuoteLines } = parseCsvRows(text, delimiter, (rec, line) => {
    if (opts.headerOnly && ++records > HEADER_ONLY_RECORDS) return false;
    if (line > lim.lignes) {
      sink.at('GTEC-E225', { line }, { max: lim.lignes });
      return false;
    }
    if (rec.length > lim.colonnes) {
      if (tooWide) tooWide.count += rec.length - lim.colonnes;
      else tooWide = { count: rec.length - lim.colonnes, line };
      rec.length = lim.colonnes;
    }
    for (let i = 0; i < rec.length; i++) {
      const cell = rec[i]!;
      if (cell.length <= lim.cellule) continue;
      if (tooLong) tooLong.count++;
      else tooLong = { count: 1, line, column: i + 1, length: cell.length };
      rec[i] = cell.slice(0, lim.cellule);
    }
    if (isBlank(rec)) return;
    if (!rawHeaders) {
      rawHeaders = rec;
      headerLine = line;
      return;
    }
    let cells = rec;
    if (cells.length > rawHeaders.length && isBlank(cells, rawHeaders.length)) cells = cells.slice(0, rawHeaders.length);
    if (cells.length !== rawHeaders.length) {
      sink.at('GTEC-E207', { line }, { value: rec.length, expected: rawHeaders.length });
      return;
    }
    rows.push({ line, cells });
  });
  for (const line of badQuoteLines) sink.at('GTEC-E208', { line });
  if (tooLong) sink.at('GTEC-E224', { line: tooLong.line, column: tooLong.column }, { value: tooLong.count, length: tooLong.length, max: lim.cellule });
  if (tooWide) sink.at('GTEC-E226', { line: tooWide.line, column: lim.colonnes + 1 }, { value: tooWide.count, max: lim.colonnes });

  const table: Table = { file: opts.file, headers: [], rows };
  if (!rawHeaders) sink.at('GTEC-E206', {});
  else {
    table.headers = checkHeaders(rawHeaders, rows, sink, (column) => ({ line: headerLine, column }));
    if (!rows.length && !opts.headerOnly) sink.at('GTEC-W208', {});
  }
  return { table, problems: sink.finish(), encoding: decoded.encoding, delimiter };
}
