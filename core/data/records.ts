/**
 * Typed records that data loaders produce from a declared source (see `COLONNES_SOURCE` in
 * core/format/schema.ts) and that the analysis consumes. Codes stay text (leading zeros matter).
 */
import type { SourceDoc } from '../format/schema.js';
import type { DataLocation } from '../problems.js';

/** A number read from a data file; `masque` when the publisher withheld it (BMO `*`). */
export interface Nombre {
  valeur: number | null;
  masque: boolean;
}

interface Base {
  /** Where the record comes from (file and 1-based line or row), for error messages. */
  origine: DataLocation;
  /** Code of the finest zone of the row (commune, bassin…), as in the file's `zone` column. */
  zone: string;
  /** Coarser levels when the file gives them (columns `departement`, `region`), so that a
   * territory and its reference can be selected from the same file. */
  departement?: string;
  region?: string;
  annee?: number;
}

export interface EffectifRecord extends Base {
  metier: string;
  effectif: Nombre;
  secteur?: string;
  libelle?: string;
}
export interface AgeRecord extends Base {
  metier: string;
  tranche: string;
  effectif: Nombre;
  sexe?: string;
}
export interface BmoRecord extends Base {
  metier: string;
  projets: Nombre;
  difficiles: Nombre;
  saisonniers: Nombre;
  libelle?: string;
}
export interface TensionRecord extends Base {
  metier: string;
  classe: Nombre;
  offres?: Nombre;
  demandeurs?: Nombre;
  libelle?: string;
  /** Average employment of the occupation in the zone (DARES `emploi_moyen`), when given. */
  emploi?: Nombre;
}
export interface OffresDemandesRecord extends Base {
  metier: string;
  offres: Nombre;
  demandeurs: Nombre;
  sorties?: Nombre;
}
export interface EtablissementRecord extends Base {
  taille: string;
  etablissements: Nombre;
  effectif?: Nombre;
  secteur?: string;
}
export interface QualificationRecord extends Base {
  metier: string;
  niveau: string;
  effectif: Nombre;
}

export type LoadedSource =
  | { type: 'effectifs'; source: SourceDoc; records: EffectifRecord[] }
  | { type: 'ages'; source: SourceDoc; records: AgeRecord[] }
  | { type: 'bmo'; source: SourceDoc; records: BmoRecord[] }
  | { type: 'tension'; source: SourceDoc; records: TensionRecord[] }
  | { type: 'offres-demandes'; source: SourceDoc; records: OffresDemandesRecord[] }
  | { type: 'etablissements'; source: SourceDoc; records: EtablissementRecord[] }
  | { type: 'qualifications'; source: SourceDoc; records: QualificationRecord[] };

/** A crosswalk between two nomenclatures: origin code → destination codes. */
export interface CrosswalkTable {
  de: string;
  vers: string;
  map: Map<string, string[]>;
}
