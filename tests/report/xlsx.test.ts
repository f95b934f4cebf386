import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATE_FIXE, renderXlsx } from '../../core/report/xlsx.js';
import { figerDatesZip } from '../../core/report/zip-dates.js';
import { INJECTIONS, resultatFixture, resultatInjection } from '../fixtures/report/result.js';

async function lire(octets: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(octets) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Header → 1-based column number. */
function colonne(ws: ExcelJS.Worksheet, titre: string): number {
  const valeurs = ws.getRow(1).values as unknown[];
  const i = valeurs.indexOf(titre);
  if (i < 1) throw new Error(`colonne absente : ${titre}`);
  return i;
}

function ligneDe(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
  throw new Error(`ligne absente : ${code}`);
}

/** DOS date/time of every zip entry (central directory), as [time, date] words. */
function datesZip(zip: Uint8Array): Array<[number, number]> {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let fin = zip.length - 22;
  while (v.getUint32(fin, true) !== 0x06054b50) fin--;
  const n = v.getUint16(fin + 10, true);
  let pos = v.getUint32(fin + 16, true);
  const sortie: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    sortie.push([v.getUint16(pos + 12, true), v.getUint16(pos + 14, true)]);
    pos += 46 + v.getUint16(pos + 28, true) + v.getUint16(pos + 30, true) + v.getUint16(pos + 32, true);
  }
  return sortie;
}

const FEUILLES_FR = ['Synthèse', 'Métiers et indicateurs', 'Familles & explications', 'Passerelles', 'Écarts de compétences', 'Plan d’action', 'Couverture des fragiles', 'Financements', 'Évaluation', 'Problèmes', 'Sources'];

describe('renderXlsx', () => {
  let octets: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    octets = await renderXlsx(resultatFixture(), { lang: 'fr' });
    wb = await lire(octets);
  });

  it('has one sheet per table, each with a frozen header row and an autofilter over its rows', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(FEUILLES_FR);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(String(ws.autoFilter)).toMatch(/^A1:[A-Z]+\d+$/);
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(5);
    }
    // 12 métiers + header: autofilter A1 to the last of 31 columns (AE), row 13.
    expect(String(wb.getWorksheet('Métiers et indicateurs')!.autoFilter)).toBe('A1:AE13');
  });

  it('types numbers as numbers with formats: counts, shares and TCAM as %', () => {
    const ws = wb.getWorksheet('Métiers et indicateurs')!;
    const h2402 = ligneDe(ws, 'H2402');
    const eff = h2402.getCell(colonne(ws, 'Effectif fin'));
    expect(eff.type).toBe(ExcelJS.ValueType.Number);
    expect(eff.value).toBe(150);
    expect(eff.numFmt).toBe('#,##0');
    const tcam = h2402.getCell(colonne(ws, 'TCAM'));
    // (150 / 240)^(1/6) − 1 = exp(ln(0.625) / 6) − 1 = −0.075344…
    expect(tcam.value as number).toBeCloseTo(-0.075344, 5);
    expect(tcam.numFmt).toBe('0.00%');
    const p55 = h2402.getCell(colonne(ws, 'Part 55 ans et +'));
    expect(p55.value as number).toBeCloseTo(50 / 150, 10);
    expect(p55.numFmt).toBe('0.0%');
    expect(h2402.getCell(colonne(ws, 'Vieillissant')).value).toBe(true);
    expect(h2402.getCell(colonne(ws, 'Familles')).value).toBe('En crise, Fragile');
    const budget = ligneDe(wb.getWorksheet('Plan d’action')!, 'FA1').getCell(4);
    expect(budget.value).toBe(85000);
    expect(budget.numFmt).toBe('#,##0 "€"');
  });

  it('leaves withheld values empty, with a note and the « masqué » column, never 0', () => {
    const ws = wb.getWorksheet('Métiers et indicateurs')!;
    const k1302 = ligneDe(ws, 'K1302');
    for (const titre of ['Projets difficiles', 'Part difficiles', 'Projets saisonniers', 'Part saisonniers']) {
      const cell = k1302.getCell(colonne(ws, titre));
      expect(cell.value, titre).toBeNull();
      expect(String(cell.note)).toContain('masquée');
    }
    expect(k1302.getCell(colonne(ws, 'Projets BMO')).value).toBe(64);
    expect(k1302.getCell(colonne(ws, 'Valeurs masquées')).value).toBe('Projets difficiles, Projets saisonniers, Part difficiles, Part saisonniers');
    // Missing (not withheld) values are empty too, without a note: H2909 has no BMO data.
    const h2909 = ligneDe(ws, 'H2909').getCell(colonne(ws, 'Projets BMO'));
    expect(h2909.value).toBeNull();
    expect(h2909.note).toBeUndefined();
    // H2902: 25 projects < 30 → listed as non significant, value kept.
    const h2902 = ligneDe(ws, 'H2902');
    expect(h2902.getCell(colonne(ws, 'Projets BMO')).value).toBe(25);
    expect(String(h2902.getCell(colonne(ws, 'Valeurs non significatives')).value)).toContain('Part difficiles');
  });

  it('lists explanations, passerelles and the gap with core competences first', () => {
    const fam = wb.getWorksheet('Familles & explications')!;
    expect(fam.rowCount).toBe(1 + resultatFixture().metiers.reduce((s, m) => s + m.explications.length, 0));
    const pas = wb.getWorksheet('Passerelles')!;
    const ligne = ligneDe(pas, 'H2403');
    expect(ligne.getCell(colonne(pas, 'Score')).value).toBe(0.41);
    expect(ligne.getCell(colonne(pas, 'competences')).value).toBe(0.4);
    expect(ligne.getCell(colonne(pas, 'Compétences à acquérir (cœur de métier)')).value).toBe(2);
    const ecarts = wb.getWorksheet('Écarts de compétences')!;
    const h2403 = [];
    for (let r = 2; r <= ecarts.rowCount; r++) {
      const row = ecarts.getRow(r);
      if (row.getCell(1).value === 'H2403') h2403.push(row.getCell(6).value);
    }
    expect(h2403).toEqual([true, true, false]);
  });

  it('writes evaluation progress as a percentage and problems with their place', () => {
    const ev = wb.getWorksheet('Évaluation')!;
    const ind1 = ligneDe(ev, 'IND1');
    expect(ind1.getCell(colonne(ev, 'Avancement')).value).toBe(0.65);
    expect(ind1.getCell(colonne(ev, 'Avancement')).numFmt).toBe('0.0%');
    expect(ligneDe(ev, 'IND3').getCell(colonne(ev, 'Valeur')).value).toBeNull();
    const pb = wb.getWorksheet('Problèmes')!;
    expect(pb.getRow(2).getCell(4).value).toBe('donnees/bmo_2024.xlsx:BMO_2024_open_data!G118');
    expect(pb.getRow(4).getCell(4).value).toBe('donnees/effectifs.csv:14:4');
  });

  it('is byte-identical from one run to the next, zip entries dated at the fixed instant', async () => {
    const encore = await renderXlsx(resultatFixture(), { lang: 'fr' });
    expect(Buffer.compare(Buffer.from(encore), Buffer.from(octets))).toBe(0);
    // 2000-01-01 00:00:00 → DOS time 0, date ((2000 − 1980) << 9) | (1 << 5) | 1 = 10273.
    const dates = datesZip(octets);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates.every(([t, d]) => t === 0 && d === 10273)).toBe(true);
    expect(wb.created?.toISOString()).toBe(DATE_FIXE.toISOString());
  });

  it('uses the given date for the workbook and the zip entries', async () => {
    const date = new Date(Date.UTC(2024, 5, 30, 12, 34, 56));
    const o = await renderXlsx(resultatFixture(), { lang: 'fr', date });
    // 12:34:56 → (12 << 11) | (34 << 5) | 28 = 25692; 2024-06-30 → (44 << 9) | (6 << 5) | 30 = 22750.
    expect(datesZip(o).every(([t, d]) => t === 25692 && d === 22750)).toBe(true);
    expect((await lire(o)).modified?.toISOString()).toBe('2024-06-30T12:34:56.000Z');
  });

  it('has English sheet names and headers with lang en', async () => {
    const en = await lire(await renderXlsx(resultatFixture(), { lang: 'en' }));
    expect(en.worksheets.map((w) => w.name)).toEqual(['Summary', 'Occupations & indicators', 'Families & explanations', 'Pathways', 'Competence gaps', 'Action plan', 'Fragile coverage', 'Funding', 'Evaluation', 'Problems', 'Sources']);
    expect(en.getWorksheet('Occupations & indicators')!.getRow(1).getCell(8).value).toBe('CAGR');
  });
});

describe('renderXlsx with hostile labels', () => {
  it('neutralises formula-like text: a string with a leading apostrophe, never a formula', async () => {
    const wb = await lire(await renderXlsx(resultatInjection(), { lang: 'fr' }));
    const textes: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') textes.push(cell.value);
        }),
      );
    }
    for (const t of textes) expect(t, t).not.toMatch(/^[=+\-@\t\r]/);
    expect(textes).toContain("'" + INJECTIONS.formule);
    expect(textes).toContain("'" + INJECTIONS.plus);
    expect(textes).toContain("'" + INJECTIONS.arobase);
    expect(textes).toContain("'" + INJECTIONS.moins);
    // Labels that are not formulas stay as they are.
    expect(textes).toContain(INJECTIONS.script);
  });

  it('a leading control character does not get a formula past the guard (issue 13, item 5)', async () => {
    const r = resultatFixture();
    const hostile = ['\u0001=HYPERLINK("http://evil.example")', '\u0000\u001b+cmd|x', '\u200b@SUM(1)', '\u007f-2+3'];
    r.metiers[0]!.indicateurs.libelle = hostile[0]!;
    r.metiers[1]!.indicateurs.libelle = hostile[1]!;
    r.metiers[2]!.indicateurs.libelle = hostile[2]!;
    r.plan.fiches[0]!.titre = hostile[3]!;
    const wb = await lire(await renderXlsx(r, { lang: 'fr' }));
    const textes: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && textes.push(cell.value)));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters skipped before the check, as a spreadsheet skips them.
    for (const t of textes) expect(t.replace(/^[\u0000-\u001f\u007f\u200b]+/, ''), JSON.stringify(t)).not.toMatch(/^[=+\-@]/);
    expect(textes).toContain('\'=HYPERLINK("http://evil.example")');
    expect(textes).toContain("'+cmd|x");
    expect(textes).toContain("'-2+3");
  });
});

describe('figerDatesZip', () => {
  it('returns input that is not a zip unchanged', () => {
    const pasZip = new Uint8Array([1, 2, 3, 4, 5]);
    expect(figerDatesZip(pasZip, DATE_FIXE)).toBe(pasZip);
  });
});
