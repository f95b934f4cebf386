/// <reference types="office-js" />
/**
 * Writes tables into the workbook through Excel's JavaScript API: one sheet per table, an Excel
 * table (filters, banded style), number formats, frozen header row, fitted columns, and Excel's
 * own charts. Nothing the user has is lost:
 * - sheet names are compared as Excel does (case-insensitively) and the user is asked first about
 *   every sheet that would be replaced; nothing is written when they say no;
 * - every table is written under a temporary sheet name first; the old sheets are deleted only
 *   once all the new content is in the workbook, then the new sheets take their names (write,
 *   then swap). A failure while writing removes the temporary sheets and leaves the old ones;
 * - a table name held by a sheet that stays (Excel's table names are workbook-wide) is not taken
 *   from it: the new table gets the next free name (GTEC_Indicateurs_2…).
 * Writes are split so that no request exceeds Excel on the web's limits (5 MB, 5 million cells):
 * blocks of rows, each with its number formats set BEFORE its values (a code "01" in a text column
 * stays "01"), strings that Excel would read as formulas neutralised outside text columns.
 */
import { columnLetters, neutralise } from '../../../core/index.js';
import type { Tableau, Valeur } from './tables.js';
import { CLE_REGLAGE, CLE_REGLAGE_NOMENCLATURES, type IdentiteNomenclatures, type IdentiteReferentiel, lireIdentite, lireIdentiteNomenclatures } from '../shared/state.js';

export function adresse(lignes: number, colonnes: number): string {
  return `A1:${columnLetters(colonnes)}${lignes}`;
}

export type Confirmer = (existantes: string[]) => Promise<boolean>;

export interface OptionsEcriture {
  /** Rows written so far over all rows (for a progress bar). */
  progres?: (fait: number, total: number) => void;
  /** Stops between two blocks; the temporary sheets are then removed and nothing is replaced. */
  signal?: AbortSignal;
  /** Budget of one request (bytes of JSON, cells); Excel on the web refuses above 5 MB / 5 M cells. */
  budget?: { octets: number; cellules: number };
}

export const BUDGET_REQUETE = { octets: 3_000_000, cellules: 1_000_000 };

const cle = (nom: string) => nom.toLocaleLowerCase('fr');

/** A block of rows [debut, fin) whose values and formats fit in one request. */
export function blocs(lignes: readonly Valeur[][], colonnes: number, budget = BUDGET_REQUETE): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let debut = 0;
  let octets = 0;
  let cellules = 0;
  // Formats travel beside the values: about 8 bytes and one cell more per cell.
  const parFormat = 8 * colonnes;
  for (let i = 0; i < lignes.length; i++) {
    const o = JSON.stringify(lignes[i]).length + parFormat + 64;
    if (i > debut && (octets + o > budget.octets || cellules + 2 * colonnes > budget.cellules)) {
      out.push([debut, i]);
      debut = i;
      octets = 0;
      cellules = 0;
    }
    octets += o;
    cellules += 2 * colonnes;
  }
  if (lignes.length > debut || out.length === 0) out.push([debut, lignes.length]);
  return out;
}

/** A cell as written: text columns verbatim (their format is text), elsewhere formula-like strings neutralised. */
function cellule(v: Valeur, format: string): Valeur {
  return typeof v === 'string' && format !== '@' ? neutralise(v) : v;
}

/** The next free name: `nom`, then `nom_2`, `nom_3`… (compared case-insensitively). */
export function nomLibre(nom: string, pris: ReadonlySet<string>): string {
  if (!pris.has(cle(nom))) return nom;
  let k = 2;
  while (pris.has(cle(`${nom}_${k}`))) k++;
  return `${nom}_${k}`;
}

/** Writes the tables; returns the sheets written, or undefined when the user refused or cancelled. */
export async function writeTables(tableaux: readonly Tableau[], confirmer: Confirmer, options: OptionsEcriture = {}): Promise<string[] | undefined> {
  const budget = options.budget ?? BUDGET_REQUETE;
  return Excel.run(async (ctx) => {
    const feuilles = ctx.workbook.worksheets;
    feuilles.load('items/name');
    const tables = ctx.workbook.tables;
    tables.load('items/name');
    await ctx.sync();
    const parCle = new Map(feuilles.items.map((f) => [cle(f.name), f.name]));
    const existantes = tableaux.map((t) => parCle.get(cle(t.feuille))).filter((n): n is string => n !== undefined);
    if (existantes.length > 0 && !(await confirmer(existantes))) return undefined;

    // 1. Everything under temporary names.
    const marque = Date.now().toString(36).slice(-5);
    const temporaires = tableaux.map((_, i) => `gtec~${marque}~${i + 1}`);
    const tablesTemp = tableaux.map((_, i) => `GTEC_tmp_${marque}_${i + 1}`);
    const total = tableaux.reduce((s, t) => s + t.lignes.length, 0);
    let fait = 0;
    const nettoyer = async () => {
      for (const n of temporaires) {
        const f = feuilles.getItemOrNullObject(n);
        f.load('name');
        await ctx.sync();
        if (!f.isNullObject) f.delete();
      }
      await ctx.sync();
    };
    try {
      for (let i = 0; i < tableaux.length; i++) {
        const t = tableaux[i]!;
        const colonnes = t.entetes.length;
        const f = feuilles.add(temporaires[i]!);
        const entete = f.getRange(adresse(1, colonnes));
        entete.numberFormat = [t.entetes.map(() => '@')];
        entete.values = [t.entetes];
        await ctx.sync();
        for (const [debut, fin] of blocs(t.lignes, colonnes, budget)) {
          if (options.signal?.aborted) throw new DOMException('annulé', 'AbortError');
          if (fin === debut) continue;
          const plage = f.getRangeByIndexes(debut + 1, 0, fin - debut, colonnes);
          const lignes = t.lignes.slice(debut, fin);
          plage.numberFormat = lignes.map(() => t.formats);
          plage.values = lignes.map((l) => l.map((v, j) => cellule(v, t.formats[j] ?? 'General')));
          await ctx.sync();
          fait += fin - debut;
          options.progres?.(fait, total);
        }
        const plage = f.getRange(adresse(t.lignes.length + 1, colonnes));
        const table = f.tables.add(plage, true);
        table.name = tablesTemp[i]!;
        table.style = 'TableStyleMedium2';
        table.showFilterButton = true;
        f.freezePanes.freezeRows(1);
        plage.format.autofitColumns();
        for (const g of t.graphiques ?? []) {
          if (t.lignes.length === 0) continue;
          const type = g.type === 'barStacked' ? Excel.ChartType.barStacked : Excel.ChartType.columnClustered;
          const chart = f.charts.add(type, plage, Excel.ChartSeriesBy.columns);
          chart.title.text = g.titre;
          chart.setPosition(`${columnLetters(colonnes + 2)}2`);
        }
        await ctx.sync();
      }
    } catch (e) {
      await nettoyer().catch(() => undefined);
      if (e instanceof DOMException && e.name === 'AbortError') return undefined;
      throw e;
    }

    // 2. The swap: old sheets out, new sheets and tables take their names.
    for (const n of existantes) feuilles.getItem(n).delete();
    await ctx.sync();
    tables.load('items/name');
    await ctx.sync();
    const prises = new Set(tables.items.map((x) => cle(x.name)).filter((n) => !n.startsWith('gtec_tmp_')));
    for (let i = 0; i < tableaux.length; i++) {
      const t = tableaux[i]!;
      const f = feuilles.getItem(temporaires[i]!);
      f.name = t.feuille;
      const nom = nomLibre(t.table, prises);
      prises.add(cle(nom));
      ctx.workbook.tables.getItem(tablesTemp[i]!).name = nom;
    }
    feuilles.getItem(tableaux[0]!.feuille).activate();
    await ctx.sync();
    return tableaux.map((t) => t.feuille);
  });
}

/** Formulas are not volatile: after a referential change, ask Excel to recompute them. */
export async function recalculate(): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.application.calculate(Excel.CalculationType.full);
    await ctx.sync();
  });
}

/** The referential the workbook records for its formulas (a workbook setting of the add-in). */
export async function readWorkbookReferentiel(): Promise<IdentiteReferentiel | undefined> {
  return Excel.run(async (ctx) => {
    const r = ctx.workbook.settings.getItemOrNullObject(CLE_REGLAGE);
    r.load('value');
    await ctx.sync();
    return r.isNullObject ? undefined : lireIdentite(r.value);
  });
}

/** Records in the workbook the referential its formulas use (saved with the file). */
export async function recordWorkbookReferentiel(id: IdentiteReferentiel): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.settings.add(CLE_REGLAGE, id);
    await ctx.sync();
  });
}

/** The nomenclature files the workbook records for its formulas (FAP, bassins, FAP 2009 → ROME). */
export async function readWorkbookNomenclatures(): Promise<IdentiteNomenclatures | undefined> {
  return Excel.run(async (ctx) => {
    const r = ctx.workbook.settings.getItemOrNullObject(CLE_REGLAGE_NOMENCLATURES);
    r.load('value');
    await ctx.sync();
    return r.isNullObject ? undefined : lireIdentiteNomenclatures(r.value);
  });
}

export async function recordWorkbookNomenclatures(id: IdentiteNomenclatures): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.settings.add(CLE_REGLAGE_NOMENCLATURES, id);
    await ctx.sync();
  });
}
