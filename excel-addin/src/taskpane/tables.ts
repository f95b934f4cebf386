/**
 * The tables the task pane writes into the workbook, built from a diagnostic result: plain rows
 * with their column formats, independent of Excel (tested on their own). Headings come from the
 * report's labels so that the workbook, the HTML report and the CLI's xlsx say the same thing.
 */
import { type DiagnosticResult, type Mesure, type Lang, COLONNES_METIER, type Genre, libelles, familleName, competenceTypeName, mesureState } from '../../../core/index.js';
import { TEXTES } from './texts.js';

export type Valeur = string | number | boolean;
/** Excel number format of a column ('@' text, '0' integer…). */
export type Format = string;

export interface Tableau {
  /** Sheet and table names (≤ 31 characters, no []:*?/\). */
  feuille: string;
  table: string;
  entetes: string[];
  formats: Format[];
  lignes: Valeur[][];
  /** Charts to add on the sheet, over the whole table (first column = categories). */
  graphiques?: Array<{ type: 'columnClustered' | 'barStacked'; titre: string }>;
}

const FORMATS: Record<Genre | 'texte' | 'score' | 'montant', Format> = {
  entier: '# ##0',
  decimal: '0,00',
  pourcent: '0,0 %',
  taux: '0,00 %',
  classe: '0,0',
  texte: '@',
  score: '0,000',
  montant: '# ##0 €',
};

/** Excel expects formats in the invariant (English) notation. */
function formatExcel(f: Format): Format {
  return f === '@' ? f : f.replace(/,/g, '.').replace(/# ##0/g, '#,##0').replace(/ %/g, '%');
}

/** A withheld or missing value is an empty cell, never 0. */
const valeur = (m: Mesure | undefined): Valeur => (mesureState(m) === 'valeur' || mesureState(m) === 'non-significatif' ? m!.valeur! : '');
/** Text as the user should read it: the writer (workbook.ts) sets text columns to text before their values and neutralises formula-like strings elsewhere. */
const txt = (s: string | undefined): string => s ?? '';

export function tablesOfDiagnostic(r: DiagnosticResult, lang: Lang): Tableau[] {
  const l = libelles(lang);
  const f = TEXTES[lang].feuilles;
  const libelleDe = new Map(r.metiers.map((m) => [m.indicateurs.code, m.indicateurs.libelle]));
  const colonnes = COLONNES_METIER.filter((c) => r.metiers.some((m) => c.lire(m.indicateurs) !== undefined));
  const tableaux: Tableau[] = [
    {
      feuille: f.indicateurs,
      table: 'GTEC_Indicateurs',
      entetes: [l.code, l.libelle, l.familles, ...colonnes.map((c) => c.titre(l))],
      formats: ['@', '@', '@', ...colonnes.map((c) => FORMATS[c.genre])],
      lignes: r.metiers.map((m) => [txt(m.indicateurs.code), txt(m.indicateurs.libelle), m.familles.map((f) => familleName(f, lang)).join(', '), ...colonnes.map((c) => valeur(c.lire(m.indicateurs)))]),
    },
    {
      feuille: f.familles,
      table: 'GTEC_Familles',
      entetes: [l.code, l.libelle, l.famille, l.indicateur, l.valeur, l.seuil, l.source, l.raison],
      formats: ['@', '@', '@', '@', '0.####', '0.####', '@', '@'],
      lignes: r.metiers.flatMap((m) =>
        m.explications.map((e) => [
          txt(m.indicateurs.code),
          txt(m.indicateurs.libelle),
          familleName(e.famille, lang),
          e.indicateur,
          typeof e.valeur === 'number' ? e.valeur : typeof e.valeur === 'boolean' ? (e.valeur ? l.oui : l.non) : txt(e.valeur ?? ''),
          e.seuil ?? '',
          txt([e.source, e.annee].filter((x) => x !== undefined).join(' ')),
          txt(e.texte[lang]),
        ]),
      ),
    },
    {
      feuille: f.passerelles,
      table: 'GTEC_Passerelles',
      entetes: [l.source, l.libelle, l.cible, l.libelle, l.rang, l.score, l.acquises, l.ecart, l.mobiliteOfficielle],
      formats: ['@', '@', '@', '@', '0', '0.000', '0', '0', '@'],
      lignes: r.passerelles.map((p) => [txt(p.source), txt(libelleDe.get(p.source)), txt(p.cible), txt(p.cibleLibelle), p.rang, p.score, p.acquises.length, p.ecart.length, p.mobiliteOfficielle ? l.oui : '']),
    },
    {
      feuille: f.ecarts,
      table: 'GTEC_Ecarts',
      entetes: [l.source, l.cible, l.competence, l.type, l.coeur],
      formats: ['@', '@', '@', '@', '@'],
      lignes: r.passerelles.flatMap((p) => p.ecart.map((e) => [txt(p.source), txt(p.cible), txt(e.libelle), competenceTypeName(e.type, l), e.coeur ? l.oui : ''])),
    },
    {
      feuille: f.plan,
      table: 'GTEC_Plan',
      entetes: [l.fiche, l.titre, l.metiers, l.budget, l.indicateurs],
      formats: ['@', '@', '@', FORMATS.montant, '@'],
      lignes: r.plan.fiches.map((f) => [txt(f.id), txt(f.titre), f.metiers.join(', '), f.budget, f.indicateurs.join(', ')]),
    },
    {
      feuille: f.evaluation,
      table: 'GTEC_Evaluation',
      entetes: [l.indicateur, l.libelle, l.base, l.valeur, l.cibleValeur, l.avancement, l.atteint, l.enRetard],
      formats: ['@', '@', '0.##', '0.##', '0.##', '0%', '@', '@'],
      lignes: r.evaluation.map((a) => [txt(a.indicateur.id), txt(a.indicateur.libelle), a.indicateur.base ?? '', a.indicateur.valeur ?? '', a.indicateur.cible ?? '', a.avancement ?? '', a.atteint ? l.oui : '', a.enRetard ? l.oui : '']),
    },
  ];
  // Families chart: number of métiers per family, as a small table of its own.
  const compte = Object.entries(r.familles).filter(([, codes]) => codes.length > 0);
  tableaux.push({
    feuille: f.graphiques,
    table: 'GTEC_ParFamille',
    entetes: [l.famille, l.nombreMetiers],
    formats: ['@', '0'],
    lignes: compte.map(([f, codes]) => [familleName(f as never, lang), codes.length]),
    graphiques: [{ type: 'columnClustered', titre: l.grMetiersParFamille }],
  });
  // Age pyramids: employment per band for every métier with an age structure (stacked bars).
  const avecAges = r.metiers.filter((m) => m.indicateurs.ages && m.indicateurs.ages.tranches.length > 0);
  const bandes = [...new Set(avecAges.flatMap((m) => m.indicateurs.ages!.tranches.map((t) => t.tranche)))];
  if (avecAges.length > 0) {
    tableaux.push({
      feuille: f.ages,
      table: 'GTEC_Ages',
      entetes: [l.libelle, ...bandes],
      formats: ['@', ...bandes.map(() => FORMATS.entier)],
      lignes: avecAges.map((m) => [txt(`${m.indicateurs.code} ${m.indicateurs.libelle}`), ...bandes.map((b) => m.indicateurs.ages!.tranches.find((t) => t.tranche === b)?.effectif ?? '')]),
      graphiques: [{ type: 'barStacked', titre: l.grPyramides }],
    });
  }
  for (const t of tableaux) t.formats = t.formats.map(formatExcel);
  return tableaux;
}
