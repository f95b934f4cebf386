/**
 * Numbers as French office software writes them. A value is either a number, withheld by the
 * publisher (`masque`: kept as withheld, never read as zero) or empty.
 *
 * Accepted: decimal comma (`12,5`) or point (`12.5`, machine exports); thousands separated by a
 * space, U+00A0, U+202F or U+2009 (`1 234,5`) or by points when there are several or when a decimal
 * comma follows (`1.234.567`, `1.234,5`); a sign (`-`, `+`, `−`); an exponent (`1,5E+03`).
 * A single point with nothing else is a decimal point: `1.234` is 1,234, not 1 234.
 * Withheld markers (case-insensitive): `*`, `**`, `***` (BMO, France Travail), `s` (secret
 * statistique, INSEE), `nd`, `n.d.` (non disponible), `nc` (non communiqué), `secret`.
 * Percentages are not numbers here: see `parsePart`.
 */
import type { Nombre } from './records.js';

export type NombreLu = { ok: true; value: Nombre } | { ok: false };

const MASQUES = new Set(['*', '**', '***', 's', 'nd', 'n.d.', 'n.d', 'nc', 'secret']);
const ESPACES = /[ \u00a0\u202f\u2009]/;

export function parseNombre(raw: string): NombreLu {
  const t = raw.trim();
  if (t === '') return { ok: true, value: { valeur: null, masque: false } };
  if (MASQUES.has(t.toLowerCase())) return { ok: true, value: { valeur: null, masque: true } };
  const m = /^([-+\u2212]?)(.*?)(?:[eE]([-+]?\d+))?$/.exec(t);
  if (!m) return { ok: false };
  const negatif = m[1] === '-' || m[1] === '\u2212';
  const corps = m[2]!;
  const exposant = m[3] ?? '0';
  const parts = splitDecimal(corps);
  if (!parts) return { ok: false };
  const value = Number(`${negatif ? '-' : ''}${parts.entier || '0'}.${parts.decimales || '0'}e${exposant}`);
  if (!Number.isFinite(value)) return { ok: false };
  return { ok: true, value: { valeur: value === 0 ? 0 : value, masque: false } };
}

/** Splits `1 234,5` / `1.234,5` / `1,234.5` / `12.5` into plain digits, or undefined. */
function splitDecimal(s: string): { entier: string; decimales: string } | undefined {
  const virgules = count(s, ',');
  const points = count(s, '.');
  let milliers: string | undefined;
  let decimal: string | undefined;
  if (virgules && points) {
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    milliers = decimal === ',' ? '.' : ',';
    if (count(s, decimal) > 1) return undefined;
  } else if (virgules) {
    if (virgules > 1) return undefined;
    decimal = ',';
  } else if (points) {
    if (points > 1) milliers = '.';
    else decimal = '.';
  }
  if (ESPACES.test(s)) {
    if (milliers) return undefined; // a point and a space as thousands separators: not a number
    milliers = ' ';
  }
  const [entierBrut = '', decimales = '', ...reste] = decimal ? s.split(decimal) : [s];
  if (reste.length) return undefined;
  if (decimal && !/^\d+$/.test(decimales)) return undefined;
  let entier = entierBrut;
  if (milliers) {
    const groupes = milliers === ' ' ? entier.split(ESPACES) : entier.split(milliers);
    if (!/^\d{1,3}$/.test(groupes[0]!) || groupes.slice(1).some((g) => !/^\d{3}$/.test(g))) return undefined;
    entier = groupes.join('');
  }
  if (!/^\d*$/.test(entier) || (entier === '' && !decimal)) return undefined;
  return { entier, decimales };
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/**
 * A share: `57 %` and `57%` are 0.57; a value without `%` is taken as already a share (`0,57`).
 * Withheld and empty values pass through as in `parseNombre`.
 */
export function parsePart(raw: string): NombreLu {
  const t = raw.trim();
  if (!t.endsWith('%')) return parseNombre(t);
  const lu = parseNombre(t.slice(0, -1));
  if (!lu.ok || lu.value.valeur === null) return lu.ok && !lu.value.masque ? { ok: false } : lu;
  return { ok: true, value: { valeur: lu.value.valeur / 100, masque: false } };
}
