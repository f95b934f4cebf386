/**
 * Territorial indicators (docs/methodes.md §1, §2) as pure functions of plain numbers. Each returns
 * `null` when the formula is undefined (zero denominator, empty input) rather than a made-up value.
 */

/** Taux de croissance annuel moyen: (E1/E0)^(1/(t1−t0)) − 1. */
export function tcam(e0: number, e1: number, t0: number, t1: number): number | null {
  if (!(e0 > 0) || e1 < 0 || !(t1 > t0)) return null;
  return Math.pow(e1 / e0, 1 / (t1 - t0)) - 1;
}

/** Relative change (E1 − E0) / E0. */
export function evolution(e0: number, e1: number): number | null {
  if (!(e0 > 0)) return null;
  return (e1 - e0) / e0;
}

/** Indice de spécificité (location quotient): (E_sz/E_z) / (E_sR/E_R). */
export function indiceSpecificite(eSz: number, eZ: number, eSR: number, eR: number): number | null {
  if (!(eZ > 0) || !(eSR > 0) || !(eR > 0)) return null;
  return eSz / eZ / (eSR / eR);
}

/** Krugman specialisation index: Σ_s |E_sz/E_z − E_sR/E_R| over the union of keys (0..2). */
export function krugman(local: ReadonlyMap<string, number>, reference: ReadonlyMap<string, number>): number | null {
  const tz = somme(local.values());
  const tr = somme(reference.values());
  if (!(tz > 0) || !(tr > 0)) return null;
  let k = 0;
  for (const s of new Set([...local.keys(), ...reference.keys()])) {
    k += Math.abs((local.get(s) ?? 0) / tz - (reference.get(s) ?? 0) / tr);
  }
  return k;
}

/**
 * Herfindahl–Hirschman index of a set of sizes on the 0..10 000 scale, and its normalised form
 * (HHI − 1/N)/(1 − 1/N) on 0..1. N counts the units given (zeros included: they are units that
 * exist with no weight). The normalised form is undefined (null) for a single unit.
 */
export function herfindahl(tailles: readonly number[]): { hhi: number; normalise: number | null } | null {
  const total = somme(tailles);
  if (!(total > 0)) return null;
  const h = tailles.reduce((acc, t) => acc + (t / total) ** 2, 0);
  const n = tailles.length;
  return { hhi: h * 10_000, normalise: n > 1 ? (h - 1 / n) / (1 - 1 / n) : null };
}

/**
 * Herfindahl of establishments known only by size band: band b has n_b establishments employing
 * e_b in total. Assuming equal size inside a band (the only assumption the data allow), each
 * establishment has share e_b/(n_b·E), so HHI = Σ_b e_b² / (n_b·E²), with N = Σ n_b. Equal sizes
 * inside bands make this a lower bound of the true concentration.
 */
export function herfindahlParTranches(tranches: ReadonlyArray<{ etablissements: number; effectif: number }>): { hhi: number; normalise: number | null } | null {
  const utiles = tranches.filter((t) => t.etablissements > 0);
  const total = somme(utiles.map((t) => t.effectif));
  const n = somme(utiles.map((t) => t.etablissements));
  if (!(total > 0)) return null;
  const h = utiles.reduce((acc, t) => acc + t.effectif ** 2 / (t.etablissements * total ** 2), 0);
  return { hhi: h * 10_000, normalise: n > 1 ? (h - 1 / n) / (1 - 1 / n) : null };
}

/** Mean and population standard deviation (the z-score parameters of a distribution). */
export function moyenneEcartType(valeurs: readonly number[]): { moyenne: number; ecartType: number } | null {
  if (valeurs.length < 2) return null;
  const moyenne = somme(valeurs) / valeurs.length;
  const variance = valeurs.reduce((acc, v) => acc + (v - moyenne) ** 2, 0) / valeurs.length;
  return { moyenne, ecartType: Math.sqrt(variance) };
}

/** z = (x − mean) / sd; null when the distribution has no spread. */
export function zScore(x: number, params: { moyenne: number; ecartType: number }): number | null {
  return params.ecartType > 0 ? (x - params.moyenne) / params.ecartType : null;
}

/**
 * Quantile by linear interpolation between order statistics (type 7: R's default, Excel's
 * QUARTILE.INC): position (n − 1)·q in the sorted values.
 */
export function quantile(valeurs: readonly number[], q: number): number | null {
  if (valeurs.length === 0) return null;
  const tri = [...valeurs].sort((a, b) => a - b);
  const pos = (tri.length - 1) * q;
  const bas = Math.floor(pos);
  const haut = Math.ceil(pos);
  return tri[bas]! + (tri[haut]! - tri[bas]!) * (pos - bas);
}

/** Net job creation over `horizon` years if the trend (TCAM) goes on: E·((1+TCAM)^H − 1). */
export function creationsNettes(effectif: number, taux: number, horizon: number): number {
  return effectif * (Math.pow(1 + taux, horizon) - 1);
}

export function somme(valeurs: Iterable<number>): number {
  let s = 0;
  for (const v of valeurs) s += v;
  return s;
}

/**
 * Threshold comparisons with a tolerance of 1e-9 in the direction that includes the threshold, so
 * that a value equal to a decimal threshold (−2 %) still fires despite binary rounding of
 * (E1/E0)^(1/n) − 1. Strict comparisons get the same tolerance the other way.
 */
const EPS = 1e-9;
export const compare = {
  '>=': (a: number, b: number) => a >= b - EPS,
  '<=': (a: number, b: number) => a <= b + EPS,
  '>': (a: number, b: number) => a > b + EPS,
  '<': (a: number, b: number) => a < b - EPS,
} as const;
