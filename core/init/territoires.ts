/**
 * The territories of a BMO workbook, from its own rows: bassins (BE24 code and name), départements
 * (Dept, NomDept) and régions (REG, NOM_REG), each with the région it belongs to. `gtec init` and the
 * VS Code "new diagnostic" command offer these, so the codes they write are the workbook's.
 */

export type NiveauTerritoire = 'bassin' | 'departement' | 'region' | 'france';

export interface TerritoireBmo {
  niveau: Exclude<NiveauTerritoire, 'france'>;
  code: string;
  /** The name as the workbook writes it (`SAINT NAZAIRE`, `Loire-Atlantique`). */
  nom: string;
  /** Région of a bassin or département (a bassin lies in one région in BMO 2024). */
  region?: { code: string; nom: string };
  /** Départements of a bassin (24 bassins span several). */
  departements?: string[];
}

export interface TerritoiresBmo {
  /** Year of the survey (the `annee` column), when the rows give one. */
  annee?: number;
  bassins: TerritoireBmo[];
  departements: TerritoireBmo[];
  regions: TerritoireBmo[];
}

/** Headers of the territory columns; the bassin columns change with the edition (BE24, NOMBE24; BE25…). */
const COLONNES = {
  region: /^REG$/i,
  nomRegion: /^NOM_?REG$/i,
  departement: /^Dept$/i,
  nomDepartement: /^Nom_?Dept$/i,
  bassin: /^BE\d{2}$/i,
  nomBassin: /^NOM_?BE\d{2}$/i,
  annee: /^annee$/i,
} as const;

export type ColonneTerritoire = keyof typeof COLONNES;

/** The territory columns a BMO sheet lacks (empty when all are there). */
export function colonnesTerritoireManquantes(headers: readonly string[]): ColonneTerritoire[] {
  return (Object.keys(COLONNES) as ColonneTerritoire[]).filter((k) => k !== 'annee' && !headers.some((h) => COLONNES[k].test(h.trim())));
}

/** Every bassin, département and région named in the rows, sorted by code. */
export function territoiresFromRows(headers: readonly string[], rows: Iterable<{ cells: readonly string[] }>): TerritoiresBmo {
  const col = (k: ColonneTerritoire) => headers.findIndex((h) => COLONNES[k].test(h.trim()));
  const i = Object.fromEntries((Object.keys(COLONNES) as ColonneTerritoire[]).map((k) => [k, col(k)])) as Record<ColonneTerritoire, number>;
  const cell = (r: { cells: readonly string[] }, k: ColonneTerritoire) => (i[k] < 0 ? '' : (r.cells[i[k]] ?? '').trim());
  const regions = new Map<string, TerritoireBmo>();
  const departements = new Map<string, TerritoireBmo>();
  const bassins = new Map<string, TerritoireBmo>();
  let annee: number | undefined;
  for (const r of rows) {
    const reg = cell(r, 'region');
    const dep = cell(r, 'departement');
    const be = cell(r, 'bassin');
    const region = reg ? { code: reg, nom: cell(r, 'nomRegion') || reg } : undefined;
    if (annee === undefined && /^\d{4}$/.test(cell(r, 'annee'))) annee = Number(cell(r, 'annee'));
    if (region && !regions.has(reg)) regions.set(reg, { niveau: 'region', code: reg, nom: region.nom });
    if (dep && !departements.has(dep)) departements.set(dep, { niveau: 'departement', code: dep, nom: cell(r, 'nomDepartement') || dep, ...(region ? { region } : {}) });
    if (be) {
      const b = bassins.get(be) ?? { niveau: 'bassin', code: be, nom: cell(r, 'nomBassin') || be, ...(region ? { region } : {}), departements: [] };
      if (dep && !b.departements!.includes(dep)) b.departements!.push(dep);
      bassins.set(be, b);
    }
  }
  const sorted = (m: Map<string, TerritoireBmo>) => [...m.values()].sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
  return { ...(annee !== undefined ? { annee } : {}), bassins: sorted(bassins), departements: sorted(departements), regions: sorted(regions) };
}

/** The territories of one level. */
export function territoiresOf(t: TerritoiresBmo, niveau: Exclude<NiveauTerritoire, 'france'>): TerritoireBmo[] {
  return niveau === 'bassin' ? t.bassins : niveau === 'departement' ? t.departements : t.regions;
}
