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

/** A data location with the column's header when known (how messages name a place). */
export type PlaceInFile = Partial<DataLocation> & { header?: string };

/**
 * A place in a data file as a compact reference, for lists of problems (CLI lines, report, editor,
 * add-in): `file:Sheet!F12` for a spreadsheet cell, `file:line:col` or `file:line` in a CSV, else
 * `file`. Inside a sentence, `formatLocation` words the same place.
 */
export function locationRef(l: Pick<DataLocation, 'file' | 'line' | 'column' | 'sheet' | 'cell'>): string {
  if (l.cell !== undefined) return `${l.file}:${l.sheet ? l.sheet + '!' : ''}${l.cell}`;
  if (l.line !== undefined) return `${l.file}:${l.line}` + (l.column !== undefined ? `:${l.column}` : '');
  return l.file;
}

/**
 * A place in a data file, for people, in one language: « fichier.csv », ligne 12, colonne « met »
 * or 'book.xlsx', sheet 'X', cell F12. The one rendering of a data location (messages and hosts).
 */
export function formatLocation(l: PlaceInFile, lang: Lang): string {
  const w = LOCATION_WORDS[lang];
  const q = w.quote;
  const parts = [q(String(l.file))];
  if (l.sheet) parts.push(`${w.sheet} ${q(l.sheet)}`);
  if (l.cell) parts.push(`${w.cell} ${l.cell}`);
  else if (l.line) parts.push(`${w.line} ${l.line}`);
  if (l.header !== undefined) parts.push(`${w.column} ${q(l.header)}`);
  else if (l.column) parts.push(`${w.column} ${l.column}`);
  return parts.join(', ');
}

const LOCATION_WORDS: Record<Lang, { quote: (s: string) => string; sheet: string; cell: string; line: string; column: string }> = {
  fr: { quote: (s) => `« ${s} »`, sheet: 'feuille', cell: 'cellule', line: 'ligne', column: 'colonne' },
  en: { quote: (s) => `'${s}'`, sheet: 'sheet', cell: 'cell', line: 'line', column: 'column' },
};

/**
 * A value of the user's file as text inside a message: strings as they are, numbers and booleans
 * written out, lists joined by commas, mappings as JSON, never "[object Object]".
 */
export function valueText(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return '{…}';
    }
  }
  return String(v);
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

/**
 * A catalogue entry: how to word one code from its data. `D` is the data of this code's problems:
 * codes, numbers, enum reasons and the user's own values, never a phrase in either language.
 */
export interface ProblemDefinition<D extends ProblemData = ProblemData> {
  severity: Severity;
  /** One line, French: what the code means (for docs/erreurs.md and hover). */
  title: string;
  /** Sample data: docs/erreurs.md shows the rendered messages, tests render them in both languages. */
  exemple: D;
  fr: (d: D) => string;
  en: (d: D) => string;
}

/** Declares one entry with its data type, e.g. `entry<{ source: string }>({ … })`. */
export function entry<D extends ProblemData = Record<never, never>>(def: ProblemDefinition<D>): ProblemDefinition<D> {
  return def;
}

/** A catalogue: codes (`GTEC-E012`) to entries. Declare one with `defineCatalogue({ 'GTEC-E012': entry<…>({…}) })`. */
// biome-ignore lint/suspicious/noExplicitAny: each entry has its own data type; `entry` checks it.
export type Catalogue = Record<string, ProblemDefinition<any>>;

/** Keeps the literal codes of a catalogue, so that its codes are a union type. */
export function defineCatalogue<const C extends Catalogue>(catalogue: C): C {
  return catalogue;
}

/** The codes of a catalogue, as a union. */
export type CodeOf<C extends Catalogue> = keyof C & string;
/** The data of one code of a catalogue. */
export type DataOf<C extends Catalogue, K extends CodeOf<C>> = C[K] extends ProblemDefinition<infer D> ? D : never;

export interface ProblemExtra {
  range?: Problem['range'];
  location?: DataLocation;
  severity?: Severity;
}

/** Data may be left out only for codes whose data has no required field. */
type FactoryArgs<D> = Record<never, never> extends D ? [data?: D, extra?: ProblemExtra] : [data: D, extra?: ProblemExtra];

/**
 * Builds problems from a catalogue, so that the same code always has the same wording. The code
 * must be one of the catalogue's and the data exactly that code's data.
 */
export function problemFactory<C extends Catalogue>(catalogue: C) {
  return function make<K extends CodeOf<C>>(code: K, pointer: string, ...[data, extra = {}]: FactoryArgs<DataOf<C, K>>): Problem {
    const def = catalogue[code];
    if (!def) throw new Error(`Unknown problem code: ${code}`);
    const d = (data ?? {}) as DataOf<C, K>;
    const p: Problem = {
      code,
      severity: extra.severity ?? def.severity,
      pointer,
      message: { fr: def.fr(d), en: def.en(d) },
      data: d,
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
  return problems.sort((a, b) => (a.range?.start ?? Number.MAX_SAFE_INTEGER) - (b.range?.start ?? Number.MAX_SAFE_INTEGER) || a.pointer.localeCompare(b.pointer) || a.code.localeCompare(b.code));
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
