import { describe, expect, it } from 'vitest';
import { estFormulePotentielle, ligneCsv, neutralise, texteCsv } from '../../core/report/neutralise.js';

describe('neutralise', () => {
  it('prefixes with an apostrophe every text a spreadsheet could read as a formula', () => {
    for (const t of ['=1+1', '+cmd|x', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF201']) {
      expect(estFormulePotentielle(t), JSON.stringify(t)).toBe(true);
      expect(neutralise(t)).toBe("'" + t);
    }
  });

  it('removes control characters before deciding (exceljs and spreadsheets drop them): \\x01=HYPERLINK is guarded', () => {
    expect(neutralise('\u0001=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralise('\u0000\u001b\u007f\u0085+cmd|x')).toBe("'+cmd|x");
    expect(estFormulePotentielle('\u200b\u202e@SUM(A1)')).toBe(true);
    expect(neutralise('a\u0001b\tc\nd')).toBe('ab\tc\nd');
    expect(ligneCsv(['\u0001=1+1', 'x'], ',')).toBe("'=1+1,x");
  });

  it('leaves ordinary text alone', () => {
    for (const t of ['', 'Soudeur / Soudeuse', ' =1', "'=1", 'H2913', '<script>', '50 %', 'a=b']) {
      expect(neutralise(t)).toBe(t);
    }
  });
});

describe('ligneCsv / texteCsv', () => {
  it('neutralises text, quotes what needs it, writes numbers as numbers and null as empty', () => {
    // '=1+1' → "'=1+1" (no separator: unquoted); 'a;b' quoted; 'x"y' quoted with doubled quote.
    expect(ligneCsv(['=1+1', 'a;b', 'x"y', 3, -0.5, null, undefined, true])).toBe(`'=1+1;"a;b";"x""y";3;-0.5;;;true`);
    expect(ligneCsv(['=SUM(A1,A2)', 'ligne\nsuivante'], ',')).toBe(`"'=SUM(A1,A2)","ligne\nsuivante"`);
    expect(ligneCsv([Number.NaN, Number.POSITIVE_INFINITY])).toBe(';');
  });

  it('ends every line with CRLF', () => {
    expect(
      texteCsv([
        ['code', 'libelle'],
        ['H2913', '@Soudeur'],
      ]),
    ).toBe("code;libelle\r\nH2913;'@Soudeur\r\n");
  });
});
