/**
 * The competence gap of a passerelle: the competences of the target already held by the source
 * (`acquises`) and those to acquire (`ecart`), cœur de métier first, then savoir-faire, savoirs,
 * savoir-être, then the most important (type × cœur × rarity).
 */
import type { CompetenceEcart } from '../analysis/result.js';
import type { Referentiel } from '../referentiel/model.js';
import type { MetierProfile, ProfileItem } from './profiles.js';

const typeOrder = { 'savoir-faire': 0, savoir: 1, 'savoir-etre': 2 } as const;

type Weighted = CompetenceEcart & { poids: number };

function ecartOf(ref: Referentiel, item: ProfileItem): Weighted {
  const c = ref.competences[item.id]!;
  const e: Weighted = { id: item.id, libelle: c.libelle, type: item.type, coeur: item.coeur, poids: item.poids };
  if (c.macro !== undefined) e.macro = c.macro;
  return e;
}

/** Cœur de métier first, then savoir-faire, savoirs, savoir-être; then the most important. */
function orderGap(list: Weighted[]): CompetenceEcart[] {
  list.sort((x, y) => Number(y.coeur) - Number(x.coeur) || typeOrder[x.type] - typeOrder[y.type] || y.poids - x.poids || x.libelle.localeCompare(y.libelle, 'fr') || (x.id < y.id ? -1 : 1));
  return list.map(({ poids: _p, ...e }) => e);
}

/** What b requires that a holds, what a must acquire, and the exact (no partial credit) coverage. */
export function competenceGap(ref: Referentiel, a: MetierProfile, b: MetierProfile): { acquises: CompetenceEcart[]; ecart: CompetenceEcart[]; couvertureExacte: number } {
  const held = new Set(a.items.map((i) => i.id));
  const acquises: Weighted[] = [];
  const ecart: Weighted[] = [];
  let exact = 0;
  for (const item of b.items) {
    if (held.has(item.id)) {
      acquises.push(ecartOf(ref, item));
      exact += item.poids;
    } else ecart.push(ecartOf(ref, item));
  }
  return { acquises: orderGap(acquises), ecart: orderGap(ecart), couvertureExacte: b.total > 0 ? exact / b.total : 0 };
}
