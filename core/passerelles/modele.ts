/**
 * The learned passerelle model: two logistic regressions over per-pair features, fitted on ROME's
 * expert mobilités by `scripts/fit-passerelles.ts` (docs/passerelles.md). The weights are data
 * (modele-rome.ts, generated); the engine only evaluates b + Σ wᵢ·xᵢ and keeps each wᵢ·xᵢ as the
 * contribution of feature i to the explanation.
 *
 * - `contenu`: features computed from the referential alone (any referential).
 * - `expert`: the content logit plus features drawn from the expert lists of the *other* fiches
 *   (used when the referential carries a mobilités table).
 */

import type { TableTransitions } from './transitions.js';

/** Features of the content-only score, in model order. */
export const CARACTERISTIQUES_CONTENU = [
  /** Weighted share of the target's competences held by the source (soft credit via the hierarchy). */
  'couverture',
  /** The same the other way: share of the source's competences the target uses. */
  'valorisation',
  /** Cosine of the activity profiles (competences summed by macro-compétence group). */
  'activites',
  /** Cosine of the IDF-weighted contextes de travail. */
  'contextes',
  /** Same domaine professionnel (1/0). */
  'memeDomaine',
  /** Same grand domaine (1/0). */
  'memeGrandDomaine',
  /** Both fiches descend from the same ROME v3 code (1/0). */
  'memeRomeV3',
  /** Word TF-IDF cosine of the titles and appellations. */
  'intitules',
  /** Word TF-IDF cosine of the definitions. */
  'definitions',
  /** Word TF-IDF cosine of the labels of the competences of the two fiches. */
  'libellesCompetences',
  /** Same emploi cadre status (1/0). */
  'memeCadre',
  /** The target is an emploi cadre (1/0): experts list moves up as well as across. */
  'cibleCadre',
  /** How generic the target is: 1 − mean rarity of its competences (ln(1 + N/df) / ln(1 + N)). */
  'cibleGenerique',
  /** How broad the target is: ln(1 + its appellations) / ln(1 + the most any fiche has). */
  'cibleAppellations',
  /** `couverture` divided by its largest value over the source's candidates (1 for the best covered). */
  'couvertureRelative',
  /** `libellesCompetences` divided by its largest value over the source's candidates. */
  'libellesRelatifs',
  /** `definitions` divided by its largest value over the source's candidates. */
  'definitionsRelatives',
  /** `intitules` divided by its largest value over the source's candidates. */
  'intitulesRelatifs',
  /** Learned lift of moves from the source's domaine professionnel to the target's (transitions.ts). */
  'transitionDomaine',
  /** The same between grands domaines. */
  'transitionGrandDomaine',
  /** `libellesCompetences` as a z-score among the source's candidates. */
  'libellesEcart',
  /** Products of two features (PRODUITS_CONTENU): still one additive contribution wᵢ·xᵢ. */
  'libellesFoisTransition',
  'couvertureFoisTransition',
  'libellesFoisAppellations',
  'libellesFoisDomaine',
  // The target priors come last: the content logit without them is the source–target similarity
  // the expert features rank neighbours by (expert-features.ts).
  /** Learned share of expert moves landing in the target's domaine, over its share of fiches (log). */
  'cibleDomaineApprise',
  /** Learned popularity of the target itself: ln(1 + training lists naming it), from the model. */
  'ciblePopulaireApprise',
] as const;

/** Index of the first target prior: features before it make the similarity logit. */
export const DEBUT_PRIORS = CARACTERISTIQUES_CONTENU.indexOf('cibleDomaineApprise');

/** Content features that are the product of two others (computed after them). */
export const PRODUITS_CONTENU: ReadonlyArray<readonly [(typeof CARACTERISTIQUES_CONTENU)[number], (typeof CARACTERISTIQUES_CONTENU)[number], (typeof CARACTERISTIQUES_CONTENU)[number]]> = [
  ['libellesFoisTransition', 'libellesCompetences', 'transitionDomaine'],
  ['couvertureFoisTransition', 'couvertureRelative', 'transitionDomaine'],
  ['libellesFoisAppellations', 'libellesCompetences', 'cibleAppellations'],
  ['libellesFoisDomaine', 'libellesCompetences', 'memeDomaine'],
];

/** Features of the expert-aware score, in model order. */
export const CARACTERISTIQUES_EXPERT = [
  /** The content logit (its own contributions are kept in the explanation). */
  'scoreContenu',
  /** The target's official list names the source (1/0). */
  'inverse',
  /** How often experts list the target: ln(1 + lists naming it) / ln(1 + the most). */
  'popularite',
  /** Share of the content-nearest fiches having a list whose list names the target. */
  'voisins',
  /** Share of the source's content-nearest fiches named in the target's list. */
  'voisinsInverse',
  /** Co-citation: share of the lists naming the source that also name the target. */
  'coCitation',
  /** `voisins` over the 10 nearest fiches only (a sharper collaborative signal). */
  'voisinsProches',
  /** Two hops: share of the targets listed by the nearest fiches whose own list names the target. */
  'deuxSauts',
] as const;

export type CaracteristiqueContenu = (typeof CARACTERISTIQUES_CONTENU)[number];
export type CaracteristiqueExpert = (typeof CARACTERISTIQUES_EXPERT)[number];

export interface ModeleLineaire<K extends string> {
  biais: number;
  poids: Record<K, number>;
}

export interface ModelePasserelles {
  /** What it was fitted on and how (free text, for the reader). */
  description: string;
  contenu: ModeleLineaire<CaracteristiqueContenu>;
  expert: ModeleLineaire<CaracteristiqueExpert>;
  /** Number of content-nearest fiches used by `voisins` and `voisinsInverse`. */
  voisins: number;
  /** Lifts of expert moves between domaines (transitions.ts); absent: the transition features are 0. */
  transitions?: { domaine: TableTransitions; grandDomaine: TableTransitions; cibleDomaine?: Record<string, number>; citations?: Record<string, number> };
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
