import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogues, catalogueAreas, type ProblemCode } from '../../core/catalogues.js';
import { FIXTURES } from '../format/helpers.js';
import { FORMAT_SANS_FIXTURE, PRODUCTEURS, type Producer } from './producers.js';

const fixtures = new Set(
  readdirSync(FIXTURES)
    .filter((f) => f.startsWith('GTEC-'))
    .map((f) => f.replace(/\.gtec\.(yaml|json)$/, '')),
);
const producers: Partial<Record<ProblemCode, Producer>> = { ...FORMAT_SANS_FIXTURE, ...PRODUCTEURS };

describe('every problem code is produced by a test input', () => {
  it('each code has a fixture file (format) or a producer, and nothing else is listed', () => {
    const codes = Object.keys(catalogues) as ProblemCode[];
    const format = new Set<string>(Object.keys(catalogueAreas.format.catalogue));
    const missing = codes.filter((c) => (format.has(c) ? !fixtures.has(c) && !producers[c] : !producers[c]));
    expect(missing).toEqual([]);
    // A format code with a fixture needs no producer; a listed code must exist.
    expect(Object.keys(FORMAT_SANS_FIXTURE).filter((c) => fixtures.has(c) || !format.has(c))).toEqual([]);
    expect(Object.keys(producers).filter((c) => !(c in catalogues))).toEqual([]);
  });

  it.each(Object.entries(producers) as Array<[ProblemCode, Producer]>)('%s is produced by its input, with its catalogue severity and both messages', async (code, produce) => {
    const problems = await produce();
    const mine = problems.filter((p) => p.code === code);
    expect(mine.length, `${code} among ${problems.map((p) => p.code).join(', ')}`).toBeGreaterThan(0);
    for (const p of mine) {
      expect(p.message.fr.length).toBeGreaterThan(10);
      expect(p.message.en.length).toBeGreaterThan(10);
      expect(p.message.en).not.toBe(p.message.fr);
      for (const m of [p.message.fr, p.message.en]) expect(m).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
    // E105 is a warning against the demo referential; every other code keeps its catalogue severity.
    expect(mine.some((p) => p.severity === catalogues[code].severity)).toBe(true);
  });
});
