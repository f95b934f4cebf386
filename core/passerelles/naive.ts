/**
 * Reference implementation of the passerelle score: a plain double loop over pairs with set
 * intersections, written to be obviously right rather than fast. The engine must give the same
 * rankings (tests/passerelles, bench/passerelles.bench.ts).
 */
import type { PasserelleParams } from './params.js';
import { combine, proximite, type Composantes, type MetierProfile } from './profiles.js';

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Share of b's weighted competences covered by a, with soft credit through the hierarchy. */
function coverage(a: MetierProfile, b: MetierProfile, params: PasserelleParams): number {
  const held = new Set(a.items.map((i) => i.id));
  const macros = new Set(a.items.map((i) => i.macroKey));
  const groupes = new Set(a.items.map((i) => i.groupeKey));
  let covered = 0;
  for (const item of b.items) {
    const credit = held.has(item.id)
      ? 1
      : macros.has(item.macroKey)
        ? params.creditMacro
        : groupes.has(item.groupeKey)
          ? params.creditGroupe
          : 0;
    covered += item.poids * credit;
  }
  return b.total > 0 ? covered / b.total : 0;
}

/** Components of the move from `a` to `b`, computed directly from the definitions. */
export function naiveComposantes(a: MetierProfile, b: MetierProfile, params: PasserelleParams): Composantes {
  return {
    couverture: coverage(a, b, params),
    valorisation: coverage(b, a, params),
    activites: cosine(a.activites, b.activites),
    contextes: cosine(a.contextes, b.contextes),
    proximite: proximite(a, b, params),
  };
}

/** For every source, its k best targets (score desc, then code), by scoring every pair. */
export function naiveAllPairsTopK(
  profiles: MetierProfile[],
  params: PasserelleParams,
  k: number,
): Array<{ source: string; cibles: Array<{ cible: string; score: number }> }> {
  return profiles.map((a) => {
    const scored: Array<{ cible: string; score: number }> = [];
    for (const b of profiles) {
      if (b === a) continue;
      scored.push({ cible: b.code, score: combine(naiveComposantes(a, b, params), params) });
    }
    scored.sort((x, y) => y.score - x.score || (x.cible < y.cible ? -1 : x.cible > y.cible ? 1 : 0));
    return { source: a.code, cibles: scored.slice(0, k) };
  });
}
