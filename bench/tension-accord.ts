/**
 * Agreement of the composite tension score with the official classes (docs/methodes.md §2 quotes
 * its output).
 *
 *   npx tsx bench/tension-accord.ts
 *
 * For each real file: exact agreement of the class derived from the score with the official class,
 * agreement within ±1, Spearman's rank correlation between the score and the official class, and
 * the same figures for the best constant guess (the one class that maximises each agreement; a
 * constant has no rank correlation), so that the figures mean something.
 *
 * - France Travail, ROME v3 × bassin 2020 (`bmo/ft_tension_rome_v3_bassin_2020.csv`): the file gives
 *   offers and job seekers only, one component of the three. The composite is computed by the core
 *   (`scoresComposites`, DARES weights, one component allowed: weight renormalised to 1) on the cells
 *   that pass the publication rule (≥ 30 offers and ≥ 30 job seekers), z-scores on those cells of
 *   the whole of France; the class is the quintile of the score among them (DARES classes are
 *   quintiles of a reference distribution).
 * - DARES, région × FAP 2009, 2019 (`bmo/dares_tensions_fap2009_2019.csv`): the public file gives
 *   the official composite (`indicateur_tension`) and its class, not the components (no offers, no
 *   écoulement; BMO is in FAP 2021 for 2024), so GTEC's composite cannot be recomputed there. What
 *   is measured is the last step of the method, the cut into classes: quintiles of the national
 *   2014-2018 distribution (`dares_tensions_fap2009_evolution_2011_2019.csv`), the DARES reference
 *   period, applied to the regional indicator, against the published class.
 *
 * Skips with a message when ../shared/data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { quantile } from '../core/analysis/indicators.js';
import type { IndicateursMetier } from '../core/analysis/result.js';
import { OPTIONS_COMPOSITE, scoresComposites } from '../core/analysis/synthese.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.resolve(root, '../shared/data/bmo');
const FT = path.join(data, 'ft_tension_rome_v3_bassin_2020.csv');
const DARES = path.join(data, 'dares_tensions_fap2009_2019.csv');
const DARES_EVOL = path.join(data, 'dares_tensions_fap2009_evolution_2011_2019.csv');

const csv = (f: string) => parse(readFileSync(f), { columns: true, bom: true }) as Array<Record<string, string>>;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Average ranks (ties share their mean rank). */
function rangs(v: readonly number[]): number[] {
  const idx = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    for (let k = i; k <= j; k++) r[idx[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = rangs(a);
  const rb = rangs(b);
  const m = (x: number[]) => x.reduce((s, y) => s + y, 0) / x.length;
  const ma = m(ra);
  const mb = m(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

/** Class 1..5 of a value: 1 + the number of quintile bounds it exceeds. */
const classeQuintile = (bornes: readonly number[]) => (x: number) => 1 + bornes.filter((b) => x > b).length;
const bornesQuintiles = (ref: readonly number[]) => [0.2, 0.4, 0.6, 0.8].map((q) => quantile(ref, q)!);

interface Accord {
  n: number;
  exact: number;
  plusMoinsUn: number;
  spearman: number;
  constanteExact: { classe: number; part: number };
  constantePlusMoinsUn: { classe: number; part: number };
}

function accord(scores: readonly number[], classesCalculees: readonly number[], officielles: readonly number[]): Accord {
  const n = officielles.length;
  const part = (f: (i: number) => boolean) => officielles.filter((_, i) => f(i)).length / n;
  const meilleure = (f: (c: number, o: number) => boolean) => {
    let best = { classe: 1, part: -1 };
    for (let c = 1; c <= 5; c++) {
      const p = officielles.filter((o) => f(c, o)).length / n;
      if (p > best.part) best = { classe: c, part: p };
    }
    return best;
  };
  return {
    n,
    exact: part((i) => classesCalculees[i] === officielles[i]),
    plusMoinsUn: part((i) => Math.abs(classesCalculees[i]! - officielles[i]!) <= 1),
    spearman: spearman(scores, officielles),
    constanteExact: meilleure((c, o) => c === o),
    constantePlusMoinsUn: meilleure((c, o) => Math.abs(c - o) <= 1),
  };
}

function afficher(titre: string, a: Accord, score: string) {
  process.stdout.write(`\n${titre} (${a.n} cellules)\n`);
  process.stdout.write('| | exact | ±1 | Spearman |\n|---|---|---|---|\n');
  process.stdout.write(`| ${score} | ${pct(a.exact)} | ${pct(a.plusMoinsUn)} | ${a.spearman.toFixed(3)} |\n`);
  process.stdout.write(`| meilleure constante | ${pct(a.constanteExact.part)} (classe ${a.constanteExact.classe}) | ${pct(a.constantePlusMoinsUn.part)} (classe ${a.constantePlusMoinsUn.classe}) | — |\n`);
}

function franceTravail() {
  const lignes = csv(FT);
  const cellules = lignes.filter((l) => Number(l.offres_emploi) >= 30 && Number(l.demandeurs_abc) >= 30);
  process.stdout.write(`France Travail 2020 : ${lignes.length} cellules ROME v3 × bassin, ${cellules.length} avec au moins 30 offres et 30 demandeurs.\n`);
  const prov = { significatif: true, source: 'ft', annee: 2020 };
  const inds: IndicateursMetier[] = cellules.map((l, i) => ({
    code: String(i),
    libelle: l.code_rome_v3!,
    tension: { ratioOffresDemandeurs: { valeur: Number(l.offres_emploi) / Number(l.demandeurs_abc), ...prov } },
  }));
  const reference = { ratioOffresDemandeurs: inds.map((m) => m.tension!.ratioOffresDemandeurs!.valeur!) };
  scoresComposites(inds, reference, { ...OPTIONS_COMPOSITE, composantesMinimum: 1 });
  const scores = inds.map((m) => m.tension!.scoreComposite!.valeur!);
  const classe = classeQuintile(bornesQuintiles(scores));
  const officielles = cellules.map((l) => Number(l.classe_tension));
  afficher('France Travail, ROME v3 × bassin 2020, score composite (offres/demandeurs seuls, poids renormalisé à 1)', accord(scores, scores.map(classe), officielles), 'score GTEC, quintiles');
}

function dares() {
  const evol = csv(DARES_EVOL).filter((l) => Number(l.annee) >= 2014 && Number(l.annee) <= 2018 && l.indicateur_tension !== '' && l.indicateur_tension !== 'NA');
  const bornes = bornesQuintiles(evol.map((l) => Number(l.indicateur_tension)));
  process.stdout.write(`\nDARES : bornes des quintiles 2014-2018 (${evol.length} valeurs nationales) : ${bornes.map((b) => b.toFixed(3)).join(' ; ')}\n`);
  const classe = classeQuintile(bornes);
  const lire = (niveau: string) => csv(DARES).filter((l) => l.niveau_geo === niveau && l.niveau_fap === 'fap225' && l.indicateur_tension !== '' && l.indicateur_tension !== 'NA' && l.categorie_tension !== '' && l.categorie_tension !== 'NA');
  for (const [niveau, nom] of [
    ['nat', 'France'],
    ['reg', 'région'],
  ] as const) {
    const rows = lire(niveau);
    const scores = rows.map((l) => Number(l.indicateur_tension));
    const officielles = rows.map((l) => Number(l.categorie_tension));
    afficher(`DARES 2019, ${nom} × FAP 2009 (225), indicateur officiel coupé aux quintiles 2014-2018`, accord(scores, scores.map(classe), officielles), 'quintiles 2014-2018');
  }
}

if (!existsSync(FT) || !existsSync(DARES) || !existsSync(DARES_EVOL)) {
  process.stdout.write(`données réelles absentes : ${data} — mesure ignorée\n`);
} else {
  franceTravail();
  dares();
}
