/**
 * The public nomenclatures an analyst's codes come in, read from their publishers' files:
 * FAP 2009 labels (DARES, `code_fap_225`… levels 225/87/22), FAP 2021 labels (DARES,
 * `code_fap_341`… levels 341/228/86/22; the BMO « code métier » is the 228 level), BMO métiers
 * and bassins (France Travail: `code_metier_bmo`, `code_bassin`, or the official BMO workbook's
 * `Code métier BMO`/`Nom métier BMO` and `BEnn`/`NOMBEnn` columns) and the FAP 2009 → ROME v3
 * crosswalk (DARES, `code_fap2009`, `code_rome_v3`). Each file is recognised by its header row;
 * a file whose headers match none is reported, not guessed. Plain objects: they are stored and
 * posted between threads as they are.
 */
import type { Problem } from '../problems.js';
import { readTable } from './table.js';
import type { Table } from './table.js';

export type SorteNomenclature = 'fap2009' | 'fap2021' | 'bassins' | 'fap2009Rome3';

export interface Nomenclatures {
  /** FAP 2009 code (any level) → label. */
  fap2009: Record<string, string>;
  /** FAP 2021 code (any level, BMO métier codes included) → label. */
  fap2021: Record<string, string>;
  /** BMO bassin code → name. */
  bassins: Record<string, string>;
  /** FAP 2009 (225 level) → its ROME v3 codes and their labels, in the file's order. */
  fap2009Rome3: Record<string, Array<[string, string]>>;
  /** The files read: name, what each gave, and its data rows. */
  fichiers: Array<{ nom: string; sortes: SorteNomenclature[]; lignes: number }>;
}

export const nomenclaturesVides = (): Nomenclatures => ({ fap2009: {}, fap2021: {}, bassins: {}, fap2009Rome3: {}, fichiers: [] });

const norm = (h: string) => h.trim().toLowerCase();

/** Code → label pairs of a table, for each (code, label) column pair found (header tests). */
function paires(t: Table, cibles: Record<string, string>, colonnes: Array<[string | RegExp, string | RegExp]>): boolean {
  const h = t.headers.map(norm);
  const trouve = (c: string | RegExp) => h.findIndex((x) => (typeof c === 'string' ? x === c : c.test(x)));
  let vu = false;
  for (const [c, l] of colonnes) {
    const ic = trouve(c);
    const il = trouve(l);
    if (ic < 0 || il < 0) continue;
    vu = true;
    for (const r of t.rows) {
      const code = r.cells[ic]?.trim();
      const libelle = r.cells[il]?.trim();
      if (code && libelle && !(code in cibles)) cibles[code] = libelle;
    }
  }
  return vu;
}

/** Adds what a table holds to `n`; returns what it was recognised as (empty: nothing). */
export function addNomenclatureTable(n: Nomenclatures, t: Table): SorteNomenclature[] {
  const sortes: SorteNomenclature[] = [];
  const h = t.headers.map(norm);
  if (
    paires(t, n.fap2009, [
      ['code_fap_225', 'intitule_fap_225'],
      ['code_fap_87', 'intitule_fap_87'],
      ['code_domaine_22', 'intitule_domaine_22'],
    ])
  )
    sortes.push('fap2009');
  if (
    paires(t, n.fap2021, [
      ['code_fap_341', 'intitule_fap_341'],
      ['code_fap_228', 'intitule_fap_228'],
      ['code_fap_86', 'intitule_fap_86'],
      ['code_fap_22', 'intitule_fap_22'],
      ['code_metier_bmo', 'libelle_metier_bmo'],
      ['code métier bmo', 'nom métier bmo'],
    ])
  )
    sortes.push('fap2021');
  if (
    paires(t, n.bassins, [
      ['code_bassin', 'libelle_bassin'],
      [/^be\d{2}$/, /^nombe\d{2}$/],
    ])
  )
    sortes.push('bassins');
  const f = h.indexOf('code_fap2009');
  const r3 = h.indexOf('code_rome_v3');
  if (f >= 0 && r3 >= 0) {
    const l3 = h.indexOf('libelle_rome_v3');
    for (const r of t.rows) {
      const fap = r.cells[f]?.trim();
      const rome = r.cells[r3]?.trim().toUpperCase();
      if (!fap || !rome) continue;
      const liste = (n.fap2009Rome3[fap] ??= []);
      if (!liste.some(([c]) => c === rome)) liste.push([rome, l3 >= 0 ? (r.cells[l3]?.trim() ?? '') : '']);
    }
    sortes.push('fap2009Rome3');
  }
  return sortes;
}

/**
 * Reads the files (CSV or xlsx, by extension) into nomenclatures. `inconnus`: files whose headers
 * match no nomenclature; `problems`: what the readers said (encoding, broken rows…).
 */
export async function readNomenclatureFiles(fichiers: Record<string, Uint8Array>, dans: Nomenclatures = nomenclaturesVides()): Promise<{ nomenclatures: Nomenclatures; inconnus: string[]; problems: Problem[] }> {
  const inconnus: string[] = [];
  const problems: Problem[] = [];
  for (const [nom, octets] of Object.entries(fichiers)) {
    // The official BMO workbook: its data sheet (BMO_2024_open_data…), not the notes before it.
    const r = await readTable(octets, { file: nom, choisirFeuille: (noms) => noms.find((x) => /^BMO_\d{4}_open_data$/i.test(x)) });
    problems.push(...r.problems);
    const sortes = r.table ? addNomenclatureTable(dans, r.table) : [];
    if (sortes.length === 0) inconnus.push(nom);
    else dans.fichiers = [...dans.fichiers.filter((x) => x.nom !== nom), { nom, sortes, lignes: r.table!.rows.length }];
  }
  return { nomenclatures: dans, inconnus, problems };
}
