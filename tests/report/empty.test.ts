import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DiagnosticResult } from '../../core/analysis/result.js';
import { renderHtml } from '../../core/report/html.js';
import { renderJson } from '../../core/report/json.js';
import { renderXlsx } from '../../core/report/xlsx.js';
import { resultatFixture } from '../fixtures/report/result.js';

/** A diagnostic with no data yet: the territory and period only. */
function vide(): DiagnosticResult {
  const r = resultatFixture();
  const { etablissements: _, ...reste } = r;
  return {
    ...reste,
    metiers: [],
    familles: { 'en-crise': [], 'en-croissance': [], 'en-tension': [], 'en-mutation': [], strategique: [], fragile: [], porteur: [] },
    secteurs: [],
    passerelles: [],
    plan: { couverture: [], fragilesSansAction: [], budgetTotal: 0, budgetParFinanceur: [], fiches: [] },
    evaluation: [],
    problemes: [],
  };
}

describe('reports of an empty diagnostic', () => {
  it('HTML: every section says there is nothing, no chart is drawn', async () => {
    const html = await renderHtml(vide(), { lang: 'fr' });
    expect(html).not.toContain('<svg');
    // No employment figure at all: « — », not 0.
    expect(html).toContain('<li><strong>—</strong>Effectif 2021</li>');
    for (const t of [
      'Aucun métier dans cette famille.',
      'Aucune passerelle au-dessus du score minimal.',
      'Aucune fiche action.',
      'Aucun financement déclaré.',
      'Aucun indicateur d’évaluation.',
      'Aucun problème.',
      'Aucune source citée dans le résultat.',
      'Aucun point d’attention.',
    ]) {
      expect(html).toContain(t);
    }
  });

  it('xlsx: every sheet is there with its header row only', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(vide(), { lang: 'fr' })) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets).toHaveLength(11);
    for (const ws of wb.worksheets.slice(1)) expect(ws.rowCount, ws.name).toBe(1);
  });

  it('JSON: empty arrays stay', () => {
    expect(JSON.parse(renderJson(vide())).passerelles).toEqual([]);
  });
});
