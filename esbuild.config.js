// Builds the CLI bundle (and, later, the extension and add-in bundles).
import { build } from 'esbuild';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await build({
  ...common,
  entryPoints: ['cli/gtec.ts'],
  outfile: 'dist/cli/gtec.cjs',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
});
