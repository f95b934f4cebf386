/**
 * The words of each language, one place per language (date-fns style): `core/locale/fr/` and
 * `core/locale/en/` hold one file per domain, each implementing the domain's interface declared
 * in `core/locale/<domain>.ts`. Code asks `locales[lang].<domain>` for its words and never
 * chooses between two inline strings.
 */
import type { Lang } from '../problems.js';
import type { CliWords } from './cli.js';
import type { DiffWords } from './diff.js';
import type { EditorWords } from './editor.js';
import type { IndicatorWords } from './indicators.js';
import type { ReportWords } from './report.js';
import type { SeverityWords } from './severity.js';
import { cli as cliEn } from './en/cli.js';
import { diff as diffEn } from './en/diff.js';
import { editor as editorEn } from './en/editor.js';
import { indicators as indicatorsEn } from './en/indicators.js';
import { report as reportEn } from './en/report.js';
import { severity as severityEn } from './en/severity.js';
import { cli as cliFr } from './fr/cli.js';
import { diff as diffFr } from './fr/diff.js';
import { editor as editorFr } from './fr/editor.js';
import { indicators as indicatorsFr } from './fr/indicators.js';
import { report as reportFr } from './fr/report.js';
import { severity as severityFr } from './fr/severity.js';

export interface Locale {
  cli: CliWords;
  diff: DiffWords;
  editor: EditorWords;
  indicators: IndicatorWords;
  report: ReportWords;
  severity: SeverityWords;
}

export const locales: Record<Lang, Locale> = {
  fr: { cli: cliFr, diff: diffFr, editor: editorFr, indicators: indicatorsFr, report: reportFr, severity: severityFr },
  en: { cli: cliEn, diff: diffEn, editor: editorEn, indicators: indicatorsEn, report: reportEn, severity: severityEn },
};

export type { CliWords, DiffWords, EditorWords, IndicatorWords, ReportWords, SeverityWords };

/** The languages of the words, French first. */
export const LANGS: readonly Lang[] = ['fr', 'en'];

export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}
