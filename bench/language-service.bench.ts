/**
 * Language service cost per edit on a large diagnostic: 300 métier declarations, 300 fiches action
 * and indicators, 60 actors, an effectifs CSV of ~100 000 rows, and the official ROME 4.0 export
 * (../shared/data, 1 584 fiches) when present, else the demo referential. Files are real files
 * read through the server's own workspace (node fs).
 *
 * Measured, medians of several runs, each after a one-character edit:
 *   - validate (what runs on each pause in typing), with the service's caches warm;
 *   - the same with a fresh service each time (no cache: referential reloaded) — the naive baseline;
 *   - validateDeep (the idle pass: full run, 100k rows loaded);
 *   - completion of "soudeur" on a métier code, hover on a métier code;
 *   - the preview after an edit (full run, cached data files and sources, and the report's HTML
 *     with its charts kept between renders), against the same with every chart drawn again.
 * Per-edit validation is given as p50 and p95. Completion during a validation, in the real server
 * with its validation worker: bench/server-completion.bench.ts.
 *
 *   npx tsx bench/language-service.bench.ts
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../extension/src/service/language-service.js';
import { nodeWorkspace } from '../extension/src/server/node-workspace.js';
import { previewRenderer } from '../extension/src/server/preview-result.js';
import { demoReferentiel } from '../core/referentiel/demo.js';
import { diagnosticParts, romeCodes, writeEffectifs } from './large-diagnostic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ROME = path.resolve(ROOT, '../shared/data/rome-officiel/v460');
const real = existsSync(path.join(ROME, 'unix_referentiel_code_rome_v460_utf8.csv'));

const dir = mkdtempSync(path.join(os.tmpdir(), 'gtec-bench-ls-'));
let codes: string[];
if (real) codes = romeCodes(path.join(ROME, 'unix_referentiel_code_rome_v460_utf8.csv'));
else {
  console.warn('données réelles absentes : ../shared/data/rome-officiel — référentiel de démonstration (40 fiches)');
  codes = demoReferentiel().metiers.map((m) => m.code);
}
const csvRows = writeEffectifs(dir, codes);
const parts = diagnosticParts(codes, real);
const y = [...parts.head, ...parts.metiers, ...parts.acteurs, ...parts.plan(300)];
const base = y.join('\n') + '\n';
const uri = pathToFileURL(path.join(dir, 'grand.gtec.yaml')).href;
writeFileSync(new URL(uri), base);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let version = 0;
/** The document after a one-character edit in a fiche's title (a different one each time). */
const edited = () => TextDocument.create(uri, 'gtec', ++version, base.replace(`titre: Action ${version % 300} `, `titre: Action ${version % 300}x`));
// The export is read in the declared data folder (a link to it from the diagnostic's folder is refused).
const workspace = nodeWorkspace(
  () => true,
  () => path.dirname(path.dirname(ROME)),
);

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

async function samples(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return ms;
}
const time = async (runs: number, f: () => Promise<unknown>) => median(await samples(runs, f));

const service = createLanguageService({ workspace, settings: { lang: 'fr' } });
const first = await service.validate(edited());
const warmRuns = await samples(30, () => service.validate(edited()));
const warm = median(warmRuns);
const naive = await time(5, () => createLanguageService({ workspace, settings: { lang: 'fr' } }).validate(edited()));
const deep = await time(3, () => service.validateDeep(edited()));
const metierLine = base.split('\n').findIndex((l) => l.startsWith('  - code: '));
const completion = await time(15, async () => {
  const text = base.replace(/^ {2}- code: \S+/m, '  - code: soudeur');
  const doc = TextDocument.create(uri, 'gtec', ++version, text);
  return service.complete(doc, { line: metierLine, character: 17 });
});
const hover = await time(15, () => service.hover(edited(), { line: metierLine, character: 12 }));
const { renderHtml } = await import('../core/report/html.js');
const previewNaive = await time(3, async () => {
  const doc = edited();
  const { result } = await service.analyze(doc);
  return result && renderHtml(result, { lang: 'fr', liens: { source: service.parsed(doc).value } });
});
// What the server does (preview-result.ts): the same, with the charts kept between renders.
const preview = previewRenderer(service, () => import('../extension/src/server/renderers.js'));
await preview(edited());
const previewUpdate = await time(3, () => preview(edited()));

console.log(`Diagnostic : ${base.length.toLocaleString('fr')} caractères, ${base.split('\n').length} lignes ; ${codes.length} métiers ; CSV de ${csvRows.toLocaleString('fr')} lignes ; référentiel ${first.referential}`);
console.log(`Problèmes à la première validation : ${first.errors} erreur(s), ${first.warnings} avertissement(s)`);
console.log(`validate par frappe (caches chauds)           : p50 ${warm.toFixed(1)} ms, p95 ${p95(warmRuns).toFixed(1)} ms (30 runs)`);
console.log(`validate, service neuf (référence naïve)      : médiane ${naive.toFixed(1)} ms (5 runs) → ×${(naive / warm).toFixed(1)}`);
console.log(`validateDeep (passe au repos, 100k lignes)   : médiane ${deep.toFixed(1)} ms (3 runs)`);
console.log(`complétion « soudeur » sur un code métier     : médiane ${completion.toFixed(1)} ms (15 runs)`);
console.log(`survol d’un code métier                        : médiane ${hover.toFixed(1)} ms (15 runs)`);
console.log(`aperçu après une frappe (run + HTML, caches)   : médiane ${previewUpdate.toFixed(1)} ms (3 runs) ; graphiques redessinés : ${previewNaive.toFixed(1)} ms`);
rmSync(dir, { recursive: true, force: true });
