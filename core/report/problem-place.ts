/** Where a problem is, as one line: the host's answer for document positions, else the data-file location. */
import type { Problem } from '../problems.js';

/** Given by the host, which alone can turn source offsets into `fichier:ligne:colonne`. */
export type Localiser = (problem: Problem) => string | undefined;

export function lieuProbleme(p: Problem, locate?: Localiser): string | undefined {
  const hote = locate?.(p);
  if (hote) return hote;
  const l = p.location;
  if (!l) return undefined;
  if (l.sheet !== undefined || l.cell !== undefined) return `${l.file} (${[l.sheet, l.cell].filter(Boolean).join('!')})`;
  return [l.file, l.line, l.line !== undefined ? l.column : undefined].filter((x) => x !== undefined).join(':');
}
