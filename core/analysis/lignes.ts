/**
 * Typology and tension of métiers given as plain rows: an analyst's own columns in a spreadsheet
 * (Excel add-in, GTEC.FAMILLES / GTEC.TENSION). Each row becomes the `IndicateursMetier` the
 * diagnostic builds from sources, then the same rules run (`classifyMetier`, `scoresComposites`):
 * a row and a diagnostic with the same figures get the same families and the same reasons.
 */
import { Regles, type FamilleId, type ReglesDoc } from '../format/schema.js';
import { compare, quantile, tcam } from './indicators.js';
import type { IndicateursMetier, Mesure, PyramideAges, Texte } from './result.js';
import { optionsComposite, scoresComposites } from './synthese.js';
import { classifyMetier, seuilQuartilePostes } from './typology/index.js';

/** The indicators a row may give, by canonical column name. */
export type ChampLigne =
  | 'code'
  | 'libelle'
  | 'effectif_debut'
  | 'effectif_fin'
  | 'annee_debut'
  | 'annee_fin'
  | 'tcam'
  | 'tcam_reference'
  | 'indice_specificite'
  | 'classe_tension'
  | 'offres'
  | 'demandeurs'
  | 'ecoulement'
  | 'projets'
  | 'difficiles'
  | 'part_difficiles'
  | 'score_tension'
  | 'part_55_plus'
  | 'part_55_plus_reference'
  | 'indice_renouvellement'
  | 'postes_par_emploi'
  | 'en_mutation'
  | 'strategique';

/** Header spellings accepted for each field (normalised: lower case, no accents, `_` between words). */
const ALIAS: Record<ChampLigne, readonly string[]> = {
  code: ['code', 'code_metier', 'metier', 'code_rome', 'job_code'],
  libelle: ['libelle', 'intitule', 'label', 'libelle_metier'],
  effectif_debut: ['effectif_debut', 'emploi_debut', 'employment_start'],
  effectif_fin: ['effectif_fin', 'emploi_fin', 'effectif', 'employment_end', 'employment'],
  annee_debut: ['annee_debut', 'start_year'],
  annee_fin: ['annee_fin', 'annee', 'end_year', 'year'],
  tcam: ['tcam', 'cagr'],
  tcam_reference: ['tcam_reference', 'tcam_ref', 'cagr_reference'],
  indice_specificite: ['indice_specificite', 'specificite', 'location_quotient', 'lq'],
  classe_tension: ['classe_tension', 'tension_class'],
  offres: ['offres', 'offres_emploi', 'offers', 'job_offers'],
  demandeurs: ['demandeurs', 'demandeurs_emploi', 'demandeurs_abc', 'job_seekers'],
  ecoulement: ['ecoulement', 'taux_ecoulement', 'outflow_rate'],
  projets: ['projets', 'projets_recrutement', 'recruitment_projects'],
  difficiles: ['difficiles', 'projets_difficiles', 'difficult_projects'],
  part_difficiles: ['part_difficiles', 'share_difficult'],
  score_tension: ['score_tension', 'score_composite', 'tension_score'],
  part_55_plus: ['part_55_plus', 'part_55', 'share_55_plus'],
  part_55_plus_reference: ['part_55_plus_reference', 'part_55_reference', 'share_55_plus_reference'],
  indice_renouvellement: ['indice_renouvellement', 'renewal_index'],
  postes_par_emploi: ['postes_par_emploi', 'postes_a_pourvoir_par_emploi', 'posts_per_job'],
  en_mutation: ['en_mutation', 'mutation', 'changing'],
  strategique: ['strategique', 'strategic'],
};

export function normaliseHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, '_plus')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const PAR_ALIAS = new Map<string, ChampLigne>((Object.entries(ALIAS) as Array<[ChampLigne, readonly string[]]>).flatMap(([champ, noms]) => noms.map((n) => [n, champ] as const)));

/** Column index of each recognised field, and the headers not recognised. */
export function readHeaders(entetes: readonly string[]): { colonnes: Partial<Record<ChampLigne, number>>; inconnues: string[] } {
  const colonnes: Partial<Record<ChampLigne, number>> = {};
  const inconnues: string[] = [];
  entetes.forEach((e, i) => {
    const champ = PAR_ALIAS.get(normaliseHeader(e));
    if (champ && colonnes[champ] === undefined) colonnes[champ] = i;
    else if (e.trim() !== '') inconnues.push(e);
  });
  return { colonnes, inconnues };
}

/** A row's value: a number, a flag, a text, or nothing (empty cell). */
export type ValeurLigne = number | boolean | string | null;
export type Ligne = Partial<Record<ChampLigne, ValeurLigne>>;

/**
 * Thresholds from `chemin → valeur` pairs (« crise.tcam_max » → −0,03) over the defaults, checked
 * by the format's own schema. An unknown or invalid pair gives an error text instead.
 */
export function reglesFromPairs(paires: ReadonlyArray<[string, unknown]>): { regles: ReglesDoc } | { erreur: Texte } {
  const brut: Record<string, unknown> = {};
  for (const [chemin, valeur] of paires) {
    const cles = chemin
      .trim()
      .split('.')
      .map((c) => normaliseHeader(c));
    let o = brut;
    cles.slice(0, -1).forEach((c) => {
      const suivant = o[c];
      o = (o[c] = typeof suivant === 'object' && suivant !== null ? suivant : {}) as Record<string, unknown>;
    });
    o[cles[cles.length - 1]!] = valeur;
  }
  const r = Regles.safeParse(brut);
  if (r.success) return { regles: r.data };
  const issue = r.error.issues[0]!;
  const ou = issue.path.join('.');
  return {
    erreur: {
      fr: `Seuil « ${ou} » refusé : ${issue.code === 'unrecognized_keys' ? `clé inconnue (${(issue as { keys?: string[] }).keys?.join(', ')})` : 'valeur attendue d’un autre type ou hors bornes'}`,
      en: `Threshold "${ou}" rejected: ${issue.code === 'unrecognized_keys' ? `unknown key (${(issue as { keys?: string[] }).keys?.join(', ')})` : 'value of another type or out of range'}`,
    },
  };
}

export interface TypologieLigne {
  familles: FamilleId[];
  /** One sentence per rule that fired, in the order of the rules. */
  raisons: Texte[];
  /** Composite tension score computed from the rows' offers, job seekers and BMO shares. */
  scoreTension?: number;
}

const num = (v: ValeurLigne | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const vrai = (v: ValeurLigne | undefined): boolean => v === true || v === 1 || (typeof v === 'string' && ['oui', 'o', 'vrai', 'x', 'yes', 'y', 'true', '1'].includes(v.trim().toLowerCase()));

function m(valeur: number | undefined, significatif = true, annees: { annee?: number; anneeDebut?: number } = {}): Mesure | undefined {
  return valeur === undefined ? undefined : { valeur, significatif, ...annees };
}

/** The indicators of one row (TCAM from employment and years when not given). */
export function indicateursFromLigne(l: Ligne, regles: ReglesDoc, rang: number): IndicateursMetier {
  const code = l.code != null && l.code !== '' ? String(l.code) : `#${rang}`;
  const ind: IndicateursMetier = { code, libelle: l.libelle != null ? String(l.libelle) : code };
  const min = regles.effectif_minimum;
  const e0 = num(l.effectif_debut);
  const e1 = num(l.effectif_fin);
  const t0 = num(l.annee_debut);
  const t1 = num(l.annee_fin);
  const annees = { ...(t1 !== undefined ? { annee: t1 } : {}), ...(t0 !== undefined ? { anneeDebut: t0 } : {}) };
  const sigEffectif = e0 === undefined || e0 >= min;
  if (e0 !== undefined) ind.effectifDebut = m(e0, e0 >= min, t0 !== undefined ? { annee: t0 } : {})!;
  if (e1 !== undefined) ind.effectifFin = m(e1, e1 >= min, t1 !== undefined ? { annee: t1 } : {})!;
  const t = num(l.tcam) ?? (e0 !== undefined && e1 !== undefined && t0 !== undefined && t1 !== undefined ? (tcam(e0, e1, t0, t1) ?? undefined) : undefined);
  if (t !== undefined) ind.tcam = m(t, sigEffectif, annees)!;
  const tr = num(l.tcam_reference);
  if (tr !== undefined) ind.tcamReference = m(tr, true, annees)!;
  const is = num(l.indice_specificite);
  if (is !== undefined) ind.indiceSpecificite = m(is)!;

  const tension: NonNullable<IndicateursMetier['tension']> = {};
  const classe = num(l.classe_tension);
  if (classe !== undefined) tension.classe = m(classe)!;
  const o = num(l.offres);
  const d = num(l.demandeurs);
  if (o !== undefined && d !== undefined) {
    tension.offres = m(o, o >= min)!;
    tension.demandeurs = m(d, d >= min)!;
    if (d > 0) tension.ratioOffresDemandeurs = m(o / d, o >= min && d >= min)!;
  }
  const ec = num(l.ecoulement);
  if (ec !== undefined) tension.ecoulement = m(ec, d === undefined || d >= min)!;
  const sc = num(l.score_tension);
  if (sc !== undefined) tension.scoreComposite = m(sc)!;
  if (Object.keys(tension).length > 0) ind.tension = tension;

  const projets = num(l.projets);
  const pd = num(l.part_difficiles) ?? (projets !== undefined && projets > 0 && num(l.difficiles) !== undefined ? num(l.difficiles)! / projets : undefined);
  if (pd !== undefined) {
    const sig = projets === undefined || projets >= min;
    const vide: Mesure = { valeur: null, significatif: false };
    ind.bmo = {
      projets: m(projets, sig) ?? vide,
      difficiles: m(num(l.difficiles), sig) ?? vide,
      saisonniers: vide,
      partDifficiles: m(pd, sig)!,
      partSaisonniers: vide,
    };
  }

  const p55 = num(l.part_55_plus);
  const ir = num(l.indice_renouvellement);
  if (p55 !== undefined || ir !== undefined) {
    const vide: Mesure = { valeur: null, significatif: false };
    const ages: PyramideAges = {
      tranches: [],
      part50Plus: vide,
      part55Plus: m(p55) ?? vide,
      indiceRenouvellement: m(ir) ?? vide,
      vieillissant: false,
    };
    const ref = num(l.part_55_plus_reference);
    if (ref !== undefined) ages.part55PlusReference = m(ref)!;
    ind.ages = ages;
  }
  const ppe = num(l.postes_par_emploi);
  if (ppe !== undefined) ind.postesAPourvoirParEmploi = m(ppe)!;
  return ind;
}

/**
 * Families of each row with their reasons. The composite tension score is computed across the
 * rows (DARES weights, z-scores normalised on the rows themselves) when they give offers and job seekers or BMO
 * shares and no score of their own; the postes-à-pourvoir quartile is the rows' upper quartile.
 */
export function typologyFromLignes(lignes: readonly Ligne[], regles: ReglesDoc): TypologieLigne[] {
  const inds = lignes.map((l, i) => indicateursFromLigne(l, regles, i + 1));
  const aScorer = inds.filter((ind) => !ind.tension?.scoreComposite);
  if (aScorer.length > 0) scoresComposites(aScorer, undefined, { ...optionsComposite(regles.tension), normalisation: 'territoire' });
  const seuilPostes = seuilQuartilePostes(inds);
  return inds.map((ind, i) => {
    const l = lignes[i]!;
    const decl = { code: ind.code, en_mutation: vrai(l.en_mutation), strategique: vrai(l.strategique) };
    const { familles, explications } = classifyMetier(ind, decl, {
      regles,
      producteurs: new Map(),
      ...(seuilPostes !== undefined ? { seuilPostes } : {}),
    });
    const out: TypologieLigne = { familles, raisons: explications.map((e) => e.texte) };
    const score = ind.tension?.scoreComposite?.valeur;
    if (score != null) out.scoreTension = score;
    return out;
  });
}

/**
 * Tension of rows from offers, job seekers, écoulement and BMO share of difficult projects: the
 * composite score (DARES-weighted mean of z-scores over the rows, weights renormalised over the
 * components present, at least 2 components by default) and its class 1..5,
 * the quintile of the score among the rows (like the DARES categories, which are quintiles).
 */
export function tensionFromLignes(
  lignes: ReadonlyArray<{ offres?: number; demandeurs?: number; partDifficiles?: number; ecoulement?: number }>,
  regles: ReglesDoc,
): Array<{ score: number | null; classe: number | null; enTension: boolean }> {
  const inds = lignes.map((l, i) => indicateursFromLigne({ offres: l.offres ?? null, demandeurs: l.demandeurs ?? null, part_difficiles: l.partDifficiles ?? null, ecoulement: l.ecoulement ?? null }, regles, i + 1));
  scoresComposites(inds, undefined, { ...optionsComposite(regles.tension), normalisation: 'territoire' });
  const scores = inds.map((ind) => ind.tension?.scoreComposite?.valeur ?? null);
  const connus = scores.filter((s): s is number => s !== null);
  const bornes = [0.2, 0.4, 0.6, 0.8].map((q) => quantile(connus, q));
  return scores.map((s) => ({
    score: s,
    classe: s === null || connus.length < 2 ? null : 1 + bornes.filter((b) => b !== null && compare['>'](s, b)).length,
    enTension: s !== null && compare['>='](s, regles.tension.score_composite_minimum),
  }));
}
