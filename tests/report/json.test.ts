import { describe, expect, it } from 'vitest';
import { renderJson } from '../../core/report/json.js';
import { resultatFixture } from '../fixtures/report/result.js';

describe('renderJson', () => {
  it('is deterministic: two renders are identical, whatever the key order of the objects', () => {
    const a = resultatFixture();
    // Same content, keys inserted in reverse order at every level.
    const inverse = JSON.parse(JSON.stringify(a), function (this: unknown, _k, v) {
      return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v;
    });
    expect(renderJson(a)).toBe(renderJson(resultatFixture()));
    expect(renderJson(inverse)).toBe(renderJson(a));
  });

  it('sorts keys, indents by 2, ends with one newline, keeps array order and all data', () => {
    const r = resultatFixture();
    const texte = renderJson(r);
    expect(texte.endsWith('}\n')).toBe(true);
    expect(texte.endsWith('\n\n')).toBe(false);
    expect(texte.split('\n')[1]).toBe('  "etablissements": {');
    const relu = JSON.parse(texte);
    expect(Object.keys(relu)).toEqual([...Object.keys(relu)].sort());
    expect(Object.keys(relu.metiers[0].indicateurs)).toEqual([...Object.keys(relu.metiers[0].indicateurs)].sort());
    expect(relu).toEqual(JSON.parse(JSON.stringify(r)));
    expect(relu.metiers.map((m: { indicateurs: { code: string } }) => m.indicateurs.code)).toEqual(r.metiers.map((m) => m.indicateurs.code));
  });

  it('keeps withheld values as null with their flag, never 0', () => {
    const relu = JSON.parse(renderJson(resultatFixture()));
    const k1302 = relu.metiers.find((m: { indicateurs: { code: string } }) => m.indicateurs.code === 'K1302');
    expect(k1302.indicateurs.bmo.partDifficiles).toMatchObject({ valeur: null, masque: true });
  });

  it('writes no timestamp and drops undefined fields', () => {
    const r = resultatFixture();
    (r.metiers[0] as { note?: string }).note = undefined;
    const texte = renderJson(r);
    expect(texte).not.toMatch(/"note": null/);
    expect(texte).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });
});
