/**
 * Per-métier indicators from the rows of one source, already in the analysis nomenclature and
 * selected for the territory (and its reference). One function per source type; each returns a
 * map by métier code of the parts of `IndicateursMetier` it can fill.
 */
import type { AgeRecord, BmoRecord, EffectifRecord, Nombre, OffresDemandesRecord, QualificationRecord, TensionRecord } from '../data/records.js';
import type { ReglesDoc, SourceDoc } from '../format/schema.js';
import { readTranche, ordreTranches, structureAges, type EffectifParTranche } from './ages.js';
import { anneeInstantane, cumuler, cumulerPublies, deLAnnee, grouper, mesure, mesureCumul, type Cumul } from './cumul.js';
import { evolution, indiceSpecificite, tcam } from './indicators.js';
import type { Converti } from './nomenclature.js';
import type { IndicateursMetier, Mesure, PyramideAges, TotauxBmo } from './result.js';
import { readVieillissement } from './vieillissement.js';

export interface Perimetres<R> {
  territoire: ReadonlyArray<Converti<R>>;
  /** Undefined when the diagnostic declares no reference territory. */
  reference?: ReadonlyArray<Converti<R>>;
}

const parMetier = <R extends { metier: string }>(rs: readonly R[]) => grouper(rs, (r) => r.metier);

function cumulChamp<R extends object>(rs: readonly R[], champ: (r: R) => Nombre | undefined): Cumul {
  return cumuler(rs.map((r) => ({ n: champ(r), approximatif: (r as Converti<R>).approximatif })));
}

function avecAnnee<R extends { annee?: number }>(rs: readonly R[], source: SourceDoc): R[] {
  return rs.map((r) => (r.annee === undefined && source.annee !== undefined ? { ...r, annee: source.annee } : r));
}

function ratio(num: Cumul, den: Cumul): { valeur: number | null; masque: boolean } {
  if (num.masque || den.masque) return { valeur: null, masque: true };
  if (num.valeur === null || den.valeur === null || !(den.valeur > 0)) return { valeur: null, masque: false };
  return { valeur: num.valeur / den.valeur, masque: false };
}

// ───────────────────────────── Effectifs ─────────────────────────────

export type IndicateursEffectifs = Pick<IndicateursMetier, 'effectifDebut' | 'effectifFin' | 'evolution' | 'tcam' | 'tcamReference' | 'indiceSpecificite'> & { libelle?: string };

export interface ResultatEffectifs {
  /** Years actually used (first and last available within the period). */
  annees?: { debut: number; fin: number };
  /** Years read in the territory's rows. */
  anneesLues: number[];
  parMetier: Map<string, IndicateursEffectifs>;
}

/**
 * Employment at the start and end of the period, evolution, TCAM (territory and reference) and
 * the indice de spécificité at the end year. The IS denominators E_z and E_R are totals of the
 * source's rows in their own nomenclature (`totaux`), so that copies made by a one-to-many
 * nomenclature passage never inflate them.
 */
export function computeEffectifs(source: SourceDoc, rows: Perimetres<EffectifRecord>, totaux: Perimetres<EffectifRecord>, periode: { debut: number; fin: number }, minimum: number): ResultatEffectifs {
  const terr = avecAnnee(rows.territoire, source);
  const ref = rows.reference && avecAnnee(rows.reference, source);
  const anneesLues = [...new Set(terr.map((r) => r.annee).filter((a): a is number => a !== undefined))].sort((a, b) => a - b);
  const dansPeriode = anneesLues.filter((a) => a >= periode.debut && a <= periode.fin);
  const t0 = dansPeriode[0];
  const t1 = dansPeriode[dansPeriode.length - 1];
  const out = new Map<string, IndicateursEffectifs>();
  if (t0 === undefined || t1 === undefined) return { anneesLues, parMetier: out };

  const total = (rs: readonly EffectifRecord[] | undefined) =>
    rs
      ? cumulChamp(
          avecAnnee(rs, source).filter((r) => r.annee === t1),
          (r) => r.effectif,
        )
      : undefined;
  const eZ = total(totaux.territoire);
  const eR = total(totaux.reference);
  const refParMetier = ref ? parMetier(ref) : undefined;
  const fin: { source: string; annee: number } = { source: source.id, annee: t1 };
  const periodeProv = { source: source.id, anneeDebut: t0, annee: t1 };

  /** Employment of one métier's rows in one year (published cells summed, withheld ones counted). */
  const effectifEn = (rows: typeof terr, annee: number) =>
    cumulChamp(
      rows.filter((r) => r.annee === annee),
      (r) => r.effectif,
    );
  for (const [code, rs] of parMetier(terr)) {
    const e0 = effectifEn(rs, t0);
    const e1 = effectifEn(rs, t1);
    const ind: IndicateursEffectifs = {};
    const libelle = rs.find((r) => r.libelle)?.libelle;
    if (libelle) ind.libelle = libelle;
    if (t0 !== t1 && (e0.valeur !== null || e0.masque)) ind.effectifDebut = mesureCumul(e0, minimum, { source: source.id, annee: t0 });
    ind.effectifFin = mesureCumul(e1, minimum, fin);
    if (t1 > t0 && e0.valeur !== null && e1.valeur !== null) {
      const significatif = e0.valeur >= minimum;
      const approx = { approximatif: e0.approximatif || e1.approximatif };
      ind.evolution = mesure(evolution(e0.valeur, e1.valeur), significatif, periodeProv, approx);
      ind.tcam = mesure(tcam(e0.valeur, e1.valeur, t0, t1), significatif, periodeProv, approx);
    }
    const rrs = refParMetier?.get(code);
    if (rrs && t1 > t0) {
      const r0 = effectifEn(rrs, t0);
      const r1 = effectifEn(rrs, t1);
      if (r0.valeur !== null && r1.valeur !== null) {
        ind.tcamReference = mesure(tcam(r0.valeur, r1.valeur, t0, t1), r0.valeur >= minimum, periodeProv, { approximatif: r0.approximatif || r1.approximatif });
      }
    }
    if (rrs && e1.valeur !== null && eZ?.valeur != null && eR?.valeur != null) {
      const r1 = cumulChamp(
        rrs.filter((r) => r.annee === t1),
        (r) => r.effectif,
      );
      if (r1.valeur !== null) {
        ind.indiceSpecificite = mesure(indiceSpecificite(e1.valeur, eZ.valeur, r1.valeur, eR.valeur), e1.valeur >= minimum, fin, {
          approximatif: e1.approximatif || r1.approximatif,
        });
      }
    }
    out.set(code, ind);
  }
  return { annees: { debut: t0, fin: t1 }, anneesLues, parMetier: out };
}

// ───────────────────────────── Ages ─────────────────────────────

export interface IndicateursAges {
  ages: PyramideAges;
  /** Share of employment leaving within the horizon (departure proxy). */
  partPartants: Mesure;
  total: number;
}

export interface ResultatAges {
  parMetier: Map<string, IndicateursAges>;
  /** Band labels that could not be read (their rows are ignored). */
  tranchesInconnues: string[];
}

export function computeAges(source: SourceDoc, rows: Perimetres<AgeRecord>, options: { fin: number; minimum: number; regles: ReglesDoc }): ResultatAges {
  const inconnues = new Set<string>();
  const bandes = (rs: readonly AgeRecord[]) => {
    const parTranche = grouper(rs, (r) => r.tranche);
    const lues: EffectifParTranche[] = [];
    const affichees: Array<{ tranche: string; effectif: number }> = [];
    for (const [label, l] of parTranche) {
      const c = cumulChamp(l, (r) => r.effectif);
      const t = readTranche(label);
      if (!t) {
        inconnues.add(label);
        continue;
      }
      // A withheld band is left out of the shares (its size is unknown).
      if (c.valeur === null) continue;
      lues.push({ tranche: t, effectif: c.valeur });
      affichees.push({ tranche: label, effectif: c.valeur });
    }
    affichees.sort((a, b) => ordreTranches(a.tranche, b.tranche));
    return { lues, affichees };
  };
  const annee = anneeInstantane(
    avecAnnee(rows.territoire, source).map((r) => r.annee),
    options.fin,
  );
  const prov = { source: source.id, ...(annee !== undefined ? { annee } : {}) };
  const terr = deLAnnee(avecAnnee(rows.territoire, source), annee);
  const ref = rows.reference && parMetier(deLAnnee(avecAnnee(rows.reference, source), annee));
  const opts = { horizon: options.regles.departs.horizon_annees, part5054: options.regles.departs.part_50_54_partant };
  const out = new Map<string, IndicateursAges>();
  for (const [code, rs] of parMetier(terr)) {
    const { lues, affichees } = bandes(rs);
    const s = structureAges(lues, opts);
    const sig = s.total >= options.minimum;
    const approx = { approximatif: rs.some((r) => r.approximatif) };
    const ages: PyramideAges = {
      tranches: affichees,
      part50Plus: mesure(s.part50Plus, sig, prov, approx),
      part55Plus: mesure(s.part55Plus, sig, prov, approx),
      indiceRenouvellement: mesure(s.indiceRenouvellement, sig, prov, approx),
      vieillissant: false,
    };
    const rrs = ref?.get(code);
    if (rrs) {
      const sr = structureAges(bandes(rrs).lues, opts);
      ages.part55PlusReference = mesure(sr.part55Plus, sr.total >= options.minimum, prov, { approximatif: rrs.some((r) => r.approximatif) });
    }
    ages.vieillissant = readVieillissement(ages, options.regles.vieillissement) !== undefined;
    out.set(code, { ages, partPartants: mesure(s.partPartants, sig, prov, approx), total: s.total });
  }
  return { parMetier: out, tranchesInconnues: [...inconnues].sort() };
}

// ───────────────────────────── BMO ─────────────────────────────

export type IndicateursBmo = NonNullable<IndicateursMetier['bmo']> & { libelle?: string };

const cumulPublies = <R extends object>(rs: readonly R[], champ: (r: R) => Nombre | undefined): Cumul => cumulerPublies(rs.map((r) => ({ n: champ(r), approximatif: (r as Converti<R>).approximatif })));

/**
 * A share on the published basis (`BASE_PARTS_BMO`): published numerator / published
 * denominator, with the number of cells withheld in either. Unknown (`masque`) when every cell of
 * the numerator or of the denominator is withheld.
 */
function partPubliee(num: Cumul, den: Cumul, significatif: boolean, prov: { source: string; annee?: number }): Mesure {
  const masques = (num.masques ?? 0) + (den.masques ?? 0);
  const approximatif = num.approximatif || den.approximatif;
  if (num.valeur === null || den.valeur === null) return mesure(null, false, prov, { masque: num.masque || den.masque, masques, approximatif });
  return mesure(den.valeur > 0 ? num.valeur / den.valeur : null, significatif, prov, { masques, approximatif });
}

/** The basis of BMO shares: published difficult (seasonal) projects / published projects. */
export const BASE_PARTS_BMO = 'publies';

function bmoDeLignes(rs: readonly BmoRecord[], minimum: number, prov: { source: string; annee?: number }): IndicateursBmo {
  const projets = cumulPublies(rs, (r) => r.projets);
  const difficiles = cumulPublies(rs, (r) => r.difficiles);
  const saisonniers = cumulPublies(rs, (r) => r.saisonniers);
  // The ≥ 30 rule on a lower bound: the true count is at least the bound.
  const sig = projets.valeur !== null && projets.valeur >= minimum;
  return {
    projets: mesureCumul(projets, minimum, prov),
    difficiles: mesureCumul(difficiles, minimum, prov),
    saisonniers: mesureCumul(saisonniers, minimum, prov),
    partDifficiles: partPubliee(difficiles, projets, sig, prov),
    partSaisonniers: partPubliee(saisonniers, projets, sig, prov),
  };
}

function bmoProvenance(source: SourceDoc, rows: readonly BmoRecord[], fin: number) {
  const annee = anneeInstantane(
    avecAnnee(rows, source).map((r) => r.annee),
    fin,
  );
  return { annee, prov: { source: source.id, ...(annee !== undefined ? { annee } : {}) } };
}

/**
 * Recruitment projects, difficult and seasonal ones, and their shares. Counts are sums of the
 * published cells: a lower bound (`borneInferieure`, `masques`) when some are withheld, never a
 * blank for one withheld part; shares are on the published basis (`BASE_PARTS_BMO`).
 */
export function computeBmo(source: SourceDoc, rows: readonly Converti<BmoRecord>[], options: { fin: number; minimum: number }): Map<string, IndicateursBmo> {
  const { annee, prov } = bmoProvenance(source, rows, options.fin);
  const out = new Map<string, IndicateursBmo>();
  for (const [code, rs] of parMetier(deLAnnee(avecAnnee(rows, source), annee))) {
    const ind = bmoDeLignes(rs, options.minimum, prov);
    const libelle = rs.find((r) => r.libelle)?.libelle;
    if (libelle) ind.libelle = libelle;
    out.set(code, ind);
  }
  return out;
}

/** A perimeter's BMO totals over all its métiers (rows in the source's own nomenclature). */
export function computeTotauxBmo(source: SourceDoc, rows: readonly BmoRecord[], options: { fin: number; minimum: number }): TotauxBmo {
  const { annee, prov } = bmoProvenance(source, rows, options.fin);
  const rs = deLAnnee(avecAnnee(rows, source), annee);
  return { ...bmoDeLignes(rs, options.minimum, prov), lignes: rs.length, metiers: parMetier(rs).size };
}

// ───────────────────────────── Tension and offres / demandes ─────────────────────────────

export type IndicateursTension = NonNullable<IndicateursMetier['tension']> & { libelle?: string };

/**
 * Official tension class. When the perimeter covers several zones, the class is the mean of the
 * zones' classes weighted by offers + job seekers when every row gives them, else the plain mean
 * (classes are ordinal: the mean is a summary, shown with one decimal). The publication rule
 * applies to the class too (docs/methodes.md §2): when the file gives the offers and job seekers
 * behind it, a class resting on fewer than `publication` of either (summed over the classed rows;
 * a withheld count is a small one) is « non significatif » and classes no métier (France Travail's
 * 2020 bassin file rates class 5 cells with 1 offer and 1 job seeker). A file without counts (DARES)
 * applied its own rule before publishing: its classes are significant. The ≥ 30 rule
 * (`minimum`) applies to the O/D ratio computed here.
 */
export function computeTension(source: SourceDoc, rows: readonly Converti<TensionRecord>[], options: { fin: number; minimum: number; publication: number }): Map<string, IndicateursTension> {
  const annee = anneeInstantane(
    avecAnnee(rows, source).map((r) => r.annee),
    options.fin,
  );
  const prov = { source: source.id, ...(annee !== undefined ? { annee } : {}) };
  const out = new Map<string, IndicateursTension>();
  for (const [code, rs] of parMetier(deLAnnee(avecAnnee(rows, source), annee))) {
    const ind: IndicateursTension = {};
    const classees = rs.filter((r) => !r.classe.masque && r.classe.valeur !== null);
    if (classees.length > 0) {
      const poids = classees.map((r) => {
        const o = r.offres?.valeur;
        const d = r.demandeurs?.valeur;
        return o != null && d != null && !r.offres!.masque && !r.demandeurs!.masque ? o + d : null;
      });
      const pondere = poids.every((p) => p !== null) && poids.some((p) => p! > 0);
      let num = 0;
      let den = 0;
      classees.forEach((r, i) => {
        const w = pondere ? poids[i]! : 1;
        num += r.classe.valeur! * w;
        den += w;
      });
      ind.classe = mesure(num / den, classePubliable(classees, options.publication), prov, { approximatif: classees.some((r) => r.approximatif) });
    } else if (rs.some((r) => r.classe.masque)) {
      ind.classe = mesure(null, false, prov, { masque: true });
    }
    if (rs.some((r) => r.offres) && rs.some((r) => r.demandeurs)) {
      const o = cumulChamp(rs, (r) => r.offres);
      const d = cumulChamp(rs, (r) => r.demandeurs);
      Object.assign(ind, odMesures(o, d, undefined, options.minimum, prov));
    }
    const libelle = rs.find((r) => r.libelle)?.libelle;
    if (libelle) ind.libelle = libelle;
    out.set(code, ind);
  }
  return out;
}

/** The publication rule on a class: enough offers and job seekers behind it, when the rows give them. */
function classePubliable(rows: readonly TensionRecord[], minimum: number): boolean {
  const compte = (champ: (r: TensionRecord) => Nombre | undefined): number | null | undefined => {
    if (!rows.some((r) => champ(r))) return undefined;
    let total = 0;
    for (const r of rows) {
      const n = champ(r);
      if (!n || n.masque || n.valeur === null) return null;
      total += n.valeur;
    }
    return total;
  };
  for (const c of [compte((r) => r.offres), compte((r) => r.demandeurs)]) {
    if (c === null || (c !== undefined && c < minimum)) return false;
  }
  return true;
}

/** Offers, job seekers, O/D ratio and écoulement (exits / job seekers). */
export function computeOffresDemandes(source: SourceDoc, rows: readonly Converti<OffresDemandesRecord>[], options: { fin: number; minimum: number }): Map<string, IndicateursTension> {
  const annee = anneeInstantane(
    avecAnnee(rows, source).map((r) => r.annee),
    options.fin,
  );
  const prov = { source: source.id, ...(annee !== undefined ? { annee } : {}) };
  const out = new Map<string, IndicateursTension>();
  for (const [code, rs] of parMetier(deLAnnee(avecAnnee(rows, source), annee))) {
    const o = cumulChamp(rs, (r) => r.offres);
    const d = cumulChamp(rs, (r) => r.demandeurs);
    const s = rs.some((r) => r.sorties) ? cumulChamp(rs, (r) => r.sorties) : undefined;
    out.set(code, odMesures(o, d, s, options.minimum, prov));
  }
  return out;
}

function odMesures(o: Cumul, d: Cumul, s: Cumul | undefined, minimum: number, prov: { source: string; annee?: number }): IndicateursTension {
  const ind: IndicateursTension = { offres: mesureCumul(o, minimum, prov), demandeurs: mesureCumul(d, minimum, prov) };
  const sigOD = o.valeur !== null && d.valeur !== null && o.valeur >= minimum && d.valeur >= minimum;
  const r = ratio(o, d);
  ind.ratioOffresDemandeurs = mesure(r.valeur, sigOD, prov, { masque: r.masque, approximatif: o.approximatif || d.approximatif });
  if (s) {
    const e = ratio(s, d);
    ind.ecoulement = mesure(e.valeur, d.valeur !== null && d.valeur >= minimum, prov, { masque: e.masque, approximatif: s.approximatif || d.approximatif });
  }
  return ind;
}

// ───────────────────────────── Qualifications ─────────────────────────────

export function computeQualifications(source: SourceDoc, rows: readonly Converti<QualificationRecord>[], options: { fin: number }): Map<string, Array<{ niveau: string; effectif: number }>> {
  const annee = anneeInstantane(
    avecAnnee(rows, source).map((r) => r.annee),
    options.fin,
  );
  const out = new Map<string, Array<{ niveau: string; effectif: number }>>();
  for (const [code, rs] of parMetier(deLAnnee(avecAnnee(rows, source), annee))) {
    const niveaux: Array<{ niveau: string; effectif: number }> = [];
    for (const [niveau, l] of grouper(rs, (r) => r.niveau)) {
      const c = cumulChamp(l, (r) => r.effectif);
      if (c.valeur !== null) niveaux.push({ niveau, effectif: c.valeur });
    }
    out.set(code, niveaux);
  }
  return out;
}
