/**
 * Official files whose columns are known in advance (`preset` in a source). Headers are taken
 * from the files as their publishers distribute them (see docs/donnees.md).
 */
import type { NomenclatureId, SourceDoc } from '../format/schema.js';

export type PresetId = NonNullable<SourceDoc['preset']>;

/** The zone levels of one row, computed from the row's own cells. */
export interface ZoneLue {
  zone: string;
  region?: string;
  departement?: string;
}

export interface Preset {
  id: PresetId;
  type: SourceDoc['type'];
  nomenclature: NomenclatureId;
  /** Field → header; a pattern when the header changes with the edition (BE24, BE25…). */
  colonnes: Record<string, string | RegExp>;
  /** xlsx: the sheet to read when the source names none. */
  feuille?: RegExp;
  /** Métier codes of the file's total rows (« ENSEM », « ZZZZZ »): not codes, so not checked for their form (W221). */
  totaux?: readonly string[];
  /** CSV: the encoding the publisher uses, read when the source says `encodage: auto` (no W220 then). */
  encodage?: 'utf-8' | 'windows-1252';
  /** When the zone is not one column: computes it from the fields read (before checks). */
  zone?: (f: { zone: string; region?: string; departement?: string }) => ZoneLue | undefined;
  /** Fields with one value for the whole file (a national file has no zone column). */
  fixes?: Record<string, string>;
  /** Cell texts that mean « no value » in this file (R's `NA`): read as empty, never as an error. */
  manquants?: readonly string[];
  /** Multipliers applied to numbers as read (DARES employment is in thousands: 1000). */
  echelles?: Record<string, number>;
  /** Rewrites a field's text before it is read (a period « 2017-2019 » → its last year). */
  textes?: Record<string, (raw: string) => string>;
  /** A wide file (core/data/wide.ts): every header except `garder` is a code of `champ`, its cells the `valeur` field. */
  large?: { garder: readonly string[]; champ: string; valeur: string };
}

/** « 2016-2018 » (DARES pools 3 years of the enquête Emploi) → « 2017 », the period's middle year
 * (the year the pooled figures are centred on); any other text unchanged. */
export function milieuDePeriode(raw: string): string {
  const m = /^\s*(\d{4})\s*-\s*(\d{4})\s*$/.exec(raw);
  return m ? String(Math.floor((Number(m[1]) + Number(m[2])) / 2)) : raw;
}

export const PRESETS: Record<PresetId, Preset> = {
  // France Travail, « Base open data BMO » (sheet BMO_2024_open_data); `*` = withheld.
  'bmo-officiel': {
    id: 'bmo-officiel',
    type: 'bmo',
    nomenclature: 'fap2021',
    feuille: /^BMO_\d{4}_open_data$/i,
    colonnes: {
      annee: 'annee',
      metier: 'Code métier BMO',
      libelle: 'Nom métier BMO',
      region: 'REG',
      departement: 'Dept',
      zone: /^BE\d{2}$/,
      projets: 'met',
      difficiles: 'xmet',
      saisonniers: 'smet',
    },
  },
  // France Travail, tension by ROME v3 code and BMO 2019 bassin (2020).
  'tension-ft-rome-bassin': {
    id: 'tension-ft-rome-bassin',
    type: 'tension',
    nomenclature: 'rome3',
    colonnes: {
      annee: 'annee',
      metier: 'code_rome_v3',
      libelle: 'libelle_rome_v3',
      zone: 'code_bassin_2019',
      offres: 'offres_emploi',
      demandeurs: 'demandeurs_abc',
      classe: 'classe_tension',
    },
  },
  // DARES, tension indicators by FAP 2009 (2019): national, regional and departmental rows.
  'dares-tensions-fap2009': {
    id: 'dares-tensions-fap2009',
    type: 'tension',
    nomenclature: 'fap2009',
    colonnes: {
      annee: 'annee',
      metier: 'code_fap2009',
      zone: 'niveau_geo',
      region: 'code_region',
      departement: 'code_departement',
      classe: 'categorie_tension',
      emploi: 'emploi_moyen',
    },
    zone: ({ zone: niveau, region, departement }) => {
      const reg = region ? codeRegion(region) : undefined;
      if (niveau === 'nat') return { zone: 'FR' };
      if (niveau === 'reg' && reg) return { zone: reg, region: reg };
      if (niveau === 'dep' && departement) {
        const r = REGION_DU_DEPARTEMENT[departement];
        return { zone: departement, departement, ...(r ? { region: r } : {}) };
      }
      return undefined;
    },
  },
  // DARES, Portrait statistique des métiers (StatDares/PortraitStatMetiers, inputs/): see docs/donnees.md.
  // Regional employment by FAP 87, census 2017 (input_carte1.csv, Windows-1252): one row per région × FAP.
  'dares-emploi-region': {
    id: 'dares-emploi-region',
    type: 'effectifs',
    nomenclature: 'fap2009',
    colonnes: { metier: 'FAP_3', zone: 'code_reg', effectif: 'emp_fap_reg' },
    encodage: 'windows-1252',
    fixes: { annee: '2017' },
    zone: ({ zone }) => ({ zone: codeRegion(zone), region: codeRegion(zone) }),
  },
  // National employment 1983-2018 by FAP at 3 levels, in thousands, one column per code (effectifs_3niv.csv).
  'dares-emploi-national': {
    id: 'dares-emploi-national',
    type: 'effectifs',
    nomenclature: 'fap2009',
    large: { garder: ['Annee'], champ: 'FAP', valeur: 'effectif' },
    colonnes: { annee: 'Annee', metier: 'FAP', effectif: 'effectif' },
    fixes: { zone: 'FR' },
    manquants: ['NA'],
    echelles: { effectif: 1000 },
  },
  // National age structure by FAP 225 and 3-year period, in thousands
  // (age_agrege_1982_1984_2017_2019_restructure_fap225.csv): a period counts for its middle year.
  'dares-ages-fap225': {
    id: 'dares-ages-fap225',
    type: 'ages',
    nomenclature: 'fap2009',
    colonnes: { metier: 'Fap', annee: 'annee', tranche: 'age', effectif: 'effectif' },
    fixes: { zone: 'FR' },
    totaux: ['ENSEM', 'ZZZZZ'],
    manquants: ['NA'],
    echelles: { effectif: 1000 },
    textes: { annee: milieuDePeriode },
  },
};

/** The DARES file writes region codes as floats (`1.0`, `11.0`): back to INSEE's `01`, `11`. */
export function codeRegion(s: string): string {
  const m = /^(\d+)(?:\.0+)?$/.exec(s.trim());
  return m ? m[1]!.padStart(2, '0') : s.trim();
}

/** Official geography (COG, regions since 2016): département → région, so that a file's
 * département rows are not taken for the region whose code they share (11 Aude, 11 Île-de-France). */
export const REGION_DU_DEPARTEMENT: Record<string, string> = Object.fromEntries(
  Object.entries({
    '84': '01 03 07 15 26 38 42 43 63 69 73 74',
    '32': '02 59 60 62 80',
    '93': '04 05 06 13 83 84',
    '44': '08 10 51 52 54 55 57 67 68 88',
    '76': '09 11 12 30 31 32 34 46 48 65 66 81 82',
    '28': '14 27 50 61 76',
    '75': '16 17 19 23 24 33 40 47 64 79 86 87',
    '24': '18 28 36 37 41 45',
    '27': '21 25 39 58 70 71 89 90',
    '53': '22 29 35 56',
    '94': '2A 2B',
    '52': '44 49 53 72 85',
    '11': '75 77 78 91 92 93 94 95',
    '01': '971 978',
    '02': '972',
    '03': '973',
    '04': '974',
    '06': '976',
  }).flatMap(([region, deps]) => deps.split(' ').map((d) => [d, region] as const)),
);
