/**
 * 10 000 formula calls of the Excel add-in through the REGISTERED functions (the built bundle in
 * the sandbox that plays Excel's runtime, tests/excel/sandbox.ts), as a recalculation of a sheet
 * would make them: a mix of every function, with the argument repetitions a real sheet has (the
 * same ROME codes on many rows, distinct figures on each row). Three ways, same process, same
 * calls: cold cache (emptied before each run), warm cache (second recalculation), no cache.
 * Medians of several runs, after the passerelle engine is built once; demo referential, then the
 * official ROME export when ../shared/data has it.
 * Then the cache's memory under 20 whole-column calls (LIBELLE over a column of 1 048 576 rows:
 * 200 codes, each call its own order, then empty cells as Excel passes A:A), against the former cache (results kept under the JSON of the
 * arguments, measured on 2 calls: 20 would exhaust the heap) in the same run.
 * Run: node --expose-gc --import tsx bench/excel-functions.bench.ts (GTEC_BENCH_ROME=0: without the official
 * ROME export, GTEC_BENCH_APPELS=0: the memory part only)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { activateReferentielInRuntime, chargerRuntime, construireAddin, type Runtime } from '../tests/excel/sandbox.js';
import { memoryHost } from '../core/host.js';
import { demoReferentiel } from '../core/referentiel/demo.js';
import { loadRomeOfficiel } from '../core/referentiel/rome-officiel.js';

const RUNS = 5;
const APPELS = 10_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The calls of one recalculation: id and Excel-shaped arguments. */
function appels(codes: readonly string[]): Array<[string, unknown[]]> {
  const code = (i: number) => codes[i % codes.length]!;
  const familles = [
    ['code', 'effectif_debut', 'effectif_fin', 'annee_debut', 'annee_fin', 'classe_tension', 'projets', 'difficiles'],
    ...codes.slice(0, 12).map((c, k) => [c, 100 + 10 * k, 90 + 13 * k, 2015, 2021, (k % 5) + 1, 40 + k, 10 + 2 * k]),
  ];
  const out: Array<[string, unknown[]]> = [];
  for (let i = 0; out.length < APPELS; i++) {
    switch (i % 10) {
      case 0:
        out.push(['TCAM', [[[100 + i]], [[`${120 + i},5`]], [[2015]], [[2021]]]]);
        break;
      case 1:
        out.push(['INDICE.SPECIFICITE', [[[10 + i]], [[5000]], [[800]], [[250000]]]]);
        break;
      case 2:
        out.push(['LIBELLE', [[[code(i)]]]]);
        break;
      case 3:
        out.push(['SIMILARITE', [[[code(i)]], [[code(i * 7 + 3)]]]]);
        break;
      case 4:
        out.push(['PASSERELLES', [[[code(i)]], [[5]], null]]);
        break;
      case 5:
        out.push(['ECART', [[[code(i)]], [[code(i + 1)]]]]);
        break;
      case 6:
        out.push(['RECHERCHER', [[[['soud', 'chaudron', 'aide', 'infirm', 'coutur'][i % 5]]], null]]);
        break;
      case 7:
        out.push(['DEPARTS.FIN.CARRIERE', [[['15-29', '30-49', '50-54', '55+']], [[100, 200 + i, 40, 60]], null, null]]);
        break;
      case 8:
        out.push(['FAMILLES', [familles, null]]);
        break;
      case 9:
        out.push(['TENSION', [[[100], [50], [150 + i]], [[100], [100], [100]], [[0.2], [0.4], [0.6]], null]]);
        break;
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

type Cache = { reglages: { actif: boolean; octets: number }; entrees: Map<string, unknown>; octets: number; evictions: number };

/** Medians of cold, warm and no-cache recalculations of the same calls. */
function mesurer(rt: Runtime, liste: Array<[string, unknown[]]>): { froid: number; chaud: number; sans: number } {
  verifier(rt, liste); // also builds the passerelle engine (and the cache) once
  const cache = (rt.contexte as { __GTEC_CACHE__: Cache }).__GTEC_CACHE__;
  const froid: number[] = [];
  const chaud: number[] = [];
  const sans: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    cache.reglages.actif = true;
    cache.entrees.clear();
    cache.octets = 0;
    froid.push(recalcul(rt, liste));
    chaud.push(recalcul(rt, liste));
    cache.reglages.actif = false;
    sans.push(recalcul(rt, liste));
  }
  cache.reglages.actif = true;
  return { froid: median(froid), chaud: median(chaud), sans: median(sans) };
}

function afficher(titre: string, m: { froid: number; chaud: number; sans: number }): void {
  const f = (ms: number) => `${ms.toFixed(1).padStart(8)} ms   (${((ms / APPELS) * 1000).toFixed(1)} µs/appel)`;
  console.log(`${APPELS} appels de fonctions GTEC (10 fonctions mélangées), ${titre}, médiane de ${RUNS} :`);
  console.log(`  cache froid  ${f(m.froid)}`);
  console.log(`  cache chaud  ${f(m.chaud)}`);
  console.log(`  sans cache   ${f(m.sans)}`);
  console.log(`  gain du cache chaud sur « sans cache » : ×${(m.sans / m.chaud).toFixed(1)}`);
}

const dist = await construireAddin();
const appelsMesures = process.env.GTEC_BENCH_APPELS !== '0';
if (appelsMesures) afficher('référentiel de démonstration (40 fiches)', mesurer(chargerRuntime(dist), appels(demoReferentiel().metiers.map((m) => m.code))));

const ROME = path.resolve(import.meta.dirname, '../../shared/data/rome-officiel/v460');
if (!appelsMesures || process.env.GTEC_BENCH_ROME === '0') console.log('appels sur le ROME officiel non mesurés (GTEC_BENCH_ROME=0 ou GTEC_BENCH_APPELS=0)');
else if (existsSync(ROME)) {
  const fichiers = Object.fromEntries(readdirSync(ROME).map((n) => [n, new Uint8Array(readFileSync(path.join(ROME, n)))]));
  const { referential } = await loadRomeOfficiel(memoryHost(fichiers), '', '');
  const rt = chargerRuntime(dist);
  await activateReferentielInRuntime(rt, referential);
  // Spread over the whole referential, as a sheet of a territory's own métiers would be.
  const codes = referential!.metiers.map((m) => m.code).filter((_, i) => i % 8 === 0);
  afficher(`export ROME officiel (${referential!.metiers.length} fiches, ${codes.length} codes utilisés)`, mesurer(rt, appels(codes)));
} else console.warn('données réelles absentes : ../shared/data/rome-officiel — mesure sur le ROME officiel ignorée');

// ───────────── Memory under whole-column arguments

const LIGNES = 1_048_576;
const tas = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};
// A whole column as Excel passes it (A:A): the sheet's codes on top, then empty cells.
const codesDemo = demoReferentiel().metiers.map((m) => m.code);
const argsColonnes = (k: number) => [Array.from({ length: LIGNES }, (_, i) => [i < 200 ? codesDemo[(i + k) % codesDemo.length]! : ''])];
if (!(globalThis as { gc?: () => void }).gc) console.warn('lancer avec node --expose-gc pour des mesures de mémoire stables');
{
  const rt = chargerRuntime(dist);
  const cache = (rt.contexte as { __GTEC_CACHE__?: Cache }).__GTEC_CACHE__;
  const avant = tas();
  const durees: number[] = [];
  for (let k = 0; k < 20; k++) {
    const a = argsColonnes(k);
    const t0 = performance.now();
    rt.calculer('LIBELLE', ...a);
    durees.push(performance.now() - t0);
    if (process.env.GTEC_BENCH_TRACE) console.log(`  appel ${k + 1} : ${durees.at(-1)!.toFixed(0)} ms`);
  }
  const apres = tas();
  const c = (rt.contexte as { __GTEC_CACHE__: Cache }).__GTEC_CACHE__ ?? cache!;
  console.log(
    `20 appels LIBELLE sur une colonne entière (${LIGNES} lignes, 200 codes puis des cellules vides) : mémoire retenue ${((apres - avant) / 1e6).toFixed(1)} Mo (cache : ${c.entrees.size} entrées, ${(c.octets / 1e6).toFixed(1)} Mo comptés, budget ${(c.reglages.octets / 1e6).toFixed(0)} Mo) ; médiane ${median(durees).toFixed(0)} ms par appel`,
  );
  // Reference: the former cache (JSON of the arguments as key, every result kept), on 2 calls.
  const ancien = new Map<string, unknown>();
  const avantRef = tas();
  for (let k = 0; k < 2; k++) {
    const a = argsColonnes(100 + k);
    ancien.set(`LIBELLE\u0000demo\u0000${JSON.stringify(a)}`, rt.calculer('LIBELLE', ...a));
  }
  const apresRef = tas();
  console.log(`référence, ancien cache (clé JSON, tout gardé) : ${((apresRef - avantRef) / 2e6).toFixed(0)} Mo retenus par appel, soit ~${((((apresRef - avantRef) / 2e6) * 20) / 1000).toFixed(1)} Go pour 20 appels`);
  ancien.clear();
}
