/**
 * Finding a territory by code or by name, forgivingly: accents, case, hyphens, apostrophes and
 * spaces do not matter, and « st » / « ste » stand for « saint » / « sainte » (`saint nazaire`,
 * `St-Nazaire` and `SAINT NAZAIRE` are the same name). A code wins over a name.
 */
import type { Problem } from '../problems.js';
import { closestMatches, foldAccents } from '../suggest.js';
import { initProblem } from './problems-init.js';
import type { TerritoireBmo } from './territoires.js';

export type MatchTerritoire = { kind: 'unique'; territoire: TerritoireBmo } | { kind: 'plusieurs'; candidats: TerritoireBmo[] } | { kind: 'aucun'; suggestions: TerritoireBmo[] };

const ABREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/** The words of a name, folded: `St-Jean d'Angély` → `saint jean d angely`. */
export function nomNormalise(s: string): string {
  return foldAccents(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => ABREVIATIONS[w] ?? w)
    .join(' ');
}

/**
 * The territory a user means. Order: the code itself (`5225`, `44`, `052` for `52`); the whole name
 * once normalised; then names that contain every word typed, as words or word beginnings (`nazaire`,
 * `st naz`). One candidate is the answer; several are listed; none gives the closest names.
 */
export function matchTerritoire(saisie: string, territoires: readonly TerritoireBmo[]): MatchTerritoire {
  const brut = saisie.trim();
  const parCode = territoires.filter((t) => t.code.toLowerCase() === brut.toLowerCase() || (/^\d+$/.test(brut) && /^\d+$/.test(t.code) && Number(t.code) === Number(brut)));
  if (parCode.length === 1) return { kind: 'unique', territoire: parCode[0]! };
  const n = nomNormalise(brut);
  if (!n) return { kind: 'aucun', suggestions: [] };
  const exacts = territoires.filter((t) => nomNormalise(t.nom) === n);
  if (exacts.length === 1) return { kind: 'unique', territoire: exacts[0]! };
  if (exacts.length > 1) return { kind: 'plusieurs', candidats: exacts };
  const mots = n.split(' ');
  const contenus = territoires.filter((t) => {
    const nom = nomNormalise(t.nom).split(' ');
    return mots.every((m) => nom.some((w) => w.startsWith(m)));
  });
  if (contenus.length === 1) return { kind: 'unique', territoire: contenus[0]! };
  if (contenus.length > 1) return { kind: 'plusieurs', candidats: contenus };
  const parNom = new Map(territoires.map((t) => [nomNormalise(t.nom), t]));
  const proches = closestMatches(n, parNom.keys(), 5);
  return { kind: 'aucun', suggestions: proches.map((p) => parNom.get(p)!) };
}

/** A territory as a list shows it: `5225 SAINT NAZAIRE`. */
export function territoireLabel(t: TerritoireBmo): string {
  return `${t.code} ${t.nom}`;
}

/** The territory named by `saisie` among the workbook's of one level, or the problem that says why not (GTEC-E501, GTEC-E502). */
export function resolveTerritoire(saisie: string, niveau: TerritoireBmo['niveau'], territoires: readonly TerritoireBmo[], fichier: string): { territoire?: TerritoireBmo; problems: Problem[] } {
  const m = matchTerritoire(saisie, territoires);
  if (m.kind === 'unique') return { territoire: m.territoire, problems: [] };
  if (m.kind === 'plusieurs') return { problems: [initProblem('GTEC-E502', '', { niveau, saisie, candidats: m.candidats.map(territoireLabel) })] };
  return { problems: [initProblem('GTEC-E501', '', { niveau, saisie, fichier, suggestions: m.suggestions.map(territoireLabel) }, { location: { file: fichier } })] };
}
