/**
 * Word TF-IDF of short French texts (fiche titles and appellations, definitions, competence
 * labels) for the text-similarity features of the passerelle model. Deliberately simple and
 * deterministic: accents folded, lower case, words of 3 letters or more minus a few stop words,
 * each word truncated to its first 6 letters (a cheap stemmer that merges « soudeur / soudeuse »,
 * « conducteur / conductrice », « maintenance / maintenir »), sublinear term frequency, IDF over
 * the métiers, L2-normalised vectors.
 */

const STOP = new Set('les des une dans pour par sur avec aux sous entre selon leur leurs son ses sont est qui que quoi dont ainsi afin etc tout tous toute toutes autre autres plus peut peuvent elle elles ils lui cette ces cet'.split(' '));

/** Stems of the words of a text, in order (with repeats). */
export function stems(text: string): string[] {
  const out: string[] = [];
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  for (const w of folded.split(/[^a-z0-9]+/)) {
    if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) continue;
    out.push(w.slice(0, 6));
  }
  return out;
}

export interface SparseVectors {
  /** Per document: term ids (ascending) and L2-normalised weights. */
  keys: Int32Array[];
  values: Float64Array[];
  nTerms: number;
}

/**
 * TF-IDF vectors of documents given as lists of stems. Terms present in more than `maxDf` of the
 * documents are dropped (they carry almost no weight and cost the most in the inverted index).
 */
export function tfidf(docs: string[][], maxDf = 1): SparseVectors {
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const s of new Set(d)) df.set(s, (df.get(s) ?? 0) + 1);
  // Term ids in sorted order of the stems: independent of document order.
  const ids = new Map<string, number>();
  for (const s of [...df.keys()].sort()) if (df.get(s)! <= maxDf * n) ids.set(s, ids.size);
  const idf = new Float64Array(ids.size);
  for (const [s, id] of ids) idf[id] = Math.log(1 + n / df.get(s)!);
  const keys: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (const d of docs) {
    const tf = new Map<number, number>();
    for (const s of d) {
      const id = ids.get(s);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const k = Int32Array.from(tf.keys()).sort();
    const v = new Float64Array(k.length);
    let norm = 0;
    for (let i = 0; i < k.length; i++) {
      const w = (1 + Math.log(tf.get(k[i]!)!)) * idf[k[i]!]!;
      v[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
    keys.push(k);
    values.push(v);
  }
  return { keys, values, nTerms: ids.size };
}

/** Cosine of two normalised sparse vectors with ascending keys (a merge). */
export function sparseDot(ka: Int32Array, va: Float64Array, kb: Int32Array, vb: Float64Array): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < ka.length && j < kb.length) {
    const x = ka[i]!;
    const y = kb[j]!;
    if (x === y) s += va[i++]! * vb[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}
