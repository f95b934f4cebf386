/**
 * What `gtec init` reads from the files the user names, from their bytes (the host reads them):
 * the territories of the BMO workbook (read once, the whole sheet) and which tension preset a file
 * follows (its header line only).
 */
import { PRESETS } from '../data/presets.js';
import { readTable } from '../data/table.js';
import type { Problem } from '../problems.js';
import { normalizeName } from '../suggest.js';
import type { PresetTension } from './draft.js';
import { initProblem } from './problems-init.js';
import { colonnesTerritoireManquantes, territoiresFromRows, type TerritoiresBmo } from './territoires.js';

const NOMS_COLONNES = { region: 'REG', nomRegion: 'NOM_REG', departement: 'Dept', nomDepartement: 'NomDept', bassin: 'BE24', nomBassin: 'NOMBE24' } as const;

/**
 * The bassins, départements and régions of a BMO workbook (« Base open data BMO », sheet
 * BMO_AAAA_open_data). `file` names the workbook in problems. Errors when it cannot be read or
 * lacks the territory columns (GTEC-E505).
 */
export async function readTerritoiresBmo(bytes: Uint8Array, file: string): Promise<{ territoires?: TerritoiresBmo; problems: Problem[] }> {
  const feuille = PRESETS['bmo-officiel'].feuille;
  const { table, problems } = await readTable(bytes, { file, format: 'xlsx', choisirFeuille: (noms) => noms.find((n) => feuille?.test(n)) });
  const erreurs = problems.filter((p) => p.severity === 'error');
  if (!table) return { problems: erreurs };
  const manquantes = colonnesTerritoireManquantes(table.headers);
  if (manquantes.length) return { problems: [...erreurs, initProblem('GTEC-E505', '', { fichier: file, colonnes: manquantes.map((c) => NOMS_COLONNES[c as keyof typeof NOMS_COLONNES]) }, { location: { file } })] };
  return { territoires: territoiresFromRows(table.headers, table.rows), problems: erreurs };
}

const TENSION: PresetTension[] = ['tension-ft-rome-bassin', 'dares-tensions-fap2009'];

/** The tension preset whose every column is among the headers, or GTEC-E506. */
export function presetTensionFromHeaders(headers: readonly string[], file: string): { preset?: PresetTension; problems: Problem[] } {
  const noms = new Set(headers.map(normalizeName));
  const preset = TENSION.find((id) => Object.values(PRESETS[id].colonnes).every((h) => (typeof h === 'string' ? noms.has(normalizeName(h)) : headers.some((x) => h.test(x)))));
  return preset ? { preset, problems: [] } : { problems: [initProblem('GTEC-E506', '', { fichier: file, entetes: [...headers] }, { location: { file } })] };
}

/** The tension preset of a CSV file, from its header line. */
export async function readPresetTension(bytes: Uint8Array, file: string): Promise<{ preset?: PresetTension; problems: Problem[] }> {
  const { table, problems } = await readTable(bytes, { file, headerOnly: true });
  const erreurs = problems.filter((p) => p.severity === 'error');
  if (!table) return { problems: erreurs };
  const r = presetTensionFromHeaders(table.headers, file);
  return { ...r, problems: [...erreurs, ...r.problems] };
}
