/** Checks shared by CSV and xlsx on a header row: empty and duplicate names. */
import type { DataLocation } from '../problems.js';
import type { ProblemSink } from './sink.js';

/**
 * Trims the headers and warns about an empty header over a column that holds data (GTEC-W202;
 * an empty trailing column, as Excel writes with a final `;`, is not worth a warning) and about
 * duplicates (GTEC-W203: the first column of a name is the one used).
 */
export function checkHeaders(raw: readonly string[], rows: ReadonlyArray<{ cells: readonly string[] }>, sink: ProblemSink, place: (col: number) => Partial<DataLocation>): string[] {
  const headers = raw.map((h) => h.replace(/^\uFEFF/, '').trim());
  const first = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h === '') {
      if (rows.some((r) => (r.cells[i] ?? '').trim() !== '')) sink.at('GTEC-W202', place(i + 1));
      return;
    }
    const f = first.get(h);
    if (f === undefined) first.set(h, i + 1);
    else sink.at('GTEC-W203', place(i + 1), { value: h, first: f });
  });
  return headers;
}
