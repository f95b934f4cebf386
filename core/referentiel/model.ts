/**
 * A competence referential: métiers (ROME fiches or custom), the competences they use, and the
 * structure around them (macro-compétences, domaines). Plain data (arrays and records), so that it
 * can be serialised (Excel add-in storage, `gtec referentiel export`) and built by any loader.
 */

export type CompetenceType = 'savoir-faire' | 'savoir-etre' | 'savoir';

export interface Competence {
  /** Stable id (ROME: code_ogr). */
  id: string;
  libelle: string;
  type: CompetenceType;
  /** Parent macro-compétence id (ROME: code_ogr_macro_comp), for savoir-faire/savoir-être. */
  macro?: string;
  /** ROME `cat_comp` / `sous_cat_comp` (savoirs: catégorie and sous-catégorie). */
  categorie?: string;
  sousCategorie?: string;
}

export interface MacroCompetence {
  id: string;
  libelle: string;
  /** ROME: enjeu / objectif grouping when available. */
  groupe?: string;
}

/** A competence as a métier uses it. */
export interface CompetenceDeMetier {
  id: string;
  /** ROME `coeur_metier`: Principale (core of the métier) or Émergente. */
  coeur?: 'principale' | 'emergente';
}

export interface Metier {
  /** ROME 4 code (e.g. H2913) or custom code. */
  code: string;
  libelle: string;
  /** Domaine professionnel (ROME: 3 characters, e.g. H29). */
  domaine?: string;
  /** Grand domaine (ROME: 1 letter, e.g. H). */
  grandDomaine?: string;
  appellations: string[];
  competences: CompetenceDeMetier[];
  /** Contextes de travail item ids (ROME bloc 6). */
  contextes?: string[];
  /** ROME v3 code this fiche descends from (ROME 4 `code_rome_parent`). */
  codeRomeV3?: string;
  /** ROME tags: transition écologique / numérique / démographique, emploi réglementé, cadre. */
  tags?: string[];
  /** Definition of the métier (ROME `unix_texte`, type `definition`, sentences in order). */
  definition?: string;
}

export interface MobiliteOfficielle {
  source: string;
  cible: string;
  /** Order in the official list (1 = first). */
  rang: number;
  /** ROME v3 files: 1 = proche, 2 = évolution. */
  type?: 'proche' | 'evolution';
}

export interface Referentiel {
  /** What it is: 'demo', 'rome-officiel', 'csv'. */
  kind: 'demo' | 'rome-officiel' | 'csv';
  /** Human label: « ROME 4.0 v60 (25M09) ». */
  label: string;
  /** Version string as published (ROME: numéro de version, e.g. '60'). */
  version: string;
  metiers: Metier[];
  competences: Record<string, Competence>;
  macros: Record<string, MacroCompetence>;
  /** Libellés of domaines professionnels and grands domaines, by code. */
  domaines: Record<string, string>;
  /** Labels of contextes de travail items. */
  contextes?: Record<string, string>;
  /** Official expert-curated mobilités, shown beside computed passerelles, never in their score. */
  mobilites?: MobiliteOfficielle[];
}
