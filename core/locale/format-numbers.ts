/**
 * Numbers in sentences by language, for callers that hold a `Lang`: thin wrappers over the
 * locales' number words (core/locale/<lang>/numbers.ts), where the wording lives.
 */
import { locales } from './index.js';
import type { Lang } from '../problems.js';

/** `n` with `decimales` digits after the separator (trailing zeros removed). */
export const formatNumber = (n: number, lang: Lang, decimales = 1): string => locales[lang].numbers.number(n, decimales);

/** A share or rate (0.041 → « 4,1 % » / "4.1%"). */
export const formatPercent = (part: number, lang: Lang, decimales = 1): string => locales[lang].numbers.percent(part, decimales);

/** An annual rate (−0.041 → « −4,1 %/an » / "-4.1%/yr"). */
export const formatRate = (taux: number, lang: Lang): string => locales[lang].numbers.annualRate(taux);

/** Percentage points (0.032 → « 3,2 points » / "3.2 points"). */
export const formatPoints = (ecart: number, lang: Lang): string => locales[lang].numbers.points(ecart);
