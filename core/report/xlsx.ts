/**
 * The diagnostic as an xlsx workbook (exceljs): one sheet per table, typed cells (numbers stay
 * numbers, with number formats), withheld values as EMPTY cells with a note (never 0), frozen
 * header row, autofilter, column widths, every text neutralised against formula injection.
 *
 * Deterministic: the workbook's dates come from the options (or a fixed instant), and the zip
 * entries' timestamps, which JSZip takes from the clock, are rewritten to the same instant.
 */
import type { DiagnosticResult, Mesure, Passerelle, TotauxBmo } from '../analysis/result.js';
import type { Lang } from '../problems.js';
import { COLONNES_METIER, type Genre } from './columns.js';
import { FAMILLE_ORDER, libelles, familleName, nombreFamille, nomGravite, competenceTypeName, type Libelles } from './labels.js';
import { neutralise } from './neutralise.js';
import { lieuProbleme, type Localiser } from './problem-place.js';
import { sourcesCitees } from './sources.js';
import { mesureState, texteValeur } from './values.js';
import { figerDatesZip } from './zip-dates.js';

export interface OptionsXlsx {
  lang: Lang;
  locate?: Localiser;
  /** Creation/modification date written in the workbook and its zip entries; fixed by default. */
  date?: Date;
}

/** Used when no date is given: any fixed instant keeps two runs byte-identical. */
export const DATE_FIXE = new Date(Date.UTC(2000, 0, 1));

const FORMATS: Record<Genre | 'montant' | 'score', string> = {
  entier: '#,##0',
  decimal: '0.00',
  pourcent: '0.0%',
  taux: '0.00%',
  classe: '0',
  montant: '#,##0 "€"',
  score: '0.00',
};

/** A cell: typed value, a withheld/missing measure (empty cell, with a note when withheld), or a
 * lower bound (the number, shown « ≥ … » by its number format, with a note). */
type Cellule = string | number | boolean | null | undefined | { masque: true } | { auMoins: number };

interface Colonne {
  titre: string;
  largeur: number;
  format?: string;
}

const MASQUE = { masque: true } as const;

function valeurMesure(m: Mesure | undefined): Cellule {
  const etat = mesureState(m);
  if (etat === 'masque') return MASQUE;
  if (etat === 'absent') return null;
  return m!.borneInferieure ? { auMoins: m!.valeur! } : m!.valeur;
}

/** The summary's BMO lines: the territory's and the reference's totals, then the basis. */
function lignesTotauxBmo(result: DiagnosticResult, l: Libelles, lang: Lang): Cellule[][] {
  const b = result.bmo;
  if (!b) return [];
  const perimetres: Array<[string, TotauxBmo]> = [[result.territoire.nom, b.territoire]];
  if (b.reference && result.territoire.reference) perimetres.push([result.territoire.reference.nom, b.reference]);
  const part = (m: Mesure) => (m.valeur === null ? null : texteValeur(m.valeur, 'pourcent', lang));
  const out: Cellule[][] = [];
  for (const [nom, t] of perimetres) {
    const masques = (t.projets.masques ?? 0) + (t.difficiles.masques ?? 0) + (t.saisonniers.masques ?? 0);
    out.push(
      [`${l.bmoProjets}${l.dp}${nom}`, valeurMesure(t.projets)],
      [`${l.bmoDifficiles}${l.dp}${nom}`, valeurMesure(t.difficiles)],
      [`${l.bmoSaisonniers}${l.dp}${nom}`, valeurMesure(t.saisonniers)],
      [`${l.partDifficiles}${l.dp}${nom}`, part(t.partDifficiles)],
      [`${l.partSaisonniers}${l.dp}${nom}`, part(t.partSaisonniers)],
      [`${l.cellulesMasquees}${l.dp}${nom}`, masques],
    );
  }
  const n = (b.territoire.projets.masques ?? 0) + (b.territoire.difficiles.masques ?? 0) + (b.territoire.saisonniers.masques ?? 0);
  out.push([l.totauxBmo, l.baseBmo(n, texteValeur(n, 'entier', lang))]);
  return out;
}

export async function renderXlsx(result: DiagnosticResult, options: OptionsXlsx): Promise<Uint8Array> {
  const { lang } = options;
  const l = libelles(lang);
  const date = options.date ?? DATE_FIXE;
  // exceljs loads on first use: hosts that never write a workbook never parse it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gtec';
  wb.lastModifiedBy = 'gtec';
  wb.created = date;
  wb.modified = date;
  const noteMasque = l.masqueTitre;
  const libelleDe = new Map(result.metiers.map((m) => [m.indicateurs.code, m.indicateurs.libelle]));

  function feuille(nom: string, colonnes: Colonne[], lignes: Cellule[][]): void {
    const ws = wb.addWorksheet(nom, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = colonnes.map((c) => ({ header: neutralise(c.titre), width: c.largeur }));
    const entete = ws.getRow(1);
    entete.font = { bold: true };
    entete.alignment = { vertical: 'top', wrapText: true };
    entete.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E9EF' } };
    });
    lignes.forEach((valeurs, i) => {
      const row = ws.getRow(i + 2);
      valeurs.forEach((v, j) => {
        const cell = row.getCell(j + 1);
        if (v === null || v === undefined) return;
        if (typeof v === 'object' && 'auMoins' in v) {
          cell.value = v.auMoins;
          cell.numFmt = `"≥ "${colonnes[j]?.format ?? FORMATS.entier}`;
          cell.note = l.auMoinsTitre;
          return;
        }
        if (typeof v === 'object') {
          // Empty, shaded, with a note. The style also makes exceljs write the (empty) cell, without
          // which readers drop the note.
          cell.note = noteMasque;
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
          return;
        }
        cell.value = typeof v === 'string' ? neutralise(v) : v;
        const format = colonnes[j]?.format;
        if (typeof v === 'number' && format) cell.numFmt = format;
      });
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + lignes.length, column: colonnes.length } };
  }

  // Summary
  const t = result.territoire;
  feuille(
    l.feuilles.synthese,
    [
      { titre: l.libelle, largeur: 34 },
      { titre: l.valeur, largeur: 70, format: FORMATS.entier },
    ],
    [
      [l.titre, result.titre],
      [l.territoire, `${t.nom} (${t.type}${t.codes.length ? ` ; ${t.codes.join(', ')}` : ''})`],
      ...(t.reference ? [[l.reference, `${t.reference.nom} (${t.reference.type}${t.reference.codes.length ? ` ; ${t.reference.codes.join(', ')}` : ''})`]] : []),
      [l.periode, `${result.periode.debut} – ${result.periode.fin}`],
      [l.referentiel, `${result.referentiel.label} (${result.referentiel.kind}, version ${result.referentiel.version})`],
      [l.nomenclature, result.nomenclature],
      [l.metiersAnalyses, result.metiers.length],
      ...lignesTotauxBmo(result, l, lang),
      ...FAMILLE_ORDER.map((f): Cellule[] => [`${l.famille}${l.dp}${familleName(f, lang)}`, nombreFamille(result, f)]),
      [l.passerelles, result.passerelles.length],
      [l.budgetTotal, result.plan.budgetTotal],
      [l.problemes, result.problemes.length],
    ],
  );
  // The budget line is money, not a count.
  const synthese = wb.worksheets[0]!;
  synthese.eachRow((row) => {
    if (row.getCell(1).value === l.budgetTotal) row.getCell(2).numFmt = FORMATS.montant;
  });

  // Métiers and indicators
  feuille(
    l.feuilles.metiers,
    [
      { titre: l.code, largeur: 10 },
      { titre: l.libelle, largeur: 44 },
      { titre: l.groupe, largeur: 26 },
      { titre: l.familles, largeur: 30 },
      ...COLONNES_METIER.map((c) => ({ titre: c.titre(l), largeur: 13, format: FORMATS[c.genre] })),
      { titre: l.vieillissant, largeur: 12 },
      { titre: l.masqueColonne, largeur: 30 },
      { titre: l.nsColonne, largeur: 30 },
      { titre: l.note, largeur: 60 },
    ],
    result.metiers.map((m) => {
      const i = m.indicateurs;
      const mesures = COLONNES_METIER.map((c) => ({ c, m: c.lire(i) }));
      return [
        i.code,
        i.libelle,
        i.groupeLibelle ?? i.groupe,
        FAMILLE_ORDER.filter((f) => m.familles.includes(f))
          .map((f) => familleName(f, lang))
          .join(', '),
        ...mesures.map(({ m }) => valeurMesure(m)),
        i.ages ? i.ages.vieillissant : null,
        mesures
          .filter(({ m }) => mesureState(m) === 'masque')
          .map(({ c }) => c.titre(l))
          .join(', ') || null,
        mesures
          .filter(({ m }) => mesureState(m) === 'non-significatif')
          .map(({ c }) => c.titre(l))
          .join(', ') || null,
        m.note,
      ];
    }),
  );

  // Families and their explanations
  feuille(
    l.feuilles.familles,
    [
      { titre: l.code, largeur: 10 },
      { titre: l.libelle, largeur: 40 },
      { titre: l.famille, largeur: 16 },
      { titre: l.indicateur, largeur: 18 },
      { titre: l.valeur, largeur: 12, format: '0.0000' },
      { titre: l.comparaison, largeur: 12 },
      { titre: l.seuil, largeur: 10, format: '0.00##' },
      { titre: l.source, largeur: 28 },
      { titre: l.annee, largeur: 8, format: '0' },
      { titre: l.explication, largeur: 100 },
    ],
    result.metiers.flatMap((m) => m.explications.map((e): Cellule[] => [m.indicateurs.code, m.indicateurs.libelle, familleName(e.famille, lang), e.indicateur, e.valeur, e.comparaison, e.seuil, e.source, e.annee, e.texte[lang]])),
  );

  // Passerelles
  const composantes = [...new Set(result.passerelles.flatMap((p) => Object.keys(p.composantes)))].sort();
  feuille(
    l.feuilles.passerelles,
    [
      { titre: `${l.source} (${l.code})`, largeur: 10 },
      { titre: l.source, largeur: 40 },
      { titre: l.rang, largeur: 7, format: '0' },
      { titre: `${l.cible} (${l.code})`, largeur: 10 },
      { titre: l.cible, largeur: 40 },
      { titre: l.score, largeur: 9, format: FORMATS.score },
      ...composantes.map((k) => ({ titre: k, largeur: 12, format: FORMATS.score })),
      { titre: l.acquises, largeur: 12, format: FORMATS.entier },
      { titre: l.ecart, largeur: 12, format: FORMATS.entier },
      { titre: `${l.ecart} (${l.coeur})`, largeur: 14, format: FORMATS.entier },
      { titre: l.mobiliteOfficielle, largeur: 14 },
    ],
    result.passerelles.map((p) => [
      p.source,
      libelleDe.get(p.source),
      p.rang,
      p.cible,
      p.cibleLibelle,
      p.score,
      ...composantes.map((k) => p.composantes[k]),
      p.acquises.length,
      p.ecart.length,
      p.ecart.filter((e) => e.coeur).length,
      p.mobiliteOfficielle,
    ]),
  );

  // Competence gaps, core competences first within each passerelle
  const trie = (p: Passerelle) => [...p.ecart].sort((a, b) => Number(b.coeur) - Number(a.coeur));
  feuille(
    l.feuilles.ecarts,
    [
      { titre: l.source, largeur: 10 },
      { titre: l.cible, largeur: 10 },
      { titre: l.rang, largeur: 7, format: '0' },
      { titre: l.competence, largeur: 60 },
      { titre: l.type, largeur: 14 },
      { titre: l.coeur, largeur: 12 },
      { titre: l.macro, largeur: 40 },
      { titre: 'id', largeur: 12 },
    ],
    result.passerelles.flatMap((p) => trie(p).map((e): Cellule[] => [p.source, p.cible, p.rang, e.libelle, competenceTypeName(e.type, l), e.coeur, e.macro, e.id])),
  );

  // Action plan
  feuille(
    l.feuilles.plan,
    [
      { titre: l.fiche, largeur: 8 },
      { titre: l.titre, largeur: 60 },
      { titre: l.metiers, largeur: 30 },
      { titre: l.budget, largeur: 14, format: FORMATS.montant },
      { titre: l.indicateurs, largeur: 20 },
    ],
    result.plan.fiches.map((f) => [f.id, f.titre, f.metiers.join(', '), f.budget, f.indicateurs.join(', ')]),
  );

  feuille(
    l.feuilles.couverture,
    [
      { titre: l.code, largeur: 10 },
      { titre: l.libelle, largeur: 50 },
      { titre: l.couvertPar, largeur: 20 },
      { titre: l.sansAction, largeur: 12 },
    ],
    result.plan.couverture.map((c) => [c.code, c.libelle, c.fiches.join(', '), result.plan.fragilesSansAction.includes(c.code) || c.fiches.length === 0]),
  );

  // Funding
  const total = result.plan.budgetParFinanceur.reduce((s, b) => s + b.montant, 0);
  feuille(
    l.feuilles.financements,
    [
      { titre: l.financeur, largeur: 14 },
      { titre: l.libelle, largeur: 40 },
      { titre: l.montant, largeur: 14, format: FORMATS.montant },
      { titre: l.partBudget, largeur: 12, format: FORMATS.pourcent },
    ],
    result.plan.budgetParFinanceur.map((b) => [b.financeur, b.nom, b.montant, total > 0 ? b.montant / total : null]),
  );

  // Evaluation
  feuille(
    l.feuilles.evaluation,
    [
      { titre: 'id', largeur: 8 },
      { titre: l.indicateur, largeur: 44 },
      { titre: l.type, largeur: 14 },
      { titre: l.unite, largeur: 12 },
      { titre: l.base, largeur: 10, format: '#,##0.##' },
      { titre: l.valeur, largeur: 10, format: '#,##0.##' },
      { titre: l.cibleValeur, largeur: 10, format: '#,##0.##' },
      { titre: l.avancement, largeur: 12, format: FORMATS.pourcent },
      { titre: l.atteint, largeur: 10 },
      { titre: l.enRetard, largeur: 10 },
      { titre: l.dateMesure, largeur: 14 },
      { titre: l.echeance, largeur: 12 },
      { titre: l.source, largeur: 30 },
    ],
    result.evaluation.map((a) => {
      const i = a.indicateur;
      return [i.id, i.libelle, l.typesIndicateur[i.type] ?? i.type, i.unite, i.base ?? 0, i.valeur, i.cible, a.avancement, a.atteint, a.enRetard, i.date_mesure, i.echeance, i.source];
    }),
  );

  // Problems
  feuille(
    l.feuilles.problemes,
    [
      { titre: l.gravite, largeur: 14 },
      { titre: l.code, largeur: 12 },
      { titre: l.message, largeur: 90 },
      { titre: l.emplacement, largeur: 40 },
      { titre: l.pointeur, largeur: 20 },
    ],
    result.problemes.map((p) => [nomGravite(p.severity, lang), p.code, p.message[lang], lieuProbleme(p, options.locate), p.pointer]),
  );

  // Sources
  feuille(
    l.feuilles.sources,
    [
      { titre: l.source, largeur: 34 },
      { titre: l.annees, largeur: 14 },
      { titre: l.utiliseePour, largeur: 100 },
    ],
    sourcesCitees(result, l).map((s) => [s.source, s.annees.join(', '), s.usages.join(', ')]),
  );

  const octets = await wb.xlsx.writeBuffer();
  const zip = new Uint8Array(octets as unknown as ArrayBuffer);
  return figerDatesZip(zip, date);
}
