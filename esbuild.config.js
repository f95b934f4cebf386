// Builds the CLI bundle (and, later, the extension and add-in bundles).
import { build } from 'esbuild';
import { vegaCanvasSansCanvas } from './scripts/esbuild-vega-canvas.js';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', plugins: [vegaCanvasSansCanvas] };

await build({
  ...common,
  entryPoints: ['cli/gtec.ts'],
  outfile: 'dist/cli/gtec.cjs',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
});

// VS Code extension (extension/): client and language server, both CommonJS for Node; `vscode`
// is provided by the editor. The JSON Schema of the format ships beside them (yamlValidation).
await build({
  ...common,
  entryPoints: { client: 'extension/src/client/extension.ts', server: 'extension/src/server/server.ts' },
  outdir: 'extension/dist',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
});
{
  const { copyFileSync, existsSync } = await import('node:fs');
  const schema = 'schemas/gtec-diagnostic.schema.json';
  if (existsSync(schema)) copyFileSync(schema, 'extension/dist/gtec-diagnostic.schema.json');
  else console.warn(`esbuild.config.js: ${schema} absent (npm run schema) — extension sans schéma JSON`);
  // The error catalogue, for the Problems panel's links from each code to its documentation.
  if (existsSync('docs/erreurs.md')) copyFileSync('docs/erreurs.md', 'extension/dist/erreurs.md');
}

// Excel add-in (excel-addin/): custom functions (metadata generated from their JSDoc), task pane
// and manifest, into dist/excel-addin/.
{
  const { buildExcelAddin } = await import('./excel-addin/build.mjs');
  await buildExcelAddin();
}
