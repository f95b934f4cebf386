/**
 * Word TF-IDF of short French texts (fiche titles and appellations, definitions, competence
 * labels) for the text-similarity features of the passerelle model. Deliberately simple and
 * deterministic: accents folded, lower case, words of 3 letters or more minus a few stop words,
 * each word truncated to its first 6 letters (a cheap stemmer that merges « soudeur / soudeuse »,
 * « conducteur / conductrice », « maintenance / maintenir »), sublinear term frequency, IDF over
 * the métiers, L2-normalised vectors.
 */

const STOP = new Set('les des une dans pour par sur avec aux sous entre selon leur leurs son ses sont est qui que quoi dont ainsi afin etc tout tous toute toutes autre autres plus peut peuvent elle elles ils lui cette ces cet'.split(' '));

/** Stems of the words of a text, in order (with repeats): the definition that StemCoder follows. */
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

/**
 * The stems of many texts as integer ids, without normalising whole texts: a text is cut at its
 * ASCII separators (any ASCII character but a letter or a digit: a separator of `stems` too, which
 * NFD, the removal of combining marks and lower-casing leave in place), and each piece — a raw word
 * — is looked up in a table of the words already seen; a new ASCII word is lower-cased and
 * truncated by hand, a word with other characters goes through `stems` itself. Same stems, in the
 * same order, as `stems(text)`.
 */
export class StemCoder {
  /** Id → stem. */
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** Raw word → its stem ids: −1 none, an id, or several (a non-ASCII word may split). */
  private readonly words = new Map<string, number | number[]>();

  /** Appends the ids of the stems of `text` to `out`. */
  add(text: string, out: number[]): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      // Skip ASCII separators, then take the word up to the next one.
      let c = text.charCodeAt(i);
      while (c < 128 && !isAlnum(c)) {
        if (++i === n) return;
        c = text.charCodeAt(i);
      }
      const start = i;
      for (; i < n; i++) {
        c = text.charCodeAt(i);
        if (c < 128 && !isAlnum(c)) break;
      }
      const word = text.slice(start, i);
      let ids = this.words.get(word);
      if (ids === undefined) this.words.set(word, (ids = this.code(word)));
      if (typeof ids === 'number') {
        if (ids >= 0) out.push(ids);
      } else for (let j = 0; j < ids.length; j++) out.push(ids[j]!);
    }
  }

  private code(word: string): number | number[] {
    let ascii = true;
    for (let j = 0; j < word.length && ascii; j++) ascii = word.charCodeAt(j) < 128;
    if (!ascii) {
      const ids = stems(word).map((s) => this.id(s));
      return ids.length === 0 ? -1 : ids.length === 1 ? ids[0]! : ids;
    }
    const w = word.toLowerCase();
    return w.length < 3 || STOP.has(w) || /^\d+$/.test(w) ? -1 : this.id(w.slice(0, 6));
  }

  private id(stem: string): number {
    let id = this.termIds.get(stem);
    if (id === undefined) {
      this.termIds.set(stem, (id = this.terms.length));
      this.terms.push(stem);
    }
    return id;
  }
}

/** ASCII letter or digit. */
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

export interface SparseVectors {
  /** Per document: term ids (ascending) and L2-normalised weights. */
  keys: Int32Array[];
  values: Float64Array[];
  nTerms: number;
}

/**
 * TF-IDF vectors of documents given as stem ids (`terms`: id → stem, StemCoder). Terms present in
 * more than `maxDf` of the documents are dropped (they carry almost no weight and cost the most in
 * the inverted index). Term ids of the result follow the sorted order of the stems present: they
 * do not depend on the order of the documents nor on the ids given.
 */
export function tfidf(docs: readonly Int32Array[], terms: readonly string[], maxDf = 1): SparseVectors {
  const n = docs.length;
  const nStems = terms.length;
  // df counted with a last-seen mark per stem (no Set per document).
  const df = new Int32Array(nStems);
  const mark = new Int32Array(nStems).fill(-1);
  docs.forEach((d, m) => {
    for (let i = 0; i < d.length; i++) {
      const t = d[i]!;
      if (mark[t] !== m) {
        mark[t] = m;
        df[t]!++;
      }
    }
  });
  const order = Int32Array.from({ length: nStems }, (_, t) => t).sort((x, y) => (terms[x]! < terms[y]! ? -1 : terms[x]! > terms[y]! ? 1 : 0));
  const finalId = new Int32Array(nStems).fill(-1);
  let nTerms = 0;
  const idfList: number[] = [];
  for (let r = 0; r < nStems; r++) {
    const t = order[r]!;
    if (df[t]! > 0 && df[t]! <= maxDf * n) {
      finalId[t] = nTerms++;
      idfList.push(Math.log(1 + n / df[t]!));
    }
  }
  const idf = Float64Array.from(idfList);
  const tf = new Int32Array(nTerms);
  const keys: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (const d of docs) {
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
