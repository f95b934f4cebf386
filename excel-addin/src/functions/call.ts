/// <reference types="custom-functions-runtime" />
/**
 * What every custom function goes through: a cache by function, arguments and referential
 * (formulas recalculating by the thousand hit it), and a guard that turns any failure into an
 * Excel error value (`CustomFunctions.Error`), never a JavaScript exception in a cell.
 */
import { cleFormules } from '../shared/state.js';
import { langue } from '../shared/language.js';
import { ErreurCellule, valeurIncorrecte } from './args.js';
import { cache, cle, garder, lire } from './cache.js';

/** Result of a function before conversion: cells may hold errors. */
export type Resultat = Array<Array<number | string | boolean | ErreurCellule>>;

function erreurExcel(e: ErreurCellule): CustomFunctions.Error {
  const lang = langue();
  const code = e.code as unknown as CustomFunctions.ErrorCode;
  // Excel shows a custom message only with #VALUE! and #N/A.
  return e.code === '#VALUE!' || e.code === '#N/A' ? new CustomFunctions.Error(code, e.message(lang)) : new CustomFunctions.Error(code);
}

function convertir(r: Resultat | ErreurCellule): unknown {
  if (r instanceof ErreurCellule) throw erreurExcel(r);
  return r.map((l) => l.map((v) => (v instanceof ErreurCellule ? erreurExcel(v) : v)));
}

/**
 * Runs one function: cached by (id, referential, arguments), within the size budget of cache.ts. A whole-call error is thrown as a
 * `CustomFunctions.Error` (Excel shows it in the cell); errors inside a spilled result stay in
 * their cells.
 */
export function appel(id: string, args: readonly unknown[], calcul: () => Resultat | ErreurCellule): any[][] {
  const c = cache();
  let r: Resultat | ErreurCellule;
  if (c.reglages.actif) {
    const k = cle(id, cleFormules(), args);
    const deja = lire(c, k) as Resultat | ErreurCellule | undefined;
    if (deja !== undefined) {
      c.succes++;
      r = deja;
    } else {
      c.echecs++;
      r = proteger(calcul);
      garder(c, k, r);
    }
  } else r = proteger(calcul);
  return convertir(r) as any[][];
}

function proteger(calcul: () => Resultat | ErreurCellule): Resultat | ErreurCellule {
  try {
    return calcul();
  } catch {
    // A defect of ours, not of the user's data: still an error value, with a clear message.
    return valeurIncorrecte((w) => w.erreurInterne);
  }
}
