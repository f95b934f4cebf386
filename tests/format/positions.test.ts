import { describe, expect, it } from 'vitest';
import { parseDiagnosticText } from '../../core/format/parse.js';
import { LineIndex } from '../../core/positions.js';

describe('LineIndex', () => {
  it('1-based lines and columns, LF', () => {
    const li = new LineIndex('ab\ncd\n');
    expect(li.position(0)).toEqual({ line: 1, column: 1 });
    expect(li.position(2)).toEqual({ line: 1, column: 3 }); // the \n itself
    expect(li.position(3)).toEqual({ line: 2, column: 1 });
    expect(li.position(6)).toEqual({ line: 3, column: 1 }); // end of text
    expect(li.lineCount).toBe(3);
  });

  it('CRLF: \\r belongs to the line ending; a lone \\r also ends a line', () => {
    const li = new LineIndex('a\r\nb\rc');
    expect(li.position(1)).toEqual({ line: 1, column: 2 }); // \r
    expect(li.position(3)).toEqual({ line: 2, column: 1 }); // b
    expect(li.position(5)).toEqual({ line: 3, column: 1 }); // c
  });

  it('columns count UTF-16 code units: é is 1, an emoji is 2', () => {
    const text = 'é😀x\nz';
    const li = new LineIndex(text);
    expect(li.position(text.indexOf('x'))).toEqual({ line: 1, column: 4 }); // 1 + é(1) + 😀(2)
  });

  it('clamps out-of-range offsets and inverts with offset()', () => {
    const li = new LineIndex('ab\ncd');
    expect(li.position(-5)).toEqual({ line: 1, column: 1 });
    expect(li.position(99)).toEqual({ line: 2, column: 3 });
    for (let o = 0; o <= 5; o++) {
      const { line, column } = li.position(o);
      expect(li.offset(line, column)).toBe(o);
    }
  });

  it('positions of a CRLF YAML file match the text seen in an editor', () => {
    const text = 'gtec: 1\r\ntitre: Essai\r\nperiode: {debut: 2019, fin: x}\r\n';
    const r = parseDiagnosticText(text, 'x.gtec.yaml');
    const li = new LineIndex(text);
    expect(r.sourceMap.valueRange('/periode/fin')).toBeDefined();
    expect(li.position(r.sourceMap.valueRange('/periode/fin')!.start)).toEqual({ line: 3, column: 29 });
  });
});

describe('SourceMap', () => {
  const text = 'a:\n  b: [1, {c: 2}]\n  d:\nliste:\n  - x: 1\n    y: 2\n';
  const { sourceMap } = parseDiagnosticText(text, 'x.gtec.yaml');
  const li = new LineIndex(text);
  const pos = (r?: { start: number }) => (r ? li.position(r.start) : undefined);

  it('value ranges through maps and lists', () => {
    expect(pos(sourceMap.valueRange('/a/b/1/c'))).toEqual({ line: 2, column: 14 });
    expect(sourceMap.sourceText('/a/b/0')).toBe('1');
    expect(pos(sourceMap.valueRange('/liste/0/y'))).toEqual({ line: 6, column: 8 });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(sourceMap.valueRange('/a/b/7/z')).toEqual(sourceMap.valueRange('/a/b'));
    expect(sourceMap.sourceText('/a/b/7')).toBeUndefined();
  });

  it('key ranges for unknown keys; the key for an empty value (not a zero-width spot)', () => {
    expect(pos(sourceMap.keyRange('/liste/0/y'))).toEqual({ line: 6, column: 5 });
    expect(pos(sourceMap.valueRange('/a/d'))).toEqual({ line: 3, column: 3 });
  });

  it('missing keys point at the parent’s key, or at the first key of a list item', () => {
    expect(pos(sourceMap.missingKeyRange('/a/zz'))).toEqual({ line: 1, column: 1 });
    expect(pos(sourceMap.missingKeyRange('/liste/0/zz'))).toEqual({ line: 5, column: 5 });
  });

  it('an empty source map gives no range', () => {
    expect(parseDiagnosticText('', 'x.yaml').sourceMap.valueRange('/a')).toBeUndefined();
  });
});
