/**
 * 10 000 formula calls of the Excel add-in through the REGISTERED functions (the built bundle in
 * the sandbox that plays Excel's runtime, tests/excel/sandbox.ts), as a recalculation of a sheet
 * would make them: a mix of every function, with the argument repetitions a real sheet has (the
 * same ROME codes on many rows, distinct figures on each row). Three ways, same process, same
 * calls: cold cache (emptied before each run), warm cache (second recalculation), no cache.
 * Medians of several runs, after the passerelle engine is built once (demo referential).
 * Run: npx tsx bench/excel-functions.bench.ts
 */
import { chargerRuntime, construireAddin, type Runtime } from '../tests/excel/sandbox.js';
import { demoReferential } from '../core/referential/demo.js';

const RUNS = 5;
const APPELS = 10_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The calls of one recalculation: id and Excel-shaped arguments. */
function appels(): Array<[string, unknown[]]> {
  const codes = demoReferential().metiers.map((m) => m.code);
  const code = (i: number) => codes[i % codes.length]!;
  const familles = [
    ['code', 'effectif_debut', 'effectif_fin', 'annee_debut', 'annee_fin', 'classe_tension', 'projets', 'difficiles'],
    ...codes.slice(0, 12).map((c, k) => [c, 100 + 10 * k, 90 + 13 * k, 2015, 2021, (k % 5) + 1, 40 + k, 10 + 2 * k]),
  ];
  const out: Array<[string, unknown[]]> = [];
  for (let i = 0; out.length < APPELS; i++) {
    switch (i % 10) {
      case 0: out.push(['TCAM', [[[100 + i]], [[`${120 + i},5`]], [[2015]], [[2021]]]]); break;
      case 1: out.push(['INDICE.SPECIFICITE', [[[10 + i]], [[5000]], [[800]], [[250000]]]]); break;
      case 2: out.push(['LIBELLE', [[[code(i)]]]]); break;
      case 3: out.push(['SIMILARITE', [[[code(i)]], [[code(i * 7 + 3)]]]]); break;
      case 4: out.push(['PASSERELLES', [[[code(i)]], [[5]], null]]); break;
      case 5: out.push(['ECART', [[[code(i)]], [[code(i + 1)]]]]); break;
      case 6: out.push(['RECHERCHER', [[[['soud', 'chaudron', 'aide', 'infirm', 'coutur'][i % 5]]], null]]); break;
      case 7: out.push(['DEPARTS.FIN.CARRIERE', [[['15-29', '30-49', '50-54', '55+']], [[100, 200 + i, 40, 60]], null, null]]); break;
      case 8: out.push(['FAMILLES', [familles, null]]); break;
      case 9: out.push(['TENSION', [[[100], [50], [150 + i]], [[100], [100], [100]], [[0.2], [0.4], [0.6]], null]]); break;
    }
  }
  return out;
}

function recalcul(rt: Runtime, liste: Array<[string, unknown[]]>): number {
  const t0 = performance.now();
  for (const [id, args] of liste) rt.calculer(id, ...args);
  return performance.now() - t0;
}

/** The calls must compute real results: no whole-call error in the mix. */
function verifier(rt: Runtime, liste: Array<[string, unknown[]]>): void {
  for (const [id, args] of liste.slice(0, 10)) {
    const r = rt.calculer(id, ...args);
    if (!Array.isArray(r)) throw new Error(`${id} : ${JSON.stringify(r)}`);
  }
}

const dist = await construireAddin();
const rt = chargerRuntime(dist);
const liste = appels();
verifier(rt, liste); // also builds the passerelle engine (and the cache) once
const cache = (rt.contexte as { __GTEC_CACHE__: { reglages: { actif: boolean }; entrees: Map<string, unknown> } }).__GTEC_CACHE__;

const froid: number[] = [];
const chaud: number[] = [];
const sans: number[] = [];
for (let k = 0; k < RUNS; k++) {
  cache.reglages.actif = true;
  cache.entrees.clear();
  froid.push(recalcul(rt, liste));
  chaud.push(recalcul(rt, liste));
  cache.reglages.actif = false;
  sans.push(recalcul(rt, liste));
}
cache.reglages.actif = true;
const f = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;
console.log(`${APPELS} appels de fonctions GTEC (10 fonctions mélangées, référentiel de démonstration), médiane de ${RUNS} :`);
console.log(`  cache froid  ${f(median(froid))}   (${((median(froid) / APPELS) * 1000).toFixed(1)} µs/appel)`);
console.log(`  cache chaud  ${f(median(chaud))}   (${((median(chaud) / APPELS) * 1000).toFixed(1)} µs/appel)`);
console.log(`  sans cache   ${f(median(sans))}   (${((median(sans) / APPELS) * 1000).toFixed(1)} µs/appel)`);
console.log(`  gain du cache chaud sur « sans cache » : ×${(median(sans) / median(chaud)).toFixed(1)}`);
