/**
 * Text vectors and flags of the métiers for the learned passerelle features, shared by the engine
 * and the naive reference. Métiers are taken in the engine's index order (sorted by code).
 */
import type { Metier, Referentiel } from '../referentiel/model.js';
import { type CompetenceIds, competenceIds } from './competence-ids.js';
import { StemCoder, tfidf, type SparseVectors } from './text.js';

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

/** `ids`: competenceIds(ref, metiers), when the caller has it already. */
export function buildTextes(ref: Referentiel, metiers: readonly Metier[], ids: CompetenceIds = competenceIds(ref, metiers)): Textes {
  const words: number[] = [];
  const take = () => {
    const d = Int32Array.from(words);
    words.length = 0;
    return d;
  };
  const titles = new StemCoder();
  const intitules = metiers.map((m) => {
    titles.add(m.libelle, words);
    for (const a of m.appellations) titles.add(a, words);
    return take();
  });
  const sentences = new StemCoder();
  const definitions = metiers.map((m) => {
    sentences.add(m.definition ?? '', words);
    return take();
  });
  // A competence label is shared by many fiches: stemmed once.
  const labels = new StemCoder();
  const { perMetier } = ids;
  const stemsOf: Array<Int32Array | undefined> = new Array(ids.ids.length);
  const libellesCompetences = perMetier.map((list) => {
    let size = 0;
    for (let j = 0; j < list.length; j++) {
      const ci = list[j]!;
      let st = stemsOf[ci];
      if (!st) {
        labels.add(ids.competences[ci]!.libelle, words);
        stemsOf[ci] = st = take();
      }
      size += st.length;
    }
    const d = new Int32Array(size);
    for (let j = 0, at = 0; j < list.length; j++) {
      const st = stemsOf[list[j]!]!;
      d.set(st, at);
      at += st.length;
    }
    return d;
  });
  // Competence words shared by more than a third of the fiches weigh little and cost the most.
  return { intitules: tfidf(intitules, titles.terms), definitions: tfidf(definitions, sentences.terms), libellesCompetences: tfidf(libellesCompetences, labels.terms, 1 / 3) };
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
export function genericity(ref: Referentiel, metiers: readonly Metier[], { ids, perMetier }: CompetenceIds = competenceIds(ref, metiers)): Float64Array {
  const n = metiers.length;
  const df = new Int32Array(ids.length);
  for (const s of perMetier) for (let i = 0; i < s.length; i++) df[s[i]!]!++;
  const top = Math.log(1 + n);
  return Float64Array.from(perMetier, (s) => {
    let t = 0;
    for (let i = 0; i < s.length; i++) t += Math.log(1 + n / df[s[i]!]!);
    return s.length ? 1 - t / (s.length * top) : 0;
  });
}
