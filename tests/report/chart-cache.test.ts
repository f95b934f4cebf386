/**
 * Charts kept by the host between renders (the editor's preview): a render with a cache gives the
 * same report as one without; a chart whose data did not change is taken from the cache, one whose
 * data changed is drawn again.
 */
import { describe, expect, it } from 'vitest';
import type { ChartCache } from '../../core/index.js';
import { renderHtml } from '../../core/report/html.js';
import { boundedCache } from '../../extension/src/server/preview-result.js';
import { resultatFixture } from '../fixtures/report/result.js';

/** A cache that counts what it was asked and given. */
function counting(): ChartCache & { hits: number; sets: number } {
  const m = new Map<string, string>();
  const c = {
    hits: 0,
    sets: 0,
    get(key: string) {
      const v = m.get(key);
      if (v !== undefined) c.hits++;
      return v;
    },
    set(key: string, svg: string) {
      c.sets++;
      m.set(key, svg);
    },
  };
  return c;
}

describe('chart cache of renderHtml', () => {
  it('same report with and without the cache; unchanged charts are not drawn again', async () => {
    const r = resultatFixture();
    const cache = counting();
    const plain = await renderHtml(r, { lang: 'fr' });
    expect(await renderHtml(r, { lang: 'fr', graphiques: cache })).toBe(plain);
    const drawn = cache.sets;
    expect(drawn).toBeGreaterThan(1);
    expect(cache.hits).toBe(0);
    // Another title: no chart shows it, every chart comes from the cache.
    const retitled = { ...r, titre: `${r.titre} bis` };
    expect(await renderHtml(retitled, { lang: 'fr', graphiques: cache })).toBe(await renderHtml(retitled, { lang: 'fr' }));
    expect([cache.hits, cache.sets]).toEqual([drawn, drawn]);
    // No passerelle any more: that chart's data changed (it disappears), the others are kept.
    const sans = { ...r, passerelles: [] };
    expect(await renderHtml(sans, { lang: 'fr', graphiques: cache })).toBe(await renderHtml(sans, { lang: 'fr' }));
    expect(cache.sets).toBe(drawn);
    // The other language: other labels, drawn again.
    await renderHtml(r, { lang: 'en', graphiques: cache });
    expect(cache.sets).toBe(2 * drawn);
  });

  it('the preview keeps a bounded number of charts, the least recently used forgotten first', () => {
    const c = boundedCache(2);
    c.set('a', '1');
    c.set('b', '2');
    expect(c.get('a')).toBe('1');
    c.set('c', '3');
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual(['1', undefined, '3']);
  });
});
