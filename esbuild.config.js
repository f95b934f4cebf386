// Builds the CLI bundle (and, later, the extension and add-in bundles).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// vega-canvas's Node build awaits `import('canvas')` at top level, which a CommonJS bundle cannot
// hold. Its browser build returns no canvas outside a DOM, and Vega then estimates text widths:
// the report's charts need no canvas (core/report/charts.ts).
const vegaCanvasSansCanvas = {
  name: 'vega-canvas-sans-canvas',
  setup(b) {
    const navigateur = fileURLToPath(new URL('./node_modules/vega-canvas/build/vega-canvas.browser.js', import.meta.url));
    b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: navigateur }));
  },
};

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
