/**
 * BMO totals and shares of a set of rows given as plain counts (the Excel add-in's BMO.PARTS):
 * the same rules as the diagnostic's BMO indicators. Counts are sums of the published cells, a
 * lower bound when some are withheld (`*`), never a withheld cell read as 0; shares are published
 * difficult (seasonal) projects over published projects; significant when the projects reach the
 * minimum (règle des 30; for a lower bound, the bound does).
 */
import type { Nombre } from '../data/records.js';
import { type Cumul, cumulerPublies } from './cumul.js';

export interface PartsBmo {
  projets: Cumul;
  difficiles: Cumul;
  saisonniers: Cumul;
  partDifficiles: number | null;
  partSaisonniers: number | null;
  /** Withheld cells behind the counts and shares. */
  masques: number;
  significatif: boolean;
}

export function partsBmo(lignes: ReadonlyArray<{ projets?: Nombre; difficiles?: Nombre; saisonniers?: Nombre }>, minimum: number): PartsBmo {
  const somme = (k: 'projets' | 'difficiles' | 'saisonniers') => cumulerPublies(lignes.map((l) => ({ n: l[k] })));
  const projets = somme('projets');
  const difficiles = somme('difficiles');
  const saisonniers = somme('saisonniers');
  const part = (num: Cumul) => (num.valeur === null || projets.valeur === null || !(projets.valeur > 0) ? null : num.valeur / projets.valeur);
  return {
    projets,
    difficiles,
    saisonniers,
    partDifficiles: part(difficiles),
    partSaisonniers: part(saisonniers),
    masques: (projets.masques ?? 0) + (difficiles.masques ?? 0) + (saisonniers.masques ?? 0),
    significatif: projets.valeur !== null && projets.valeur >= minimum,
  };
}
