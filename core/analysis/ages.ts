/**
 * Age structure and end-of-career departures from employment by age band.
 *
 * Bands come in many spellings ('15-29', '55+', '55 ans et plus', '<25', 'moins de 30 ans',
 * '60 à 64 ans'). Each is read as an interval of whole ages [min, max]. Open bands are closed at
 * AGE_MIN = 15 and AGE_MAX = 69 (working ages). When a band straddles an age limit (e.g. '45-54'
 * against « 50 ans et plus »), employment is assumed evenly spread over the band's single years:
 * the band contributes its overlap in years divided by its width.
 */

export const AGE_MIN = 15;
export const AGE_MAX = 69;

export interface TrancheAge {
  min: number;
  max: number;
}

/** Reads an age band; undefined when it is not understood. */
export function readTranche(texte: string): TrancheAge | undefined {
  const t = texte
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const n = (s: string | undefined) => Number(s);
  let m: RegExpMatchArray | null;
  // 15-29, 15 – 29, 15 a 29 ans, de 15 a 29 ans, 15/29
  if ((m = t.match(/^(?:de )?(\d{1,3}) ?(?:-|–|—|a|\/) ?(\d{1,3})(?: ans?)?$/))) {
    const a = n(m[1]);
    const b = n(m[2]);
    return a <= b ? { min: a, max: b } : undefined;
  }
  // 55+, 55 +, >=55, ≥ 55, 55 ans et plus, 55 ans ou plus, 55 et plus, plus de 55 ans
  if ((m = t.match(/^(\d{1,3}) ?(?:ans? )?(?:\+|et \+|et plus|ou plus)$/)) || (m = t.match(/^(?:>=|≥) ?(\d{1,3})(?: ans?)?$/))) {
    return { min: n(m[1]), max: Math.max(n(m[1]), AGE_MAX) };
  }
  // « plus de 55 ans » is used for « 55 ans ou plus » in French tables (INSEE wording varies):
  // read as 55+, like the rest of the band system.
  if ((m = t.match(/^(?:plus de|au moins) (\d{1,3})(?: ans?)?$/))) {
    return { min: n(m[1]), max: Math.max(n(m[1]), AGE_MAX) };
  }
  // >55 (strict): 56+
  if ((m = t.match(/^> ?(\d{1,3})(?: ans?)?$/))) return { min: n(m[1]) + 1, max: Math.max(n(m[1]) + 1, AGE_MAX) };
  // <25, moins de 25 ans: up to 24
  if ((m = t.match(/^(?:<|moins de) ?(\d{1,3})(?: ans?)?$/))) {
    const b = n(m[1]) - 1;
    return b >= AGE_MIN ? { min: AGE_MIN, max: b } : { min: 0, max: b };
  }
  // <=24, ≤ 24, 24 ans et moins, 24 ans ou moins
  if ((m = t.match(/^(?:<=|≤) ?(\d{1,3})(?: ans?)?$/)) || (m = t.match(/^(\d{1,3}) ans? (?:et|ou) moins$/))) {
    const b = n(m[1]);
    return { min: Math.min(AGE_MIN, b), max: b };
  }
  // a single age: 50, 50 ans
  if ((m = t.match(/^(\d{1,3})(?: ans?)?$/))) return { min: n(m[1]), max: n(m[1]) };
  return undefined;
}

/** Share of a band lying in the ages [lo, hi] (whole years, uniform spread inside the band). */
export function recouvrement(tranche: TrancheAge, lo: number, hi: number = Number.POSITIVE_INFINITY): number {
  const a = Math.max(tranche.min, lo);
  const b = Math.min(tranche.max, hi);
  if (b < a) return 0;
  return (b - a + 1) / (tranche.max - tranche.min + 1);
}

export interface EffectifParTranche {
  tranche: TrancheAge;
  effectif: number;
}

/** Employment within the ages [lo, hi]. */
export function effectifEntre(bandes: readonly EffectifParTranche[], lo: number, hi?: number): number {
  return bandes.reduce((acc, b) => acc + b.effectif * recouvrement(b.tranche, lo, hi), 0);
}

export interface StructureAges {
  total: number;
  part50Plus: number | null;
  part55Plus: number | null;
  /** (< 30) / (≥ 50). */
  indiceRenouvellement: number | null;
  /** Share of employment leaving within the horizon (proxy below). */
  partPartants: number | null;
}

/**
 * Shares and the departure proxy. docs/methodes.md proxy over 10 years: everyone now ≥ 55 plus a
 * part `part5054` of the 50–54. For another horizon H the same reading is shifted: everyone
 * ≥ 65 − H plus `part5054` of the five years below (60 − H … 64 − H); H = 10 gives the proxy.
 */
export function structureAges(bandes: readonly EffectifParTranche[], options: { horizon: number; part5054: number }): StructureAges {
  const total = bandes.reduce((acc, b) => acc + b.effectif, 0);
  if (!(total > 0)) {
    return { total, part50Plus: null, part55Plus: null, indiceRenouvellement: null, partPartants: null };
  }
  const e50 = effectifEntre(bandes, 50);
  const e55 = effectifEntre(bandes, 55);
  const moins30 = effectifEntre(bandes, 0, 29);
  const seuil = 65 - options.horizon;
  const partants = effectifEntre(bandes, seuil) + options.part5054 * effectifEntre(bandes, seuil - 5, seuil - 1);
  return {
    total,
    part50Plus: e50 / total,
    part55Plus: e55 / total,
    indiceRenouvellement: e50 > 0 ? moins30 / e50 : null,
    partPartants: partants / total,
  };
}

/** Sorts band labels by their lower age, unknown labels last (alphabetically). */
export function ordreTranches(a: string, b: string): number {
  const ta = readTranche(a);
  const tb = readTranche(b);
  if (ta && tb) return ta.min - tb.min || ta.max - tb.max;
  if (ta) return -1;
  if (tb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
