/**
 * Text vectors and flags of the métiers for the learned passerelle features, shared by the engine
 * and the naive reference. Métiers are taken in the engine's index order (sorted by code).
 */
import type { Metier, Referentiel } from '../referentiel/model.js';
import { competenceIds } from './competence-ids.js';
import { stems, tfidf, type SparseVectors } from './text.js';

export interface Textes {
  /** Titles and appellations. */
  intitules: SparseVectors;
  /** Definitions (ROME `unix_texte`); empty vectors when the referential has none. */
  definitions: SparseVectors;
  /** Labels of the competences the fiche uses. */
  libellesCompetences: SparseVectors;
}

export function sortedMetiers(ref: Referentiel): Metier[] {
  return [...ref.metiers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function buildTextes(ref: Referentiel, metiers: readonly Metier[]): Textes {
  const intitules = metiers.map((m) => stems([m.libelle, ...m.appellations].join(' ')));
  const definitions = metiers.map((m) => stems(m.definition ?? ''));
  // A competence label is shared by many fiches: stem it once.
  const { ids, perMetier } = competenceIds(ref, metiers);
  const stemsOf: Array<string[] | undefined> = new Array(ids.length);
  const libellesCompetences = perMetier.map((list) => {
    const words: string[] = [];
    for (let j = 0; j < list.length; j++) {
      const ci = list[j]!;
      let st = stemsOf[ci];
      if (!st) stemsOf[ci] = st = stems(ref.competences[ids[ci]!]!.libelle);
      for (let w = 0; w < st.length; w++) words.push(st[w]!);
    }
    return words;
  });
  // Competence words shared by more than a third of the fiches weigh little and cost the most.
  return { intitules: tfidf(intitules), definitions: tfidf(definitions), libellesCompetences: tfidf(libellesCompetences, 1 / 3) };
}

/** Integer ids of a per-métier attribute (−1 when absent), for equality tests. */
export function sameFlags(metiers: readonly Metier[], value: (m: Metier) => string | undefined): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(metiers, (m) => {
    const v = value(m);
    if (v === undefined) return -1;
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    return id;
  });
}

export const cadreOf = (m: Metier): string => (m.tags?.includes('emploi-cadre') ? 'cadre' : 'non-cadre');

/** 1 − mean over a fiche's distinct competences of ln(1 + N/df) / ln(1 + N): high for generic fiches. */
export function genericity(ref: Referentiel, metiers: readonly Metier[]): Float64Array {
  const n = metiers.length;
  const { ids, perMetier } = competenceIds(ref, metiers);
  const df = new Int32Array(ids.length);
  for (const s of perMetier) for (let i = 0; i < s.length; i++) df[s[i]!]!++;
  const top = Math.log(1 + n);
  return Float64Array.from(perMetier, (s) => {
    let t = 0;
    for (let i = 0; i < s.length; i++) t += Math.log(1 + n / df[s[i]!]!);
    return s.length ? 1 - t / (s.length * top) : 0;
  });
}
