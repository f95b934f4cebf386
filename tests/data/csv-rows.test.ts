import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../../core/data/csv-rows.js';

/** All records as [line, cells], and the lines of never-closed quotes. */
function rows(text: string, delimiter = ';', max = Infinity) {
  const out: Array<[number, string[]]> = [];
  const end = parseCsvRows(text, delimiter, (cells, line) => {
    out.push([line, cells]);
    return out.length < max;
  });
  return { out, bad: end.badQuoteLines };
}

describe('parseCsvRows', () => {
  it('CRLF, valeur entre guillemets sur deux lignes, ligne vide', () => {
    // line 1 a;b — line 2 starts "x, line 3 ends it — line 4 blank — line 5 2;z
    expect(rows('a;b\r\n1;"x\r\ny;"\r\n\r\n2;z\r\n').out).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\r\ny;']],
      [4, ['']],
      [5, ['2', 'z']],
      [6, ['']],
    ]);
  });
  it('\\r\\n et \\n mêlés : aucun \\r ne reste dans les cellules ; un \\r entre guillemets est gardé', () => {
    // the lone \r inside "4\r" is a line break for editors (and csv-parse before): 5;6 is on line 5
    expect(rows('a;b\r\n1;2\n3;"4\r"\r\n5;6').out).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4\r']],
      [5, ['5', '6']],
    ]);
    expect(rows('a;b\r\n1;2\n3;"4\r\n"\r\n5;6').out.slice(2)).toEqual([
      [3, ['3', '4\r\n']],
      [5, ['5', '6']],
    ]);
  });
  it('un \\r seul parmi des \\n coupe aussi l’enregistrement et compte une ligne', () => {
    // lines: 1 a;b, 2 1;2 (ends with a lone \r), 3 3;"x\ny" starts, 4 y", 5 5;6
    expect(rows('a;b\n1;2\r3;"x\ny"\n5;6').out).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', 'x\ny']],
      [5, ['5', '6']],
    ]);
  });
  it('fichier en \\r seuls (ancien Mac)', () => {
    expect(rows('a;b\r1;2\r3;4\r').out.slice(0, 3)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });
  it('guillemets suivis d’autre texte : valeur gardée telle qu’écrite, la suite lue normalement', () => {
    expect(rows('a;b\n"Le Bon" coin;1\n"a""b" c;2\n"x"  ;3\n4;"y"\n').out).toEqual([
      [1, ['a', 'b']],
      [2, ['"Le Bon" coin', '1']],
      [3, ['"a"b" c', '2']], // doubled quote made single, as csv-parse's relax_quotes
      [4, ['"x"  ', '3']],
      [5, ['4', 'y']],
      [6, ['']],
    ]);
  });
  it('guillemet jamais fermé : sa ligne, les enregistrements d’avant livrés', () => {
    const r = rows('a;b\n1;2\n3;"ouvert\n4;5\n');
    expect(r.out).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(r.bad).toEqual([3]);
  });
  it('tabulation et virgule comme séparateurs', () => {
    expect(rows('a\tb\n"1\t2"\t3\n', '\t').out[1]).toEqual([2, ['1\t2', '3']]);
    expect(rows('a,b\n"1,5",3\n', ',').out[1]).toEqual([2, ['1,5', '3']]);
  });
  it('s’arrête quand onRow renvoie false', () => {
    expect(rows('a;b\n1;2\n3;4\n5;6\n', ';', 2).out).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });
  it('texte vide : aucun enregistrement', () => {
    expect(rows('')).toEqual({ out: [], bad: [] });
  });
});
