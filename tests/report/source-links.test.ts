/**
 * Click-to-source pointers (`liens` option of renderHtml): each métier, fiche, indicator, actor and
 * problem of the preview carries the JSON pointer of its place in the diagnostic document; the
 * standalone report (no `liens`) carries none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../core/report/html.js';
import { resultatFixture } from '../fixtures/report/result.js';
import { balises } from './html-check.js';

// The document the fixture result came from, in another order than the result's, so that a pointer
// can only be right if it was looked up by id: FA3 is /plan_action/0, FA1 /plan_action/2.
const SOURCE = {
  metiers: [{ code: 'H2913', strategique: true }, { code: 'H2409' }],
  acteurs: [{ id: 'region' }, { id: 'direccte' }],
  plan_action: [
    { id: 'FA3', metiers: ['G1803'] },
    { id: 'FA2', metiers: ['D1507', 'J1501', 'K1302'] },
    { id: 'FA1', metiers: ['H2402', 'H2403', 'H2913', 'I1304'] },
  ],
  evaluation: { indicateurs: [{ id: 'IND2' }, { id: 'IND1' }] },
};

/** Pointers carried by the elements whose text contains `texte`. */
function pointeursDe(html: string, nom: string, texte: string): string[] {
  const re = new RegExp(`<${nom}\\b[^>]*data-pointeur="([^"]*)"[^>]*>((?:(?!</${nom}>)[\\s\\S])*)</${nom}>`, 'g');
  return [...html.matchAll(re)].filter((m) => m[2]!.includes(texte)).map((m) => m[1]!);
}

describe('renderHtml with liens: source pointers', () => {
  let html: string;
  let sans: string;
  beforeAll(async () => {
    html = await renderHtml(resultatFixture(), { lang: 'fr', liens: { source: SOURCE } });
    sans = await renderHtml(resultatFixture(), { lang: 'fr' });
  });

  it('fiches point to their index in plan_action, found by id', () => {
    expect(pointeursDe(html, 'tr', '<code>FA1</code>')).toEqual(['/plan_action/2']);
    expect(pointeursDe(html, 'tr', '<code>FA3</code>')).toEqual(['/plan_action/0']);
  });

  it('a declared métier points to its declaration; another to the first fiche citing it; else nothing', () => {
    // H2913: declared (/metiers/0) and cited by FA1 → the declaration wins, in the detail heading.
    expect(pointeursDe(html, 'h3', 'H2913')).toEqual(['/metiers/0']);
    // J1501: not declared, cited by FA2 (/plan_action/1) at position 1.
    expect(pointeursDe(html, 'h3', 'J1501')).toEqual(['/plan_action/1/metiers/1']);
    // H2902: neither declared nor cited → its heading has no pointer.
    expect(html).toMatch(/<h3><code>H2902<\/code>/);
  });

  it('indicators, actors (funders) and problems', () => {
    expect(pointeursDe(html, 'tr', '<code>IND1</code>')).toEqual(['/evaluation/indicateurs/1']);
    expect(pointeursDe(html, 'tr', '<code>IND3</code>')).toEqual([]);
    expect(pointeursDe(html, 'tr', '(direccte)')).toEqual(['/acteurs/1']);
    expect(pointeursDe(html, 'tr', 'GTEC-W210')).toEqual(['/sources/1']);
  });

  it('pointers are attribute-escaped, and the standalone report has none and is unchanged', async () => {
    const hostile = await renderHtml(resultatFixture(), { lang: 'fr', liens: { source: { plan_action: 'pas une liste', metiers: [{ code: 'H2913' }, null] } } });
    for (const b of balises(hostile)) for (const a of b.attributs) if (a.nom === 'data-pointeur') expect(a.valeur).toMatch(/^\/[\w/]+$/);
    expect(sans).not.toContain('data-pointeur');
    expect(sans.replace(/ data-pointeur="[^"]*"/g, '')).toBe(html.replace(/ data-pointeur="[^"]*"/g, ''));
  });
});
