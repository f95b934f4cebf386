/**
 * Text vectors and flags of the métiers for the learned passerelle features, shared by the engine
 * and the naive reference. Métiers are taken in the engine's index order (sorted by code).
 */
import type { Metier, Referentiel } from '../referentiel/model.js';
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
  const stemsOf = new Map<string, string[]>();
  const libellesCompetences = metiers.map((m) => {
    const seen = new Set<string>();
    const words: string[] = [];
    for (const c of m.competences) {
      const comp = ref.competences[c.id];
      if (!comp || seen.has(c.id)) continue;
      seen.add(c.id);
      let st = stemsOf.get(c.id);
      if (!st) stemsOf.set(c.id, (st = stems(comp.libelle)));
      for (const w of st) words.push(w);
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
  const sets = metiers.map((m) => [...new Set(m.competences.map((c) => c.id).filter((id) => ref.competences[id]))]);
  const df = new Map<string, number>();
  for (const s of sets) for (const id of s) df.set(id, (df.get(id) ?? 0) + 1);
  const top = Math.log(1 + n);
  return Float64Array.from(sets, (s) => (s.length ? 1 - s.reduce((t, id) => t + Math.log(1 + n / df.get(id)!), 0) / (s.length * top) : 0));
}
