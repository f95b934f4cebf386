/**
 * En crise (docs/methodes.md): TCAM at most `crise.tcam_max` and, when the reference's TCAM is
 * known, below it by `ecart_reference_points`; over at least `duree_minimum_annees` years, from a
 * start employment of at least `effectif_minimum`.
 */
import { compare } from '../indicators.js';
import { provenance, tcamReference, usable, type FamilleRule } from './types.js';

export const enCrise: FamilleRule = ({ ind, ctx }) => {
  const t = ind.tcam;
  const e0 = ind.effectifDebut;
  if (!usable(t) || !usable(e0)) return [];
  const c = ctx.regles.crise;
  const ref = tcamReference(ind);
  const duree = t.annee !== undefined && t.anneeDebut !== undefined ? t.annee - t.anneeDebut : 0;
  const base = compare['>='](e0.valeur, c.effectif_minimum) && duree >= c.duree_minimum_annees;
  const relatif = ref !== undefined ? compare['<'](t.valeur, ref - c.ecart_reference_points / 100) : true;
  if (!base || !compare['<='](t.valeur, c.tcam_max) || !relatif) return [];
  return [
    {
      famille: 'en-crise',
      regle: 'tcam-seuil',
      indicateur: 'tcam',
      valeur: t.valeur,
      seuil: c.tcam_max,
      comparaison: '<=',
      ...(ref !== undefined ? { reference: ref } : {}),
      duree,
      effectifInitial: e0.valeur,
      ...provenance(t, ctx),
    },
  ];
};
