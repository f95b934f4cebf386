/**
 * The reports' words (HTML and xlsx) as the report code asks for them; the words themselves live
 * in core/locale/{fr,en}/report.ts.
 */
import type { FamilleId } from '../format/schema.js';
import { locales, type ReportWords } from '../locale/index.js';
import type { Lang, Severity } from '../problems.js';

/** Families in the order of the format (schema enum), which is the order of the report. */
export const FAMILLE_ORDER: readonly FamilleId[] = [
  'en-crise', 'en-croissance', 'en-tension', 'en-mutation', 'strategique', 'fragile', 'porteur',
];

export function familleName(f: FamilleId, lang: Lang): string {
  return locales[lang].report.nomsFamilles[f];
}

export function definitionFamille(f: FamilleId, lang: Lang): string {
  return locales[lang].report.definitions[f];
}

/** A severity as a title or table cell (« Erreur », "Error"). */
export function nomGravite(s: Severity, lang: Lang): string {
  return locales[lang].severity.titre[s];
}

export type Libelles = ReportWords;

export function libelles(lang: Lang): Libelles {
  return locales[lang].report;
}

export function competenceTypeName(type: 'savoir-faire' | 'savoir-etre' | 'savoir', l: Libelles): string {
  return type === 'savoir-faire' ? l.savoirFaire : type === 'savoir-etre' ? l.savoirEtre : l.savoir;
}
