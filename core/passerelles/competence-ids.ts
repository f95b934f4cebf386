/**
 * The distinct known competences of each métier as integers, shared by the profiles, the texts and
 * the genericity of the passerelle model: one string lookup per link instead of a Map or Set per
 * métier. Order: first appearance in the métier's list (what the Map-based versions iterated).
 */
import type { Competence, Metier, Referentiel } from '../referentiel/model.js';

export interface CompetenceIds {
  /** Integer → competence id. */
  ids: string[];
  /** Integer → the competence (`ref.competences[ids[i]]`, looked up once). */
  competences: Competence[];
  /** Per métier (in the order given): its distinct competences known to the referential. */
  perMetier: Int32Array[];
  /** The strongest cœur flag of each: 0 none, 1 émergente, 2 principale. */
  coeur: Uint8Array[];
}

export function competenceIds(ref: Referentiel, metiers: readonly Metier[]): CompetenceIds {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const competences: Competence[] = [];
  let last = new Int32Array(1024).fill(-1);
  let at = new Int32Array(1024);
  const perMetier: Int32Array[] = [];
  const coeur: Uint8Array[] = [];
  const list: number[] = [];
  const flags: number[] = [];
  metiers.forEach((m, mi) => {
    list.length = 0;
    flags.length = 0;
    for (const c of m.competences) {
      let i = index.get(c.id);
      if (i === undefined) {
        const known = ref.competences[c.id];
        if (!known) continue;
        index.set(c.id, (i = ids.length));
        ids.push(c.id);
        competences.push(known);
        if (i >= last.length) {
          const grownLast = new Int32Array(last.length * 2).fill(-1);
          grownLast.set(last);
          last = grownLast;
          const grownAt = new Int32Array(at.length * 2);
          grownAt.set(at);
          at = grownAt;
        }
      }
      const flag = c.coeur === 'principale' ? 2 : c.coeur === 'emergente' ? 1 : 0;
      if (last[i] !== mi) {
        last[i] = mi;
        at[i] = list.length;
        list.push(i);
        flags.push(flag);
      } else if (flags[at[i]!] === 0 || (flags[at[i]!] === 1 && flag === 2)) flags[at[i]!] = flag;
    }
    perMetier.push(Int32Array.from(list));
    coeur.push(Uint8Array.from(flags));
  });
  return { ids, competences, perMetier, coeur };
}
