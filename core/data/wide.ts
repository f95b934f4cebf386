/**
 * A wide file (one column per code, as DARES's `effectifs_3niv.csv`: `Annee`, then `A0Z`, `A1Z`…)
 * reshaped into a long table: one row per (line, code column), with the kept columns, the code
 * (the column's header) and the cell. Each cell keeps the file's line and column, so that a bad
 * value is reported where it is in the file.
 */
import type { Table } from './table.js';

export interface Large {
  /** Headers kept on every long row (the year). */
  garder: readonly string[];
  /** Header of the new column holding the code. */
  champ: string;
  /** Header of the new column holding the value. */
  valeur: string;
}

export function wideToLong(table: Table, large: Large): Table {
  const gardees = large.garder.map((h) => table.headers.indexOf(h)).filter((i) => i >= 0);
  const codes = table.headers.map((h, i) => ({ h: h.trim(), i })).filter(({ h, i }) => h !== '' && !gardees.includes(i));
  const rows: Table['rows'] = [];
  for (const row of table.rows) {
    for (const c of codes) {
      const cells = [...gardees.map((i) => row.cells[i] ?? ''), c.h, row.cells[c.i] ?? ''];
      // The code comes from the header (line 1), its value from the cell.
      rows.push({ line: row.line, cells, colonnes: [...gardees, c.i, c.i] });
    }
  }
  return { ...table, headers: [...gardees.map((i) => table.headers[i]!), large.champ, large.valeur], rows };
}
