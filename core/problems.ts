/**
 * Errors are data. Every problem found anywhere in the core is a `Problem`: a stable code, a
 * severity, a JSON pointer into the diagnostic document, a message in French and English, and
 * data a host can use for a fix. Positions in the diagnostic source are offsets; hosts turn them
 * into line/column at the edge (see `positions.ts`).
 */

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'fr' | 'en';

/** A place inside a data file (CSV, xlsx) rather than inside the diagnostic document. */
export interface DataLocation {
  /** Path of the data file, as written in the diagnostic (relative to the diagnostic's folder). */
  file: string;
  /** 1-based line (CSV) or row (xlsx). */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** Spreadsheet sheet and cell, e.g. `BMO_2024_open_data` / `F12`. */
  sheet?: string;
  cell?: string;
}

export interface Problem {
  /** Stable code, e.g. `GTEC-E012`. Documented in docs/erreurs.md. */
  code: string;
  severity: Severity;
  /** JSON pointer (RFC 6901) into the diagnostic document; '' for the whole document. */
  pointer: string;
  message: Record<Lang, string>;
  /** Source offsets [start, end) in the diagnostic text, when known. */
  range?: { start: number; end: number };
  /** Where in a data file, when the problem is in a data file. */
  location?: DataLocation;
  /** Facts for hosts: suggestion for a quick fix, the offending value, the expected type… */
  data?: ProblemData;
}

export interface ProblemData {
  /** A replacement value a host can offer as a quick fix ("vouliez-vous dire M1805 ?"). */
  suggestion?: string;
  /** Several candidate replacements, best first. */
  suggestions?: string[];
  /** The value found. */
  value?: unknown;
  /** A missing key that a quick fix can add. */
  missingKey?: string;
  [key: string]: unknown;
}

/** A catalogue entry: how to build the message of one code from the problem's data. */
export interface ProblemDefinition<D = any> {
  severity: Severity;
  /** One line, French: what the code means (for docs/erreurs.md and hover). */
  title: string;
  fr: (d: D) => string;
  en: (d: D) => string;
}

export type Catalogue = Record<string, ProblemDefinition>;

/** Builds problems from a catalogue, so that the same code always has the same wording. */
export function problemFactory(catalogue: Catalogue) {
  return function make(
    code: string,
    pointer: string,
    data: ProblemData = {},
    extra: { range?: Problem['range']; location?: DataLocation; severity?: Severity } = {},
  ): Problem {
    const def = catalogue[code];
    if (!def) throw new Error(`Code de problème inconnu : ${code}`);
    const p: Problem = {
      code,
      severity: extra.severity ?? def.severity,
      pointer,
      message: { fr: def.fr(data), en: def.en(data) },
      data,
    };
    if (extra.range) p.range = extra.range;
    if (extra.location) p.location = extra.location;
    return p;
  };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Stable order: by position, then pointer, then code. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      (a.range?.start ?? Number.MAX_SAFE_INTEGER) - (b.range?.start ?? Number.MAX_SAFE_INTEGER) ||
      a.pointer.localeCompare(b.pointer) ||
      a.code.localeCompare(b.code),
  );
}

/** JSON pointer helpers (RFC 6901). */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function parsePointer(p: string): string[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
