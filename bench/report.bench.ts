/**
 * Report rendering: HTML (with its Vega charts), xlsx and JSON of the Pays de Langres fixture
 * (12 métiers) and of a large result (the fixture's métiers repeated to 600, 250 passerelles),
 * against a naive baseline in the same process (`JSON.stringify` of the result, no sorting), with
 * the charts' share of the HTML time. Medians of several runs, after one warm-up run.
 * Run: npx tsx bench/report.bench.ts
 */
import type { DiagnosticResult } from '../core/analysis/result.js';
import { graphiques } from '../core/report/charts.js';
import { renderHtml } from '../core/report/html.js';
import { renderJson } from '../core/report/json.js';
import { renderXlsx } from '../core/report/xlsx.js';
import { resultatFixture } from '../tests/fixtures/report/result.js';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function mesurer(f: () => unknown): Promise<number> {
  await f();
  const temps: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await f();
    temps.push(performance.now() - t0);
  }
  return median(temps);
}

function grand(): DiagnosticResult {
  const base = resultatFixture();
  const metiers: DiagnosticResult['metiers'] = [];
  const passerelles: DiagnosticResult['passerelles'] = [];
  for (let k = 0; k < 50; k++) {
    for (const m of resultatFixture().metiers) {
      m.indicateurs.code = `${m.indicateurs.code}-${String(k).padStart(2, '0')}`;
      metiers.push(m);
    }
    for (const p of resultatFixture().passerelles) passerelles.push({ ...p, source: `${p.source}-${String(k).padStart(2, '0')}` });
  }
  const familles = Object.fromEntries(Object.keys(base.familles).map((f) => [f, metiers.filter((m) => m.familles.includes(f as never)).map((m) => m.indicateurs.code)])) as DiagnosticResult['familles'];
  return { ...base, metiers, familles, passerelles };
}

async function banc(nom: string, r: DiagnosticResult): Promise<void> {
  const html = await renderHtml(r, { lang: 'fr' });
  const xlsx = await renderXlsx(r, { lang: 'fr' });
  const json = renderJson(r);
  const naif = await mesurer(() => JSON.stringify(r));
  const tJson = await mesurer(() => renderJson(r));
  const tXlsx = await mesurer(() => renderXlsx(r, { lang: 'fr' }));
  const tCharts = await mesurer(() => graphiques(r, 'fr'));
  const tHtml = await mesurer(() => renderHtml(r, { lang: 'fr' }));
  const ko = (n: number) => `${(n / 1024).toFixed(0)} Kio`;
  console.log(`\n${nom} : ${r.metiers.length} métiers, ${r.passerelles.length} passerelles (médianes de ${RUNS} exécutions)`);
  console.log(`  référence naïve JSON.stringify : ${naif.toFixed(2)} ms`);
  console.log(`  renderJson  : ${tJson.toFixed(1)} ms (×${(tJson / naif).toFixed(1)} la référence), ${ko(json.length)}`);
  console.log(`  renderXlsx  : ${tXlsx.toFixed(0)} ms, ${ko(xlsx.byteLength)}`);
  console.log(`  renderHtml  : ${tHtml.toFixed(0)} ms, ${ko(html.length)} — dont graphiques Vega ${tCharts.toFixed(0)} ms (${((100 * tCharts) / tHtml).toFixed(0)} %)`);
}

await banc('Fixture Pays de Langres', resultatFixture());
await banc('Grand résultat', grand());
