/**
 * Parameters of the passerelle score (docs/passerelles.md explains each one and its default).
 * Every weight is named here so that a diagnostic can override it and a reader can find it.
 */
import type { CompetenceType } from '../referentiel/model.js';

export interface PasserelleParams {
  /** Weights of the four components; they are normalised to sum to 1. */
  poids: {
    /** Asymmetric coverage of the target's competences by the source (what a training plan must cover). */
    couverture: number;
    /** Reverse coverage: share of the source's own competences that the target uses (experience put to use). */
    valorisation: number;
    /** Symmetric similarity of the activity profiles (competences grouped by macro-compétence group). */
    activites: number;
    /** Similarity of the contextes de travail. */
    contextes: number;
    /** Proximity in the referential: same domaine professionnel, or same grand domaine. */
    proximite: number;
  };
  /** Weight of a competence by type: what a move really requires first. */
  poidsType: Record<CompetenceType, number>;
  /** Multiplier for a competence that is cœur de métier (principale / émergente) in the target. */
  poidsCoeur: { principale: number; emergente: number };
  /** Rarity weighting: weight × ln(1 + N / df)^rarete (0 = off, 1 = IDF-like). */
  rarete: number;
  /** Partial credit for a target competence not held but with a sibling held under the same macro-compétence. */
  creditMacro: number;
  /** Partial credit when only the macro-compétence group (ROME objectif) is shared. Must be ≤ creditMacro. */
  creditGroupe: number;
  /** Proximity value when only the grand domaine is shared (same domaine professionnel = 1). */
  proximiteGrandDomaine: number;
}

export const DEFAULT_PARAMS: PasserelleParams = {
  poids: { couverture: 0.4, valorisation: 0.2, activites: 0.15, contextes: 0.1, proximite: 0.15 },
  poidsType: { 'savoir-faire': 1, savoir: 0.6, 'savoir-etre': 0.3 },
  poidsCoeur: { principale: 2, emergente: 1.25 },
  rarete: 1,
  creditMacro: 0.25,
  creditGroupe: 0.05,
  proximiteGrandDomaine: 0.3,
};

/** Deep-merges overrides into the defaults and normalises the component weights. */
export function resolveParams(overrides: DeepPartial<PasserelleParams> = {}): PasserelleParams {
  const p: PasserelleParams = {
    poids: { ...DEFAULT_PARAMS.poids, ...overrides.poids },
    poidsType: { ...DEFAULT_PARAMS.poidsType, ...overrides.poidsType },
    poidsCoeur: { ...DEFAULT_PARAMS.poidsCoeur, ...overrides.poidsCoeur },
    rarete: overrides.rarete ?? DEFAULT_PARAMS.rarete,
    creditMacro: overrides.creditMacro ?? DEFAULT_PARAMS.creditMacro,
    creditGroupe: overrides.creditGroupe ?? DEFAULT_PARAMS.creditGroupe,
    proximiteGrandDomaine: overrides.proximiteGrandDomaine ?? DEFAULT_PARAMS.proximiteGrandDomaine,
  };
  const total = p.poids.couverture + p.poids.valorisation + p.poids.activites + p.poids.contextes + p.poids.proximite;
  if (total > 0) {
    p.poids = {
      couverture: p.poids.couverture / total,
      valorisation: p.poids.valorisation / total,
      activites: p.poids.activites / total,
      contextes: p.poids.contextes / total,
      proximite: p.poids.proximite / total,
    };
  }
  // The hierarchy is nested (held ⇒ same macro ⇒ same group), so credits must not increase upwards.
  p.creditMacro = Math.min(1, Math.max(0, p.creditMacro));
  p.creditGroupe = Math.min(p.creditMacro, Math.max(0, p.creditGroupe));
  return p;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
