/// <reference types="custom-functions-runtime" />
/**
 * What every custom function goes through: a cache by function, arguments and referential
 * (formulas recalculating by the thousand hit it), and a guard that turns any failure into an
 * Excel error value (`CustomFunctions.Error`), never a JavaScript exception in a cell.
 */
import { cleFormules } from '../shared/state.js';
import { langue } from '../shared/language.js';
import { ErreurCellule, estPromesse, valeurIncorrecte } from './args.js';
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
 * their cells. A result that comes later (the passerelle engine of the pane's Web Worker) is a
 * promise Excel awaits (#BUSY! meanwhile), kept in the cache once it is there.
 */
export function appel(id: string, args: readonly unknown[], calcul: () => Resultat | ErreurCellule | Promise<Resultat | ErreurCellule>): any[][] {
  const c = cache();
  const k = c.reglages.actif ? cle(id, cleFormules(), args) : undefined;
  if (k !== undefined) {
    const deja = lire(c, k) as Resultat | ErreurCellule | undefined;
    if (deja !== undefined) {
      c.succes++;
      return convertir(deja) as any[][];
    }
    c.echecs++;
  }
  const fin = (r: Resultat | ErreurCellule) => {
    if (k !== undefined) garder(c, k, r);
    return convertir(r) as any[][];
  };
  const r = proteger(calcul);
  // Excel accepts a promise from any custom function; the declared type stays the matrix it resolves to.
  if (estPromesse(r)) return r.catch(() => valeurIncorrecte((w) => w.erreurInterne)).then(fin) as unknown as any[][];
  return fin(r);
}

function proteger(calcul: () => Resultat | ErreurCellule | Promise<Resultat | ErreurCellule>): Resultat | ErreurCellule | Promise<Resultat | ErreurCellule> {
  try {
    return calcul();
  } catch {
    // A defect of ours, not of the user's data: still an error value, with a clear message.
    return valeurIncorrecte((w) => w.erreurInterne);
  }
}
