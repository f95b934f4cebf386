/**
 * The content-only features of the learned model (CARACTERISTIQUES_CONTENU, modele.ts) of one
 * source against every métier, and their logits: competence components (competence-index.ts),
 * text similarities through inverted indexes, flags of the fiches, learned domaine lifts.
 */
import type { Referentiel } from '../referentiel/model.js';
import { competenceIds } from './competence-ids.js';
import type { CompetenceIndex } from './competence-index.js';
import { CARACTERISTIQUES_CONTENU, DEBUT_PRIORS, PRODUITS_CONTENU, type ModelePasserelles } from './modele.js';
import { accumulateDots, type Postings, sparsePostings } from './postings.js';
import type { SparseVectors } from './text.js';
import { buildTextes, cadreOf, genericity, sameFlags, sortedMetiers } from './textes.js';
import { matriceTransitions } from './transitions.js';

export interface ContentFeatures {
  /** Text dot products of the last source: intitulés, définitions, libellés de compétences. */
  txt: Float64Array[];
  /** Text dots and per-source maxima of source a (after the competence index's accumulate(a)). */
  accumulate(a: number): void;
  /** Content features of a → b, in CARACTERISTIQUES_CONTENU order (after accumulate(a)). */
  fill(a: number, b: number, x: Float64Array): void;
  /**
   * Content logits of a against every métier (−∞ for a itself) into `out`; into `similarity`, the
   * same sum stopped before the target priors (DEBUT_PRIORS).
   */
  logits(a: number, out: Float64Array, similarity?: Float64Array): void;
  /** The weights in model order. */
  poids: Float64Array;
}

/** What the content features read, as plain data (typed arrays: it can be posted to a worker). */
export interface ContentState {
  n: number;
  textSpaces: SparseVectors[];
  textPostings: Postings[];
  romeV3: Int32Array;
  cadre: Int32Array;
  isCadre: Float64Array;
  generique: Float64Array;
  appellations: Float64Array;
  dom: Int32Array;
  gdom: Int32Array;
  nDom: number;
  nGdom: number;
  liftDom: Float64Array;
  liftGdom: Float64Array;
  /** Learned target priors: the target's domaine share of the training lists, ln(1 + lists naming the target). */
  cibleDomaine: Float64Array;
  citations: Float64Array;
}

export function buildContentFeatures(ref: Referentiel, comp: CompetenceIndex, modele: ModelePasserelles): ContentFeatures {
  return contentFeaturesOf(buildContentState(ref, modele), comp, modele);
}

/** `metiers` and `ids`: sortedMetiers(ref) and their competenceIds, when the caller has them already. */
export function buildContentState(ref: Referentiel, modele: ModelePasserelles, metiers = sortedMetiers(ref), ids = competenceIds(ref, metiers)): ContentState {
  const n = metiers.length;
  const textes = buildTextes(ref, metiers, ids);
  const textSpaces = [textes.intitules, textes.definitions, textes.libellesCompetences];
  const textPostings = textSpaces.map(sparsePostings);
  const romeV3 = sameFlags(metiers, (m) => m.codeRomeV3);
  const cadre = sameFlags(metiers, cadreOf);
  const isCadre = Float64Array.from(metiers, (m) => (cadreOf(m) === 'cadre' ? 1 : 0));
  const generique = genericity(ref, metiers, ids);
  const maxApp = metiers.reduce((max, m) => Math.max(max, m.appellations.length), 1);
  const appellations = Float64Array.from(metiers, (m) => Math.log(1 + m.appellations.length) / Math.log(1 + maxApp));
  // Learned domaine lifts, as dense matrices over this referential's domaines.
  const domCodes = [...new Set(metiers.flatMap((m) => (m.domaine !== undefined ? [m.domaine] : [])))].sort();
  const gdomCodes = [...new Set(metiers.flatMap((m) => (m.grandDomaine !== undefined ? [m.grandDomaine] : [])))].sort();
  const dom = Int32Array.from(metiers, (m) => (m.domaine !== undefined ? domCodes.indexOf(m.domaine) : -1));
  const gdom = Int32Array.from(metiers, (m) => (m.grandDomaine !== undefined ? gdomCodes.indexOf(m.grandDomaine) : -1));
  const liftDom = matriceTransitions(modele.transitions?.domaine, domCodes);
  const liftGdom = matriceTransitions(modele.transitions?.grandDomaine, gdomCodes);
  const cibleDomaine = Float64Array.from(metiers, (m) => (m.domaine !== undefined ? (modele.transitions?.cibleDomaine?.[m.domaine] ?? 0) : 0));
  const citations = Float64Array.from(metiers, (m) => Math.log(1 + (modele.transitions?.citations?.[m.code] ?? 0)));
  return { n, textSpaces, textPostings, romeV3, cadre, isCadre, generique, appellations, dom, gdom, nDom: domCodes.length, nGdom: gdomCodes.length, liftDom, liftGdom, cibleDomaine, citations };
}

/** The content features over their state, with their own buffers (one per thread). */
export function contentFeaturesOf(state: ContentState, comp: CompetenceIndex, modele: ModelePasserelles): ContentFeatures {
  const { n, textSpaces, textPostings, romeV3, cadre, isCadre, generique, appellations, dom, gdom, nDom, nGdom, liftDom, liftGdom, cibleDomaine, citations } = state;
  const txt = textSpaces.map(() => new Float64Array(n));
  const NC = CARACTERISTIQUES_CONTENU.length;
  const poids = Float64Array.from(CARACTERISTIQUES_CONTENU, (f) => modele.contenu.poids[f] ?? 0);
  const xBuf = new Float64Array(NC);
  const yBuf = new Float64Array(NC);
  /** Per source: largest couverture, libellesCompetences, definitions, intitules over its candidates. */
  const rel = new Float64Array(4);
  /** Per source: mean and standard deviation of libellesCompetences over its candidates. */
  const moments = new Float64Array(2);
  /** Products as index triples (product, factor, factor), flat. */
  const produits = Int32Array.from(PRODUITS_CONTENU.flatMap(([p, f, g]) => [CARACTERISTIQUES_CONTENU.indexOf(p), CARACTERISTIQUES_CONTENU.indexOf(f), CARACTERISTIQUES_CONTENU.indexOf(g)]));

  function accumulate(a: number): void {
    for (let t = 0; t < textSpaces.length; t++) {
      txt[t]!.fill(0);
      accumulateDots(textPostings[t]!, textSpaces[t]!.keys[a]!, textSpaces[t]!.values[a]!, txt[t]!);
    }
    rel.fill(0);
    const [t0, t1, t2] = txt as [Float64Array, Float64Array, Float64Array];
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const c = comp.couverture(b);
      if (c > rel[0]!) rel[0] = c;
      if (t2[b]! > rel[1]!) rel[1] = t2[b]!;
      if (t1[b]! > rel[2]!) rel[2] = t1[b]!;
      if (t0[b]! > rel[3]!) rel[3] = t0[b]!;
    }
    for (let i = 1; i < 4; i++) rel[i] = Math.sqrt(rel[i]!);
    let sum = 0;
    let sq = 0;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const v = Math.sqrt(t2[b]!);
      sum += v;
      sq += v * v;
    }
    moments[0] = sum / (n - 1);
    moments[1] = Math.sqrt(Math.max(0, sq / (n - 1) - moments[0]! ** 2));
  }

  function fill(a: number, b: number, x: Float64Array): void {
    x[0] = comp.couverture(b);
    x[1] = comp.valorisation(a, b);
    x[2] = comp.activites(a, b);
    x[3] = comp.contextes(a, b);
    x[4] = comp.sameDomaine(a, b) ? 1 : 0;
    x[5] = comp.sameGrandDomaine(a, b) ? 1 : 0;
    x[6] = romeV3[a]! >= 0 && romeV3[a] === romeV3[b] ? 1 : 0;
    x[7] = Math.sqrt(txt[0]![b]!);
    x[8] = Math.sqrt(txt[1]![b]!);
    x[9] = Math.sqrt(txt[2]![b]!);
    x[10] = cadre[a] === cadre[b] ? 1 : 0;
    x[11] = isCadre[b]!;
    x[12] = generique[b]!;
    x[13] = appellations[b]!;
    x[14] = rel[0]! > 0 ? x[0]! / rel[0]! : 0;
    x[15] = rel[1]! > 0 ? x[9]! / rel[1]! : 0;
    x[16] = rel[2]! > 0 ? x[8]! / rel[2]! : 0;
    x[17] = rel[3]! > 0 ? x[7]! / rel[3]! : 0;
    x[18] = dom[a]! >= 0 && dom[b]! >= 0 ? liftDom[dom[a]! * nDom + dom[b]!]! : 0;
    x[19] = gdom[a]! >= 0 && gdom[b]! >= 0 ? liftGdom[gdom[a]! * nGdom + gdom[b]!]! : 0;
    x[20] = moments[1]! > 0 ? (x[9]! - moments[0]!) / moments[1]! : 0;
    x[25] = cibleDomaine[b]!;
    x[26] = citations[b]!;
    for (let i = 0; i < produits.length; i += 3) x[produits[i]!] = x[produits[i + 1]!]! * x[produits[i + 2]!]!;
  }

  /**
   * Two targets at a time: two independent chains of additions, each in feature order (the same
   * sums as one target at a time), which the processor overlaps. fill(a, a) is harmless: a's own
   * slot is overwritten at the end.
   */
  function logits(a: number, out: Float64Array, similarity?: Float64Array): void {
    const b0 = modele.contenu.biais;
    let b = 0;
    for (; b + 1 < n; b += 2) {
      fill(a, b, xBuf);
      fill(a, b + 1, yBuf);
      let z = b0;
      let y = b0;
      for (let f = 0; f < DEBUT_PRIORS; f++) {
        z += poids[f]! * xBuf[f]!;
        y += poids[f]! * yBuf[f]!;
      }
      if (similarity) {
        similarity[b] = z;
        similarity[b + 1] = y;
      }
      for (let f = DEBUT_PRIORS; f < NC; f++) {
        z += poids[f]! * xBuf[f]!;
        y += poids[f]! * yBuf[f]!;
      }
      out[b] = z;
      out[b + 1] = y;
    }
    if (b < n) {
      fill(a, b, xBuf);
      let z = b0;
      for (let f = 0; f < DEBUT_PRIORS; f++) z += poids[f]! * xBuf[f]!;
      if (similarity) similarity[b] = z;
      for (let f = DEBUT_PRIORS; f < NC; f++) z += poids[f]! * xBuf[f]!;
      out[b] = z;
    }
    out[a] = -Infinity;
    if (similarity) similarity[a] = -Infinity;
  }

  return { txt, accumulate, fill, logits, poids };
}
