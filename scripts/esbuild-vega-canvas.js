// esbuild plugin for every bundle that holds the report's charts (CLI, extension, tests that build
// the CLI). vega-canvas's Node build awaits `import('canvas')` at top level, which a CommonJS
// bundle cannot hold; its browser build returns no canvas outside a DOM, and Vega then estimates
// text widths: the charts need no canvas (core/report/charts.ts).
import { fileURLToPath } from 'node:url';

const navigateur = fileURLToPath(new URL('../node_modules/vega-canvas/build/vega-canvas.browser.js', import.meta.url));

export const vegaCanvasSansCanvas = {
  name: 'vega-canvas-sans-canvas',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: navigateur }));
  },
};
