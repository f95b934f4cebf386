/** Where a problem is, as one line: the host's answer for document positions, else the data-file location. */
import type { DataLocation, Problem } from '../problems.js';

/** Given by the host, which alone can turn source offsets into `fichier:ligne:colonne`. */
export type Localiser = (problem: Problem) => string | undefined;

/**
 * THE rendering of a place in a data file, for every host (CLI lines, report, editor, add-in):
 * `file:Sheet!F12` for a spreadsheet cell, `file:line:col` or `file:line` in a CSV, else `file`.
 * (To be replaced by the catalogue's own rendering from core/data/problems-data.ts once merged.)
 */
export function placeDonnees(l: Pick<DataLocation, 'file' | 'line' | 'column' | 'sheet' | 'cell'>): string {
  if (l.cell !== undefined) return `${l.file}:${l.sheet ? l.sheet + '!' : ''}${l.cell}`;
  if (l.line !== undefined) return `${l.file}:${l.line}` + (l.column !== undefined ? `:${l.column}` : '');
  return l.file;
}

export function lieuProbleme(p: Problem, locate?: Localiser): string | undefined {
  return locate?.(p) ?? (p.location ? placeDonnees(p.location) : undefined);
}
