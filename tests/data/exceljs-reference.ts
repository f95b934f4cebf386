/**
 * The previous xlsx reader (exceljs's object model), kept for tests and bench/xlsx.bench.ts only:
 * the core's reader (core/data/xlsx.ts) must give the same tables and problems. Cells become text:
 * numbers as JavaScript writes them back (`String(n)`), dates as `AAAA-MM-JJ` (with the time when
 * there is one), rich text joined, formulas as their cached result, errors as shown (`#N/A`).
 */
import ExcelJS from 'exceljs';
import type { Problem } from '../../core/problems.js';
import { checkHeaders } from '../../core/data/header-row.js';
import { ProblemSink } from '../../core/data/sink.js';
import { closest } from '../../core/suggest.js';
import { columnLetters } from '../../core/data/column-letters.js';
import type { Table } from '../../core/data/table.js';

interface XlsxOptions {
  file: string;
  /** Sheet name; absent: `choisirFeuille`, else the first sheet. */
  feuille?: string;
  /** How a preset finds its sheet among the workbook's when `feuille` is absent. */
  choisirFeuille?: (noms: string[]) => string | undefined;
  pointer?: string;
  /** Pointer for an unknown sheet (the `feuille` key); defaults to `pointer`. */
  pointerFeuille?: string;
  headerOnly?: boolean;
}

export async function readXlsxExceljs(bytes: Uint8Array, opts: XlsxOptions): Promise<{ table: Table; problems: Problem[] }> {
  const sink = new ProblemSink(opts.file, opts.pointer ?? '');
  const table: Table = { file: opts.file, headers: [], rows: [] };
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for Node's binary type; it takes any input JSZip takes, an ArrayBuffer included.
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await wb.xlsx.load(ab as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    sink.at('GTEC-E203', {}, { raison: 'xlsx', detail: e instanceof Error ? e.message : String(e) });
    return { table, problems: sink.finish() };
  }
  const noms = wb.worksheets.map((w) => w.name);
  const nom = opts.feuille ?? opts.choisirFeuille?.(noms) ?? noms[0];
  const ws = nom === undefined ? undefined : wb.getWorksheet(nom);
  if (!ws) {
    sink.at('GTEC-E205', {}, { value: nom ?? '', sheets: noms, suggestion: closest(nom ?? '', noms) }, opts.pointerFeuille ?? opts.pointer ?? '');
    return { table, problems: sink.finish() };
  }
  table.sheet = ws.name;
  const place = (row: number, col: number) => ({ sheet: ws.name, line: row, cell: `${columnLetters(col)}${row}` });

  let rawHeaders: string[] | undefined;
  let headerRow = 0;
  let beyond = 0;
  let firstBeyond = '';
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    if (cells.every((c) => c.trim() === '')) continue;
    if (!rawHeaders) {
      while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
      rawHeaders = cells;
      headerRow = r;
      if (opts.headerOnly) break;
      continue;
    }
    const n = rawHeaders.length;
    for (let c = n; c < cells.length; c++) {
      if (cells[c]!.trim() === '') continue;
      if (beyond++ === 0) firstBeyond = `${columnLetters(c + 1)}${r}`;
    }
    if (cells.length > n) cells.length = n;
    while (cells.length < n) cells.push('');
    table.rows.push({ line: r, cells });
  }
  if (!rawHeaders) sink.at('GTEC-E206', { sheet: ws.name });
  else {
    table.headers = checkHeaders(rawHeaders, table.rows, sink, (col) => place(headerRow, col));
    if (beyond) sink.at('GTEC-W209', { sheet: ws.name }, { value: beyond, first: firstBeyond });
    if (!table.rows.length && !opts.headerOnly) sink.at('GTEC-W208', { sheet: ws.name });
  }
  return { table, problems: sink.finish() };
}

/** The text a cell shows, as exactly as its stored value allows. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((p: { text?: string }) => p.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result);
    if (typeof o.error === 'string') return o.error;
    if ('text' in o) return cellText(o.text);
  }
  return String(v);
}
