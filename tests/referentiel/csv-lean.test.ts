/**
 * The lean CSV scanner (core/referentiel/csv-lean.ts) delivers the same records and lines as the
 * general reader (parseCsvRows) on the texts it accepts, and gives up on the others.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../../core/data/csv-rows.js';
import { scanLeanCsv } from '../../core/referentiel/csv-lean.js';
import { readCsvTable } from '../../core/referentiel/csv-table.js';

function general(text: string): Array<[string[], number]> {
  const out: Array<[string[], number]> = [];
  parseCsvRows(text, ',', (cells, line) => void out.push([cells, line]));
  return out;
}

function lean(text: string): Array<[string[], number]> | undefined {
  const out: Array<[string[], number]> = [];
  return scanLeanCsv(text, ',', (cells, line) => void out.push([[...cells], line])) ? out : undefined;
}

describe('lean CSV scanner', () => {
  const accepted = [
    '"a","b"\n"1","2"\n',
    '"a","b"\n"1","2"',
    '"a","b"\r\n"x, y","z"\r\n',
    '"a","b"\n"il dit ""oui""","2"\n',
    '"a","b"\n"ligne\nsuivante","2"\n"3","4"\n',
    '"a","b"\n\n"1",""\n',
    'a,b\n1,2\n3,\n',
    'a,b\r\n1,2\r\n',
    '"a",b\n"1",2\n,\n',
  ];
  it.each(accepted)('same records and lines as the general reader: %j', (text) => {
    expect(lean(text)).toEqual(general(text));
  });

  const refused = ['"a","b"\n"1"x,"2"\n', 'a,b\n1"2,3\n', 'a,b\r1,2\r', '"a","b"\n"1,2\n', '"a","b"\n"1"  ,"2"\n'];
  it.each(refused)('gives up on %j (the general reader takes it)', (text) => {
    expect(lean(text)).toBeUndefined();
  });

  it('readCsvTable: same table through either reader, unread columns empty, rows filtered', () => {
    const text = '"code","libelle","bloc"\n"A1","Un « titre », long","5"\n"A2","Deux","1"\n';
    const bytes = new TextEncoder().encode(text);
    const full = readCsvTable(bytes, 't.csv', []);
    expect(full?.rows).toEqual([
      ['A1', 'Un « titre », long', '5'],
      ['A2', 'Deux', '1'],
    ]);
    const some = readCsvTable(bytes, 't.csv', [], ['code', 'BLOC'], (h) => (r) => r[h.indexOf('bloc')] === '5');
    expect(some?.header).toEqual(['code', 'libelle', 'bloc']);
    expect(some?.rows).toEqual([['A1', '', '5']]);
    expect(some?.lines).toEqual([2]);
    // A text the lean scanner refuses goes through the general reader, with the same filter.
    const odd = new TextEncoder().encode('"code","libelle","bloc"\n"A1","x"y,"5"\n"A2","Deux","5"\n');
    const problems: unknown[] = [];
    const t = readCsvTable(odd, 'odd.csv', problems as never, ['code'], () => (r) => r[0] === 'A2');
    expect(t?.rows.map((r) => r[0])).toEqual(['A2']);
  });
});
