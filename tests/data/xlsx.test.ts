import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../core/data/xlsx.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('en-tête sur la première ligne non vide, types de cellules rendus en texte', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Notes').getCell('A1').value = 'Lisez-moi';
      const ws = wb.addWorksheet('Données');
      ws.getCell('B3').value = 'metier';
      ws.getCell('C3').value = { richText: [{ text: 'zo' }, { font: { bold: true }, text: 'ne' }] };
      ws.getCell('D3').value = 'effectif';
      ws.getCell('E3').value = 'date';
      ws.getRow(4).values = [undefined, 'H2913', 1, 0.1 + 0.2, new Date(Date.UTC(2024, 0, 31))];
      ws.getRow(5).values = [undefined, 'N4101', '01', { formula: 'D4*2', result: 0.6000000000000001 }, { error: '#N/A' }];
      ws.getCell('G5').value = 'hors en-tête';
    });
    const r = await readXlsx(bytes, { file: 'c.xlsx', feuille: 'Données' });
    expect(r.table.sheet).toBe('Données');
    expect(r.table.headers).toEqual(['', 'metier', 'zone', 'effectif', 'date']);
    expect(r.table.rows).toEqual([
      // département 1 stored as a number stays "1", as the file shows it; "01" stored as text stays "01"
      { line: 4, cells: ['', 'H2913', '1', '0.30000000000000004', '2024-01-31'] },
      { line: 5, cells: ['', 'N4101', '01', '0.6000000000000001', '#N/A'] },
    ]);
    expect(r.problems.map((p) => [p.code, p.location?.sheet, p.data?.first])).toEqual([['GTEC-W209', 'Données', 'G5']]);
  });

  it('première feuille par défaut', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('A');
      ws.addRow(['x']);
      ws.addRow([1]);
      wb.addWorksheet('B');
    });
    const r = await readXlsx(bytes, { file: 'c.xlsx' });
    expect(r.table.sheet).toBe('A');
    expect(r.table.rows).toEqual([{ line: 2, cells: ['1'] }]);
  });

  it('feuille inconnue : E205 avec la liste des feuilles et une suggestion', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('BMO_2024_open_data').addRow(['a']);
      wb.addWorksheet('Description des variables');
    });
    const r = await readXlsx(bytes, { file: 'bmo.xlsx', feuille: 'BMO_2024_opendata', pointer: '/sources/0/chemin', pointerFeuille: '/sources/0/feuille' });
    expect(r.table.headers).toEqual([]);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p.code).toBe('GTEC-E205');
    expect(p.pointer).toBe('/sources/0/feuille');
    expect(p.data?.sheets).toEqual(['BMO_2024_open_data', 'Description des variables']);
    expect(p.data?.suggestion).toBe('BMO_2024_open_data');
    expect(p.message.fr).toBe('Le classeur « bmo.xlsx » n’a pas de feuille « BMO_2024_opendata ». Feuilles présentes : « BMO_2024_open_data », « Description des variables ». Vouliez-vous dire « BMO_2024_open_data » ?');
  });

  it('fichier qui n’est pas un classeur : E203', async () => {
    const r = await readXlsx(new TextEncoder().encode('a;b\n1;2\n'), { file: 'faux.xlsx' });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E203']);
  });

  it('feuille vide : E206', async () => {
    const bytes = await workbook((wb) => void wb.addWorksheet('Vide'));
    const r = await readXlsx(bytes, { file: 'v.xlsx' });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E206']);
  });
});
