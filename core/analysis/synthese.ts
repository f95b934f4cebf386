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

/**
 * Composite tension proxy (docs/methodes.md §2): mean of the z-scores of O/D, écoulement and % BMO
 * difficult. The z parameters (mean, sd) come from the reference territory's métiers (significant
 * values) so that a small territory is not normalised against itself; a component without a usable
 * reference distribution (fewer than 2 values, or no spread) falls back to the territory's own
 * métiers and is reported in `normalisationLocale`. A score needs at least 2 of the 3 components;
 * it is significant only when all the components it uses are.
 */
export function scoresComposites(
  metiers: IndicateursMetier[],
  reference: Partial<Record<Composante, number[]>> | undefined,
): { normalisationLocale: Composante[] } {
  const parametres = new Map<Composante, { moyenne: number; ecartType: number }>();
  const locale: Composante[] = [];
  for (const c of COMPOSANTES) {
    const ref = reference?.[c];
    const pRef = ref ? moyenneEcartType(ref) : null;
    if (pRef && pRef.ecartType > 0) {
      parametres.set(c, pRef);
      continue;
    }
    const locales = metiers.map((m) => valeurComposante(m, c)).filter((v) => v?.significatif).map((v) => v!.valeur);
    const pLoc = moyenneEcartType(locales);
    if (pLoc && pLoc.ecartType > 0) {
      parametres.set(c, pLoc);
      locale.push(c);
    }
  }
  for (const m of metiers) {
    const composantes: NonNullable<NonNullable<IndicateursMetier['tension']>['composantes']> = {};
    let somme = 0;
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
      somme += z;
      n++;
      significatif &&= v.significatif;
      source ??= v.source;
      if (v.annee !== undefined) annee = Math.max(annee ?? v.annee, v.annee);
    }
    if (n < 2) continue;
    m.tension ??= {};
    m.tension.scoreComposite = mesure(somme / n, significatif, { ...(source !== undefined ? { source } : {}), ...(annee !== undefined ? { annee } : {}) });
    m.tension.composantes = composantes;
  }
  return { normalisationLocale: locale };
}
