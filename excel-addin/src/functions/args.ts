/**
 * Excel-shaped arguments: a parameter declared as a matrix receives a single value as [[v]] and a
 * range as rows of cells; an empty cell is "" (or null), an omitted optional argument null or
 * undefined; numbers typed as text keep their French decimal comma ("12,5"). Reading never
 * throws: a bad value becomes an `ErreurCellule` the façade turns into an Excel error.
 */
import { parseNombre, parsePart, type Lang } from '../../../core/index.js';
import { MESSAGES, type MessagesFonctions } from './messages.js';

export type Cellule = number | string | boolean | null | undefined;
export type Matrice = Cellule[][];

/**
 * Which message of messages.ts an error shows (none for #NUM! and #DIV/0!, which Excel explains);
 * `lang` serves the messages the core words itself (`{ fr, en }`).
 */
export type Texte = (m: MessagesFonctions, lang: Lang) => string;

/** An Excel error to show, with its message. */
export class ErreurCellule {
  constructor(
    readonly code: '#VALUE!' | '#N/A' | '#NUM!' | '#DIV/0!',
    readonly texte: Texte = () => '',
  ) {}

  message(lang: Lang): string {
    return this.texte(MESSAGES[lang], lang);
  }
}

export const valeurIncorrecte = (texte: Texte) => new ErreurCellule('#VALUE!', texte);
export const nonDisponible = (texte: Texte) => new ErreurCellule('#N/A', texte);

/** A scalar or a range as a matrix; absent (null/undefined) stays undefined. */
export function matrice(v: unknown): Matrice | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    return v.map((ligne) => (Array.isArray(ligne) ? (ligne as Cellule[]) : [ligne as Cellule]));
  }
  return [[v as Cellule]];
}

export const estVide = (c: Cellule): boolean => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** Every cell of an absent or all-empty argument is empty. */
export function toutVide(m: Matrice | undefined): boolean {
  return !m || m.every((l) => l.every(estVide));
}

/** A number from a cell; `undefined` for an empty cell; an error for text that is not a number. */
export function nombre(c: Cellule, nom: string, part = false): number | undefined | ErreurCellule {
  if (estVide(c)) return undefined;
  if (typeof c === 'number') return Number.isFinite(c) ? c : valeurIncorrecte((m) => m.nombreInvalide(nom));
  if (typeof c === 'boolean') return valeurIncorrecte((m) => m.booleenPasNombre(nom));
  const brut = String(c);
  const lu = part ? parsePart(brut) : parseNombre(brut);
  if (lu.ok && lu.value.valeur !== null) return lu.value.valeur;
  if (lu.ok && lu.value.masque) return nonDisponible((m) => m.valeurMasquee(nom, String(c)));
  return valeurIncorrecte((m) => m.pasUnNombre(nom, String(c)));
}

/** An optional scalar number argument (the first cell), with a default. */
export function nombreOptionnel(v: unknown, nom: string, defaut: number): number | ErreurCellule {
  const m = matrice(v);
  if (toutVide(m)) return defaut;
  const n = nombre(m![0]![0], nom);
  return n === undefined ? defaut : n;
}

export function texte(c: Cellule): string {
  return estVide(c) ? '' : String(c).trim();
}

/**
 * Shape of the element-wise result of several matrices, Excel's broadcasting: each argument has
 * the result's number of rows or 1, and its number of columns or 1.
 */
export function formeCommune(ms: ReadonlyArray<Matrice>, noms: readonly string[]): { lignes: number; colonnes: number } | ErreurCellule {
  const lignes = Math.max(...ms.map((m) => m.length));
  const colonnes = Math.max(...ms.map((m) => m[0]?.length ?? 0));
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    const c = m[0]?.length ?? 0;
    if ((m.length !== 1 && m.length !== lignes) || (c !== 1 && c !== colonnes)) {
      return valeurIncorrecte((w) => w.taillesIncompatibles(String(noms[i]), `${m.length}×${c}`, `${lignes}×${colonnes}`));
    }
  }
  return { lignes, colonnes };
}

export function cellule(m: Matrice, i: number, j: number): Cellule {
  const l = m.length === 1 ? m[0]! : m[i]!;
  return l.length === 1 ? l[0] : l[j];
}

/** All cells of a matrix, row by row, as a list. */
export function aplatir(m: Matrice | undefined): Cellule[] {
  return m ? m.flat() : [];
}

/** A promise of any realm (the answers of the pane's Web Worker; a test's). */
export const estPromesse = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown } | null)?.then === 'function';
