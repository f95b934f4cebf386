/**
 * En croissance (docs/methodes.md): TCAM at least `croissance.tcam_min` and, when the reference's
 * TCAM is known, above it by `ecart_reference_points`.
 */
import { compare } from '../indicators.js';
import { provenance, tcamReference, usable, type FamilleRule } from './types.js';

export const enCroissance: FamilleRule = ({ ind, ctx }) => {
  const t = ind.tcam;
  if (!usable(t)) return [];
  const g = ctx.regles.croissance;
  const ref = tcamReference(ind);
  const relatif = ref !== undefined ? compare['>'](t.valeur, ref + g.ecart_reference_points / 100) : true;
  if (!compare['>='](t.valeur, g.tcam_min) || !relatif) return [];
  return [
    {
      famille: 'en-croissance',
      regle: 'tcam-seuil',
      indicateur: 'tcam',
      valeur: t.valeur,
      seuil: g.tcam_min,
      comparaison: '>=',
      ...(ref !== undefined ? { reference: ref } : {}),
      ...provenance(t, ctx),
    },
  ];
};
