import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticResult } from '../../core/analysis/result.js';
import { echapper } from '../../core/report/escape.js';
import { CSP, renderHtml } from '../../core/report/html.js';
import { INJECTIONS, resultatFixture, resultatInjection } from '../fixtures/report/result.js';
import { balises } from './html-check.js';

const locate = (p: { range?: { start: number } }) => (p.range ? `diagnostic.gtec.yaml:31:7` : undefined);

/** Elements the report may contain: its own HTML and Vega's SVG. Nothing that loads or runs. */
const ELEMENTS_PERMIS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'nav',
  'main',
  'footer',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'p',
  'ol',
  'ul',
  'li',
  'a',
  'dl',
  'dt',
  'dd',
  'div',
  'span',
  'strong',
  'small',
  'code',
  'abbr',
  'br',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'svg',
  'g',
  'path',
  'rect',
  'line',
  'text',
  'circle',
  'defs',
  'clippath',
  'title',
  'desc',
  'tspan',
]);

function verifierSansMarkupHostile(html: string): void {
  for (const b of balises(html)) {
    expect(ELEMENTS_PERMIS.has(b.nom), `élément inattendu <${b.nom}>`).toBe(true);
    for (const a of b.attributs) {
      expect(a.nom.startsWith('on'), `attribut d’événement ${a.nom} sur <${b.nom}>`).toBe(false);
      expect(a.nom, `attribut ${a.nom} sur <${b.nom}>`).not.toMatch(/^(src|srcset|action|formaction|xlink:href|background)$/);
      if (a.nom === 'href') expect(a.valeur ?? '', `lien ${a.valeur}`).toMatch(/^#[A-Za-z0-9_-]+$/);
    }
  }
}

describe('renderHtml (fixture Pays de Langres)', () => {
  let fr: string;
  let en: string;
  let r: DiagnosticResult;
  beforeAll(async () => {
    r = resultatFixture();
    fr = await renderHtml(r, { lang: 'fr', locate });
    en = await renderHtml(r, { lang: 'en', locate });
  });

  it('is one self-contained page: CSP meta, lang, charset, no URL, no script', () => {
    expect(fr.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(fr).toContain(`<meta http-equiv="Content-Security-Policy" content="${echapper(CSP)}">`);
    expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(fr).toContain('<meta charset="utf-8">');
    expect(fr).not.toMatch(/https?:\/\//);
    expect(fr).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\((?!#)/i);
    verifierSansMarkupHostile(fr);
    verifierSansMarkupHostile(en);
  });

  it('has every section, in order, with a contents list', () => {
    const ids = ['synthese', 'familles', 'metiers', 'graphiques', 'passerelles', 'plan', 'financements', 'evaluation', 'problemes', 'sources'];
    const positions = ids.map((id) => fr.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of ids) expect(fr).toContain(`<li><a href="#${id}">`);
  });

  it('summarises territory, period, referential and counts per family', () => {
    expect(fr).toContain('Pays de Langres (pays, codes 52269, 52377, 52092)');
    expect(fr).toContain('Grand Est (region, codes 44)');
    expect(fr).toContain('2015 – 2021');
    expect(fr).toContain('Référentiel de démonstration (extrait ROME 4.0) (demo, version demo-1, 40 métiers)');
    // Fragile: D1507, H2402, H2403, H2409 → 4; porteur: 7 (G1803, H2902, H2913, I1304, J1501, K1302, N4101).
    expect(fr).toMatch(/<a href="#famille-fragile">Fragile<\/a><\/th><td>[^<]*<\/td><td class="n">4<\/td><td>D1507, H2402, H2403, H2409<\/td>/);
    expect(fr).toMatch(/<a href="#famille-porteur">Porteur<\/a><\/th><td>[^<]*<\/td><td class="n">7<\/td>/);
    // Total employment 2021 = 120+128+150+85+48+110+196+215+170+505+390+160 = 2 277.
    expect(fr).toContain('<strong>2\u202f277</strong>');
    expect(fr).toContain('1 métier fragile sans fiche action');
  });

  it('tables métiers per family with formatted, withheld and non-significant values', () => {
    const crise = fr.slice(fr.indexOf('id="famille-en-crise"'), fr.indexOf('id="famille-en-croissance"'));
    for (const code of ['D1507', 'H2402', 'H2403', 'H2409']) expect(crise).toContain(`<code>${code}</code>`);
    expect(crise).not.toContain('<code>H2913</code>');
    // H2402: TCAM (150/240)^(1/6) − 1 = −7.53 % → « −7,5 % »; 55+ = 50/150 = 33.3 %.
    expect(crise).toContain('\u22127,5\u202f%');
    expect(crise).toContain('33,3\u202f%');
    const croissance = fr.slice(fr.indexOf('id="famille-en-croissance"'), fr.indexOf('id="famille-en-tension"'));
    // K1302: difficult projects withheld → « masqué », never 0 %.
    const k1302 = croissance.slice(croissance.indexOf('#metier-K1302'));
    expect(k1302.slice(0, k1302.indexOf('</tr>'))).toContain('<span class="masque"');
    // H2902: 25 BMO projects < 30 → marked ns.
    const h2902 = croissance.slice(croissance.indexOf('#metier-H2902'));
    expect(h2902.slice(0, h2902.indexOf('</tr>'))).toMatch(/25<abbr class="ns"/);
    expect(fr).toMatch(/<caption>En crise — 4 métiers<\/caption>/);
    expect(fr).toContain('<th scope="col" class="n">TCAM</th>');
  });

  it('explains each métier’s families in full sentences, with notes', () => {
    for (const m of r.metiers) {
      for (const e of m.explications) expect(fr).toContain(echapper(e.texte.fr));
      for (const e of m.explications) expect(en).toContain(echapper(e.texte.en));
    }
    expect(fr).toContain(echapper('Fermeture de l’atelier de confection de Chalindrey en 2019 (42 postes).'));
  });

  it('draws the charts as inline SVG from Vega, each with its caption', () => {
    for (const id of ['familles', 'pyramides', 'tcam', 'bmo', 'budget', 'passerelles']) {
      expect(fr).toMatch(new RegExp(`<figure id="figure-${id}"><figcaption id="titre-${id}">[^<]+</figcaption><svg role="img" aria-labelledby="titre-${id}"`));
    }
    expect(fr.match(/<svg /g)?.length).toBe(6);
    // Vega's marks, not hand-drawn shapes.
    expect(fr).toContain('class="mark-rect role-mark');
    expect(fr).toContain('class="mark-symbol role-mark');
  });

  it('lists passerelles with score, competences held and the gap, core competences first', async () => {
    expect(fr).toContain('Depuis <code>H2402</code> Couturier industriel');
    expect(fr).toContain('<td class="n">0,38</td>');
    // Put the gap's core competence last in the data: the report must still show it first.
    const inverse = resultatFixture();
    const p = inverse.passerelles.find((x) => x.source === 'H2403')!;
    p.ecart.reverse();
    const html = await renderHtml(inverse, { lang: 'fr' });
    const bloc = html.slice(html.indexOf('id="passerelles-H2403"'));
    const diag = bloc.indexOf('Diagnostiquer une panne');
    const schema = bloc.indexOf('Lire un schéma électrique');
    const automatismes = bloc.indexOf('Automatismes industriels');
    expect(diag).toBeGreaterThan(0);
    expect(automatismes).toBeGreaterThan(Math.max(diag, schema));
    expect(bloc).toContain('<li class="coeur">Diagnostiquer une panne électrique ou mécanique <small>(savoir-faire, cœur de métier)</small></li>');
  });

  it('shows the action plan, highlights fragile métiers without action, and the funding', () => {
    const plan = fr.slice(fr.indexOf('<section id="plan"'), fr.indexOf('<section id="financements"'));
    expect(plan).toMatch(/<div class="alerte" role="note"><h3>Métiers fragiles sans fiche action<\/h3><ul><li><code>H2409<\/code>/);
    expect(plan).toContain('<tr class="sans-action"><th scope="row"><code>H2409</code>');
    expect(plan).toContain('145\u202f000\u202f€');
    const fin = fr.slice(fr.indexOf('<section id="financements"'), fr.indexOf('<section id="evaluation"'));
    // 50 000 / 145 000 = 34.5 %.
    expect(fin).toContain('<td class="n">50\u202f000\u202f€</td><td class="n">34,5\u202f%</td>');
  });

  it('shows evaluation progress as bars, with late and unmeasured indicators', () => {
    const ev = fr.slice(fr.indexOf('<section id="evaluation"'), fr.indexOf('<section id="problemes"'));
    expect(ev).toContain('<span style="width:65.0%"></span>');
    expect(ev).toContain('<span style="width:95.0%"></span>');
    expect(ev).toContain('non mesuré');
    expect(ev).toContain('<span class="etat-retard">en retard</span>');
    expect(ev).toContain('2025-12');
  });

  it('lists problems in the chosen language, with their place', () => {
    const pb = fr.slice(fr.indexOf('<section id="problemes"'), fr.indexOf('<section id="sources"'));
    expect(pb).toContain('diagnostic.gtec.yaml:31:7');
    expect(pb).toContain('donnees/effectifs.csv:14:4');
    expect(pb).toContain('donnees/bmo_2024.xlsx:BMO_2024_open_data!G118');
    expect(pb).toContain(echapper(r.problemes[0]!.message.fr));
    const pbEn = en.slice(en.indexOf('<section id="problemes"'), en.indexOf('<section id="sources"'));
    expect(pbEn).toContain(echapper(r.problemes[0]!.message.en));
    expect(pbEn).toContain('Warning');
  });

  it('cites the sources and years behind the figures', () => {
    const src = fr.slice(fr.indexOf('<section id="sources"'));
    expect(src).toMatch(/<th scope="row">bmo \(France Travail\)<\/th><td>2024<\/td>/);
    expect(src).toMatch(/<th scope="row">effectifs \(INSEE\)<\/th><td>2015, 2021<\/td>/);
    expect(src).toMatch(/<th scope="row">tension \(DARES \/ France Travail\)<\/th><td>2023<\/td>/);
  });

  it('is in English with lang en', () => {
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(en).toContain('>Summary</h2>');
    expect(en).toContain('Fragile occupations without an action');
    expect(en).toContain('CAGR');
    expect(en).not.toContain('Synthèse');
    expect(en).not.toContain('Points d’attention');
  });
});

describe('renderHtml with hostile labels', () => {
  let html: string;

  it('(the checker itself catches raw injected markup)', () => {
    expect(() => verifierSansMarkupHostile(`<p>${INJECTIONS.img}</p>`)).toThrow();
    expect(() => verifierSansMarkupHostile(`<p>${INJECTIONS.script}</p>`)).toThrow();
    expect(() => verifierSansMarkupHostile(`<p>${echapper(INJECTIONS.img)}</p>`)).not.toThrow();
  });

  beforeAll(async () => {
    html = await renderHtml(resultatInjection(), { lang: 'fr' });
  });

  it('keeps every label as text: no element or attribute comes from data', () => {
    verifierSansMarkupHostile(html);
    expect(html).not.toContain(INJECTIONS.script);
    expect(html).not.toContain(INJECTIONS.img);
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('still shows the labels, escaped, in tables, explanations, passerelles, plan and problems', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`<title>${echapper(INJECTIONS.img)} — Rapport de diagnostic GTEC</title>`);
    expect(html).toContain(echapper(INJECTIONS.plus));
    expect(html).toContain(echapper(INJECTIONS.arobase));
  });

  it('escapes the labels Vega writes inside the charts', () => {
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(0);
    const textes = svgs.flatMap((s) => s.match(/<text[^>]*>[^<]*<\/text>/g) ?? []);
    // D1507's label is the script: the BMO and CAGR charts show it (truncated by Vega), escaped.
    expect(textes.some((t) => t.includes('D1507 &lt;script&gt;'))).toBe(true);
    // The financer named with the script, in the budget chart.
    const budget = svgs.find((s) => s.includes('aria-labelledby="titre-budget"'))!;
    expect(budget).toContain('&lt;script&gt;');
  });
});

describe('renderHtml: families decided on codes of another nomenclature', () => {
  it('counts the source cells and says how many métiers they cover', async () => {
    const r = resultatFixture();
    const n = r.familles['en-tension'].length;
    r.cellulesFamilles = { 'en-tension': { cellules: 1, metiers: n, nomenclature: 'rome3' } };
    const fr = await renderHtml(r, { lang: 'fr' });
    const en = await renderHtml(r, { lang: 'en' });
    const ligne = (html: string) => html.slice(html.indexOf('<a href="#famille-en-tension">'), html.indexOf('</tr>', html.indexOf('<a href="#famille-en-tension">')));
    expect(ligne(fr)).toContain(`<td class="n">1 <small>(1 code ROME v3, couvrant ${n} métier${n > 1 ? 's' : ''})</small></td>`);
    expect(ligne(en)).toContain(`<td class="n">1 <small>(1 ROME v3 code, covering ${n} occupation${n > 1 ? 's' : ''})</small></td>`);
  });
});
