/**
 * Which files of the DARES « Portrait statistique des métiers » folder a new diagnostic uses, from
 * the folder's file names (the host lists it): regional employment (census 2017, by région) for a
 * région only; the national employment series and the national age structure for every territory.
 * And where the FAP 2009 → ROME v3 crosswalk is looked for (the DARES table, published apart).
 */
import type { Problem } from '../problems.js';
import { initProblem } from './problems-init.js';
import type { NiveauTerritoire } from './territoires.js';

/** The Portrait files, by the name the DARES gives them (the age file's name carries its periods). */
export const FICHIERS_DARES = {
  emploiRegion: /^input_carte1\.csv$/i,
  emploiNational: /^effectifs_3niv\.csv$/i,
  ages: /^age_agrege_.*fap225\.csv$/i,
} as const;

export type FichierDares = keyof typeof FICHIERS_DARES;

/** Names as problems show them. */
const NOMS: Record<FichierDares, string> = {
  emploiRegion: 'input_carte1.csv',
  emploiNational: 'effectifs_3niv.csv',
  ages: 'age_agrege_1982_1984_2017_2019_restructure_fap225.csv',
};

/** The Portrait files a territory level can use: regional employment only for a région (no bassin or département rows). */
export function fichiersDaresUtiles(niveau: NiveauTerritoire): FichierDares[] {
  return niveau === 'region' ? ['emploiRegion', 'emploiNational', 'ages'] : ['emploiNational', 'ages'];
}

/**
 * The file names of the folder the level uses (the first match of each, names sorted), or
 * GTEC-E507 when none is there. `dossier` names the folder in the problem.
 */
export function choisirFichiersDares(noms: readonly string[], niveau: NiveauTerritoire, dossier: string): { fichiers: Partial<Record<FichierDares, string>>; problems: Problem[] } {
  const tries = [...noms].sort();
  const fichiers: Partial<Record<FichierDares, string>> = {};
  for (const k of fichiersDaresUtiles(niveau)) {
    const nom = tries.find((n) => FICHIERS_DARES[k].test(n));
    if (nom) fichiers[k] = nom;
  }
  if (Object.keys(fichiers).length > 0) return { fichiers, problems: [] };
  return { fichiers, problems: [initProblem('GTEC-E507', '', { dossier, attendus: fichiersDaresUtiles(niveau).map((k) => NOMS[k]) }, { location: { file: dossier } })] };
}

/** The DARES FAP 2009 → ROME v3 table, and its columns. */
export const CORRESPONDANCE_FAP_ROME = { fichier: 'fap2009_rome_v3.csv', de: 'code_fap2009', vers: 'code_rome_v3' } as const;

/**
 * Where the crosswalk is looked for, in this order: in the DARES folder, in a `correspondances`
 * folder beside it or inside it, then in the declared data folder's `correspondances` folder (as
 * ../shared/data lays them out). Paths joined with `/`.
 */
export function emplacementsCorrespondance(dares: string, donnees?: string): string[] {
  const d = dares.replace(/\/+$/, '');
  const f = CORRESPONDANCE_FAP_ROME.fichier;
  const out = [`${d}/${f}`, `${d}/../correspondances/${f}`, `${d}/correspondances/${f}`];
  if (donnees !== undefined) out.push(`${donnees.replace(/\/+$/, '')}/correspondances/${f}`);
  return out;
}
