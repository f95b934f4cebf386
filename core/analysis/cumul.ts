/**
 * Sums of data-file numbers over the rows of a perimeter, keeping withheld values withheld: the
 * total of rows one of which is withheld (BMO `*`) is unknown, so it is `null` + `masque`, never
 * the sum of the others (that would read the withheld value as zero).
 */
import type { Nombre } from '../data/records.js';
import type { Mesure } from './result.js';

export interface Cumul {
  valeur: number | null;
  masque: boolean;
  approximatif: boolean;
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
export function mesure(
  valeur: number | null,
  significatif: boolean,
  provenance: Provenance = {},
  drapeaux: { masque?: boolean; approximatif?: boolean } = {},
): Mesure {
  const m: Mesure = { valeur, significatif: valeur !== null && significatif };
  if (drapeaux.masque) m.masque = true;
  if (drapeaux.approximatif) m.approximatif = true;
  if (provenance.source !== undefined) m.source = provenance.source;
  if (provenance.anneeDebut !== undefined) m.anneeDebut = provenance.anneeDebut;
  if (provenance.annee !== undefined) m.annee = provenance.annee;
  return m;
}

/** A count as a `Mesure`: significant when ≥ the minimum (règle des 30). */
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
