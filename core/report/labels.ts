/**
 * The reports' words (HTML and xlsx) as the report code asks for them; the words themselves live
 * in core/locale/{fr,en}/report.ts.
 */
import type { DiagnosticResult } from '../analysis/result.js';
import type { FamilleId, NomenclatureId } from '../format/schema.js';
import { locales, type ReportWords } from '../locale/index.js';
import type { Lang, Severity } from '../problems.js';

/** Families in the order of the format (schema enum), which is the order of the report. */
export const FAMILLE_ORDER: readonly FamilleId[] = ['en-crise', 'en-croissance', 'en-tension', 'en-mutation', 'strategique', 'fragile', 'porteur'];

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

/**
 * How many a family counts: its source cells when its verdicts were decided on codes of another
 * nomenclature and copied to several métiers, else its métiers.
 */
export function nombreFamille(r: Pick<DiagnosticResult, 'familles' | 'cellulesFamilles'>, f: FamilleId): number {
  return r.cellulesFamilles?.[f]?.cellules ?? r.familles[f]?.length ?? 0;
}

/** « 66 codes ROME v3, couvrant 275 métiers », or undefined when the family has no copies. */
export function texteCellules(r: Pick<DiagnosticResult, 'cellulesFamilles'>, f: FamilleId, lang: Lang): string | undefined {
  const c = r.cellulesFamilles?.[f];
  if (!c) return undefined;
  const nom = locales[lang].typology.nomenclatures[c.nomenclature as NomenclatureId] ?? c.nomenclature;
  return locales[lang].report.cellulesSource(c.cellules, nom, c.metiers);
}

export function libelles(lang: Lang): Libelles {
  return locales[lang].report;
}

export function competenceTypeName(type: 'savoir-faire' | 'savoir-etre' | 'savoir', l: Libelles): string {
  return type === 'savoir-faire' ? l.savoirFaire : type === 'savoir-etre' ? l.savoirEtre : l.savoir;
}
