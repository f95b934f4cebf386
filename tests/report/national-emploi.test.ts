/** The report on the DARES files in small: national values marked « nat. », total employment from the source's own rows. */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../core/report/html.js';
import { daresRun } from '../problems/scenario-dares.js';

describe('rapport : série nationale et emploi total', () => {
  it('marque les valeurs nationales et dit d’où vient l’emploi total', async () => {
    const { result } = await daresRun();
    const fr = await renderHtml(result!, { lang: 'fr' });
    const en = await renderHtml(result!, { lang: 'en' });
    expect(fr).toContain('<abbr class="nat" title="série nationale : chiffre de la France entière (source de portée nationale)">nat.</abbr>');
    expect(en).toContain('title="national series: figure for the whole of France (national-scope source)"');
    // 42 923,81 + 20 000,5 + 9 000 = 71 924 (rounded), the three FAP 87 codes of région 52.
    expect(fr).toMatch(/<strong>71\s924<\/strong>/);
    expect(fr).toContain('somme des 3 codes fap2009 de la source « region »');
    expect(en).toMatch(/sum of the 3 fap2009 codes of source (&quot;|")region(&quot;|")/);
  });
});
