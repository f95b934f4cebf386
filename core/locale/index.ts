/**
 * The words of the core, one locale per language (date-fns style): each domain's interface is
 * declared in `core/locale/<domain>.ts` and implemented in `fr/<domain>.ts` and `en/<domain>.ts`.
 */
import type { Lang } from '../problems.js';
import { nombres as nombresEn } from './en/numbers.js';
import { typologie as typologieEn } from './en/typology.js';
import { nombres as nombresFr } from './fr/numbers.js';
import { typologie as typologieFr } from './fr/typology.js';
import type { NumberWords } from './numbers.js';
import type { TypologyWords } from './typology.js';

export interface Locale {
  /** Numbers in sentences (decimal separator, thousands, minus sign, percent, points). */
  nombres: NumberWords;
  /** Sentences explaining the verdicts of the typology. */
  typologie: TypologyWords;
}

export const locales: Record<Lang, Locale> = {
  fr: { nombres: nombresFr, typologie: typologieFr },
  en: { nombres: nombresEn, typologie: typologieEn },
};

export type { NumberWords } from './numbers.js';
export type { OptionsTypologie, TypologyWords } from './typology.js';
