/**
 * The boundaries of CONTRIBUTING.md, checked on the source itself: no runtime import cycle in
 * core/, and core/format/ (the bottom layer) imports only itself, the core's shared leaves and
 * packages. biome.jsonc enforces the rest per folder (lint-rules.test.ts checks that it does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Relative imports and re-exports of a file, resolved to repository paths; `typeOnly` when erased at runtime. */
function imports(file: string): Array<{ target: string; typeOnly: boolean }> {
  const sf = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, false);
  const out: Array<{ target: string; typeOnly: boolean }> = [];
  for (const st of sf.statements) {
    let spec: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(st)) {
      spec = st.moduleSpecifier;
      const c = st.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier) {
      spec = st.moduleSpecifier;
      const named = st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause.elements : undefined;
      typeOnly = st.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly));
    }
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    out.push({ target: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec.text.replace(/\.js$/, '.ts'))), typeOnly });
  }
  return out;
}

/** The cycles of a graph (Tarjan's strongly connected components of more than one node, or a self-loop). */
function cycles(graph: Map<string, string[]>): string[][] {
  let n = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || graph.get(v)?.includes(v)) found.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('boundaries in the source', () => {
  const core = sources('core');

  it('finds the core files and their imports', () => {
    expect(core).toContain('core/index.ts');
    expect(core).toContain('core/validation/validate.ts');
    expect(imports('core/validation/validate.ts').map((i) => i.target)).toContain('core/format/parse.ts');
  });

  it('has no runtime import cycle in core/', () => {
    const graph = new Map(
      core.map((f) => [
        f,
        imports(f)
          .filter((i) => !i.typeOnly)
          .map((i) => i.target),
      ]),
    );
    expect(cycles(graph)).toEqual([]);
  });

  it('detects a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('core/format/ imports only itself and the shared leaves of core/ (types included)', () => {
    const leaves = new Set(['core/problems.ts', 'core/host.ts', 'core/positions.ts', 'core/suggest.ts', 'core/paths.ts']);
    const outside = core
      .filter((f) => f.startsWith('core/format/'))
      .flatMap((f) => imports(f).map((i) => ({ f, target: i.target })))
      .filter(({ target }) => !target.startsWith('core/format/') && !leaves.has(target));
    expect(outside).toEqual([]);
  });

  it('the shared leaves of core/ import no core folder', () => {
    for (const leaf of ['core/problems.ts', 'core/host.ts', 'core/positions.ts', 'core/suggest.ts', 'core/paths.ts']) {
      expect(
        imports(leaf).filter((i) => i.target.split('/').length > 2),
        leaf,
      ).toEqual([]);
    }
  });
});
