/**
 * CSV files as offices export them: `;` (French Excel), `,` or tab, detected on the first lines;
 * quoted fields, possibly over several lines; blank lines anywhere. Parsing is csv-parse's
 * browser build, which runs in every host of the core (it bundles its own polyfills).
 */
import { parse } from 'csv-parse/browser/esm/sync';
import type { Problem } from '../problems.js';
import { decodeText, type Encodage } from './decode.js';
import { checkHeaders } from './header-row.js';
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
}

export interface CsvResult {
  table: Table;
  problems: Problem[];
  /** What was used, for messages and docs. */
  encoding: string;
  delimiter: ';' | ',' | '\t';
}

const CANDIDATS = [';', ',', '\t'] as const;

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

function newlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export function readCsv(bytes: Uint8Array, opts: CsvOptions): CsvResult {
  const sink = new ProblemSink(opts.file, opts.pointer ?? '');
  const decoded = decodeText(bytes, opts.encodage ?? 'auto');
  if (decoded.invalide) sink.at('GTEC-W201', { line: decoded.invalide.line });
  const text = decoded.text;
  const sep = opts.separateur ?? 'auto';
  const delimiter = sep === 'auto' ? detectDelimiter(text) : sep === 'tab' ? '\t' : sep;

  let unclosed = false;
  // csv-parse reads bytes faster than strings; the text is re-encoded as UTF-8 whatever the
  // file's encoding, so that Windows-1252 files go through the same path.
  const records = parse(new TextEncoder().encode(text), {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: () => {
      unclosed = true;
    },
    ...(opts.headerOnly ? { to: 50 } : {}),
  }) as string[][];

  // Line numbers are counted here rather than asked of csv-parse (its `info` option costs a
  // copied object per record, several times the parse): every record ends one line, plus the
  // newlines quoted inside its fields.
  let line = 1;
  let rawHeaders: string[] | undefined;
  let headerLine = 1;
  const rows: Table['rows'] = [];
  for (const rec of records) {
    const start = line;
    line += 1;
    for (const f of rec) if (f.length && (f.includes('\n') || f.includes('\r'))) line += newlines(f);
    if (rec.every((c) => c.trim() === '')) continue;
    if (!rawHeaders) {
      rawHeaders = rec;
      headerLine = start;
      continue;
    }
    let cells = rec;
    if (cells.length > rawHeaders.length && cells.slice(rawHeaders.length).every((c) => c.trim() === '')) {
      cells = cells.slice(0, rawHeaders.length);
    }
    if (cells.length !== rawHeaders.length) {
      sink.at('GTEC-E207', { line: start }, { value: rec.length, expected: rawHeaders.length });
      continue;
    }
    rows.push({ line: start, cells });
  }
  if (unclosed) sink.at('GTEC-E208', { line });

  const table: Table = { file: opts.file, headers: [], rows };
  if (!rawHeaders) sink.at('GTEC-E206', {});
  else {
    table.headers = checkHeaders(rawHeaders, rows, sink, (column) => ({ line: headerLine, column }));
    if (!rows.length && !opts.headerOnly) sink.at('GTEC-W208', {});
  }
  return { table, problems: sink.finish(), encoding: decoded.encoding, delimiter };
}
