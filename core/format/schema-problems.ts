/**
 * zod issues → Problems, in one place: a stable code per kind of issue, a French message saying
 * what was found and what was expected (then English), the pointer, the source range, and data
 * for quick fixes (`suggestion`, `missingKey`).
 */
import type { z } from 'zod';
import { pointer as toPointer, type Problem } from '../problems.js';
import { makeFormatProblem, type ConseilType, type FormatAttendu, type FormatData } from './problems-format.js';
import { DateGtec, Diagnostic, Identifiant } from './schema.js';
import { allowedKeys, regexOf, schemaAt } from './schema-walk.js';
import type { SourceMap } from './source-map.js';
import { closest } from '../suggest.js';

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<PropertyKey>;

/** Formats of the schema's regular expressions, by their source (the catalogue words them). */
const FORMATS = new Map<string, FormatAttendu>([
  [String(regexOf(Identifiant)), 'identifiant'],
  [String(regexOf(DateGtec)), 'date'],
]);

export function schemaProblems(issues: readonly Issue[], value: unknown, sourceMap: SourceMap): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schemaAt(Diagnostic, issue.path));
      for (const key of issue.keys) {
        const ptr = toPointer(...(issue.path as Array<string | number>), key);
        const suggestion = closest(key, allowed);
        const data = suggestion === undefined ? { value: key, permises: allowed } : { value: key, suggestion, permises: allowed };
        out.push(makeFormatProblem('GTEC-E012', ptr, data, withRange(sourceMap.keyRange(ptr))));
      }
      continue;
    }
    out.push(convert(issue, value, sourceMap));
  }
  return out;
}

function convert(issue: Issue, root: unknown, sourceMap: SourceMap): Problem {
  const path = issue.path as Array<string | number>;
  const ptr = toPointer(...path);
  const found = valueAt(root, path);
  const range = withRange(sourceMap.valueRange(ptr));
  // A required key that is absent: zod says "invalid type" (or "invalid value" for an enum or the
  // version literal); the user needs "missing key", with the key for a quick fix.
  if (found.missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const data: FormatData<'GTEC-E011'> = { missingKey: String(path[path.length - 1]) };
    const parent = label(path.slice(0, -1));
    if (parent) data.parent = parent;
    if (issue.code === 'invalid_type') data.expected = issue.expected;
    else data.valeurs = issue.values.map(String);
    return makeFormatProblem('GTEC-E011', ptr, data, withRange(sourceMap.missingKeyRange(ptr)));
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int' && typeof found.value === 'number') {
        return makeFormatProblem('GTEC-E018', ptr, { value: found.value }, range);
      }
      const src = sourceMap.sourceText(ptr);
      const data: FormatData<'GTEC-E010'> = { value: found.value, expected: issue.expected };
      if (src !== undefined) data.source = src;
      const hint = advice(issue.expected, found.value, src);
      if (hint) {
        data.conseil = hint.conseil;
        if (hint.suggestion !== undefined) data.suggestion = hint.suggestion;
      }
      return makeFormatProblem('GTEC-E010', ptr, data, range);
    }
    case 'invalid_value': {
      if (path.length === 1 && path[0] === 'gtec') return makeFormatProblem('GTEC-E017', ptr, { value: found.value }, range);
      const permises = issue.values.map(String);
      const suggestion = typeof found.value === 'string' ? closest(found.value, permises) : undefined;
      const data = suggestion === undefined ? { value: found.value, permises } : { value: found.value, permises, suggestion };
      return makeFormatProblem('GTEC-E013', ptr, data, range);
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      return makeFormatProblem(small ? 'GTEC-E014' : 'GTEC-E015', ptr, { value: found.value, limite: bound, origine: issue.origin, inclusive: issue.inclusive !== false }, range);
    }
    case 'invalid_format': {
      const format = (issue.format === 'regex' && FORMATS.get(String(issue.pattern))) || 'autre';
      const data: FormatData<'GTEC-E016'> = format === 'autre' ? { value: found.value, format, detail: issue.message } : { value: found.value, format };
      const fix = typeof found.value === 'string' ? fixDate(found.value) : undefined;
      if (fix && String(issue.pattern) === String(regexOf(DateGtec))) data.suggestion = fix;
      return makeFormatProblem('GTEC-E016', ptr, data, range);
    }
    default:
      return makeFormatProblem('GTEC-E019', ptr, { value: found.value, detail: issue.message, zod: issue.code }, range);
  }
}

function withRange(range: { start: number; end: number } | undefined) {
  return range ? { range } : {};
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): { value: unknown; missing: boolean } {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return { value: undefined, missing: true };
    cur = (cur as Record<string, unknown>)[seg];
  }
  return { value: cur, missing: false };
}

/** `plan_action[0].calendrier`: where a key is, for people. */
function label(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${String(s)}` : String(s))).join('');
}

/** A hint for the usual mistakes of YAML writers (the catalogue words it), with its quick fix. */
function advice(expected: string, v: unknown, src: string | undefined): { conseil: ConseilType; suggestion?: string } | undefined {
  if (expected === 'string' && typeof v === 'number' && src && /^[+-]?0\d/.test(src)) {
    return { conseil: { type: 'zeros', texte: src }, suggestion: `"${src}"` };
  }
  if (expected === 'string' && (typeof v === 'number' || typeof v === 'boolean')) {
    const text = src ?? String(v);
    return { conseil: { type: 'guillemets', texte: text }, suggestion: `"${text}"` };
  }
  if (expected === 'boolean' && typeof v === 'string' && /^(oui|non|yes|no|vrai|faux|on|off|o|n|y)$/i.test(v)) {
    const b = /^(oui|yes|vrai|on|o|y)$/i.test(v);
    return { conseil: { type: 'booleen', texte: v, valeur: b }, suggestion: String(b) };
  }
  if ((expected === 'number' || expected === 'int') && typeof v === 'string') {
    const m = /^\s*(-?\d[\d\s\u202f\u00a0]*)(?:,(\d+))?\s*(%|€)?\s*$/.exec(v);
    if (m) {
      const n = Number(m[1]!.replace(/[\s\u202f\u00a0]/g, '') + (m[2] ? '.' + m[2] : ''));
      const fixed = m[3] === '%' ? String(n / 100) : String(n);
      return { conseil: { type: 'nombre', nombre: fixed }, suggestion: fixed };
    }
  }
  if (expected === 'array' && (typeof v === 'string' || typeof v === 'number')) {
    return { conseil: { type: 'liste', texte: String(src ?? v) } };
  }
  return undefined;
}

/** `01/03/2024` → `2024-03-01`, `2024/03` → `2024-03`: a quick fix for French-style dates. */
function fixDate(v: string): string | undefined {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v.trim());
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(v.trim());
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}${m[3] ? '-' + m[3].padStart(2, '0') : ''}`;
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(v.trim());
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  return undefined;
}
