import { describe, expect, it } from 'vitest';
import { parseDiagnosticText } from '../../core/format/parse.js';
import { validateDiagnostic } from '../../core/validation/validate.js';
import { at, fixture } from './helpers.js';

describe('parseDiagnosticText', () => {
  it('reads YAML 1.2 core: dates and yes/no stay text, 08 is a number', () => {
    const r = parseDiagnosticText('a: 2024-01-01\nb: yes\nc: no\nd: 08\ne: "01"\nf: 0.5\ng: true\n', 'x.gtec.yaml');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ a: '2024-01-01', b: 'yes', c: 'no', d: 8, e: '01', f: 0.5, g: true });
  });

  it('reports malformed YAML with its position and stops there', () => {
    const text = 'gtec: 1\ntitre: "non fermé\nperiode: {debut: 2019\n';
    const r = parseDiagnosticText(text, 'x.gtec.yaml');
    expect(r.value).toBeUndefined();
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.code === 'GTEC-E001' && p.range)).toBe(true);
  });

  it('tabs as indentation → E001 with a French explanation and yaml’s English detail', () => {
    const r = parseDiagnosticText('a:\n\tb: 1\n', 'x.gtec.yaml');
    expect(r.problems[0]!.code).toBe('GTEC-E001');
    expect(r.problems[0]!.message.fr).toMatch(/espaces|indentation/);
    expect(r.problems[0]!.message.en).toMatch(/^Invalid YAML syntax: /);
  });

  it('duplicate keys are reported on the second occurrence and parsing goes on', () => {
    const text = fixture('GTEC-E006.gtec.yaml');
    const r = parseDiagnosticText(text, 'x.gtec.yaml');
    expect(at(text, r.problems)).toEqual(['GTEC-E006 3:1']);
    expect(r.value).toBeDefined();
  });

  it('reads JSON (with positions) when the name ends in .json', async () => {
    const json = JSON.stringify({ gtec: 1, titre: 'Essai', territoire: { nom: 'Ain', type: 'departement', codes: [1] }, periode: { debut: 2019, fin: 2024 } }, null, 2);
    const r = await validateDiagnostic(json, { fileName: 'd.gtec.json' });
    // "codes": [1] is on line 7 of the pretty-printed JSON; the number at column 7.
    expect(at(json, r.problems)).toEqual(['GTEC-E010 8:7']);
  });

  it('JSON syntax errors say what was found and expected, where', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['{"a": 1,}', 8, /clé entre guillemets/],
      ['{"a" 1}', 5, /« : »/],
      ['{"a": [1, 2}', 11, /« , » ou « \] »/],
      ['{"a": tru}', 6, /une valeur/],
      ['{"a": "x\ny"}', 8, /retour à la ligne/],
      ['{"a": 1} x', 9, /fin du fichier/],
      ['', 0, /une valeur/],
    ];
    for (const [text, offset, msg] of cases) {
      const r = parseDiagnosticText(text, 'x.json');
      expect(
        r.problems.map((p) => p.code),
        text,
      ).toEqual(['GTEC-E002']);
      expect(r.problems[0]!.range!.start, text).toBe(offset);
      expect(r.problems[0]!.message.fr, text).toMatch(msg);
    }
  });

  it('valid JSON with escapes, nesting and numbers passes the JSON check', () => {
    const r = parseDiagnosticText('\uFEFF{"a": [1, -2.5e3, {"b": "\\u00e9\\n\\"", "c": [true, false, null]}], "d": {}}', 'x.json');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ a: [1, -2500, { b: 'é\n"', c: [true, false, null] }], d: {} });
  });

  it('several documents → E007; empty file → E008', () => {
    expect(parseDiagnosticText('a: 1\n---\nb: 2\n', 'x.yaml').problems.map((p) => p.code)).toEqual(['GTEC-E007']);
    expect(parseDiagnosticText('', 'x.yaml').problems.map((p) => p.code)).toEqual(['GTEC-E008']);
    expect(parseDiagnosticText('# rien\n', 'x.yaml').problems.map((p) => p.code)).toEqual(['GTEC-E008']);
  });
});
