/**
 * En tension (docs/methodes.md): the official tension class (when it rests on enough offers and
 * job seekers: the publication rule, `regles.tension.publication_minimum`), or the BMO share of
 * recruitment projects judged difficult (over enough projects; threshold absolute or relative to
 * the reference territory's share), or the composite score; each fires on its own.
 */
import { compare } from '../indicators.js';
import type { Mesure } from '../result.js';
import { COMPOSANTES } from '../synthese.js';
import { provenance, usable, type FamilleRule, type TypologyContext, type Verdict } from './types.js';

/**
 * The threshold of the BMO share: absolute (`part_difficiles_minimum`), or the reference
 * territory's share plus `part_difficiles_ecart_reference_points` when asked for and known.
 */
export function seuilPartDifficiles(ctx: TypologyContext): { seuil: number; reference?: number; ecart?: number } {
  const tr = ctx.regles.tension;
  const ref = ctx.partDifficilesReference;
  if (tr.part_difficiles_seuil !== 'reference' || ref === undefined) return { seuil: tr.part_difficiles_minimum };
  const ecart = tr.part_difficiles_ecart_reference_points / 100;
  return { seuil: ref + ecart, reference: ref, ecart };
}

export const enTension: FamilleRule = ({ ind, ctx }) => {
  const tr = ctx.regles.tension;
  const out: Verdict[] = [];
  const classe = ind.tension?.classe;
  if (usable(classe) && compare['>='](classe.valeur, tr.classe_minimum)) {
    // The counts behind the class: its own source's offers and job seekers, and BMO projects when known.
    const compte = (m: Mesure | undefined) => (m && m.source === classe.source && m.valeur !== null ? m.valeur : undefined);
    const offres = compte(ind.tension?.offres);
    const demandeurs = compte(ind.tension?.demandeurs);
    const projets = ind.bmo?.projets.valeur;
    out.push({
      famille: 'en-tension',
      regle: 'classe-officielle',
      indicateur: 'classe_tension',
      valeur: classe.valeur,
      seuil: tr.classe_minimum,
      comparaison: '>=',
      ...(offres !== undefined ? { offres } : {}),
      ...(demandeurs !== undefined ? { demandeurs } : {}),
      ...(projets != null ? { projets } : {}),
      ...provenance(classe, ctx),
    });
  }
  const pd = ind.bmo?.partDifficiles;
  const projets = ind.bmo?.projets;
  // The ≥ 30 rule on the projects applies to their lower bound when cells are withheld.
  const seuil = seuilPartDifficiles(ctx);
  if (usable(pd) && usable(projets) && compare['>='](projets.valeur, tr.projets_minimum) && compare['>='](pd.valeur, seuil.seuil)) {
    const masques = Math.max(pd.masques ?? 0, projets.masques ?? 0);
    out.push({
      famille: 'en-tension',
      regle: 'part-difficiles',
      indicateur: 'part_difficiles',
      valeur: pd.valeur,
      ...seuil,
      comparaison: '>=',
      projets: projets.valeur,
      projetsMinimum: tr.projets_minimum,
      ...(masques > 0 ? { masques } : {}),
      ...provenance(pd, ctx),
    });
  }
  const sc = ind.tension?.scoreComposite;
  if (usable(sc) && compare['>='](sc.valeur, tr.score_composite_minimum)) {
    out.push({
      famille: 'en-tension',
      regle: 'score-composite',
      indicateur: 'score_tension',
      valeur: sc.valeur,
      seuil: tr.score_composite_minimum,
      comparaison: '>=',
      composantes: { ...ind.tension?.composantes },
      poids: { ...ind.tension?.poids },
      normalisation: Object.fromEntries(COMPOSANTES.filter((c) => ind.tension?.composantes?.[c] !== undefined && ctx.normalisationComposite?.[c]).map((c) => [c, ctx.normalisationComposite![c]!])),
      ...provenance(sc, ctx),
    });
  }
  return out;
};
