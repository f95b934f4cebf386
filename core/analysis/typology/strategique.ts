/**
 * Stratégique: the expert's declaration, with the supporting evidence listed (location quotient
 * at least `specificite.seuil`, share of workers aged 55 and over). Evidence alone makes no verdict.
 */
import { compare } from '../indicators.js';
import { provenance, usable, type FamilleRule, type Verdict } from './types.js';

export const strategique: FamilleRule = ({ ind, decl, ctx }) => {
  if (!decl?.strategique) return [];
  const s = ctx.regles.specificite;
  const out: Verdict[] = [{ famille: 'strategique', regle: 'declaration', indicateur: 'declaration', valeur: true, comparaison: '=' }];
  const is = ind.indiceSpecificite;
  if (usable(is) && compare['>='](is.valeur, s.seuil)) {
    out.push({
      famille: 'strategique',
      regle: 'indice-specificite',
      indicateur: 'indice_specificite',
      valeur: is.valeur,
      seuil: s.seuil,
      comparaison: '>=',
      fort: compare['>='](is.valeur, s.seuil_fort),
      ...provenance(is, ctx),
    });
  }
  const p55 = ind.ages?.part55Plus;
  if (usable(p55)) {
    const ref = ind.ages?.part55PlusReference;
    out.push({
      famille: 'strategique',
      regle: 'part-55-plus',
      indicateur: 'part_55_plus',
      valeur: p55.valeur,
      ...(usable(ref) ? { reference: ref.valeur } : {}),
      ...provenance(p55, ctx),
    });
  }
  return out;
};
