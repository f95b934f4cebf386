/**
 * How a new diagnostic writes the path of a data file: relative to the diagnostic's folder when the
 * file lies inside it, else `$donnees/…` when it lies inside the declared data folder, else not at
 * all (GTEC-E504: a diagnostic reads only those two folders). Pure: the host gives real absolute
 * paths (symlinks resolved), with `/` separators.
 */
import type { Problem } from '../problems.js';
import { initProblem } from './problems-init.js';

/** `b` relative to folder `a`, both absolute with `/`, when `b` lies inside `a` (else undefined). */
export function inside(dossier: string, fichier: string, ignoreCase = false): string | undefined {
  const norm = (p: string) => p.replace(/\/+$/, '');
  const a = norm(dossier);
  const b = norm(fichier);
  const [ca, cb] = ignoreCase ? [a.toLowerCase(), b.toLowerCase()] : [a, b];
  if (cb === ca) return '.';
  const prefix = ca === '' ? '/' : `${ca}/`;
  return cb.startsWith(prefix) ? b.slice(prefix.length) : undefined;
}

export interface PlaceOptions {
  /** Real absolute path of the data file or folder. */
  fichier: string;
  /** Real absolute path of the new diagnostic's folder. */
  dossier: string;
  /** Real absolute path of the declared data folder, if any. */
  donnees?: string;
  /** Windows: paths compare without case. */
  ignoreCase?: boolean;
}

export function placeDataFile(o: PlaceOptions): { chemin?: string; problems: Problem[] } {
  const local = inside(o.dossier, o.fichier, o.ignoreCase);
  if (local !== undefined) return { chemin: local, problems: [] };
  const sous = o.donnees === undefined ? undefined : inside(o.donnees, o.fichier, o.ignoreCase);
  if (sous !== undefined) return { chemin: sous === '.' ? '$donnees' : `$donnees/${sous}`, problems: [] };
  return { problems: [initProblem('GTEC-E504', '', { fichier: o.fichier, dossier: o.dossier, ...(o.donnees !== undefined ? { donnees: o.donnees } : {}) })] };
}
