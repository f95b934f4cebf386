/**
 * Sums of data-file numbers over the rows of a perimeter, never reading a withheld value as zero.
 * `cumuler`: the total of rows one of which is withheld is unknown, so it is `null` + `masque`.
 * `cumulerPublies` (BMO counts): the sum of the published values, a lower bound of the true
 * total when some cells are withheld (`borneInferieure`, with the number of withheld cells).
 */
import type { Nombre } from '../data/records.js';
import type { Mesure } from './result.js';

export interface Cumul {
  valeur: number | null;
  masque: boolean;
  approximatif: boolean;
  /** The value is the sum of the published cells, `masques` cells being withheld. */
  borneInferieure?: boolean;
  /** Number of withheld cells behind the value (lower bounds and shares). */
  masques?: number;
}

export function cumuler(nombres: Iterable<{ n: Nombre | undefined; approximatif?: boolean }>): Cumul {
  let total = 0;
  let vu = false;
  let masque = false;
  let approximatif = false;
  for (const { n, approximatif: a } of nombres) {
    if (!n) continue;
    if (a) approximatif = true;
    if (n.masque) masque = true;
    else if (n.valeur !== null) {
      total += n.valeur;
      vu = true;
    }
  }
  return { valeur: masque || !vu ? null : total, masque, approximatif };
}

/**
 * The sum of the published values: a lower bound (`borneInferieure`, `masques` withheld cells)
 * when some are withheld, `null` + `masque` only when every value is withheld.
 */
export function cumulerPublies(nombres: Iterable<{ n: Nombre | undefined; approximatif?: boolean }>): Cumul {
  let total = 0;
  let vu = false;
  let masques = 0;
  let approximatif = false;
  for (const { n, approximatif: a } of nombres) {
    if (!n) continue;
    if (a) approximatif = true;
    if (n.masque) masques++;
    else if (n.valeur !== null) {
      total += n.valeur;
      vu = true;
    }
  }
  if (!vu) return { valeur: null, masque: masques > 0, approximatif, ...(masques > 0 ? { masques } : {}) };
  return { valeur: total, masque: false, approximatif, ...(masques > 0 ? { borneInferieure: true, masques } : {}) };
}

/** Groups records by a key, keys sorted (deterministic order downstream). */
export function grouper<R>(records: readonly R[], cle: (r: R) => string): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of records) {
    const k = cle(r);
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  }
  return new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface Provenance {
  source?: string;
  annee?: number;
  anneeDebut?: number;
}

/** Builds a `Mesure`, leaving out optional keys that do not apply (stable, compact JSON). */
export function mesure(valeur: number | null, significatif: boolean, provenance: Provenance = {}, drapeaux: { masque?: boolean; approximatif?: boolean; borneInferieure?: boolean; masques?: number } = {}): Mesure {
  const m: Mesure = { valeur, significatif: valeur !== null && significatif };
  if (drapeaux.masque) m.masque = true;
  if (drapeaux.borneInferieure && valeur !== null) m.borneInferieure = true;
  if (drapeaux.masques) m.masques = drapeaux.masques;
  if (drapeaux.approximatif) m.approximatif = true;
  if (provenance.source !== undefined) m.source = provenance.source;
  if (provenance.anneeDebut !== undefined) m.anneeDebut = provenance.anneeDebut;
  if (provenance.annee !== undefined) m.annee = provenance.annee;
  return m;
}

/** A count as a `Mesure`: significant when ≥ the minimum (règle des 30; for a lower bound, the bound is). */
export function mesureCumul(c: Cumul, minimum: number, provenance: Provenance): Mesure {
  return mesure(c.valeur, c.valeur !== null && c.valeur >= minimum, provenance, c);
}

/**
 * The year to use from a source for a snapshot indicator: the latest year ≤ `fin` when there is
 * one, else the earliest year after it; undefined when no row has a year (then every row counts).
 */
export function anneeInstantane(annees: Iterable<number | undefined>, fin: number): number | undefined {
  let avant: number | undefined;
  let apres: number | undefined;
  for (const a of annees) {
    if (a === undefined) continue;
    if (a <= fin) avant = avant === undefined ? a : Math.max(avant, a);
    else apres = apres === undefined ? a : Math.min(apres, a);
  }
  return avant ?? apres;
}

/** Rows of the chosen year (rows without a year always count). */
export function deLAnnee<R extends { annee?: number }>(records: readonly R[], annee: number | undefined): R[] {
  return annee === undefined ? [...records] : records.filter((r) => r.annee === undefined || r.annee === annee);
}
