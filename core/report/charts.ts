/**
 * The report's charts: Vega-Lite specifications rendered to SVG text by Vega's headless view
 * (`renderer: 'none'`, no browser, no canvas: text widths are estimated). Vega escapes every
 * label it writes into the SVG; data values never reach Vega expressions, only data fields.
 */
import type { DiagnosticResult, MetierDiagnostique } from '../analysis/result.js';
import type { Lang } from '../problems.js';
import { FAMILLE_ORDER, libelles, familleName, nombreFamille } from './labels.js';

export interface Graphique {
  id: string;
  titre: string;
  svg: string;
}

/** Top métiers shown in per-métier charts, so that a large diagnostic stays readable. */
const MAX_METIERS = 20;
const MAX_PYRAMIDES = 6;

const LOCALE_FR = {
  decimal: ',',
  thousands: '\u202f',
  grouping: [3],
  currency: ['', '\u202f€'],
  percent: '\u202f%',
  minus: '\u2212',
};
const LOCALE_EN = { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' €'] };
const LOCALES: Record<Lang, typeof LOCALE_FR | typeof LOCALE_EN> = { fr: LOCALE_FR, en: LOCALE_EN };

const BLEU = '#1f5f99';
const ORANGE = '#c8590c';
const GRIS = '#9aa5b1';

function config(lang: Lang) {
  return {
    locale: { number: LOCALES[lang] },
    // The SVG is one image labelled by the figure's caption (role="img"): Vega's own descriptions
    // of marks and guides are English sentences built on field names, never read there.
    aria: false,
    font: 'sans-serif',
    background: 'white',
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 340 },
    legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260, orient: 'bottom' },
  };
}

const etiquetteMetier = (m: MetierDiagnostique) => `${m.indicateurs.code} ${m.indicateurs.libelle}`;

const effectifFin = (m: MetierDiagnostique) => m.indicateurs.effectifFin?.valeur ?? 0;

/**
 * SVG of charts already drawn, by their specification's text: a host that renders the report again
 * and again (the editor's preview, on each pause in typing) passes the same cache, and a chart whose
 * data did not change is not drawn again. The host owns it and bounds it; the core only reads and fills it.
 */
export interface ChartCache {
  get(key: string): string | undefined;
  set(key: string, svg: string): unknown;
}

/** All charts the result has data for, in report order. */
export async function graphiques(result: DiagnosticResult, lang: Lang, cache?: ChartCache): Promise<Graphique[]> {
  const l = libelles(lang);
  const specs: Array<{ id: string; titre: string; spec: Record<string, unknown> | undefined }> = [
    { id: 'familles', titre: l.grMetiersParFamille, spec: specFamilles(result, lang) },
    { id: 'pyramides', titre: l.grPyramides, spec: specPyramides(result, lang) },
    { id: 'tcam', titre: l.grTcam, spec: specTcam(result, lang) },
    { id: 'bmo', titre: l.grBmo, spec: specBmo(result, lang) },
    { id: 'budget', titre: l.grBudget, spec: specBudget(result, lang) },
    { id: 'passerelles', titre: l.grReseau, spec: specReseau(result, lang) },
  ];
  const rendus: Graphique[] = [];
  for (const { id, titre, spec } of specs) {
    if (!spec) continue;
    // The id is part of the SVG (prefixed ids), the specification holds everything else it shows.
    const key = `${id}\n${JSON.stringify(spec)}`;
    let svg = cache?.get(key);
    if (svg === undefined) {
      svg = await renderSvg(spec, id);
      cache?.set(key, svg);
    }
    rendus.push({ id, titre, svg });
  }
  return rendus;
}

function specFamilles(result: DiagnosticResult, lang: Lang) {
  const l = libelles(lang);
  const valeurs = FAMILLE_ORDER.map((f) => ({ famille: familleName(f, lang), nombre: nombreFamille(result, f) }));
  if (valeurs.every((v) => v.nombre === 0)) return undefined;
  return {
    config: config(lang),
    width: 420,
    data: { values: valeurs },
    mark: { type: 'bar', color: BLEU },
    encoding: {
      y: { field: 'famille', type: 'nominal', sort: null, title: null },
      x: { field: 'nombre', type: 'quantitative', title: l.nombreMetiers, axis: { format: 'd', tickMinStep: 1 } },
      tooltip: [{ field: 'famille' }, { field: 'nombre' }],
    },
  };
}

/** Population-pyramid style: each band a bar centred on zero, one small chart per métier. */
function specPyramides(result: DiagnosticResult, lang: Lang) {
  const l = libelles(lang);
  const avecAges = result.metiers
    .filter((m) => (m.indicateurs.ages?.tranches.length ?? 0) > 0)
    .sort((a, b) => effectifFin(b) - effectifFin(a) || a.indicateurs.code.localeCompare(b.indicateurs.code))
    .slice(0, MAX_PYRAMIDES);
  if (avecAges.length === 0) return undefined;
  const valeurs = avecAges.flatMap((m) => {
    const tranches = m.indicateurs.ages!.tranches;
    const total = tranches.reduce((s, t) => s + t.effectif, 0);
    return tranches.map((t, rang) => {
      const part = total > 0 ? t.effectif / total : 0;
      return {
        metier: etiquetteMetier(m),
        tranche: t.tranche,
        rang,
        part,
        gauche: -part / 2,
        droite: part / 2,
        serie: seniorite(t.tranche, lang),
      };
    });
  });
  return {
    config: config(lang),
    data: { values: valeurs },
    facet: { field: 'metier', type: 'nominal', title: null, sort: avecAges.map(etiquetteMetier), header: { labelFontSize: 11, labelLimit: 250 } },
    columns: 3,
    spec: {
      width: 200,
      height: 110,
      encoding: {
        y: { field: 'tranche', type: 'ordinal', sort: { field: 'rang', order: 'descending' }, title: null },
      },
      // Centred bars make the pyramid shape; an axis would show half-shares, so each bar is labelled.
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'gauche', type: 'quantitative', axis: null, scale: { domain: [-0.5, 0.5] } },
            x2: { field: 'droite' },
            color: {
              field: 'serie',
              type: 'nominal',
              title: l.tranche,
              scale: { domain: [seniorite('15-29', lang), seniorite('50-54', lang), seniorite('55+', lang)], range: [BLEU, GRIS, ORANGE] },
            },
            tooltip: [{ field: 'tranche' }, { field: 'part', format: '.1%' }],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
          encoding: { x: { field: 'droite', type: 'quantitative' }, text: { field: 'part', format: '.0%' } },
        },
      ],
    },
  };
}

/** Bands of 55 and over are highlighted, 50-54 shaded: the end-of-career departures to come. */
function seniorite(tranche: string, lang: Lang): string {
  const debut = Number(/^(\d+)/.exec(tranche)?.[1] ?? NaN);
  const s = libelles(lang).seniorite;
  if (debut >= 55) return s.plus55;
  if (debut >= 50) return s.de50a54;
  return s.moins50;
}

/** The `MAX_METIERS` métiers with the largest `taille` (employment, or BMO projects), ties by code. */
function principaux(result: DiagnosticResult, garder: (m: MetierDiagnostique) => boolean, taille: (m: MetierDiagnostique) => number = effectifFin): MetierDiagnostique[] {
  return result.metiers
    .filter(garder)
    .sort((a, b) => taille(b) - taille(a) || a.indicateurs.code.localeCompare(b.indicateurs.code))
    .slice(0, MAX_METIERS);
}

function specTcam(result: DiagnosticResult, lang: Lang) {
  const l = libelles(lang);
  const retenus = principaux(result, (m) => typeof m.indicateurs.tcam?.valeur === 'number');
  if (retenus.length === 0) return undefined;
  // The largest métiers are kept; they are shown from the fastest growing to the fastest falling.
  const ordre = [...retenus].sort((a, b) => b.indicateurs.tcam!.valeur! - a.indicateurs.tcam!.valeur!).map(etiquetteMetier);
  const valeurs = retenus.flatMap((m) => {
    const lignes = [{ metier: etiquetteMetier(m), serie: l.territoireLocal, tcam: m.indicateurs.tcam!.valeur }];
    const ref = m.indicateurs.tcamReference?.valeur;
    if (typeof ref === 'number') lignes.push({ metier: etiquetteMetier(m), serie: l.reference, tcam: ref });
    return lignes;
  });
  const y = { field: 'metier', type: 'nominal', sort: ordre, title: null };
  return {
    config: config(lang),
    width: 360,
    data: { values: valeurs },
    layer: [
      { mark: { type: 'rule', color: '#555' }, encoding: { x: { datum: 0 } } },
      {
        mark: { type: 'line', color: GRIS },
        encoding: { y, x: { field: 'tcam', type: 'quantitative' }, detail: { field: 'metier' } },
      },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          y,
          x: { field: 'tcam', type: 'quantitative', title: l.tcam, axis: { format: '.1%' } },
          color: { field: 'serie', type: 'nominal', title: null, scale: { domain: [l.territoireLocal, l.reference], range: [BLEU, ORANGE] } },
          shape: { field: 'serie', type: 'nominal', title: null, scale: { domain: [l.territoireLocal, l.reference], range: ['circle', 'diamond'] } },
          tooltip: [{ field: 'metier' }, { field: 'serie' }, { field: 'tcam', format: '.1%' }],
        },
      },
    ],
  };
}

function specBmo(result: DiagnosticResult, lang: Lang) {
  const l = libelles(lang);
  const retenus = principaux(
    result,
    (m) => typeof m.indicateurs.bmo?.partDifficiles.valeur === 'number',
    (m) => m.indicateurs.bmo?.projets.valeur ?? 0,
  );
  if (retenus.length === 0) return undefined;
  const valeurs = retenus.map((m) => ({
    metier: etiquetteMetier(m),
    part: m.indicateurs.bmo!.partDifficiles.valeur,
    significatif: m.indicateurs.bmo!.partDifficiles.significatif ? l.oui : l.non,
  }));
  return {
    config: config(lang),
    width: 360,
    data: { values: valeurs },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'metier', type: 'nominal', sort: '-x', title: null },
      x: { field: 'part', type: 'quantitative', title: l.partDifficiles, scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'significatif', type: 'nominal', title: l.significatif, scale: { domain: [l.oui, l.non], range: [BLEU, GRIS] } },
      tooltip: [{ field: 'metier' }, { field: 'part', format: '.1%' }],
    },
  };
}

function specBudget(result: DiagnosticResult, lang: Lang) {
  const l = libelles(lang);
  const lignes = result.plan.budgetParFinanceur.filter((b) => b.montant > 0);
  if (lignes.length === 0) return undefined;
  return {
    config: config(lang),
    width: 360,
    data: { values: lignes.map((b) => ({ financeur: b.nom, montant: b.montant })) },
    mark: { type: 'bar', color: BLEU },
    encoding: {
      y: { field: 'financeur', type: 'nominal', sort: '-x', title: null },
      x: { field: 'montant', type: 'quantitative', title: l.montant, axis: { format: '$,.0f' } },
      tooltip: [{ field: 'financeur' }, { field: 'montant', format: '$,.0f' }],
    },
  };
}

/** Sources shown in the passerelle network, so that a large diagnostic stays readable. */
const MAX_SOURCES_RESEAU = 12;
const HAUTEUR_LIGNE = 22;

/**
 * The passerelle network as a bipartite graph: source métiers on the left, target métiers on the
 * right, one edge per passerelle, its width by score. No graph layout is needed: each column is a
 * list, so Vega-Lite rules between computed positions draw it (and labels never overlap).
 */
function specReseau(result: DiagnosticResult, lang: Lang) {
  const l = libelles(lang);
  const sources = [...new Set(result.passerelles.map((p) => p.source))].slice(0, MAX_SOURCES_RESEAU);
  const liens = result.passerelles.filter((p) => sources.includes(p.source));
  if (liens.length === 0) return undefined;
  const libelleDe = new Map(result.metiers.map((m) => [m.indicateurs.code, m.indicateurs.libelle]));
  const libelleCible = new Map(liens.map((p) => [p.cible, p.cibleLibelle]));
  // Targets ordered by their first source, then rank: edges cross as little as a list order allows.
  const cibles = [...new Set([...liens].sort((a, b) => sources.indexOf(a.source) - sources.indexOf(b.source) || a.rang - b.rang).map((p) => p.cible))];
  // Position of the i-th of n items on a 0..1 axis (top to bottom: the y scale is reversed).
  const position = (i: number, n: number) => (i + 0.5) / n;
  const [GAUCHE, DROITE] = [0.42, 0.58];
  const etiquette = (code: string, libelle: string | undefined) => (libelle ? `${code} ${libelle}` : code);
  const noeuds = [
    ...sources.map((code, i) => ({ x: GAUCHE, y: position(i, sources.length), texte: etiquette(code, libelleDe.get(code)), cote: 'source' })),
    ...cibles.map((code, i) => ({ x: DROITE, y: position(i, cibles.length), texte: etiquette(code, libelleCible.get(code)), cote: 'cible' })),
  ];
  const aretes = liens.map((p) => ({
    x: GAUCHE,
    x2: DROITE,
    y: position(sources.indexOf(p.source), sources.length),
    y2: position(cibles.indexOf(p.cible), cibles.length),
    source: etiquette(p.source, libelleDe.get(p.source)),
    cible: etiquette(p.cible, p.cibleLibelle),
    score: p.score,
  }));
  const x = { type: 'quantitative', scale: { domain: [0, 1] }, axis: null };
  const y = { type: 'quantitative', scale: { domain: [0, 1], reverse: true }, axis: null };
  const etiquettes = (cote: string, align: string, dx: number) => ({
    data: { values: noeuds.filter((n) => n.cote === cote) },
    mark: { type: 'text', align, dx, fontSize: 11, limit: 295 },
    encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'texte' } },
  });
  return {
    config: config(lang),
    width: 720,
    height: HAUTEUR_LIGNE * Math.max(sources.length, cibles.length, 2),
    layer: [
      {
        data: { values: aretes },
        mark: { type: 'rule', color: BLEU, opacity: 0.55 },
        encoding: {
          x: { field: 'x', ...x },
          x2: { field: 'x2' },
          y: { field: 'y', ...y },
          y2: { field: 'y2' },
          strokeWidth: { field: 'score', type: 'quantitative', title: l.score, scale: { domain: [0, 1], range: [0.5, 6] }, legend: { format: '.1f' } },
          tooltip: [{ field: 'source' }, { field: 'cible' }, { field: 'score', format: '.2f' }],
        },
      },
      {
        data: { values: noeuds },
        mark: { type: 'point', filled: true, size: 40, color: ORANGE },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y } },
      },
      etiquettes('source', 'right', -8),
      etiquettes('cible', 'left', 8),
    ],
  };
}

/**
 * Vega-Lite → Vega → SVG. The SVG is made ready to inline in HTML: namespace attributes dropped
 * (inline SVG needs none, and the report then holds no URL at all), ids prefixed so that several
 * charts in one page cannot share a clip path, and a title for assistive technologies (the figure's
 * caption, in the report's language) instead of Vega's own ARIA attributes.
 */
async function renderSvg(spec: Record<string, unknown>, id: string): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compile = vegaLite.compile(spec as never);
  const view = new vega.View(vega.parse(compile.spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return (
      svg
        .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
        // Vega's ARIA attributes are English ("line mark container", "Title text …"): the whole SVG is one image.
        .replace(/ (?:aria-[a-z]+|role)="[^"]*"/g, '')
        .replace(/ id="([^"]+)"/g, ` id="${id}-$1"`)
        .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
        .replace(/^<svg /, `<svg role="img" aria-labelledby="titre-${id}" `)
    );
  } finally {
    view.finalize();
  }
}
