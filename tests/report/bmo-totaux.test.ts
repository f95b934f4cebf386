import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticResult, Mesure } from '../../core/analysis/result.js';
import { renderHtml } from '../../core/report/html.js';
import { renderXlsx } from '../../core/report/xlsx.js';
import { resultatFixture } from '../fixtures/report/result.js';

const m = (valeur: number, extra: Partial<Mesure> = {}): Mesure => ({ valeur, significatif: true, source: 'bmo', annee: 2024, ...extra });

/** The fixture with BMO lower bounds: K1302's projects, and territory totals beside the region's. */
function resultat(): DiagnosticResult {
  const r = resultatFixture();
  const k = r.metiers.find((x) => x.indicateurs.code === 'K1302')!.indicateurs.bmo!;
  k.projets = m(64, { borneInferieure: true, masques: 2 });
  const totaux = (projets: number, difficiles: number, masques: number) => ({
    projets: m(projets, { borneInferieure: true, masques }),
    difficiles: m(difficiles, { borneInferieure: true, masques: masques * 2 }),
    saisonniers: m(1000, { borneInferieure: true, masques: masques * 3 }),
    partDifficiles: m(difficiles / projets, { masques: masques * 3 }),
    partSaisonniers: m(1000 / projets, { masques: masques * 4 }),
    lignes: 400,
    metiers: 200,
  });
  r.bmo = { source: 'bmo', annee: 2024, base: 'publies', territoire: totaux(12_345, 7000, 10), reference: totaux(187_291, 111_251, 655) };
  return r;
}

describe('report: BMO lower bounds and territory totals', () => {
  let r: DiagnosticResult;
  let fr: string;
  let en: string;
  beforeAll(async () => {
    r = resultat();
    fr = await renderHtml(r, { lang: 'fr' });
    en = await renderHtml(r, { lang: 'en' });
  });

  it('HTML: a lower bound shows « ≥ », with its explanation', () => {
    expect(fr).toContain('<span class="borne" title="borne inférieure : somme des valeurs publiées, des cellules étant masquées par la source">≥\u00a064</span>');
    expect(en).toContain('title="lower bound: sum of the published values, some cells being withheld by the source">≥\u00a064</span>');
  });

  it('HTML: territory totals beside the reference’s at the top, with the basis and the withheld cells', () => {
    const t = fr.slice(fr.indexOf('<table id="totaux-bmo">'));
    expect(fr.indexOf('<table id="totaux-bmo">')).toBeLessThan(fr.indexOf('id="familles"'));
    expect(t).toContain('<caption>Besoins en main-d’œuvre 2024 : totaux du territoire</caption>');
    expect(t).toContain(`<th scope="row">${r.territoire.nom}</th>`);
    expect(t).toContain(`<th scope="row">${r.territoire.reference!.nom}</th>`);
    expect(t).toContain('≥\u00a012\u202f345');
    expect(t).toContain('≥\u00a0187\u202f291');
    expect(t).toContain('<td class="n">10 / 20 / 30</td>');
    expect(fr).toContain('Les totaux sont les sommes des valeurs publiées : 60 cellules masquées par la source');
    expect(en).toContain('<caption>Recruitment needs (BMO) 2024: territory totals</caption>');
    expect(en).toContain('Totals are sums of the published values: 60 cells withheld by the source');
  });

  it('xlsx: a lower bound stays a number, shown « ≥ » by its format, with a note; totals in the summary', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(r, { lang: 'fr' })) as unknown as ArrayBuffer);
    const metiers = wb.worksheets[1]!;
    const entetes = (metiers.getRow(1).values as unknown[]).map(String);
    const col = entetes.indexOf('Projets BMO');
    const ligne = metiers.getColumn(1).values.indexOf('K1302');
    const cell = metiers.getRow(ligne).getCell(col);
    expect(cell.value).toBe(64);
    expect(cell.numFmt).toBe('"≥ "#,##0');
    expect(String(cell.note)).toContain('borne inférieure');
    const synthese = wb.worksheets[0]!;
    const lignes = (synthese.getSheetValues() as unknown[][]).filter(Boolean).map((row) => [row[1], row[2]]);
    expect(lignes).toContainEqual([`Projets BMO\u00a0: ${r.territoire.nom}`, 12345]);
    expect(lignes).toContainEqual([`Part difficiles\u00a0: ${r.territoire.reference!.nom}`, '59,4\u202f%']);
    expect(lignes).toContainEqual([`Cellules masquées (projets, difficiles, saisonniers)\u00a0: ${r.territoire.nom}`, 60]);
  });
});
