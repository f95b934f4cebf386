/**
 * zod issues → Problems, in one place: a stable code per kind of issue, a French message saying
 * what was found and what was expected (then English), the pointer, the source range, and data
 * for quick fixes (`suggestion`, `missingKey`).
 */
import type { z } from 'zod';
import { pointer as toPointer, type Problem } from '../problems.js';
import { makeFormatProblem } from './problems-format.js';
import { DateGtec, Diagnostic, Identifiant } from './schema.js';
import { allowedKeys, regexOf, schemaAt } from './schema-walk.js';
import type { SourceMap } from './source-map.js';
import { closest } from '../suggest.js';

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<PropertyKey>;

/** Meaning of the regular expressions of the schema, by their source. */
const FORMATS = new Map<string, { fr: string; en: string }>([
  [String(regexOf(Identifiant)), { fr: 'identifiant commençant par une lettre ou un chiffre, puis lettres, chiffres, « _ », « - » ou « . » (sans espace ni accent)', en: 'an id starting with a letter or digit, then letters, digits, "_", "-" or "." (no spaces or accents)' }],
  [String(regexOf(DateGtec)), { fr: 'date AAAA-MM-JJ, mois AAAA-MM ou année AAAA (mois 01 à 12, jour 01 à 31)', en: 'date YYYY-MM-DD, month YYYY-MM or year YYYY (month 01 to 12, day 01 to 31)' }],
]);

const TYPES: Record<string, { fr: string; en: string }> = {
  string: { fr: 'texte', en: 'text' },
  number: { fr: 'nombre', en: 'number' },
  int: { fr: 'nombre entier', en: 'whole number' },
  boolean: { fr: 'booléen (true ou false)', en: 'boolean (true or false)' },
  object: { fr: 'table (clé: valeur)', en: 'mapping (key: value)' },
  array: { fr: 'liste (éléments précédés de « - »)', en: 'list (items starting with "-")' },
  record: { fr: 'table (clé: valeur)', en: 'mapping (key: value)' },
};

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
    const parent = label(path.slice(0, -1));
    const expected =
      issue.code === 'invalid_type'
        ? (TYPES[issue.expected] ?? { fr: issue.expected, en: issue.expected })
        : { fr: `une des valeurs ${issue.values.map((v) => `« ${String(v)} »`).join(', ')}`, en: `one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}` };
    return makeFormatProblem(
      'GTEC-E011',
      ptr,
      { missingKey: String(path[path.length - 1]), dansFr: parent ? ` dans « ${parent} »` : '', dansEn: parent ? ` in "${parent}"` : '', attenduFr: expected.fr, attenduEn: expected.en },
      withRange(sourceMap.missingKeyRange(ptr)),
    );
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int' && typeof found.value === 'number') {
        return makeFormatProblem('GTEC-E018', ptr, { value: found.value }, range);
      }
      const expected = TYPES[issue.expected] ?? { fr: issue.expected, en: issue.expected };
      const src = sourceMap.sourceText(ptr);
      return makeFormatProblem('GTEC-E010', ptr, {
        value: found.value,
        expected: issue.expected,
        trouveFr: capital(describe(found.value, src, 'fr')),
        trouveEn: describe(found.value, src, 'en'),
        attenduFr: expected.fr,
        attenduEn: expected.en,
        ...advice(issue.expected, found.value, src),
      }, range);
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
      const m = bounds(issue.origin, bound, small, issue.inclusive !== false, found.value);
      return makeFormatProblem(small ? 'GTEC-E014' : 'GTEC-E015', ptr, { value: found.value, limite: bound, ...m }, range);
    }
    case 'invalid_format': {
      const meaning = (issue.format === 'regex' && FORMATS.get(String(issue.pattern))) || { fr: issue.message, en: issue.message };
      const data: Record<string, unknown> = { value: found.value, formatFr: meaning.fr, formatEn: meaning.en };
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

function short(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function describe(v: unknown, src: string | undefined, lang: 'fr' | 'en'): string {
  const fr = lang === 'fr';
  if (v === null) return fr ? 'valeur vide' : 'empty value';
  if (typeof v === 'string') return fr ? `texte « ${short(v)} »` : `text "${short(v)}"`;
  if (typeof v === 'number') return `${fr ? 'nombre' : 'number'} ${src && /^[\d.+-]/.test(src) ? short(src) : v}`;
  if (typeof v === 'boolean') return `${fr ? 'booléen' : 'boolean'} ${v}`;
  if (Array.isArray(v)) return fr ? `liste de ${v.length} élément(s)` : `list of ${v.length} item(s)`;
  if (typeof v === 'object') return fr ? 'table (clé: valeur)' : 'mapping (key: value)';
  return String(v);
}

/** A hint for the usual mistakes of YAML writers. */
function advice(expected: string, v: unknown, src: string | undefined): Record<string, string> {
  if (expected === 'string' && typeof v === 'number' && src && /^[+-]?0\d/.test(src)) {
    return { conseilFr: ` Mettez-le entre guillemets (« "${src}" ») : sans guillemets, YAML lit un nombre et perd les zéros initiaux.`, conseilEn: ` Quote it ("${src}"): unquoted, YAML reads a number and drops the leading zeros.`, suggestion: `"${src}"` };
  }
  if (expected === 'string' && (typeof v === 'number' || typeof v === 'boolean')) {
    const text = src ?? String(v);
    return { conseilFr: ` Mettez la valeur entre guillemets (« "${text}" »).`, conseilEn: ` Quote the value ("${text}").`, suggestion: `"${text}"` };
  }
  if (expected === 'boolean' && typeof v === 'string' && /^(oui|non|yes|no|vrai|faux|on|off|o|n|y)$/i.test(v)) {
    const b = /^(oui|yes|vrai|on|o|y)$/i.test(v);
    return { conseilFr: ` Écrivez ${b} (YAML 1.2 ne lit pas « ${v} » comme un booléen).`, conseilEn: ` Write ${b} (YAML 1.2 does not read "${v}" as a boolean).`, suggestion: String(b) };
  }
  if ((expected === 'number' || expected === 'int') && typeof v === 'string') {
    const m = /^\s*(-?\d[\d\s\u202f\u00a0]*)(?:,(\d+))?\s*(%|€)?\s*$/.exec(v);
    if (m) {
      const n = Number(m[1]!.replace(/[\s\u202f\u00a0]/g, '') + (m[2] ? '.' + m[2] : ''));
      const fixed = m[3] === '%' ? String(n / 100) : String(n);
      return { conseilFr: ` Écrivez le nombre sans guillemets, espaces ni symbole, avec un point décimal : ${fixed}.`, conseilEn: ` Write the number without quotes, spaces or symbol, with a decimal point: ${fixed}.`, suggestion: fixed };
    }
  }
  if (expected === 'array' && (typeof v === 'string' || typeof v === 'number')) {
    return { conseilFr: ` Pour une liste d’un seul élément : « [${src ?? v}] » ou « - ${src ?? v} » à la ligne.`, conseilEn: ` For a one-item list: "[${src ?? v}]" or "- ${src ?? v}" on the next line.` };
  }
  return {};
}

function bounds(origin: string, bound: number, small: boolean, inclusive: boolean, v: unknown) {
  const cmpFr = small ? (inclusive ? 'au moins' : 'strictement plus que') : inclusive ? 'au plus' : 'strictement moins que';
  const cmpEn = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  if (origin === 'string') {
    if (small && bound === 1) return { trouveFr: 'Texte vide', trouveEn: 'Empty text', attenduFr: 'un texte non vide', attenduEn: 'a non-empty text' };
    const len = typeof v === 'string' ? v.length : 0;
    return { trouveFr: `Texte de ${len} caractère(s)`, trouveEn: `Text of ${len} character(s)`, attenduFr: `${cmpFr} ${bound} caractère(s)`, attenduEn: `${cmpEn} ${bound} character(s)` };
  }
  if (origin === 'array') {
    const len = Array.isArray(v) ? v.length : 0;
    const trouveFr = len ? `Liste de ${len} élément(s)` : 'Liste vide';
    return { trouveFr, trouveEn: len ? `List of ${len} item(s)` : 'Empty list', attenduFr: `${cmpFr} ${bound} élément(s)`, attenduEn: `${cmpEn} ${bound} item(s)` };
  }
  return { trouveFr: `Nombre ${String(v)}`, trouveEn: `Number ${String(v)}`, attenduFr: `${cmpFr} ${String(bound).replace('.', ',')}`, attenduEn: `${cmpEn} ${bound}` };
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
