/**
 * A step of the analysis that could not be carried out (GTEC-E410): which step, the source or
 * correspondance id, an enum reason and, for an exception, its message (opaque technical text).
 * The catalogue words the step and the reason in each language; the rest of the run goes on.
 */
import type { Problem } from '../../problems.js';
import { analysisProblem } from '../problems-analysis.js';

export interface FailedStep {
  etape: 'referentiel' | 'source' | 'correspondance' | 'passerelles';
  /** Id of the source or correspondance. */
  id?: string;
  raison: 'referentiel-absent' | 'exception';
  /** The caught exception's message. */
  detail?: string;
}

/** GTEC-E410 at `pointeur`. */
export function failedStep(pointeur: string, d: FailedStep): Problem {
  return analysisProblem('GTEC-E410', pointeur, { ...d });
}

/** Runs one loading step; an exception becomes GTEC-E410 (`raison: 'exception'`) instead of stopping the run. */
export async function attempt<T extends { problems: Problem[] }>(pointeur: string, etape: FailedStep['etape'], id: string | undefined, charger: () => Promise<T>): Promise<T | { problems: Problem[] }> {
  try {
    return await charger();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { problems: [failedStep(pointeur, { etape, ...(id !== undefined ? { id } : {}), raison: 'exception', detail })] };
  }
}
