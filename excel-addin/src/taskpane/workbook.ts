/// <reference types="office-js" />
/**
 * Writes tables into the workbook through Excel's JavaScript API: one sheet per table, an Excel
 * table (filters, banded style), number formats, frozen header row, fitted columns, and Excel's
 * own charts. Existing sheets are never overwritten without the user's consent: `confirmer` is
 * asked first with the names that already exist, and nothing is written when it says no.
 */
import { columnLetters } from '../../../core/index.js';
import type { Tableau } from './tables.js';

export function adresse(lignes: number, colonnes: number): string {
  return `A1:${columnLetters(colonnes)}${lignes}`;
}

export type Confirmer = (existantes: string[]) => Promise<boolean>;

/** Writes the tables; returns the sheets written, or undefined when the user refused. */
export async function writeTables(tableaux: readonly Tableau[], confirmer: Confirmer): Promise<string[] | undefined> {
  return Excel.run(async (ctx) => {
    const feuilles = ctx.workbook.worksheets;
    feuilles.load('items/name');
    await ctx.sync();
    const noms = new Set(feuilles.items.map((f) => f.name));
    const existantes = tableaux.map((t) => t.feuille).filter((n) => noms.has(n));
    if (existantes.length > 0 && !(await confirmer(existantes))) return undefined;
    for (const nom of existantes) feuilles.getItem(nom).delete();
    for (const t of tableaux) {
      const f = feuilles.add(t.feuille);
      const n = t.lignes.length + 1;
      const plage = f.getRange(adresse(n, t.entetes.length));
      plage.values = [t.entetes, ...t.lignes];
      if (t.lignes.length > 0) {
        // Formats per column, from the second row (the header stays text).
        plage.getOffsetRange(1, 0).getResizedRange(-1, 0).numberFormat = t.lignes.map(() => t.formats);
      }
      const table = f.tables.add(plage, true);
      table.name = t.table;
      table.style = 'TableStyleMedium2';
      table.showFilterButton = true;
      f.freezePanes.freezeRows(1);
      plage.format.autofitColumns();
      for (const g of t.graphiques ?? []) {
        if (t.lignes.length === 0) continue;
        const type = g.type === 'barStacked' ? Excel.ChartType.barStacked : Excel.ChartType.columnClustered;
        const chart = f.charts.add(type, plage, Excel.ChartSeriesBy.columns);
        chart.title.text = g.titre;
        chart.setPosition(`${columnLetters(t.entetes.length + 2)}2`);
      }
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
