/**
 * Reading a CSV table for the referential loaders: decoding (UTF-8, with a Windows-1252 fallback
 * for files mislabelled `utf8`), parsing with csv-parse's browser build (no Node `stream`/`Buffer`,
 * so the core runs in Excel's runtime), header lookup, and per-row problems with line numbers.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import type { Problem } from '../problems.js';
import { problem } from './problems-referential.js';

export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows, without the header. */
  rows: string[][];
  /** 1-based line in the file of each row (a quoted field may span lines). */
  lines: number[];
}

/** UTF-8 when valid, else Windows-1252 (France Travail's NAF table is cp1252 despite its name). */
export function decodeText(bytes: Uint8Array, file: string, problems: Problem[]): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push(problem('GTEC-W304', '', { file }, { location: { file } }));
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Guesses `,` `;` or tab from the header line (the official export uses `,`). */
function detectDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const);
  return candidates.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** True when a quoted field contains a line break (then csv-parse must count lines for us). */
function hasMultilineField(text: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes; // a doubled "" toggles twice: still correct
    else if (inQuotes && (c === 10 || c === 13)) return true;
  }
  return false;
}

/** 1-based numbers of the non-blank lines (csv-parse skips blank ones). */
function nonEmptyLineNumbers(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (text.slice(start, i).trim() !== '') out.push(line);
      line++;
      start = i + 1;
    }
  }
  return out;
}

function parseRecords(
  text: string,
  delimiter: string,
  info: boolean,
  skips: Array<{ lines?: number; message: string }>,
): unknown[] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info,
    skip_records_with_error: true,
    on_skip: (err: { lines?: number; message: string } | undefined) => {
      if (err) skips.push(err);
    },
  }) as unknown[];
}

/**
 * Parses a CSV file. Rows with a different number of fields than the header are reported
 * (GTEC-W301) and dropped; a row that breaks the CSV syntax is skipped the same way.
 */
export function readCsvTable(bytes: Uint8Array, file: string, problems: Problem[]): CsvTable | undefined {
  const text = decodeText(bytes, file, problems);
  // csv-parse's `info` option costs ~70 % more time; it is only needed when a quoted field spans
  // lines or a record is skipped. Otherwise the line of record i is the i-th non-blank line.
  const delimiter = detectDelimiter(text);
  const skips: Array<{ lines?: number; message: string }> = [];
  let records: string[][];
  let lineOf: (i: number) => number;
  try {
    let withInfo = hasMultilineField(text);
    let parsed = parseRecords(text, delimiter, withInfo, skips);
    if (skips.length && !withInfo) {
      skips.length = 0;
      withInfo = true;
      parsed = parseRecords(text, delimiter, withInfo, skips);
    }
    if (withInfo) {
      const withLines = parsed as Array<{ record: string[]; info: { lines: number } }>;
      records = withLines.map((r) => r.record);
      lineOf = (i) => withLines[i]!.info.lines;
    } else {
      records = parsed as string[][];
      const starts = nonEmptyLineNumbers(text);
      lineOf = (i) => starts[i] ?? i + 1;
    }
  } catch (e) {
    problems.push(problem('GTEC-E304', '', { file, reason: (e as Error).message }, { location: { file } }));
    return undefined;
  }
  for (const err of skips) {
    const line = err.lines ?? 0;
    problems.push(
      problem(
        'GTEC-W301',
        '',
        { file, line, reason: `syntaxe CSV invalide (${err.message})`, reasonEn: `invalid CSV syntax (${err.message})` },
        { location: { file, line } },
      ),
    );
  }
  const head = records[0];
  if (!head) {
    problems.push(problem('GTEC-E304', '', { file, reason: 'fichier vide' }, { location: { file } }));
    return undefined;
  }
  const header = head.map((h) => h.trim());
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    const line = lineOf(i);
    if (record.length !== header.length) {
      problems.push(
        problem(
          'GTEC-W301',
          '',
          {
            file,
            line: line,
            reason: `${record.length} champs au lieu de ${header.length}`,
            reasonEn: `${record.length} fields instead of ${header.length}`,
          },
          { location: { file, line: line } },
        ),
      );
      continue;
    }
    rows.push(record);
    lines.push(line);
  }
  return { file, header, rows, lines };
}

/**
 * Indices of the required columns (by name, case-insensitive); GTEC-E303 for each one missing.
 * Returns undefined when any is missing.
 */
export function columns<K extends string>(
  table: CsvTable,
  required: readonly K[],
  problems: Problem[],
  optional: readonly string[] = [],
): (Record<K, number> & Record<string, number | undefined>) | undefined {
  const lower = table.header.map((h) => h.toLowerCase());
  const out: Record<string, number | undefined> = {};
  let ok = true;
  for (const name of required) {
    const i = lower.indexOf(name.toLowerCase());
    if (i < 0) {
      ok = false;
      problems.push(
        problem(
          'GTEC-E303',
          '',
          { file: table.file, missingKey: name, found: table.header.join(', '), expected: required.join(', ') },
          { location: { file: table.file, line: 1 } },
        ),
      );
    } else out[name] = i;
  }
  for (const name of optional) {
    const i = lower.indexOf(name.toLowerCase());
    if (i >= 0) out[name] = i;
  }
  return ok ? (out as Record<K, number> & Record<string, number | undefined>) : undefined;
}
