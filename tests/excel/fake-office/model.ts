/**
 * The workbook a fake Excel holds: sheets with their cells (value, formula, number format),
 * workbook-wide table names, add-in settings. Names follow Excel's rules: sheet and table names
 * are unique regardless of case; a sheet name has at most 31 characters and none of []:*?/\.
 * Writing a value interprets it as Excel does for `Range.values`: in a cell whose number format is
 * text ("@") the string is kept as is; otherwise a string starting with "=" becomes a formula,
 * a numeric string becomes a number ("01" → 1), a leading apostrophe is a text prefix (dropped).
 */

export type Scalaire = string | number | boolean;

export interface Cellule {
  valeur: Scalaire;
  formule?: string;
  format: string;
}

export interface FeuilleModele {
  name: string;
  cellules: Map<string, Cellule>;
  tables: TableModele[];
  figees: number;
  graphiques: Array<{ type: string; address: string; title?: string }>;
}

export interface TableModele {
  name: string;
  address: string;
  hasHeaders: boolean;
  style?: string;
  showFilterButton?: boolean;
}

const NUMERIQUE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class ClasseurModele {
  feuilles: FeuilleModele[] = [];
  reglages = new Map<string, unknown>();

  constructor(feuilles: ReadonlyArray<string | { name: string; tables?: string[] }> = []) {
    for (const f of feuilles) {
      const o = typeof f === 'string' ? { name: f } : f;
      const feuille = this.ajouterFeuille(o.name);
      for (const t of o.tables ?? []) feuille.tables.push({ name: t, address: 'A1:A1', hasHeaders: true });
    }
  }

  feuille(nom: string): FeuilleModele | undefined {
    const n = nom.toLowerCase();
    return this.feuilles.find((f) => f.name.toLowerCase() === n);
  }

  table(nom: string): { feuille: FeuilleModele; table: TableModele } | undefined {
    const n = nom.toLowerCase();
    for (const feuille of this.feuilles) for (const table of feuille.tables) if (table.name.toLowerCase() === n) return { feuille, table };
    return undefined;
  }

  ajouterFeuille(nom: string): FeuilleModele {
    const f: FeuilleModele = { name: nom, cellules: new Map(), tables: [], figees: 0, graphiques: [] };
    this.feuilles.push(f);
    return f;
  }

  /** Values of a sheet's used range from A1, as `Range.values` reads them ('' for empty cells). */
  valeurs(nom: string): Scalaire[][] {
    const f = this.feuille(nom);
    if (!f) return [];
    let lignes = 0;
    let colonnes = 0;
    for (const k of f.cellules.keys()) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      lignes = Math.max(lignes, r);
      colonnes = Math.max(colonnes, c);
    }
    return Array.from({ length: lignes }, (_, r) => Array.from({ length: colonnes }, (_, c) => f.cellules.get(`${r + 1},${c + 1}`)?.valeur ?? ''));
  }

  /** Every formula the workbook holds (a faithful writer of data creates none). */
  formules(): Array<{ feuille: string; cellule: string; formule: string }> {
    const out: Array<{ feuille: string; cellule: string; formule: string }> = [];
    for (const f of this.feuilles) for (const [k, c] of f.cellules) if (c.formule) out.push({ feuille: f.name, cellule: k, formule: c.formule });
    return out;
  }
}

export function nomFeuilleValide(nom: unknown): nom is string {
  return typeof nom === 'string' && nom.length > 0 && nom.length <= 31 && !/[[\]:*?/\\]/.test(nom) && !/^'|'$/.test(nom);
}

export function nomTableValide(nom: unknown): nom is string {
  return typeof nom === 'string' && nom.length <= 255 && /^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(nom) && !/^[A-Za-z]{1,3}\d+$/.test(nom);
}

/** What a cell holds after `Range.values` wrote `v` into it (its number format decides). */
export function interpreter(v: Scalaire, format: string): Cellule {
  if (typeof v !== 'string') return { valeur: v, format };
  if (format === '@') return { valeur: v, format };
  if (v.startsWith("'")) return { valeur: v.slice(1), format };
  if (v.length > 1 && v.startsWith('=')) return { valeur: '#NAME?', formule: v, format };
  if (NUMERIQUE.test(v.trim())) return { valeur: Number(v.trim()), format };
  return { valeur: v, format };
}
