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
  // Stems → provisional ids (first appearance), documents as id arrays; df counted with a
  // last-seen mark per stem (no Set per document).
  const provisional = new Map<string, number>();
  const coded = docs.map((d) => {
    const out = new Int32Array(d.length);
    for (let i = 0; i < d.length; i++) {
      let id = provisional.get(d[i]!);
      if (id === undefined) provisional.set(d[i]!, (id = provisional.size));
      out[i] = id;
    }
    return out;
  });
  const nStems = provisional.size;
  const df = new Int32Array(nStems);
  const mark = new Int32Array(nStems).fill(-1);
  coded.forEach((d, m) => {
    for (let i = 0; i < d.length; i++) {
      const t = d[i]!;
      if (mark[t] !== m) {
        mark[t] = m;
        df[t]!++;
      }
    }
  });
  // Term ids in sorted order of the stems: independent of document order.
  const finalId = new Int32Array(nStems).fill(-1);
  let nTerms = 0;
  const idfList: number[] = [];
  for (const s of [...provisional.keys()].sort()) {
    const t = provisional.get(s)!;
    if (df[t]! <= maxDf * n) {
      finalId[t] = nTerms++;
      idfList.push(Math.log(1 + n / df[t]!));
    }
  }
  const idf = Float64Array.from(idfList);
  const tf = new Int32Array(nTerms);
  const keys: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (const d of coded) {
    const touched: number[] = [];
    for (let i = 0; i < d.length; i++) {
      const id = finalId[d[i]!]!;
      if (id < 0) continue;
      if (tf[id]!++ === 0) touched.push(id);
    }
    const k = Int32Array.from(touched).sort();
    const v = new Float64Array(k.length);
    let norm = 0;
    for (let i = 0; i < k.length; i++) {
      const w = (1 + Math.log(tf[k[i]!]!)) * idf[k[i]!]!;
      tf[k[i]!] = 0;
      v[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
    keys.push(k);
    values.push(v);
  }
  return { keys, values, nTerms };
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
