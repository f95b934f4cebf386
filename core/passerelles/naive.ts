/**
 * Reference implementation of the passerelle score: a plain double loop over pairs with set
 * intersections, written to be obviously right rather than fast. The engine must give the same
 * rankings (tests/passerelles, bench/passerelles.bench.ts).
 */
import type { Referentiel } from '../referentiel/model.js';
import { CARACTERISTIQUES_CONTENU, CARACTERISTIQUES_EXPERT, DEBUT_PRIORS, PRODUITS_CONTENU, type CaracteristiqueContenu, type ModelePasserelles } from './modele.js';
import type { PasserelleParams } from './params.js';
import { buildProfiles, combine, proximite, type Composantes, type MetierProfile } from './profiles.js';
import { sparseDot, type SparseVectors } from './text.js';
import { liftDe } from './transitions.js';
import { buildTextes, cadreOf, genericity, sortedMetiers } from './textes.js';

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
    const credit = held.has(item.id) ? 1 : macros.has(item.macroKey) ? params.creditMacro : groupes.has(item.groupeKey) ? params.creditGroupe : 0;
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
export function naiveAllPairsTopK(profiles: MetierProfile[], params: PasserelleParams, k: number): Array<{ source: string; cibles: Array<{ cible: string; score: number }> }> {
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

/**
 * Reference of the learned score (content-only, or expert-aware when `mobilites` lists are given):
 * every feature computed per pair from its definition (set operations, sorted-vector merges),
 * every pair scored. The engine must give the same rankings.
 */
export function naiveLearnedAllPairsTopK(
  ref: Referentiel,
  params: PasserelleParams,
  modele: ModelePasserelles,
  k: number,
  expert: boolean,
  /** Only the first `sources` métiers (code order) as sources, every métier as target. */
  sources = Infinity,
): Array<{ source: string; cibles: Array<{ cible: string; score: number; officielle?: true }> }> {
  const profiles = buildProfiles(ref, params);
  const metiers = sortedMetiers(ref);
  const textes = buildTextes(ref, metiers);
  const gen = genericity(ref, metiers);
  const maxApp = metiers.reduce((max, m) => Math.max(max, m.appellations.length), 1);
  const n = metiers.length;
  const dot = (t: SparseVectors, a: number, b: number) => sparseDot(t.keys[a]!, t.values[a]!, t.keys[b]!, t.values[b]!);
  const content = (a: number, b: number): number[] => {
    const [ma, mb] = [metiers[a]!, metiers[b]!];
    const c = naiveComposantes(profiles[a]!, profiles[b]!, params);
    return [
      c.couverture,
      c.valorisation,
      c.activites,
      c.contextes,
      ma.domaine !== undefined && ma.domaine === mb.domaine ? 1 : 0,
      ma.grandDomaine !== undefined && ma.grandDomaine === mb.grandDomaine ? 1 : 0,
      ma.codeRomeV3 !== undefined && ma.codeRomeV3 === mb.codeRomeV3 ? 1 : 0,
      Math.sqrt(dot(textes.intitules, a, b)),
      Math.sqrt(dot(textes.definitions, a, b)),
      Math.sqrt(dot(textes.libellesCompetences, a, b)),
      cadreOf(ma) === cadreOf(mb) ? 1 : 0,
      cadreOf(mb) === 'cadre' ? 1 : 0,
      gen[b]!,
      Math.log(1 + mb.appellations.length) / Math.log(1 + maxApp),
      liftDe(modele.transitions?.domaine, ma.domaine, mb.domaine),
      liftDe(modele.transitions?.grandDomaine, ma.grandDomaine, mb.grandDomaine),
    ];
  };
  /** Content rows of source a against every métier, with the relative features appended. */
  const contentRows = (a: number): number[][] => {
    const rows = Array.from({ length: n }, (_, b) => (b === a ? [] : content(a, b)));
    const max = (i: number) => rows.reduce((m, r, b) => (b === a ? m : Math.max(m, r[i]!)), 0);
    const [mc, ml, md, mi] = [max(0), max(9), max(8), max(7)];
    const others = rows.filter((_, b) => b !== a);
    const mean = others.reduce((t, r) => t + r[9]!, 0) / others.length;
    const sd = Math.sqrt(Math.max(0, others.reduce((t, r) => t + r[9]! * r[9]!, 0) / others.length - mean * mean));
    return rows.map((r, b) => {
      if (b === a) return r;
      const row = [...r.slice(0, 14), mc > 0 ? r[0]! / mc : 0, ml > 0 ? r[9]! / ml : 0, md > 0 ? r[8]! / md : 0, mi > 0 ? r[7]! / mi : 0, ...r.slice(14, 16), sd > 0 ? (r[9]! - mean) / sd : 0];
      const at = (f: CaracteristiqueContenu) => row[CARACTERISTIQUES_CONTENU.indexOf(f)]!;
      for (const [, f, g] of PRODUITS_CONTENU) row.push(at(f) * at(g));
      const mb = metiers[b]!;
      row.push(mb.domaine !== undefined ? (modele.transitions?.cibleDomaine?.[mb.domaine] ?? 0) : 0, Math.log(1 + (modele.transitions?.citations?.[mb.code] ?? 0)));
      return row;
    });
  };
  const wc = CARACTERISTIQUES_CONTENU.map((f) => modele.contenu.poids[f]);
  const we = CARACTERISTIQUES_EXPERT.map((f) => modele.expert.poids[f]);
  const logit = (row: number[]) => row.reduce((s, x, i) => s + wc[i]! * x, modele.contenu.biais);
  /** The similarity logit: the same sum stopped before the target priors. */
  const similarity = (row: number[]) => row.slice(0, DEBUT_PRIORS).reduce((s, x, i) => s + wc[i]! * x, modele.contenu.biais);
  // Expert lists by source, ordered by rang.
  const codeIndex = new Map(metiers.map((m, i) => [m.code, i]));
  const lists = new Map<number, number[]>();
  if (expert) {
    const sorted = [...(ref.mobilites ?? [])].sort((x, y) => x.rang - y.rang);
    for (const m of sorted) {
      const s = codeIndex.get(m.source);
      const c = codeIndex.get(m.cible);
      if (s === undefined || c === undefined || s === c) continue;
      const l = lists.get(s) ?? [];
      if (!l.includes(c)) l.push(c);
      lists.set(s, l);
    }
  }
  const namingOf = Array.from({ length: n }, (_, b) => [...lists].filter(([, l]) => l.includes(b)).map(([s]) => s));
  const naming = (b: number) => namingOf[b]!;
  const maxNamed = namingOf.reduce((m, l) => Math.max(m, l.length), 0);
  const round12 = (x: number) => Math.round(x * 1e12) / 1e12;
  return metiers.slice(0, Math.min(n, sources)).map((_, a) => {
    const rows = contentRows(a);
    const zc = rows.map((r, b) => (b === a ? -Infinity : logit(r)));
    const zs = rows.map((r, b) => (b === a ? -Infinity : similarity(r)));
    let z = zc;
    if (expert && lists.size > 0) {
      const byZ = (pool: number[]) =>
        pool
          .filter((b) => b !== a)
          .sort((x, y) => zs[y]! - zs[x]! || x - y)
          .slice(0, modele.voisins);
      const all = Array.from({ length: n }, (_, b) => b);
      const nearL = byZ(all.filter((b) => lists.has(b)));
      const nearAll = byZ(all);
      const sig = (b: number) => 1 / (1 + Math.exp(-zs[b]!));
      const sumL = nearL.reduce((s, b) => s + sig(b), 0);
      const sumAll = nearAll.reduce((s, b) => s + sig(b), 0);
      const nearP = nearL.slice(0, 10);
      const sumP = nearP.reduce((s, b) => s + sig(b), 0);
      const citing = naming(a);
      z = zc.map((c, b) => {
        if (b === a) return -Infinity;
        const named = naming(b).filter((s) => s !== a).length;
        const feats = [
          lists.get(b)?.includes(a) ? 1 : 0,
          maxNamed > 0 ? Math.log(1 + named) / Math.log(1 + maxNamed) : 0,
          sumL > 0 ? nearL.filter((s) => lists.get(s)!.includes(b)).reduce((s, x) => s + sig(x), 0) / sumL : 0,
          sumAll > 0 ? nearAll.filter((t) => lists.get(b)?.includes(t)).reduce((s, x) => s + sig(x), 0) / sumAll : 0,
          citing.length ? citing.filter((x) => lists.get(x)!.includes(b)).length / citing.length : 0,
          sumP > 0 ? nearP.filter((s) => lists.get(s)!.includes(b)).reduce((s, x) => s + sig(x), 0) / sumP : 0,
          sumL > 0 ? nearL.reduce((t, s) => t + (sig(s) * lists.get(s)!.filter((c) => c !== a && lists.get(c)?.includes(b)).length) / lists.get(s)!.length, 0) / sumL : 0,
        ];
        return feats.reduce((s, x, i) => s + we[i + 1]! * x, modele.expert.biais + we[0]! * c);
      });
    }
    const own = expert ? (lists.get(a) ?? []) : [];
    const first = own.slice(0, k).map((b) => ({ cible: metiers[b]!.code, score: round12(1 / (1 + Math.exp(-z[b]!))), officielle: true as const }));
    const rest = Array.from({ length: n }, (_, b) => b)
      .filter((b) => b !== a && !own.includes(b))
      .map((b) => ({ cible: metiers[b]!.code, score: round12(1 / (1 + Math.exp(-z[b]!))) }))
      .sort((x, y) => y.score - x.score || (x.cible < y.cible ? -1 : 1))
      .slice(0, Math.max(0, k - first.length));
    return { source: metiers[a]!.code, cibles: [...first, ...rest] };
  });
}
