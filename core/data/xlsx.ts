/**
 * xlsx workbooks: the table of one sheet (header on the first non-empty row), its cells as text
 * without loss (see xlsx-sheet.ts for how each cell type becomes text), within the data limits
 * (limits.ts): a refused archive or a cut cell is a problem naming the file.
 */
import type { Problem } from '../problems.js';
import { checkHeaders } from './header-row.js';
import { limitesOf, type LimitesDonnees } from './limits.js';
import { ProblemSink } from './sink.js';
import { closest } from '../suggest.js';
import { columnLetters } from './column-letters.js';
import type { Table } from './table.js';
import { openWorkbook, type SheetRows, type Workbook } from './xlsx-sheet.js';
import { ZipRefusal } from './zip.js';

export interface XlsxOptions {
  file: string;
  /** Sheet name; absent: `choisirFeuille`, else the first sheet. */
  feuille?: string;
  /** How a preset finds its sheet among the workbook's when `feuille` is absent. */
  choisirFeuille?: (noms: string[]) => string | undefined;
  pointer?: string;
  /** Pointer for an unknown sheet (the `feuille` key); defaults to `pointer`. */
  pointerFeuille?: string;
  headerOnly?: boolean;
  /** Size limits; the defaults (`LIMITES_DEFAUT`) for what is not set. */
  limites?: Partial<LimitesDonnees>;
}

export async function readXlsx(bytes: Uint8Array, opts: XlsxOptions): Promise<{ table: Table; problems: Problem[] }> {
  const sink = new ProblemSink(opts.file, opts.pointer ?? '');
  const table: Table = { file: opts.file, headers: [], rows: [] };
  const lim = limitesOf(opts.limites);
  const limits = { entries: lim.entrees, decompressed: lim.decompresse, ratio: lim.taux, cell: lim.cellule, rows: lim.lignes, columns: lim.colonnes };
  const refused = (e: unknown) => {
    if (!(e instanceof ZipRefusal)) throw e;
    if (e.kind === 'entrees') sink.at('GTEC-E221', {}, { value: e.value, max: e.max });
    else if (e.kind === 'decompresse') sink.at('GTEC-E222', {}, { max: e.max });
    else if (e.kind === 'taux') sink.at('GTEC-E223', {}, { value: e.value, max: e.max });
    else sink.at('GTEC-E203', {}, { raison: 'xlsx', detail: e.message });
    return { table, problems: sink.finish() };
  };
  let wb: Workbook;
  try {
    wb = await openWorkbook(bytes, limits);
  } catch (e) {
    return refused(e);
  }
  const noms = wb.sheets;
  const nom = opts.feuille ?? opts.choisirFeuille?.(noms) ?? noms[0];
  if (nom === undefined || !noms.includes(nom)) {
    if (nom === undefined) sink.at('GTEC-E203', {}, { raison: 'sans-feuille', detail: '' });
    else sink.at('GTEC-E205', {}, { value: nom, sheets: noms, suggestion: closest(nom, noms) }, opts.pointerFeuille ?? opts.pointer ?? '');
    return { table, problems: sink.finish() };
  }
  table.sheet = nom;
  const place = (row: number, col: number) => ({ sheet: nom, line: row, cell: `${columnLetters(col)}${row}` });

  let read: SheetRows;
  try {
    read = await wb.readRows(nom, opts.headerOnly === true);
  } catch (e) {
    return refused(e);
  }
  let rawHeaders: string[] | undefined;
  let headerRow = 0;
  let beyond = 0;
  let firstBeyond = '';
  for (const { line: r, cells } of read.rows) {
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
  if (read.tooLong) sink.at('GTEC-E224', { sheet: nom, cell: read.tooLong.first }, { value: read.tooLong.count, length: read.tooLong.length, max: lim.cellule });
  if (read.tooManyColumns) sink.at('GTEC-E226', { sheet: nom, cell: read.tooManyColumns.first }, { value: read.tooManyColumns.count, max: lim.colonnes });
  if (read.tooManyRows !== undefined) sink.at('GTEC-E225', { sheet: nom, line: read.tooManyRows }, { max: lim.lignes });
  if (!rawHeaders) sink.at('GTEC-E206', { sheet: nom });
  else {
    table.headers = checkHeaders(rawHeaders, table.rows, sink, (col) => place(headerRow, col));
    if (beyond) sink.at('GTEC-W209', { sheet: nom }, { value: beyond, first: firstBeyond });
    if (!table.rows.length && !opts.headerOnly) sink.at('GTEC-W208', { sheet: nom });
  }
  return { table, problems: sink.finish() };
}
