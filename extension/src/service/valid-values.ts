/**
 * The value a quick fix writes for a missing key: one the format accepts, never a placeholder that
 * is an error itself (`debut: 0`, `titre: ""`). The period is the last five years up to this year
 * (or around the year already given), the title comes from the territory's name, numbers start at
 * their minimum, enums at their first value. Written in the document's syntax (JSON or YAML flow).
 */
import { locales } from '../../../core/index.js';
import type { DocumentContext } from './context.js';
import { scalarText } from './code-actions.js';
import { infoAt, typeOf, valuesOf } from './schema-info.js';
import type { Segment } from './yaml-ast.js';

/** How many years a new period spans (fin − debut). */
const SPAN = 5;

const get = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v);
const year = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

function thisYear(ctx: DocumentContext): number {
  return Number((ctx.today ?? new Date().toISOString()).slice(0, 4));
}

/** `{ debut, fin }` of a period: the one already there decides the other. */
function period(ctx: DocumentContext, owner: unknown) {
  const now = thisYear(ctx);
  const debut = year(get(owner, 'debut'));
  const fin = year(get(owner, 'fin')) ?? (debut !== undefined ? Math.min(debut + SPAN, Math.max(now, debut + 1)) : now);
  return { debut: debut ?? fin - SPAN, fin };
}

/** The value for the missing key at `path`, as plain data. */
function validValue(ctx: DocumentContext, path: readonly Segment[]): unknown {
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  const owner = parent.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[String(k)] : undefined), ctx.value);
  const w = locales[ctx.lang].editor;
  const at = path.join('.');
  if (at === 'periode') return period(ctx, undefined);
  if (at === 'periode.debut' || at === 'periode.fin') return period(ctx, owner)[key as 'debut' | 'fin'];
  if (at === 'titre') {
    const nom = get(ctx.value, 'territoire', 'nom');
    return w.titreDiagnostic(typeof nom === 'string' && nom.trim() ? nom.trim() : undefined);
  }
  if (at === 'territoire') return { nom: w.territoireANommer, type: 'autre', codes: [] };
  if (key === 'nom') return w.territoireANommer;
  const info = infoAt(path);
  const values = valuesOf(info);
  if (values?.length) return values[0];
  const bag = (info?.bare as unknown as { _zod?: { bag?: { minimum?: number; maximum?: number } } } | undefined)?._zod?.bag ?? {};
  switch (typeOf(info)) {
    case 'number':
      // A year (Annee: 1950–2100) is this year; other numbers their minimum.
      if (bag.minimum === 1950 && bag.maximum === 2100) return thisYear(ctx);
      return bag.minimum ?? 0;
    case 'array':
      return [];
    case 'object':
    case 'record':
      return {};
    default:
      return w.objectifAPreciser;
  }
}

/** The text of the value for `path` (missing key), in JSON or YAML flow syntax. */
export function validValueFor(ctx: DocumentContext, path: readonly Segment[], json: boolean): string {
  const v = validValue(ctx, path);
  if (json) return JSON.stringify(v).replace(/,"/g, ', "').replace(/":/g, '": ');
  const text = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(text).join(', ')}]`;
    if (x && typeof x === 'object') {
      const entries = Object.entries(x).map(([k, y]) => `${k}: ${text(y)}`);
      return entries.length ? `{ ${entries.join(', ')} }` : '{}';
    }
    return typeof x === 'string' ? scalarText(x, '') : String(x);
  };
  return text(v);
}
