/**
 * Assembling a métier's indicators from the per-source parts, and the indicators that combine
 * sources: end-of-career departures (ages × employment), postes à pourvoir (trend + departures)
 * and the composite tension score (z-scores across métiers).
 */
import { creationsNettes, moyenneEcartType, zScore } from './indicators.js';
import type { IndicateursAges, IndicateursBmo, IndicateursEffectifs, IndicateursTension } from './metier-indicators.js';
import { mesure } from './cumul.js';
import type { IndicateursMetier } from './result.js';

export interface Parts {
  effectifs?: IndicateursEffectifs;
  ages?: IndicateursAges;
  bmo?: IndicateursBmo;
  /** Official class (and maybe offers/job seekers) from a tension source. */
  tension?: IndicateursTension;
  /** Offers, job seekers, exits from an offres-demandes source (preferred for O/D). */
  offresDemandes?: IndicateursTension;
  qualifications?: Array<{ niveau: string; effectif: number }>;
}

/**
 * Departures = share leaving within the horizon (age proxy) × employment at the end of the period
 * (or the ages source's own total when there is no employment figure). Postes à pourvoir = net
 * creation if the TCAM trend goes on + departures, floored at 0 (a métier losing more jobs than
 * it loses workers has no posts to fill); per employed person = postes / employment.
 */
export function assembler(code: string, libelle: string, p: Parts, horizon: number): IndicateursMetier {
  const ind: IndicateursMetier = { code, libelle };
  if (p.effectifs) {
    const { libelle: _l, ...e } = p.effectifs;
    Object.assign(ind, e);
  }
  if (p.ages) {
    ind.ages = p.ages.ages;
    const part = p.ages.partPartants;
    const base = ind.effectifFin?.valeur ?? p.ages.total;
    if (part.valeur !== null) {
      const prov = { ...(part.source !== undefined ? { source: part.source } : {}), ...(part.annee !== undefined ? { annee: part.annee } : {}) };
      ind.departsFinCarriere = mesure(part.valeur * base, part.significatif, prov, { approximatif: ind.effectifFin?.approximatif });
      const e1 = ind.effectifFin?.valeur;
      const taux = ind.tcam?.valeur;
      if (e1 != null && e1 > 0 && taux != null) {
        const sig = part.significatif && ind.tcam!.significatif;
        const net = creationsNettes(e1, taux, horizon);
        const postes = Math.max(0, net + part.valeur * e1);
        const provT = { ...(ind.tcam!.source !== undefined ? { source: ind.tcam!.source } : {}), ...(ind.tcam!.annee !== undefined ? { annee: ind.tcam!.annee } : {}) };
        ind.creationsNettes = mesure(net, ind.tcam!.significatif, provT, { approximatif: ind.effectifFin?.approximatif });
        ind.postesAPourvoir = mesure(postes, sig, provT, { approximatif: ind.effectifFin?.approximatif });
        ind.postesAPourvoirParEmploi = mesure(postes / e1, sig, provT);
      }
    }
  }
  if (p.bmo) {
    const { libelle: _l, ...b } = p.bmo;
    ind.bmo = b;
  }
  const t: NonNullable<IndicateursMetier['tension']> = {};
  if (p.tension?.classe) t.classe = p.tension.classe;
  const od = p.offresDemandes ?? p.tension;
  for (const k of ['offres', 'demandeurs', 'ratioOffresDemandeurs', 'ecoulement'] as const) {
    if (od?.[k]) t[k] = od[k];
  }
  if (Object.keys(t).length > 0) ind.tension = t;
  if (p.qualifications) ind.qualifications = p.qualifications;
  return ind;
}

export type Composante = 'ratioOffresDemandeurs' | 'ecoulement' | 'partDifficiles';
export const COMPOSANTES: readonly Composante[] = ['ratioOffresDemandeurs', 'ecoulement', 'partDifficiles'];

/** The value of one component of the composite score for a métier, when significant. */
export function valeurComposante(ind: IndicateursMetier, c: Composante): { valeur: number; significatif: boolean; source?: string; annee?: number } | undefined {
  const m = c === 'partDifficiles' ? ind.bmo?.partDifficiles : ind.tension?.[c];
  if (!m || m.valeur === null) return undefined;
  return { valeur: m.valeur, significatif: m.significatif, ...(m.source !== undefined ? { source: m.source } : {}), ...(m.annee !== undefined ? { annee: m.annee } : {}) };
}

/** Weights of the components (DARES: 30 % O/D, 20 % écoulement, 50 % BMO difficulty; docs/methodes.md §2). */
export type Poids = Record<Composante, number>;
export const POIDS_DARES: Poids = { ratioOffresDemandeurs: 0.3, ecoulement: 0.2, partDifficiles: 0.5 };

/** Where the z parameters of a component come from: the reference territory's métiers, or the territory's own. */
export type Normalisation = 'reference' | 'territoire';

export interface OptionsComposite {
  poids: Poids;
  /** Components a métier needs for a score (default 2). */
  composantesMinimum: number;
  /** 'reference': the reference's values when usable, else the territory's (reported); 'territoire': always the territory's. */
  normalisation: Normalisation;
}

export const OPTIONS_COMPOSITE: OptionsComposite = { poids: POIDS_DARES, composantesMinimum: 2, normalisation: 'reference' };

/** The composite's options from the diagnostic's rules. */
export function optionsComposite(tension: { poids: { offres_demandeurs: number; ecoulement: number; part_difficiles: number }; composantes_minimum: number; normalisation: Normalisation }): OptionsComposite {
  const p = tension.poids;
  return {
    poids: { ratioOffresDemandeurs: p.offres_demandeurs, ecoulement: p.ecoulement, partDifficiles: p.part_difficiles },
    composantesMinimum: tension.composantes_minimum,
    normalisation: tension.normalisation,
  };
}

export interface ResultatComposite {
  /** Components normalised on the territory's own métiers although the reference was asked for. */
  normalisationLocale: Composante[];
  /** The distribution each component's z-scores were computed on. */
  normalisation: Partial<Record<Composante, Normalisation>>;
  /** Métiers that received a score. */
  scores: number;
  /** Métiers with at least one component (with a usable distribution). */
  avecComposante: number;
}

/**
 * Composite tension score (docs/methodes.md §2), after the DARES method: the weighted mean of the
 * z-scores of O/D, écoulement and % BMO difficult (weights 30/20/50 by default), the weights
 * renormalised over the components the métier has (`tension.poids` says which were used). The z
 * parameters (mean, sd) come from the reference territory's métiers (significant values) so that
 * a small territory is not normalised against itself; a component without a usable reference
 * distribution (fewer than 2 values, or no spread) falls back to the territory's own métiers and
 * is reported in `normalisationLocale`. A score needs `composantesMinimum` components (2 of 3 by
 * default); it is significant only when all the components it uses are (≥ 30 rule).
 */
export function scoresComposites(metiers: IndicateursMetier[], reference: Partial<Record<Composante, number[]>> | undefined, options: OptionsComposite = OPTIONS_COMPOSITE): ResultatComposite {
  const parametres = new Map<Composante, { moyenne: number; ecartType: number }>();
  const locale: Composante[] = [];
  const normalisation: Partial<Record<Composante, Normalisation>> = {};
  for (const c of COMPOSANTES) {
    if (!(options.poids[c] > 0)) continue;
    const ref = options.normalisation === 'reference' ? reference?.[c] : undefined;
    const pRef = ref ? moyenneEcartType(ref) : null;
    if (pRef && pRef.ecartType > 0) {
      parametres.set(c, pRef);
      normalisation[c] = 'reference';
      continue;
    }
    const locales = metiers
      .map((m) => valeurComposante(m, c))
      .filter((v) => v?.significatif)
      .map((v) => v!.valeur);
    const pLoc = moyenneEcartType(locales);
    if (pLoc && pLoc.ecartType > 0) {
      parametres.set(c, pLoc);
      normalisation[c] = 'territoire';
      if (options.normalisation === 'reference') locale.push(c);
    }
  }
  let scores = 0;
  let avecComposante = 0;
  for (const m of metiers) {
    const composantes: NonNullable<NonNullable<IndicateursMetier['tension']>['composantes']> = {};
    const poids: Partial<Poids> = {};
    let somme = 0;
    let total = 0;
    let n = 0;
    let significatif = true;
    let source: string | undefined;
    let annee: number | undefined;
    for (const c of COMPOSANTES) {
      const v = valeurComposante(m, c);
      const p = parametres.get(c);
      if (!v || !p) continue;
      const z = zScore(v.valeur, p);
      if (z === null) continue;
      composantes[c] = z;
      poids[c] = options.poids[c];
      somme += options.poids[c] * z;
      total += options.poids[c];
      n++;
      significatif &&= v.significatif;
      source ??= v.source;
      if (v.annee !== undefined) annee = Math.max(annee ?? v.annee, v.annee);
    }
    if (n > 0) avecComposante++;
    if (n < options.composantesMinimum || !(total > 0)) continue;
    for (const c of COMPOSANTES) if (poids[c] !== undefined) poids[c] = poids[c]! / total;
    m.tension ??= {};
    m.tension.scoreComposite = mesure(somme / total, significatif, { ...(source !== undefined ? { source } : {}), ...(annee !== undefined ? { annee } : {}) });
    m.tension.composantes = composantes;
    m.tension.poids = poids;
    scores++;
  }
  return { normalisationLocale: locale, normalisation, scores, avecComposante };
}
