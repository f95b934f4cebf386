/**
 * The « vieillissant » reading of an age pyramid (docs/methodes.md, [P]): the share of ≥ 55 exceeds
 * the reference's share for the same métier by at least `ecart_part_55_points` points, or the
 * renewal index (< 30)/(≥ 50) is below `indice_renouvellement_max`. Only significant values
 * (≥ 30 rule) can make a métier vieillissant.
 */
import type { ReglesDoc } from '../format/schema.js';
import { compare } from './indicators.js';
import type { Mesure } from './result.js';

export type MotifVieillissement = 'part55' | 'renouvellement';

export function readVieillissement(p: { part55Plus: Mesure; part55PlusReference?: Mesure; indiceRenouvellement: Mesure }, regles: ReglesDoc['vieillissement']): MotifVieillissement | undefined {
  const part = p.part55Plus;
  const ref = p.part55PlusReference;
  if (part.significatif && part.valeur !== null && ref?.significatif && ref.valeur !== null) {
    if (compare['>='](part.valeur - ref.valeur, regles.ecart_part_55_points / 100)) return 'part55';
  }
  const ir = p.indiceRenouvellement;
  if (ir.significatif && ir.valeur !== null && compare['<'](ir.valeur, regles.indice_renouvellement_max)) return 'renouvellement';
  return undefined;
}
