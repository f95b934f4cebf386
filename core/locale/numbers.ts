/**
 * Numbers in sentences: the interface each locale implements (`fr/numbers.ts`, `en/numbers.ts`)
 * and the digit layout they share. Written by hand rather than with `Intl` so that the text is
 * byte-identical in every host (ICU versions differ between Node, VS Code and Excel's runtime).
 */

export interface NumberWords {
  /** `n` with `decimales` digits after the separator (trailing zeros removed); 1 by default. */
  number(n: number, decimales?: number): string;
  /** A share or rate (0.041 → « 4,1 % » / "4.1%"). */
  percent(part: number, decimales?: number): string;
  /** An annual rate (−0.041 → « −4,1 %/an » / "-4.1%/yr"). */
  annualRate(taux: number): string;
  /** Percentage points, with the unit (0.032 → « 3,2 points » / "3.2 points"). */
  points(ecart: number): string;
}

/** The characters that differ between languages when writing a number. */
export interface Separators {
  milliers: string;
  decimale: string;
  moins: string;
}

/** `n` rounded to `decimales` digits (trailing zeros removed), laid out with `s`. */
export function writeNumber(n: number, decimales: number, s: Separators): string {
  const facteur = 10 ** decimales;
  const arrondi = Math.round(Math.abs(n) * facteur) / facteur;
  const negatif = n < 0 && arrondi !== 0;
  let texte = arrondi.toFixed(decimales);
  if (texte.includes('.')) texte = texte.replace(/0+$/, '').replace(/\.$/, '');
  const [entier = '0', fraction] = texte.split('.');
  const groupes = entier.replace(/\B(?=(\d{3})+(?!\d))/g, s.milliers);
  const corps = fraction ? groupes + s.decimale + fraction : groupes;
  return negatif ? s.moins + corps : corps;
}

/** The absolute number of percentage points as `nombre` shows it (1 decimal): what its unit agrees with. */
export const shownPoints = (ecart: number) => Math.round(Math.abs(ecart * 100) * 10) / 10;
