/**
 * Numbers in explanation sentences. Written by hand rather than with `Intl` so that the text is
 * byte-identical in every host (ICU versions differ between Node, VS Code and Excel's runtime).
 * French: decimal comma, narrow no-break space (U+202F) between thousands and before « % »,
 * minus sign U+2212. English: decimal point, comma between thousands, hyphen-minus.
 */
import type { Lang } from '../problems.js';

const FINE = '\u202f';
const MOINS = '\u2212';

/** `n` with `decimales` digits after the separator (trailing zeros removed). */
export function nombre(n: number, lang: Lang, decimales = 1): string {
  const facteur = 10 ** decimales;
  const arrondi = Math.round(Math.abs(n) * facteur) / facteur;
  const negatif = n < 0 && arrondi !== 0;
  let texte = arrondi.toFixed(decimales);
  if (texte.includes('.')) texte = texte.replace(/0+$/, '').replace(/\.$/, '');
  const [entier = '0', fraction] = texte.split('.');
  const sepMilliers = lang === 'fr' ? FINE : ',';
  const groupes = entier.replace(/\B(?=(\d{3})+(?!\d))/g, sepMilliers);
  const corps = fraction ? groupes + (lang === 'fr' ? ',' : '.') + fraction : groupes;
  return negatif ? (lang === 'fr' ? MOINS : '-') + corps : corps;
}

/** A share or rate (0.041 → « 4,1 % » / "4.1%"). */
export function pourcent(part: number, lang: Lang, decimales = 1): string {
  return nombre(part * 100, lang, decimales) + (lang === 'fr' ? FINE + '%' : '%');
}

/** An annual rate (−0.041 → « −4,1 %/an » / "-4.1%/yr"). */
export function tauxAnnuel(taux: number, lang: Lang): string {
  return pourcent(taux, lang) + (lang === 'fr' ? '/an' : '/yr');
}

/** Percentage points (0.032 → « 3,2 points » / "3.2 points"). */
export function points(ecart: number, lang: Lang): string {
  const v = nombre(ecart * 100, lang);
  return `${v} ${lang === 'fr' ? (Math.abs(ecart * 100) >= 2 ? 'points' : 'point') : Math.abs(ecart * 100) === 1 ? 'point' : 'points'}`;
}
