/**
 * What `gtec diff` tells a reviewer: the changes between two versions of a diagnostic expressed as
 * changes of diagnosis (families, passerelles, plan, evaluation, problems), not of text. Plain,
 * serialisable data; every list sorted so that the same two inputs give the same bytes.
 */
import type { DiagnosticResult } from '../analysis/result.js';
import type { DiagnosticDoc, FamilleId } from '../format/schema.js';
import type { Problem, Severity } from '../problems.js';

/** One version of a diagnostic, as the host could read and compute it. */
export interface Version {
  /** Label shown to the reader: a revision (`HEAD~1`) or a path. */
  libelle: string;
  /** Path of the diagnostic file inside that version. */
  fichier: string;
  /** The file is absent from this version (added or removed diagnostic). */
  absent?: boolean;
  /** Raw text of the diagnostic (format version read from it even when invalid). */
  texte?: string;
  result?: DiagnosticResult;
  doc?: DiagnosticDoc;
  problems: Problem[];
  /** Fingerprint of every data file read, by path relative to the diagnostic (changed content). */
  empreintes?: Record<string, string>;
  /** Why the version could not be read or computed, as notes (binary, too large, unreadable…). */
  notes?: Note[];
}

/** A remark about the comparison itself: bad or partial input, said in one sentence. */
export type Note =
  | { type: 'absent'; cote: Cote; fichier: string; revision: string }
  | { type: 'binaire'; cote: Cote; fichier: string }
  | { type: 'volumineux'; cote: Cote; fichier: string; octets: number; limite: number }
  | { type: 'illisible'; cote: Cote; fichier: string; raison: string }
  | { type: 'version-format'; ancienne: string; nouvelle: string }
  | { type: 'sans-resultat'; cote: Cote; fichier: string }
  | { type: 'renomme'; cote: Cote; ancien: string; nouveau: string }
  | { type: 'hors-git'; fichiers: string[] };

export type Cote = 'ancien' | 'nouveau';

/** A value before and after; `null` when absent on that side. */
export interface AvantApres<T = number> {
  avant: T | null;
  apres: T | null;
}

/** A métier entering or leaving a family, with the indicator that decided it. */
export interface MouvementFamille {
  famille: FamilleId;
  sens: 'entree' | 'sortie';
  code: string;
  libelle: string;
  /** Indicator named by the rule that fired (on the side where the métier is in the family). */
  indicateur?: string;
  valeur: AvantApres<number | string | boolean>;
  seuil?: number | string;
  comparaison?: string;
}

export interface ChangementPasserelle {
  source: string;
  cible: string;
  cibleLibelle: string;
  score: AvantApres;
}

export interface ChangementScore {
  code: string;
  libelle: string;
  /** 'score_tension' (composite z-score), 'part_difficiles', 'tcam'… */
  indicateur: string;
  valeur: AvantApres;
}

export interface ChangementFiche {
  id: string;
  titre: string;
  type: 'ajoutee' | 'supprimee' | 'budget' | 'financement-perdu' | 'metiers';
  budget: AvantApres;
  /** Financing lines (ids) the fiche no longer draws on, for 'financement-perdu'. */
  lignesPerdues?: string[];
  metiersAjoutes?: string[];
  metiersRetires?: string[];
}

export interface ChangementFinanceur {
  financeur: string;
  nom: string;
  montant: AvantApres;
}

export interface ChangementIndicateur {
  id: string;
  libelle: string;
  type: 'ajoute' | 'supprime' | 'avancement';
  avancement: AvantApres;
  valeur: AvantApres;
  atteint: AvantApres<boolean>;
  enRetard: AvantApres<boolean>;
}

export interface ProblemeDiff {
  code: string;
  severity: Severity;
  pointer: string;
  fichier?: string;
  message: { fr: string; en: string };
}

export interface ChangementSource {
  id: string;
  type: 'ajoutee' | 'supprimee' | 'chemin' | 'contenu';
  chemin: AvantApres<string>;
}

/**
 * Default tolerance of a comparison: absolute difference below which a score is unchanged. Here,
 * in a module without runtime imports, so that `gtec --help` shows it without loading the comparison.
 */
export const TOLERANCE_DEFAUT = 0.05;

export interface DiagnosticDiff {
  /** Format version of this diff (for consumers that store it). */
  version: 1;
  fichier: string;
  ancien: { libelle: string; fichier: string };
  nouveau: { libelle: string; fichier: string };
  tolerance: number;
  notes: Note[];
  /** Changes of the diagnostic's frame: title, territory, period, nomenclature, referential, rules. */
  cadre: Array<{ champ: string; valeur: AvantApres<string> }>;
  sources: ChangementSource[];
  /** Métiers per family, before and after (counts). */
  effectifsFamilles: Array<{ famille: FamilleId; nombre: AvantApres }>;
  familles: MouvementFamille[];
  passerelles: { nouvelles: ChangementPasserelle[]; perdues: ChangementPasserelle[]; modifiees: ChangementPasserelle[] };
  scores: ChangementScore[];
  plan: {
    budgetTotal: AvantApres;
    financeurs: ChangementFinanceur[];
    fiches: ChangementFiche[];
    /** Fragile métiers without a fiche action, newly so or now covered. */
    sansActionNouveaux: string[];
    sansActionCouverts: string[];
  };
  evaluation: ChangementIndicateur[];
  problemes: { nouveaux: ProblemeDiff[]; corriges: ProblemeDiff[] };
  /** True when nothing of the above changed. */
  identique: boolean;
}
