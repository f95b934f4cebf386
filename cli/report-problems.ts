/**
 * Problems as the CLI shows them, shared by `gtec check` and `gtec diagnostic`: one line per
 * problem `file:line:col: severity code message` (data-file problems at the data file's own place),
 * a summary line, or a JSON report for tools.
 */
import path from 'node:path';
import { escapeControls, inDonnees, locales, type Lang, type Problem, type Severity, LineIndex, locationRef } from '../core/index.js';

/** The problems of one diagnostic file. */
export interface FileProblems {
  /** Path of the diagnostic file (absolute or relative to the cwd). */
  file: string;
  /** Its text, to turn offsets into lines and columns. */
  text: string;
  problems: Problem[];
  /** The declared data folder: problems of `$donnees/…` files are placed in it. */
  donnees?: string;
}

export interface ReportedProblem {
  code: string;
  severity: Severity;
  message: string;
  /** Both languages, for tools that choose. */
  messages: Record<Lang, string>;
  pointer: string;
  /** File the position refers to: the diagnostic, or a data file for data problems (cwd-relative). */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  sheet?: string;
  cell?: string;
  data?: Problem['data'];
}

export interface FileReport {
  file: string;
  errors: number;
  warnings: number;
  infos: number;
  problems: ReportedProblem[];
}

export function reportFile(f: FileProblems, lang: Lang, cwd = process.cwd()): FileReport {
  const index = new LineIndex(f.text);
  const diagFile = rel(cwd, f.file);
  const problems = f.problems.map((p): ReportedProblem => {
    const r: ReportedProblem = { code: p.code, severity: p.severity, message: p.message[lang], messages: p.message, pointer: p.pointer, file: diagFile };
    if (p.location) {
      // Data-file paths are relative to the diagnostic's folder, or to the declared data folder (`$donnees/…`).
      const segs = p.location.file.split('/');
      const inData = f.donnees !== undefined && inDonnees(p.location.file);
      r.file = rel(cwd, inData ? path.resolve(cwd, f.donnees!, ...segs.slice(1)) : path.resolve(path.dirname(path.resolve(cwd, f.file)), ...segs));
      if (p.location.line !== undefined) r.line = p.location.line;
      if (p.location.column !== undefined) r.column = p.location.column;
      if (p.location.sheet !== undefined) r.sheet = p.location.sheet;
      if (p.location.cell !== undefined) r.cell = p.location.cell;
    } else if (p.range) {
      const s = index.position(p.range.start);
      const e = index.position(p.range.end);
      Object.assign(r, { line: s.line, column: s.column, endLine: e.line, endColumn: e.column });
    }
    if (p.data && Object.keys(p.data).length) r.data = p.data;
    return r;
  });
  const count = (s: Severity) => problems.filter((p) => p.severity === s).length;
  return { file: diagFile, errors: count('error'), warnings: count('warning'), infos: count('info'), problems };
}

/**
 * `file:line:col: severity code message` (data-file problems at the data file's place, `locationRef`),
 * control characters of file names, sheet names or messages escaped: a terminal shows them, never obeys them.
 */
export function problemLine(p: ReportedProblem, lang: Lang): string {
  return escapeControls(`${locationRef(p)}: ${locales[lang].severity.nom[p.severity]} ${p.code} ${p.message}`);
}

/** One line per problem (`problemLine`). */
export function formatHuman(reports: readonly FileReport[], lang: Lang): string[] {
  return reports.flatMap((r) => r.problems.map((p) => problemLine(p, lang)));
}

/** « 2 fichiers vérifiés : 1 erreur, 2 avertissements, 0 info. » */
export function formatSummary(reports: readonly FileReport[], lang: Lang): string {
  const sum = (k: 'errors' | 'warnings' | 'infos') => reports.reduce((n, r) => n + r[k], 0);
  return locales[lang].cli.resume(reports.length, sum('errors'), sum('warnings'), sum('infos'));
}

/** The JSON report: an array of files, each with its problems (stable, documented in docs/format.md). */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports, null, 2);
}

function rel(cwd: string, file: string): string {
  const r = path.relative(cwd, path.resolve(cwd, file));
  return (r === '' ? path.basename(file) : r).split(path.sep).join('/');
}
