/**
 * Porteur: en croissance, or en tension, or (when `porteur_quartile_postes`) in the upper
 * quartile of postes à pourvoir per job among the territory's métiers.
 */
import { compare, quantile } from '../indicators.js';
import type { IndicateursMetier, Mesure } from '../result.js';
import { provenance, usable, type FamilleRule, type Verdict } from './types.js';

export const porteur: FamilleRule = ({ ind, ctx, familles }) => {
  const out: Verdict[] = [];
  for (const f of ['en-croissance', 'en-tension'] as const) {
    if (familles.has(f)) out.push({ famille: 'porteur', regle: 'famille-derivee', indicateur: 'famille', valeur: f, comparaison: '=' });
  }
  const r = ctx.regles;
  const pe = ind.postesAPourvoirParEmploi;
  if (r.porteur_quartile_postes && ctx.seuilPostes !== undefined && usable(pe) && compare['>='](pe.valeur, ctx.seuilPostes)) {
    out.push({
      famille: 'porteur',
      regle: 'quartile-postes',
      indicateur: 'postes_a_pourvoir_par_emploi',
      valeur: pe.valeur,
      seuil: ctx.seuilPostes,
      comparaison: '>=',
      horizon: r.departs.horizon_annees,
      ...provenance(pe, ctx),
    });
  }
  return out;
};

/**
 * Q3 of the significant postes à pourvoir per job among the territory's métiers (linear
 * interpolation, as Excel's QUARTILE.INC); undefined below 4 values, where a quartile says nothing.
 */
export function seuilQuartilePostes(metiers: readonly IndicateursMetier[]): number | undefined {
  const v = metiers
    .map((m) => m.postesAPourvoirParEmploi)
    .filter((m): m is Mesure => !!m && m.significatif && m.valeur !== null)
    .map((m) => m.valeur!);
  return v.length >= 4 ? (quantile(v, 0.75) ?? undefined) : undefined;
}
