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

/** Longest rendering of one value of the user's file inside a message (characters). */
export const VALUE_MAX = 200;
/** Longest message (characters): a message never echoes a whole file or cell. */
export const MESSAGE_MAX = 2000;

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates
// (they reorder what a terminal or an editor shows), the byte-order mark; lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are the characters to escape.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

/**
 * `s` with every control character written as an escape (`\n`, `\0`, `\u001B`…), so that a
 * terminal, a CI log or an editor shows it instead of obeying it (ESC sequences, BEL, CR that
 * rewrites the line, bidirectional overrides). Lone surrogates become `\uD800`.
 */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** `s` cut to `max` characters, the last one `…`, never in the middle of a surrogate pair. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/**
 * Text shown to people: controls escaped, at most `max` characters (`…` last when cut, never
 * inside an escape or a surrogate pair). Only the first `max` characters of `s` are looked at, so
 * a 100 MB value costs nothing.
 */
export function safeText(s: string, max = VALUE_MAX): string {
  if (s.length <= max && !HAS_CONTROL.test(s)) return s;
  let out = '';
  let cut = '';
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let piece: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) piece = s.slice(i, ++i + 1);
    else piece = isControl(c) ? escapeControls(s[i]!) : s[i]!;
    if (out.length + piece.length > max) break;
    out += piece;
    if (out.length < max) cut = out;
  }
  return i >= s.length ? out : cut + '…';
}

const HAS_CONTROL = new RegExp(CONTROLS.source);
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** One UTF-16 unit that `escapeControls` escapes (a surrogate here is a lone one). */
function isControl(c: number): boolean {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff);
}

/**
 * A value of the user's file as text inside a message, the one renderer every catalogue uses:
 * strings as they are, numbers and booleans written out, lists joined by commas, mappings as
 * JSON (`{"toString":1}`, never "[object Object]" and never the value's own `toString`), control
 * characters escaped, at most `max` characters. Never throws, whatever the value.
 */
export function valueText(v: unknown, max = VALUE_MAX): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return safeText(v, max);
  if (Array.isArray(v)) return safeText(items(v, max, (x, budget) => (typeof x === 'string' ? capText(x.slice(0, budget + 1), budget) : inner(x, budget, 1))).join(', '), max);
  return safeText(inner(v, max, 0), max);
}

/** A value inside a list or mapping: JSON-like, bounded by `budget` characters and three levels. */
function inner(v: unknown, budget: number, depth: number): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(capText(v.slice(0, budget + 1), budget));
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v !== 'object') return typeof v;
  if (Array.isArray(v)) return depth >= 3 ? '[…]' : `[${items(v, budget, (x, b) => inner(x, b, depth + 1)).join(',')}]`;
  if (depth >= 3) return '{…}';
  const o = v as Record<string, unknown>;
  const parts = items(Object.keys(o), budget, (k, b) => `${JSON.stringify(capText(k.slice(0, b + 1), b))}:${inner(o[k], b, depth + 1)}`);
  return `{${parts.join(',')}}`;
}

/** Renders items while the budget lasts, then `…`. */
function items<T>(xs: readonly T[], budget: number, render: (x: T, budget: number) => string): string[] {
  const out: string[] = [];
  let left = budget;
  for (const x of xs) {
    if (left <= 0) {
      out.push('…');
      break;
    }
    const piece = render(x, left);
    out.push(piece);
    left -= piece.length + 2;
  }
  return out;
}

/** A whole message as hosts show it: controls escaped, at most `MESSAGE_MAX` characters. */
export function safeMessage(text: string): string {
  return safeText(text, MESSAGE_MAX);
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
      message: { fr: render(def.fr, d, code), en: render(def.en, d, code) },
      data: d,
    };
    if (extra.range) p.range = extra.range;
    if (extra.location) p.location = extra.location;
    return p;
  };
}

/**
 * A catalogue message, made safe whatever the data: controls escaped, length capped. A wording
 * that throws on data it did not expect (a bug) still gives a message, its code and the value.
 */
function render<D>(word: (d: D) => string, d: D, code: string): string {
  let text: string;
  try {
    text = word(d);
  } catch {
    text = `${code} ${valueText((d as ProblemData).value)}`;
  }
  return safeMessage(text);
}

/** Appends `items` to `target` one by one: `target.push(...items)` overflows the stack past about 100 000 items. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
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
