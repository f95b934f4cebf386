/**
 * Sources kept by the host between runs (the editor's full run after each edit): a run with the
 * cache gives the same result and problems as one without; a source whose declaration and bytes did
 * not change comes from the cache, one whose file changed is loaded again. Real files: examples/demo.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileHost, renderJson, runDiagnostic, type SourceCache } from '../../core/index.js';
import { nodeFileHost } from '../../node-host/file-host.js';
import { sourcesByBytes } from '../../extension/src/service/file-cache.js';

const dir = path.resolve(__dirname, '../../examples/demo');
const text = readFileSync(path.join(dir, 'diagnostic.gtec.yaml'), 'utf8');

/** The disk host with its bytes kept (as the editor's FileCache keeps them), one file changeable. */
function keptHost(): FileHost & { change(file: string, bytes: Uint8Array): void } {
  const disk = nodeFileHost(dir);
  const kept = new Map<string, Promise<Uint8Array | undefined>>();
  return {
    ...(disk.donnees !== undefined ? { donnees: disk.donnees } : {}),
    readFile(p) {
      if (!kept.has(p)) kept.set(p, disk.readFile(p));
      return kept.get(p)!;
    },
    change: (file, bytes) => kept.set(file, Promise.resolve(bytes)),
  };
}

function counting(inner: SourceCache): SourceCache & { hits: number; sets: number } {
  const c = {
    hits: 0,
    sets: 0,
    get: (key: string, bytes: Uint8Array) => {
      const r = inner.get(key, bytes);
      if (r) c.hits++;
      return r;
    },
    set: (key: string, bytes: Uint8Array, loaded: Parameters<SourceCache['set']>[2]) => {
      c.sets++;
      return inner.set(key, bytes, loaded);
    },
  };
  return c;
}

describe('source cache of runDiagnostic', () => {
  it('same result with and without the cache; unchanged sources are not loaded again, a changed file is', async () => {
    const host = keptHost();
    const cache = counting(sourcesByBytes());
    const run = (t: string, sources?: SourceCache) => runDiagnostic(t, { fileName: 'diagnostic.gtec.yaml', host, today: '2026-09-01', ...(sources ? { sources } : {}) });
    const plain = await run(text);
    const first = await run(text, cache);
    expect(renderJson(first.result!)).toBe(renderJson(plain.result!));
    expect(first.problems).toEqual(plain.problems);
    const n = cache.sets;
    expect(n).toBeGreaterThan(2);
    // An edit of the title: every source from the cache, same problems (copies: placing them again changes nothing).
    const edited = text.replace('(démonstration)', '(démonstration bis)');
    const second = await run(edited, cache);
    expect([cache.hits, cache.sets]).toEqual([n, n]);
    const editedPlain = await run(edited);
    expect(renderJson(second.result!)).toBe(renderJson(editedPlain.result!));
    expect(second.problems).toEqual(editedPlain.problems);
    // The effectifs file changes: that source only is loaded again.
    const csv = readFileSync(path.join(dir, 'data/effectifs.csv'), 'utf8');
    host.change('data/effectifs.csv', new TextEncoder().encode(csv.replace(/;(\d+)\s*$/m, (_, x: string) => `;${Number(x) + 1}`)));
    const third = await run(text, cache);
    expect(cache.sets).toBe(n + 1);
    expect(renderJson(third.result!)).toBe(renderJson((await run(text)).result!));
  });

  it('the editor keeps a bounded number of sources, each for the very bytes it was read from', () => {
    const c = sourcesByBytes(1);
    const [a, b] = [new Uint8Array([1]), new Uint8Array([1])];
    c.set('x', a, { problems: [] });
    expect(c.get('x', a)).toEqual({ problems: [] });
    // Equal bytes but another read (the file changed and came back): loaded again.
    expect(c.get('x', b)).toBeUndefined();
    c.set('y', a, { problems: [] });
    expect(c.get('x', a)).toBeUndefined();
  });
});
