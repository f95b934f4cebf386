/**
 * What the rules of the typology share: their input, the verdicts they return (data only: the
 * sentences are written by core/locale/<lang>/typology.ts) and small helpers.
 */
import type { DiagnosticDoc, FamilleId, ReglesDoc } from '../../format/schema.js';
import type { IndicateursMetier, Mesure } from '../result.js';
import type { Composante, Normalisation } from '../synthese.js';

export type Declaration = DiagnosticDoc['metiers'][number];

export interface TypologyContext {
  regles: ReglesDoc;
  /** Producer of each source, by source id (cited in the sentences). */
  producteurs: ReadonlyMap<string, string>;
  /** Name of the reference territory (« la région Grand Est »), for the sentences. */
  referenceNom?: string;
  /** Upper-quartile threshold of postes à pourvoir per job (see `seuilQuartilePostes`). */
  seuilPostes?: number;
  /** The reference territory's share of difficult BMO projects, all métiers (`result.bmo.reference`),
   * for the relative threshold (`regles.tension.part_difficiles_seuil: reference`). */
  partDifficilesReference?: number;
  /** The distribution each component of the composite score was normalised on. */
  normalisationComposite?: Partial<Record<Composante, Normalisation>>;
}

/** Where a value comes from: source id, its producer, year(s), and whether it is its group's. */
export interface Provenance {
  approximatif?: boolean;
  source?: string;
  producteur?: string;
  anneeDebut?: number;
  annee?: number;
  /** The value is a code's of the source's own nomenclature, copied to several métiers (« via ROME v3 D1106, 3 fiches »). */
  origine?: { nomenclature: string; codes: string[]; fiches: number };
  /** The value is France's, from a national-scope source (« série nationale »). */
  nationale?: boolean;
}

/** The z-scores of the composite tension score's components. */
export type Composantes = Partial<Record<Composante, number>>;

/**
 * One rule that fired, as data: the family, the rule, the indicator, its value, the threshold and
 * the comparison, the numbers its sentence cites, and the provenance of the value.
 */
export type Verdict = Provenance &
  (
    | { famille: 'en-crise'; regle: 'tcam-seuil'; indicateur: 'tcam'; valeur: number; seuil: number; comparaison: '<='; reference?: number; duree: number; effectifInitial: number }
    | { famille: 'en-croissance'; regle: 'tcam-seuil'; indicateur: 'tcam'; valeur: number; seuil: number; comparaison: '>='; reference?: number }
    | { famille: 'en-tension'; regle: 'classe-officielle'; indicateur: 'classe_tension'; valeur: number; seuil: number; comparaison: '>='; offres?: number; demandeurs?: number; projets?: number }
    | {
        famille: 'en-tension';
        regle: 'part-difficiles';
        indicateur: 'part_difficiles';
        valeur: number;
        seuil: number;
        comparaison: '>=';
        projets: number;
        projetsMinimum: number;
        /** Relative threshold: the reference's share and the points added to it. */
        reference?: number;
        ecart?: number;
        /** Withheld cells behind the share and the projects (a lower bound of projects). */
        masques?: number;
      }
    | {
        famille: 'en-tension';
        regle: 'score-composite';
        indicateur: 'score_tension';
        valeur: number;
        seuil: number;
        comparaison: '>=';
        composantes: Composantes;
        poids: Composantes;
        normalisation: Partial<Record<Composante, Normalisation>>;
      }
    | { famille: 'en-mutation' | 'strategique'; regle: 'declaration'; indicateur: 'declaration'; valeur: true; comparaison: '=' }
    | { famille: 'strategique'; regle: 'indice-specificite'; indicateur: 'indice_specificite'; valeur: number; seuil: number; comparaison: '>='; fort: boolean }
    | { famille: 'strategique'; regle: 'part-55-plus'; indicateur: 'part_55_plus'; valeur: number; reference?: number }
    | { famille: 'fragile' | 'porteur'; regle: 'famille-derivee'; indicateur: 'famille'; valeur: 'en-crise' | 'en-croissance' | 'en-tension'; comparaison: '=' }
    | { famille: 'fragile'; regle: 'tcam-baisse'; indicateur: 'tcam'; valeur: number; seuil: 0; comparaison: '<'; reference?: number }
    | { famille: 'fragile'; regle: 'vieillissement-part-55'; indicateur: 'part_55_plus'; valeur: number; seuil: number; comparaison: '>='; reference: number; ecart: number }
    | { famille: 'fragile'; regle: 'indice-renouvellement'; indicateur: 'indice_renouvellement'; valeur: number; seuil: number; comparaison: '<' }
    | { famille: 'porteur'; regle: 'quartile-postes'; indicateur: 'postes_a_pourvoir_par_emploi'; valeur: number; seuil: number; comparaison: '>='; horizon: number }
  );

/** The verdict of one rule token (`VerdictOf<'tcam-seuil'>`…). */
export type VerdictOf<R extends Verdict['regle']> = Extract<Verdict, { regle: R }>;

/** What a family's rule reads: the métier, its declaration, the context, and the families already decided. */
export interface RuleInput {
  ind: IndicateursMetier;
  decl: Declaration | undefined;
  ctx: TypologyContext;
  /** Families given by the rules run before (the order of `FAMILLE_ORDER`). */
  familles: ReadonlySet<FamilleId>;
}

/** One family's rule: the verdicts that fired, in the order of their explanations. */
export type FamilleRule = (e: RuleInput) => Verdict[];

/** A value that may fire a rule: present and significant (the ≥ 30 rule). */
export const usable = (m: Mesure | undefined): m is Mesure & { valeur: number } => !!m && m.significatif && m.valeur !== null;

/** The provenance of a measure, with the producer of its source. */
export function provenance(m: Mesure, ctx: TypologyContext): Provenance {
  const p: Provenance = {};
  if (m.approximatif) p.approximatif = true;
  if (m.nationale) p.nationale = true;
  if (m.source !== undefined) {
    p.source = m.source;
    const prod = ctx.producteurs.get(m.source);
    if (prod) p.producteur = prod;
  }
  if (m.anneeDebut !== undefined) p.anneeDebut = m.anneeDebut;
  if (m.annee !== undefined) p.annee = m.annee;
  return p;
}

/** The reference's TCAM when it can be compared with. */
export const tcamReference = (ind: IndicateursMetier) => (usable(ind.tcamReference) ? ind.tcamReference.valeur : undefined);
