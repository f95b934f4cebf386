/**
 * What a diagnostic computes: the contract between the analysis (core/analysis) and every
 * output (HTML/xlsx/JSON report, VS Code preview, Excel task pane, `gtec diff`).
 *
 * Plain, serialisable data; deterministic ordering (métiers by code, passerelles by rank) so that
 * two runs on the same inputs give byte-identical JSON.
 */
import type { FamilleId, IndicateurDoc } from '../format/schema.js';
import type { Problem } from '../problems.js';

export type Texte = { fr: string; en: string };

/** A measured value with its provenance; `null` when withheld (BMO `*`) or missing. */
export interface Mesure {
  valeur: number | null;
  /** false when the count behind it is below the ≥ 30 rule ("non significatif"). */
  significatif: boolean;
  /** true when the source withheld the value (BMO `*`); never turned into zero. */
  masque?: boolean;
  /** true when the value is the sum of the published cells only, some being withheld: the true
   * value is at least this (shown « ≥ »). */
  borneInferieure?: boolean;
  /** Number of withheld cells behind the value (a lower bound, or a share's numerator and denominator). */
  masques?: number;
  /** Source id in the diagnostic, and its producer. */
  source?: string;
  annee?: number;
  /** First year, for values computed over a period (TCAM, evolution): `annee` is then the last. */
  anneeDebut?: number;
  /** true when the value comes from an origin code shared by several métiers of the analysis
   * nomenclature (ROME v3 → ROME 4…): a count is the whole group's (not summable across métiers),
   * a rate, share or class is the group's, used as an approximation for each métier. */
  approximatif?: boolean;
  /** true when the value comes from a national-scope source (`portee: nationale`): France's figure standing for the territory. */
  nationale?: boolean;
}

/**
 * The rule of the typology that fired (core/analysis/typology/): with the family, it tells which
 * sentence explains the verdict (core/locale/<lang>/typology.ts).
 */
export type RegleTypologie =
  /** En crise / en croissance: TCAM against an absolute threshold and the reference's TCAM. */
  | 'tcam-seuil'
  /** En tension: official tension class. */
  | 'classe-officielle'
  /** En tension: BMO share of recruitment projects judged difficult. */
  | 'part-difficiles'
  /** En tension: composite score (mean of z-scores). */
  | 'score-composite'
  /** En mutation / stratégique: expert declaration in the diagnostic file. */
  | 'declaration'
  /** Stratégique (evidence): location quotient. */
  | 'indice-specificite'
  /** Stratégique (evidence): share of workers aged 55 and over. */
  | 'part-55-plus'
  /** Fragile from en crise, porteur from en croissance or en tension. */
  | 'famille-derivee'
  /** Fragile: employment declining (TCAM < 0 and below the reference's). */
  | 'tcam-baisse'
  /** Fragile (ageing pyramid): share of 55+ at least the reference's plus a margin. */
  | 'vieillissement-part-55'
  /** Fragile (ageing pyramid): renewal index below its threshold. */
  | 'indice-renouvellement'
  /** Porteur: upper quartile of postes à pourvoir per job. */
  | 'quartile-postes';

/** Why a métier belongs to a family: one reason per rule that fired. */
export interface Explication {
  famille: FamilleId;
  /** The rule that fired (absent from results written before it was recorded). */
  regle?: RegleTypologie;
  /** Indicator name: 'tcam', 'classe_tension', 'part_difficiles', 'score_tension', 'declaration', 'famille'… */
  indicateur: string;
  valeur: number | string | boolean | null;
  /** Threshold the value was compared with, and how. */
  seuil?: number | string;
  comparaison?: '>=' | '<=' | '>' | '<' | '=';
  /** Source id (and producer) and year of the value. */
  source?: string;
  annee?: number;
  /** Producer of the source (INSEE, France Travail…), when declared. */
  producteur?: string;
  /** First year, when the value covers a period (TCAM). */
  anneeDebut?: number;
  /** The value is its origin group's (see `Mesure.approximatif`); the sentence says so. */
  approximatif?: boolean;
  /** The reference territory's value of the same indicator (TCAM, share of 55+), when known. */
  reference?: number;
  /** En crise: years of the period and employment at its start. */
  duree?: number;
  effectifInitial?: number;
  /** Share of difficult projects: number of projects, and the minimum the rule asks for. */
  projets?: number;
  projetsMinimum?: number;
  /** Share of difficult projects: withheld cells behind the share or the projects (lower bounds). */
  masques?: number;
  /** Composite tension score: the z-scores of its components, the renormalised weights, the distribution of each z-score. */
  composantes?: { ratioOffresDemandeurs?: number; ecoulement?: number; partDifficiles?: number };
  poids?: { ratioOffresDemandeurs?: number; ecoulement?: number; partDifficiles?: number };
  normalisation?: { ratioOffresDemandeurs?: 'reference' | 'territoire'; ecoulement?: 'reference' | 'territoire'; partDifficiles?: 'reference' | 'territoire' };
  /** Official tension class: the counts behind it (offres, demandeurs of the class's source; BMO projects when known). */
  offres?: number;
  demandeurs?: number;
  /** The verdict was decided on a code of the source's nomenclature and copied to this métier. */
  origine?: { nomenclature: string; codes: string[]; fiches: number };
  /** The value is France's, from a national-scope source (« série nationale »). */
  nationale?: boolean;
  /** Location quotient at least the « strong » threshold. */
  fort?: boolean;
  /** Ageing by the share of 55+: margin over the reference's share (0.05 = 5 points). */
  ecart?: number;
  /** Postes à pourvoir: horizon in years. */
  horizon?: number;
  texte: Texte;
}

export interface PyramideAges {
  /** Age bands in ascending order, e.g. '15-29', '30-49', '50-54', '55+'. */
  tranches: Array<{ tranche: string; effectif: number }>;
  part50Plus: Mesure;
  part55Plus: Mesure;
  part55PlusReference?: Mesure;
  /** Renewal index: (< 30) / (≥ 50). */
  indiceRenouvellement: Mesure;
  vieillissant: boolean;
}

export interface IndicateursMetier {
  /** Code in the analysis nomenclature. */
  code: string;
  libelle: string;
  /** Domaine professionnel / family grouping for tables (ROME domaine, FAP family…). */
  groupe?: string;
  groupeLibelle?: string;
  effectifDebut?: Mesure;
  effectifFin?: Mesure;
  /** Relative change over the period, (fin − début) / début. */
  evolution?: Mesure;
  tcam?: Mesure;
  tcamReference?: Mesure;
  indiceSpecificite?: Mesure;
  ages?: PyramideAges;
  /** Estimated end-of-career departures within the horizon. */
  departsFinCarriere?: Mesure;
  /** Net job creation over the horizon if the trend (TCAM) goes on. */
  creationsNettes?: Mesure;
  /** Net creations over the horizon (trend) + departures, and per employed person. */
  postesAPourvoir?: Mesure;
  postesAPourvoirParEmploi?: Mesure;
  bmo?: {
    projets: Mesure;
    difficiles: Mesure;
    saisonniers: Mesure;
    partDifficiles: Mesure;
    partSaisonniers: Mesure;
  };
  tension?: {
    /** Official class 1..5 when given. */
    classe?: Mesure;
    offres?: Mesure;
    demandeurs?: Mesure;
    /** Offers / job seekers. */
    ratioOffresDemandeurs?: Mesure;
    /** Composite score (weighted mean of z-scores, DARES 30/20/50), when computed. */
    scoreComposite?: Mesure;
    /** Taux d'écoulement: exits from the register / job seekers. */
    ecoulement?: Mesure;
    /** z-scores entering the composite score, by component. */
    composantes?: { ratioOffresDemandeurs?: number; ecoulement?: number; partDifficiles?: number };
    /** Weights the composite score used, renormalised over its components (sum 1). */
    poids?: { ratioOffresDemandeurs?: number; ecoulement?: number; partDifficiles?: number };
  };
  /**
   * The codes of another nomenclature this métier's values were copied from, per source, when
   * an origin code reaches several métiers of the analysis nomenclature (ROME v3 → ROME 4.0…):
   * `fiches` is how many métiers of the analysis nomenclature those codes reach.
   */
  origines?: Origine[];
  qualifications?: Array<{ niveau: string; effectif: number }>;
  /** ROME transition tags of the fiche (signals for « en mutation », never a verdict on their own). */
  signaux?: string[];
}

/** Codes of a source's own nomenclature behind a métier of the analysis nomenclature. */
export interface Origine {
  source: string;
  nomenclature: string;
  codes: string[];
  /** Métiers of the analysis nomenclature these codes reach (through the crosswalk). */
  fiches: number;
}

/** A family counted in the source nomenclature: distinct source cells, and the métiers they cover. */
export interface CellulesFamille {
  cellules: number;
  metiers: number;
  nomenclature: string;
}

export interface MetierDiagnostique {
  indicateurs: IndicateursMetier;
  familles: FamilleId[];
  explications: Explication[];
  /** Expert note from the diagnostic file. */
  note?: string;
}

export interface CompetenceEcart {
  id: string;
  libelle: string;
  type: 'savoir-faire' | 'savoir-etre' | 'savoir';
  coeur: boolean;
  macro?: string;
}

export interface Passerelle {
  source: string;
  cible: string;
  cibleLibelle: string;
  rang: number;
  /** 0..1. */
  score: number;
  /** Score components, for the explanation (see docs/passerelles.md). */
  composantes: Record<string, number>;
  /** Competences of the target already held. */
  acquises: CompetenceEcart[];
  /** Competences of the target to acquire: cœur de métier first. */
  ecart: CompetenceEcart[];
  /** Also an official ROME mobilité (shown beside, never in the score). */
  mobiliteOfficielle?: boolean;
}

export interface SecteurIndicateurs {
  code: string;
  libelle?: string;
  effectif?: Mesure;
  indiceSpecificite?: Mesure;
}

export interface StructureEtablissements {
  tranches: Array<{ taille: string; etablissements: number; effectif?: number }>;
  /** Herfindahl index on the 0..10 000 scale, and its normalised form 0..1. */
  herfindahl?: Mesure;
  herfindahlNormalise?: Mesure;
}

export interface CouvertureFragile {
  code: string;
  libelle: string;
  fiches: string[];
}

export interface AvancementIndicateur {
  indicateur: IndicateurDoc;
  /** (valeur − base) / (cible − base), or null when not measured. */
  avancement: number | null;
  atteint: boolean;
  enRetard: boolean;
}

/** A perimeter's BMO totals over all its métiers (see docs/donnees.md, « Cellules masquées »). */
export interface TotauxBmo {
  /** Sums of the published cells: `borneInferieure` and `masques` when some are withheld. */
  projets: Mesure;
  difficiles: Mesure;
  saisonniers: Mesure;
  /** Published difficult (seasonal) / published projects; `masques` counts the withheld cells of both. */
  partDifficiles: Mesure;
  partSaisonniers: Mesure;
  /** Rows of the source summed (bassin × département × métier in the official workbook), and métiers. */
  lignes: number;
  metiers: number;
}

/** The BMO survey's totals for the territory and its reference (`result.bmo`). */
export interface ResultatBmo {
  /** Source id of the first BMO source. */
  source: string;
  annee?: number;
  /** Basis of the shares: 'publies' = published difficult / published projects. */
  base: 'publies';
  territoire: TotauxBmo;
  reference?: TotauxBmo;
}

/** Total employment of the territory and its reference (`result.emploi`): sums of the source's own rows (core/analysis/run/totaux-emploi.ts). */
export interface ResultatEmploi {
  source: string;
  producteur?: string;
  /** Nomenclature of the source's codes, and how many codes were summed in the territory. */
  nomenclature: string;
  codes: number;
  annee?: number;
  territoire: Mesure;
  reference?: Mesure;
}

export interface DiagnosticResult {
  /** Format version of this result (for consumers that store it). */
  version: 1;
  titre: string;
  territoire: { nom: string; type: string; codes: string[]; reference?: { nom: string; type: string; codes: string[] } };
  periode: { debut: number; fin: number };
  nomenclature: string;
  referentiel: { kind: string; label: string; version: string; metiers: number };
  metiers: MetierDiagnostique[];
  /** BMO totals of the territory and its reference, when a BMO source is declared. */
  bmo?: ResultatBmo;
  /** Total employment of the territory and its reference, when an employment source of territorial scope is declared. */
  emploi?: ResultatEmploi;
  /** Counts of métiers per family. */
  familles: Record<FamilleId, string[]>;
  /**
   * Families whose verdicts were decided on codes of another nomenclature and copied to several
   * métiers: how many source cells (codes) decided them, and how many métiers they cover.
   */
  cellulesFamilles?: Partial<Record<FamilleId, CellulesFamille>>;
  secteurs: SecteurIndicateurs[];
  etablissements?: StructureEtablissements;
  /** Sector specialisation of the territory against its reference. */
  specialisation?: { krugman?: Mesure; herfindahl?: Mesure; herfindahlNormalise?: Mesure };
  passerelles: Passerelle[];
  plan: {
    couverture: CouvertureFragile[];
    /** Fragile métiers with no fiche action. */
    fragilesSansAction: string[];
    budgetTotal: number;
    budgetParFinanceur: Array<{ financeur: string; nom: string; montant: number }>;
    fiches: Array<{ id: string; titre: string; metiers: string[]; budget: number; indicateurs: string[] }>;
  };
  evaluation: AvancementIndicateur[];
  /** Problems met while loading data and computing (data files, crosswalks). */
  problemes: Problem[];
}
