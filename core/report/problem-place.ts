/** Where a problem is, as one line: the host's answer for document positions, else the data-file location. */
import { locationRef, type Problem } from '../problems.js';

/** Given by the host, which alone can turn source offsets into `fichier:ligne:colonne`. */
export type Localiser = (problem: Problem) => string | undefined;

export function lieuProbleme(p: Problem, locate?: Localiser): string | undefined {
  return locate?.(p) ?? (p.location ? locationRef(p.location) : undefined);
}
