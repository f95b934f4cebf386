// Builds the CLI, the VS Code extension and the Excel add-in.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { vegaCanvasSansCanvas } from './scripts/esbuild-vega-canvas.js';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', plugins: [vegaCanvasSansCanvas] };

// Hosts import the core through core/index.ts. Code splitting places whole files: every file that
// the barrel re-exports would then be reached from every chunk that imports it, and the CLI's entry
// (which only needs the words of its help) would load the whole core. For the split builds, a
// host's `import { a, b } from '…/core/index.js'` (or `export { … } from`) is read as imports from
// the modules that define `a` and `b` (the export lines of core/index.ts); the sources and the
// rule stay as they are.
function coreImportsFlattened() {
  const core = path.resolve('core');
  const index = path.join(core, 'index.ts');
  const defining = new Map();
  for (const m of readFileSync(index, 'utf8').matchAll(/^export\s*\{([^}]*)\}\s*from\s*'([^']+)';/gm)) {
    for (const spec of m[1]
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x && !x.startsWith('type '))) {
      const [name, alias = name] = spec.split(/\s+as\s+/);
      defining.set(alias, { name, file: path.resolve(core, m[2].replace(/\.js$/, '.ts')) });
    }
  }
  return {
    name: 'core-imports-flattened',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.startsWith(core + path.sep) || args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const contents = text.replace(/^(import|export)\s*\{([^}]*)\}\s*from\s*'([^']*\/core\/index\.js)';/gm, (all, keyword, specs, from) => {
          if (path.resolve(path.dirname(args.path), from.replace(/\.js$/, '.ts')) !== index) return all;
          const byFile = new Map();
          const others = [];
          for (const spec of specs
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x && !x.startsWith('type '))) {
            const [name, local = name] = spec.split(/\s+as\s+/);
            const d = defining.get(name);
            if (!d)
              others.push(spec); // a type imported without `type`: elided by esbuild
            else byFile.set(d.file, [...(byFile.get(d.file) ?? []), d.name === local ? local : `${d.name} as ${local}`]);
          }
          const lines = [...byFile].map(([file, names]) => `${keyword} { ${names.join(', ')} } from ${JSON.stringify(file)};`);
          if (others.length) lines.push(`${keyword} { ${others.join(', ')} } from '${from}';`);
          // Same number of lines: the source maps keep pointing at the right lines.
          return lines.join(' ') + '\n'.repeat(all.split('\n').length - 1);
        });
        return contents === text ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}

// Node programs (the CLI, the language server) load only what a command or a request uses: ESM with
// code splitting, so that the xlsx reader, the report renderers, exceljs and Vega are chunks loaded
// by `import()` on first use (`gtec --help` and `gtec check` of a CSV-only diagnostic never parse
// them). Bundled CommonJS dependencies `require` Node built-ins, and vscode-languageserver reads
// `__filename`: the banner gives every chunk both (chunks sit beside their entry, so `__dirname` is
// the entry's folder in all of them: extension/src/server/doc-links.ts finds erreurs.md there).
// Minified: V8 pre-parses every byte of a chunk it loads, and `gtec check` of the demo spends
// about a tenth of its time there; the source maps keep stack traces readable for developers.
// The entry keeps its `.cjs` name (package.json `bin`, the extension's `dist/server.cjs`) as a
// two-line file that imports the ESM entry.
const split = (dir) => ({
  ...common,
  plugins: [...common.plugins, coreImportsFlattened()],
  outdir: dir,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'node20',
  banner: {
    js: ["import { createRequire as __gtecRequire } from 'node:module';", 'const require = __gtecRequire(import.meta.url);', 'const __filename = import.meta.filename;', 'const __dirname = import.meta.dirname;'].join(' '),
  },
});
/** Removes the ESM files of a previous build (chunk names change with their content). */
const clean = (dir) => {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (/\.mjs(\.map)?$|^(gtec|server)\.cjs\.map$/.test(f)) rmSync(`${dir}/${f}`);
};
const shim = (file, entry, shebang) => writeFileSync(file, `${shebang ? '#!/usr/bin/env node\n' : ''}// Entry point of ${entry} (ESM, with its chunks): see esbuild.config.js.\nimport('./${entry}');\n`);

clean('dist/cli');
// The worker thread of `gtec passerelles` (node-host/passerelles-threads.ts) sits beside the entry.
await build({ ...split('dist/cli'), entryPoints: { gtec: 'cli/gtec.ts', 'passerelles-worker': 'node-host/passerelles-worker.ts' } });
shim('dist/cli/gtec.cjs', 'gtec.mjs', true);

// VS Code extension (extension/): the client, CommonJS for the extension host (`vscode` is provided
// by the editor), and the language server (a Node process of its own, split as the CLI is). The
// JSON Schema of the format ships beside them (yamlValidation).
clean('extension/dist');
await build({
  ...common,
  // The new-diagnostic command's work (BMO workbook reader, drafting) is loaded when it runs.
  entryPoints: { client: 'extension/src/client/extension.ts', 'new-diagnostic-run': 'extension/src/client/new-diagnostic-run.ts' },
  outdir: 'extension/dist',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
});
await build({ ...split('extension/dist'), entryPoints: { server: 'extension/src/server/server.ts', 'validation-worker': 'extension/src/server/validation-worker.ts' } });
shim('extension/dist/server.cjs', 'server.mjs', false);
// The web build (the manifest's `browser` entry: vscode.dev, github.dev, the web worker extension
// host): the client as CommonJS, the module format that host loads (`vscode` is provided), and the
// language server as a classic script for a Web Worker (iife: the host starts nested workers
// with importScripts). Platform browser: a Node module anywhere in them fails the build, and the
// language packages take their `browser` entries. One file each (no splitting in a worker script).
rmSync('extension/dist/web', { recursive: true, force: true });
const web = { ...common, outdir: 'extension/dist/web', platform: 'browser', target: 'es2022', minify: true };
await build({ ...web, entryPoints: { client: 'extension/src/client/extension-web.ts' }, format: 'cjs', external: ['vscode'] });
await build({ ...web, entryPoints: { server: 'extension/src/server/server-web.ts', 'validation-worker': 'extension/src/server/validation-worker-web.ts' }, format: 'iife' });
{
  const { copyFileSync } = await import('node:fs');
  // French and English descriptions; the manifest picks one by VS Code's display language (package.nls*.json).
  for (const file of ['gtec-diagnostic.schema.json', 'gtec-diagnostic.schema.en.json']) {
    const schema = `schemas/${file}`;
    if (existsSync(schema)) copyFileSync(schema, `extension/dist/${file}`);
    else console.warn(`esbuild.config.js: ${schema} absent (npm run schema) — extension sans schéma JSON`);
  }
  // The error catalogue, for the Problems panel's links from each code to its documentation.
  if (existsSync('docs/erreurs.md')) copyFileSync('docs/erreurs.md', 'extension/dist/erreurs.md');
}

// Excel add-in (excel-addin/): custom functions (metadata generated from their JSDoc), task pane
// and manifest, into dist/excel-addin/.
{
  const { buildExcelAddin } = await import('./excel-addin/build.mjs');
  await buildExcelAddin();
}
