/**
 * Numbers in sentences by language, for callers that hold a `Lang`: thin wrappers over the
 * locales' number words (core/locale/<lang>/numbers.ts), where the wording lives.
 */
import { locales } from '../locale/index.js';
import type { Lang } from '../problems.js';

/** `n` with `decimales` digits after the separator (trailing zeros removed). */
export const nombre = (n: number, lang: Lang, decimales = 1): string => locales[lang].numbers.nombre(n, decimales);

/** A share or rate (0.041 → « 4,1 % » / "4.1%"). */
export const pourcent = (part: number, lang: Lang, decimales = 1): string => locales[lang].numbers.pourcent(part, decimales);

/** An annual rate (−0.041 → « −4,1 %/an » / "-4.1%/yr"). */
export const tauxAnnuel = (taux: number, lang: Lang): string => locales[lang].numbers.tauxAnnuel(taux);

/** Percentage points (0.032 → « 3,2 points » / "3.2 points"). */
export const points = (ecart: number, lang: Lang): string => locales[lang].numbers.points(ecart);
