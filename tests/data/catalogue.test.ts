import { describe, expect, it } from 'vitest';
import { Catalogue, dataProblem, type DataCode } from '../../core/data/problems-data.js';
import type { AnyProblemDefinition } from '../../core/catalogues.js';

describe('catalogue GTEC-E2xx / W2xx', () => {
  const entries = Object.entries(Catalogue) as Array<[DataCode, AnyProblemDefinition]>;
  it('codes dans la plage du domaine données, gravité cohérente avec le code', () => {
    expect(entries.length).toBe(41);
    for (const [code, def] of entries) {
      expect(code).toMatch(/^GTEC-[EWI]2\d\d$/);
      expect(def.severity).toBe(code.startsWith('GTEC-E') ? 'error' : code.startsWith('GTEC-W') ? 'warning' : 'info');
    }
  });
  it.each(entries)('%s : messages français et anglais complets sur l’exemple', (code, def) => {
    const p = (dataProblem as (c: DataCode, ptr: string, d: unknown) => ReturnType<typeof dataProblem>)(code, '/sources/0', def.exemple);
    for (const m of [p.message.fr, p.message.en]) {
      expect(m).not.toMatch(/undefined|\[object Object\]|NaN/);
      expect(m.length).toBeGreaterThan(20);
    }
    if (def.exemple.file) expect(p.message.fr).toContain(String(def.exemple.file));
  });
});
