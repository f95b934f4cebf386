/**
 * The core's xlsx reader (core/data/zip.ts, xlsx-sheet.ts) against the previous one (exceljs's
 * object model, tests/data/exceljs-reference.ts) on workbooks exceljs writes, cell type by cell
 * type; the official BMO workbook read 10 times in one process; zip bombs and limits.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../core/data/xlsx.js';
import { readXlsxExceljs } from './exceljs-reference.js';
import { bombWorkbook, sheetWorkbook, zip } from './zip-build.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const same = async (bytes: Uint8Array, opts: { feuille?: string; headerOnly?: boolean } = {}) => {
  const mine = await readXlsx(bytes, { file: 'c.xlsx', ...opts });
  const ref = await readXlsxExceljs(bytes, { file: 'c.xlsx', ...opts });
  expect(mine.table).toEqual(ref.table);
  expect(mine.problems).toEqual(ref.problems);
  return mine;
};

describe('lecteur xlsx du cœur, comparé à exceljs', () => {
  it('types de cellules : textes partagés et riches, nombres, dates, booléens, formules, erreurs, liens, caractères spéciaux', async () => {
    const r = await same(
      await workbook((wb) => {
        const ws = wb.addWorksheet('Données');
        ws.addRow(['code', 'texte', 'nombre', 'date', 'bool', 'formule', 'lien']);
        ws.addRow([
          'H2913',
          { richText: [{ text: 'ri' }, { font: { bold: true }, text: 'che' }] },
          0.1 + 0.2,
          new Date(Date.UTC(2024, 0, 31)),
          true,
          { formula: 'C2*2', result: 0.6000000000000001 },
          { text: 'site', hyperlink: 'https://exemple.fr' },
        ]);
        ws.addRow(['01', ' a <b> & "c" \'d\' ', -1e21, new Date(Date.UTC(2024, 5, 1, 13, 45, 10)), false, { formula: 'A3&"x"', result: '01x' }, { error: '#N/A' }]);
        ws.addRow(['é€œ😀', 'ligne\nsuivante', 1e-7, '2024-01-31', 'VRAI', { formula: 'TRUE()', result: true }, '']);
        ws.addRow(['H2913', 'H2913', 12, null, null, null, 'fin']);
        ws.getCell('J9').value = 'loin';
      }),
    );
    expect(r.table.rows).toHaveLength(5);
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-W209']);
  });

  it('cellules fusionnées : la valeur de la première dans chaque cellule de la plage', async () => {
    const r = await same(
      await workbook((wb) => {
        const ws = wb.addWorksheet('F');
        ws.addRow(['zone', 'metier', 'effectif']);
        ws.addRow(['44', 'H2913', 1]);
        ws.addRow([null, 'N4101', 2]);
        ws.addRow([null, 'K1304', 3]);
        ws.mergeCells('A2:A4');
        ws.getCell('B6').value = 'M1607';
        ws.mergeCells('B6:C7');
      }),
    );
    expect(r.table.rows.map((x) => x.cells[0])).toEqual(['44', '44', '44', '', '']);
  });

  it('classeur en dates 1904, feuille choisie par son nom, en-tête seulement', async () => {
    const bytes = await workbook((wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet('Notes').addRow(['lisez-moi']);
      const ws = wb.addWorksheet('Dates');
      ws.addRow([]);
      ws.addRow(['', 'jour', 'n']);
      ws.addRow([null, new Date(Date.UTC(2020, 1, 29)), 5]);
    });
    await same(bytes, { feuille: 'Dates' });
    const h = await same(bytes, { feuille: 'Dates', headerOnly: true });
    expect(h.table.headers).toEqual(['', 'jour', 'n']);
  });

  it('feuille vide, feuille inconnue', async () => {
    const bytes = await workbook((wb) => void wb.addWorksheet('Vide'));
    await same(bytes);
    await same(bytes, { feuille: 'Pleine' });
  });
});

describe('lecteur xlsx du cœur : fichiers écrits à la main', () => {
  it('lignes et cellules sans référence, chaîne en ligne, booléen, erreur, cellule vide ou sans valeur', async () => {
    const r = await readXlsx(
      sheetWorkbook(
        '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><r><t>b</t></r><r><t xml:space="preserve">c </t></r></is></c></row><row><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row><row/><row><c/><c><v/></c><c r="C4"><v>3</v></c></row>',
      ),
      { file: 'm.xlsx' },
    );
    expect(r.table.headers).toEqual(['a', 'bc']);
    expect(r.table.rows).toEqual([
      { line: 2, cells: ['VRAI', '#DIV/0!'] },
      { line: 4, cells: ['', ''] },
    ]);
    expect(r.problems.map((p) => [p.code, p.data?.first])).toEqual([['GTEC-W209', 'C4']]);
  });

  it('un classeur sans feuille : E203 qui ne montre pas de nom de feuille vide', async () => {
    const bytes = zip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets/></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships/>' },
    ]);
    const r = await readXlsx(bytes, { file: 'vide.xlsx' });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E203']);
    expect(r.problems[0]!.message.fr).toBe('Classeur « vide.xlsx » illisible : il n’a aucune feuille de calcul. Attendu : un classeur avec au moins une feuille de données.');
    expect(r.problems[0]!.message.fr).not.toContain('«  »');
  });

  it('une archive sans xl/workbook.xml : E203', async () => {
    const r = await readXlsx(zip([{ name: 'a.txt', data: 'x' }]), { file: 'a.xlsx' });
    expect(r.problems.map((p) => [p.code, p.data?.detail])).toEqual([['GTEC-E203', 'xl/workbook.xml is missing']]);
  });
});

describe('limites et bombes zip (générées ici, jamais enregistrées)', () => {
  it('bombe zip : une feuille qui se décompresse 1 000 fois sa taille est refusée (limite « taux » par défaut), sans tout décompresser', async () => {
    const bomb = bombWorkbook(16 << 20);
    expect(bomb.length).toBeLessThan(50_000);
    const r = await readXlsx(bomb, { file: 'bombe.xlsx' });
    expect(r.problems.map((p) => [p.code, p.location?.file])).toEqual([['GTEC-E223', 'bombe.xlsx']]);
    expect(r.problems[0]!.data?.max).toBe(100);
  });

  it('limite « decompresse » : refus au-delà, quel que soit le taux', async () => {
    const r = await readXlsx(bombWorkbook(8 << 20), { file: 'b.xlsx', limites: { decompresse: 2 << 20, taux: 1e9 } });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E222']);
    expect(r.problems[0]!.message.fr).toContain('(2\u00a0Mio)');
  });

  it('limite « entrees » : une archive de 20 000 entrées est refusée avant toute lecture', async () => {
    const many = zip(Array.from({ length: 20_000 }, (_, i) => ({ name: `f${i}`, data: '' })));
    const r = await readXlsx(many, { file: 'n.xlsx' });
    expect(r.problems.map((p) => [p.code, p.data?.value, p.data?.max])).toEqual([['GTEC-E221', 20_000, 10_000]]);
  });

  it('limites « cellule », « lignes », « colonnes » : cellule coupée, lecture arrêtée, cellules ignorées, chacune nommant sa cellule', async () => {
    const long = 'x'.repeat(40_000);
    const r = await readXlsx(
      sheetWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFE1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>`),
      { file: 'l.xlsx', limites: { lignes: 2 } },
    );
    expect(r.table.rows).toEqual([{ line: 2, cells: ['x'.repeat(32_767)] }]);
    expect(r.problems.map((p) => [p.code, p.location?.cell ?? p.location?.line])).toEqual([
      ['GTEC-E224', 'A2'],
      ['GTEC-E226', 'XFE1'],
      ['GTEC-E225', 3],
    ]);
  });

  it('en-tête seulement : la lecture s’arrête après la ligne d’en-tête (une feuille de 8 Mio n’est pas lue en entier)', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join('');
    const bytes = sheetWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row>${rows}`);
    // A budget far below the sheet's size: a full read would be refused, the header-only read is not.
    const h = await readXlsx(bytes, { file: 'g.xlsx', headerOnly: true, limites: { decompresse: 1 << 20 } });
    expect(h.problems).toEqual([]);
    expect(h.table.headers).toEqual(['n']);
    const full = await readXlsx(bytes, { file: 'g.xlsx', limites: { decompresse: 1 << 20 } });
    expect(full.problems.map((p) => p.code)).toEqual(['GTEC-E222']);
  });
});

const BMO = path.resolve(__dirname, '../../../shared/data/bmo-officiel/Base_open_data_BMO_2024.xlsx');
const absent = !existsSync(BMO);
if (absent) console.warn(`Classeur BMO officiel absent (${BMO}) : lecture répétée sautée.`);

describe.skipIf(absent)('classeur BMO officiel (../shared/data)', () => {
  it('lu 10 fois dans le même processus, les mêmes 53 443 lignes à chaque fois', async () => {
    const bytes = new Uint8Array(readFileSync(BMO));
    let first: string | undefined;
    for (let i = 0; i < 10; i++) {
      const r = await readXlsx(bytes, { file: 'bmo.xlsx', feuille: 'BMO_2024_open_data' });
      expect(r.problems).toEqual([]);
      expect(r.table.rows).toHaveLength(53_443);
      const digest = JSON.stringify(r.table.rows[53_442]) + r.table.rows.length;
      first ??= digest;
      expect(digest).toBe(first);
    }
  }, 120_000);
});
