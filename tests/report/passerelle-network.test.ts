/** The passerelle network chart: one edge per passerelle, labels as text even when hostile. */
import { describe, expect, it } from 'vitest';
import { graphiques } from '../../core/report/charts.js';
import { renderHtml } from '../../core/report/html.js';
import { resultatFixture } from '../fixtures/report/result.js';
import { balises } from './html-check.js';

const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"&'`;

describe('passerelle network (charts.ts, bipartite)', () => {
  it('draws one edge per passerelle and one node per distinct source and target', async () => {
    const r = resultatFixture();
    const g = (await graphiques(r, 'fr')).find((x) => x.id === 'passerelles');
    expect(g?.titre).toBe('Réseau des passerelles');
    const svg = g!.svg;
    // Edges are the rule layer's <line> elements; nodes the point layer's symbols.
    const couche = (classe: string) => new RegExp(`<g class="mark-${classe} role-mark layer_\\d+_marks"[^>]*>([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '';
    const sources = new Set(r.passerelles.map((p) => p.source));
    const cibles = new Set(r.passerelles.map((p) => p.cible));
    expect((couche('rule').match(/<line /g) ?? []).length).toBe(r.passerelles.length);
    expect((couche('symbol').match(/<path /g) ?? []).length).toBe(sources.size + cibles.size);
    for (const code of [...sources, ...cibles]) expect(svg).toContain(`>${code} `);
  });

  it('is in the passerelles section, and no chart without passerelles', async () => {
    const r = resultatFixture();
    const html = await renderHtml(r, { lang: 'en' });
    const section = html.slice(html.indexOf('<section id="passerelles"'), html.indexOf('<section id="plan"'));
    expect(section).toContain('<figure id="figure-passerelles"><figcaption id="titre-passerelles">Pathway network</figcaption><svg');
    expect((await graphiques({ ...r, passerelles: [] }, 'fr')).some((x) => x.id === 'passerelles')).toBe(false);
  });

  it('a hostile label stays text', async () => {
    const r = resultatFixture();
    const [premiere, ...autres] = r.passerelles;
    const html = await renderHtml({ ...r, passerelles: [{ ...premiere!, cibleLibelle: HOSTILE }, ...autres] }, { lang: 'fr' });
    const figure = html.slice(html.indexOf('<figure id="figure-passerelles"'), html.indexOf('</figure>', html.indexOf('<figure id="figure-passerelles"')));
    expect(figure).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const noms = new Set(balises(figure).map((b) => b.nom));
    expect(noms.has('script')).toBe(false);
    expect(noms.has('img')).toBe(false);
    for (const b of balises(figure)) for (const a of b.attributs) expect(a.nom.startsWith('on')).toBe(false);
  });
});
