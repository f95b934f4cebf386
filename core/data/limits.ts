/**
 * Size limits on data files, so that a hostile or broken file (a zip bomb, a 100 MB cell, a sheet
 * claiming a million columns) is refused with a problem instead of filling memory. The limits are
 * the host's, not the diagnostic's: a diagnostic file shared with others must not be able to lift
 * the guards that protect whoever runs it. The CLI sets them with `--limites` or `GTEC_LIMITES`
 * (docs/donnees.md).
 */

import type { LimitesDonnees } from '../host.js';

export type { LimitesDonnees };

const MIO = 1024 * 1024;

/** The defaults: far above any official file (the BMO workbook is 3.5 MB, 28 MB inflated). */
export const LIMITES_DEFAUT: Readonly<LimitesDonnees> = Object.freeze({
  taille: 256 * MIO,
  decompresse: 1024 * MIO,
  entrees: 10_000,
  taux: 100,
  // Excel's own limits: 32 767 characters in a cell, 16 384 columns (XFD).
  cellule: 32_767,
  lignes: 2_000_000,
  colonnes: 16_384,
});

export type LimiteNom = keyof LimitesDonnees;
export const LIMITE_NOMS = Object.keys(LIMITES_DEFAUT) as LimiteNom[];

/** The limits in force: the defaults, with what the host sets. */
export function limitesOf(set: Partial<LimitesDonnees> | undefined): LimitesDonnees {
  return { ...LIMITES_DEFAUT, ...set };
}

const UNITES: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, ki: 1024, mi: MIO, gi: 1024 * MIO };

/**
 * Parses `taille=500Mo,lignes=5000000` (sizes may end with k, M, G, or Kio, Mio, Gio / KiB, MiB,
 * GiB; an `o`/`B` suffix is optional). Returns the limits set, or the first wrong item.
 */
export function parseLimites(text: string): { ok: true; value: Partial<LimitesDonnees> } | { ok: false; item: string } {
  const value: Partial<LimitesDonnees> = {};
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-zé]+)\s*=\s*(\d+(?:\.\d+)?)\s*([kmg]i?)?[ob]?$/i.exec(item);
    const nom = m?.[1]?.toLowerCase().replace('é', 'e') as LimiteNom | undefined;
    if (!m || !nom || !LIMITE_NOMS.includes(nom)) return { ok: false, item };
    const n = Math.round(Number(m[2]!) * UNITES[(m[3] ?? '').toLowerCase()]!);
    if (!Number.isSafeInteger(n) || n <= 0) return { ok: false, item };
    value[nom] = n;
  }
  return { ok: true, value };
}
