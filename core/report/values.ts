/** Figures as report text: the same number wording as the explanations (core/locale/format-numbers). */
import type { Mesure } from '../analysis/result.js';
import { formatNumber, formatPercent } from '../locale/format-numbers.js';
import { locales } from '../locale/index.js';
import type { Lang } from '../problems.js';
import type { Genre } from './columns.js';

export function texteValeur(v: number, genre: Genre, lang: Lang): string {
  switch (genre) {
    case 'entier':
      return formatNumber(v, lang, 0);
    case 'decimal':
      return formatNumber(v, lang, 2);
    case 'pourcent':
    case 'taux':
      return formatPercent(v, lang, 1);
    case 'classe':
      return formatNumber(v, lang, 0);
  }
}

/** Euros, no decimals: « 45 000 € » / "€45,000". */
export function texteMontant(v: number, lang: Lang): string {
  return locales[lang].report.euros(formatNumber(v, lang, 0));
}

/** The state of a measure the report must show beside (or instead of) its value. */
export type EtatMesure = 'absent' | 'masque' | 'non-significatif' | 'valeur';

export function mesureState(m: Mesure | undefined): EtatMesure {
  if (!m || (m.valeur === null && !m.masque)) return 'absent';
  if (m.masque || m.valeur === null) return 'masque';
  return m.significatif ? 'valeur' : 'non-significatif';
}
