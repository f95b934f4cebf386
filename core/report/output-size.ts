/**
 * A bound on the size of each output a host writes (report, workbook, JSON): an output above it is
 * not written (GTEC-E234). Hosts may raise or lower it (CLI: --taille-max-sortie, GTEC_TAILLE_MAX_SORTIE).
 */
import { dataProblem } from '../data/problems-data.js';
import type { Problem } from '../problems.js';

/** Default limit of one output: 256 MiB (the largest output of the real examples: 529 KiB, reel-bassin/bassin-rome's diagnostic.json). */
export const LIMITE_SORTIE_DEFAUT = 256 * 1024 * 1024;

/** GTEC-E234 when `size` bytes exceed `limit`, else undefined. */
export function checkOutputSize(file: string, size: number, limit: number = LIMITE_SORTIE_DEFAUT): Problem | undefined {
  return size > limit ? dataProblem('GTEC-E234', '', { file, size, limit }, { location: { file } }) : undefined;
}
