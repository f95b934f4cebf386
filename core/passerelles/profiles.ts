/**
 * Weighted competence profiles of the métiers: the inputs of the passerelle score, shared by the
 * fast engine and the naive reference so that both compute exactly the same formula.
 */
import type { CompetenceType, Referentiel } from '../referentiel/model.js';
import { competenceIds } from './competence-ids.js';
import type { PasserelleParams } from './params.js';

export interface ProfileItem {
  id: string;
  type: CompetenceType;
  coeur: boolean;
  /** Importance of the competence for this métier: type × cœur × rarity. */
  poids: number;
  /** Macro-compétence key; the competence's own id when it has none (savoirs). */
  macroKey: string;
  /** Group of the macro-compétence (ROME objectif); the macro key when there is none. */
  groupeKey: string;
  /** False for competences outside the macro hierarchy (they stay out of the activity profile). */
  hierarchise: boolean;
}

export interface MetierProfile {
  code: string;
  libelle: string;
  domaine?: string;
  grandDomaine?: string;
  items: ProfileItem[];
  /** Σ poids of the items: the denominator of the coverage of this métier as a target. */
  total: number;
  /** Activity profile: groupe key → Σ poids of the items in that group. */
  activites: Map<string, number>;
  /** Contextes de travail → IDF weight. */
  contextes: Map<string, number>;
}

/** ln(1 + N/df): 0.69 for a competence every fiche has, ln(1+N) for a unique one. */
function idf(n: number, df: number): number {
  return Math.log(1 + n / Math.max(1, df));
}

/** Profiles of all métiers, sorted by code (the engine's index order and tie-break order). */
export function buildProfiles(ref: Referentiel, params: PasserelleParams): MetierProfile[] {
  const metiers = [...ref.metiers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const n = metiers.length;
  // Distinct competences of each métier (a competence listed twice keeps its strongest cœur flag).
  const { ids, competences, perMetier, coeur } = competenceIds(ref, metiers);
  const df = new Int32Array(ids.length);
  for (const list of perMetier) for (let i = 0; i < list.length; i++) df[list[i]!]!++;
  const dfCtx = new Map<string, number>();
  for (const m of metiers) for (const x of new Set(m.contextes ?? [])) dfCtx.set(x, (dfCtx.get(x) ?? 0) + 1);

  // What depends on the competence only (keys, rarity), computed once per competence.
  const perCompetence: Array<{ rarete: number; macroKey: string; groupeKey: string } | undefined> = new Array(ids.length);
  return metiers.map((m, mi) => {
    const items: ProfileItem[] = [];
    const activites = new Map<string, number>();
    let total = 0;
    const list = perMetier[mi]!;
    const flags = coeur[mi]!;
    for (let j = 0; j < list.length; j++) {
      const ci = list[j]!;
      const id = ids[ci]!;
      const c = competences[ci]!;
      let k = perCompetence[ci];
      if (!k) {
        const macroKey = c.macro !== undefined ? `m:${c.macro}` : `i:${id}`;
        const groupe = c.macro !== undefined ? ref.macros[c.macro]?.groupe : undefined;
        k = { rarete: Math.pow(idf(n, df[ci]!), params.rarete), macroKey, groupeKey: groupe !== undefined ? `g:${groupe}` : macroKey };
        perCompetence[ci] = k;
      }
      const flag = flags[j]!;
      const coeurMult = flag === 2 ? params.poidsCoeur.principale : flag === 1 ? params.poidsCoeur.emergente : 1;
      const poids = params.poidsType[c.type] * coeurMult * k.rarete;
      const hierarchise = c.macro !== undefined;
      const { macroKey, groupeKey } = k;
      items.push({ id, type: c.type, coeur: flag === 2, poids, macroKey, groupeKey, hierarchise });
      total += poids;
      if (hierarchise) activites.set(groupeKey, (activites.get(groupeKey) ?? 0) + poids);
    }
    const contextes = new Map<string, number>();
    for (const x of m.contextes ?? []) contextes.set(x, idf(n, dfCtx.get(x)!));
    const p: MetierProfile = { code: m.code, libelle: m.libelle, items, total, activites, contextes };
    if (m.domaine) p.domaine = m.domaine;
    if (m.grandDomaine) p.grandDomaine = m.grandDomaine;
    return p;
  });
}

/** Structural proximity: 1 for the same domaine professionnel, a parameter for the same grand domaine. */
export function proximite(a: MetierProfile, b: MetierProfile, params: PasserelleParams): number {
  if (a.domaine !== undefined && a.domaine === b.domaine) return 1;
  if (a.grandDomaine !== undefined && a.grandDomaine === b.grandDomaine) return params.proximiteGrandDomaine;
  return 0;
}

export interface Composantes {
  couverture: number;
  valorisation: number;
  activites: number;
  contextes: number;
  proximite: number;
}

/** The final score: weighted mean of the components, rounded to 12 decimals so that summation order
 * (engine vs naive) cannot change a ranking. */
export function combine(c: Composantes, params: PasserelleParams): number {
  const s = params.poids.couverture * c.couverture + params.poids.valorisation * c.valorisation + params.poids.activites * c.activites + params.poids.contextes * c.contextes + params.poids.proximite * c.proximite;
  return Math.round(s * 1e12) / 1e12;
}
