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
import { cli as cliEn } from './en/cli.js';
import { diff as diffEn } from './en/diff.js';
import { editor as editorEn } from './en/editor.js';
import { indicators as indicatorsEn } from './en/indicators.js';
import { init as initEn } from './en/init.js';
import { nombres as numbersEn } from './en/numbers.js';
import { report as reportEn } from './en/report.js';
import { severity as severityEn } from './en/severity.js';
import { typologie as typologyEn } from './en/typology.js';
import { cli as cliFr } from './fr/cli.js';
import { diff as diffFr } from './fr/diff.js';
import { editor as editorFr } from './fr/editor.js';
import { indicators as indicatorsFr } from './fr/indicators.js';
import { init as initFr } from './fr/init.js';
import { nombres as numbersFr } from './fr/numbers.js';
import { report as reportFr } from './fr/report.js';
import { severity as severityFr } from './fr/severity.js';
import { typologie as typologyFr } from './fr/typology.js';
import type { IndicatorWords } from './indicators.js';
import type { InitWords } from './init.js';
import type { NumberWords } from './numbers.js';
import type { ReportWords } from './report.js';
import type { SeverityWords } from './severity.js';
import type { TypologyWords } from './typology.js';

export interface Locale {
  /** Messages of the `gtec` command line. */
  cli: CliWords;
  /** Sentences of `gtec diff` and of the textconv digest. */
  diff: DiffWords;
  /** Hover, completion and code-action words of the language service. */
  editor: EditorWords;
  /** One name per indicator, shared by the report, the diff and the editor. */
  indicators: IndicatorWords;
  /** Creating a new diagnostic (gtec init, VS Code « Nouveau diagnostic »). */
  init: InitWords;
  /** Numbers in sentences (decimal separator, thousands, minus sign, percent, points). */
  numbers: NumberWords;
  /** Labels, titles and explanations of the HTML report and the workbook. */
  report: ReportWords;
  /** Severity names (erreur / error…). */
  severity: SeverityWords;
  /** Sentences explaining the verdicts of the typology. */
  typology: TypologyWords;
}

export const locales: Record<Lang, Locale> = {
  fr: { cli: cliFr, diff: diffFr, editor: editorFr, indicators: indicatorsFr, init: initFr, numbers: numbersFr, report: reportFr, severity: severityFr, typology: typologyFr },
  en: { cli: cliEn, diff: diffEn, editor: editorEn, indicators: indicatorsEn, init: initEn, numbers: numbersEn, report: reportEn, severity: severityEn, typology: typologyEn },
};

export type { CliWords, DiffWords, EditorWords, IndicatorWords, InitWords, NumberWords, ReportWords, SeverityWords, TypologyWords };
export type { TypologyOptions } from './typology.js';

/** The languages of the words, French first. */
export const LANGS: readonly Lang[] = ['fr', 'en'];

export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}
