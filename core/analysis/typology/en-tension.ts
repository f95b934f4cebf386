/**
 * En tension (docs/methodes.md): the official tension class (when it rests on enough offers and
 * job seekers: the publication rule, `regles.tension.publication_minimum`), or the BMO share of
 * recruitment projects judged difficult (over enough projects), or the composite score; each fires
 * on its own.
 */
import { compare } from '../indicators.js';
import type { Mesure } from '../result.js';
import { COMPOSANTES } from '../synthese.js';
import { provenance, usable, type FamilleRule, type Verdict } from './types.js';

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
  if (usable(pd) && usable(projets) && compare['>='](projets.valeur, tr.projets_minimum) && compare['>='](pd.valeur, tr.part_difficiles_minimum)) {
    out.push({
      famille: 'en-tension',
      regle: 'part-difficiles',
      indicateur: 'part_difficiles',
      valeur: pd.valeur,
      seuil: tr.part_difficiles_minimum,
      comparaison: '>=',
      projets: projets.valeur,
      projetsMinimum: tr.projets_minimum,
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
