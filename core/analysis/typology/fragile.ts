/**
 * Fragile: en crise, or declining with an ageing pyramid. « Declining » is TCAM < 0 and, when the
 * reference's TCAM is known, below it: a métier that only follows its region's slow decline is
 * not singled out (docs/methodes.md names automation risk here, which no open source measures per
 * ROME fiche; the age pyramid is the risk the data do show).
 */
import { compare } from '../indicators.js';
import type { IndicateursMetier } from '../result.js';
import { readVieillissement, type MotifVieillissement } from '../vieillissement.js';
import { provenance, tcamReference, usable, type TypologyContext, type FamilleRule, type Verdict } from './types.js';

export const fragile: FamilleRule = ({ ind, ctx, familles }) => {
  if (familles.has('en-crise')) return [{ famille: 'fragile', regle: 'famille-derivee', indicateur: 'famille', valeur: 'en-crise', comparaison: '=' }];
  const t = ind.tcam;
  const ref = tcamReference(ind);
  if (!usable(t) || !compare['<'](t.valeur, 0) || (ref !== undefined && !compare['<'](t.valeur, ref)) || !ind.ages) return [];
  const motif = readVieillissement(ind.ages, ctx.regles.vieillissement);
  if (!motif) return [];
  return [
    {
      famille: 'fragile',
      regle: 'tcam-baisse',
      indicateur: 'tcam',
      valeur: t.valeur,
      seuil: 0,
      comparaison: '<',
      ...(ref !== undefined ? { reference: ref } : {}),
      ...provenance(t, ctx),
    },
    vieillissement(ind.ages, motif, ctx),
  ];
};

/** The ageing reason that `readVieillissement` found (its values are significant). */
function vieillissement(ages: NonNullable<IndicateursMetier['ages']>, motif: MotifVieillissement, ctx: TypologyContext): Verdict {
  const v = ctx.regles.vieillissement;
  if (motif === 'part55') {
    const p = ages.part55Plus;
    const reference = ages.part55PlusReference!.valeur!;
    const ecart = v.ecart_part_55_points / 100;
    return {
      famille: 'fragile',
      regle: 'vieillissement-part-55',
      indicateur: 'part_55_plus',
      valeur: p.valeur!,
      seuil: reference + ecart,
      comparaison: '>=',
      reference,
      ecart,
      ...provenance(p, ctx),
    };
  }
  const ir = ages.indiceRenouvellement;
  return {
    famille: 'fragile',
    regle: 'indice-renouvellement',
    indicateur: 'indice_renouvellement',
    valeur: ir.valeur!,
    seuil: v.indice_renouvellement_max,
    comparaison: '<',
    ...provenance(ir, ctx),
  };
}
