import { describe, expect, it } from 'vitest';
import { LIMITES, parseDiagnosticText } from '../../core/format/parse.js';
import { validateDiagnostic } from '../../core/validation/validate.js';
import { fixture } from './helpers.js';

describe('hostile input is refused with a clear code, never a crash', () => {
  it('billion laughs (10^9 values through aliases) → E004, no value', () => {
    const r = parseDiagnosticText(fixture('GTEC-E004.gtec.yaml'), 'bombe.gtec.yaml');
    expect(r.value).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E004']);
  });

  it('aliases within the alias limit but expanding beyond the value budget → E004', () => {
    // yaml's own guard multiplies alias uses by the aliases inside the anchored node, so aliases of
    // aliases are caught by it; a big plain list used many times is not (90 × 30 000 = 2.7 million
    // values would pass it). Same mechanism with a smaller budget here: 90 uses × 300 values = 27 000 > 20 000.
    const leaf = `[${Array(300).fill('x').join(',')}]`;
    const text = `a: &a ${leaf}\nb: [${Array(90).fill('*a').join(',')}]\n`;
    const r = parseDiagnosticText(text, 'x.gtec.yaml', { valeurs: 20_000 });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E004']);
    expect(r.problems[0]!.message.fr).toContain('20000 valeurs');
    // Under the budget the same text is accepted.
    expect(parseDiagnosticText(text, 'x.gtec.yaml', { valeurs: 30_000 }).problems).toEqual([]);
  });

  it('a few legitimate aliases are fine', () => {
    const r = parseDiagnosticText('a: &x {k: 1}\nb: *x\nc: *x\n', 'x.gtec.yaml');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ a: { k: 1 }, b: { k: 1 }, c: { k: 1 } });
  });

  it('a 10 MB document → E003 before any parsing', async () => {
    const text = 'gtec: 1\ntitre: "' + 'a'.repeat(10 * 1024 * 1024) + '"\n';
    const r = await validateDiagnostic(text, { fileName: 'gros.gtec.yaml' });
    expect(r.doc).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E003']);
    expect(r.problems[0]!.data).toMatchObject({ taille: text.length, limite: LIMITES.caracteres });
  });

  it('deep flow nesting (100 000 brackets) → E005', () => {
    const text = 'a: ' + '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseDiagnosticText(text, 'x.gtec.yaml');
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E005']);
    // Refused at the first bracket past the limit: offset 3 + 64.
    expect(r.problems[0]!.range).toEqual({ start: 3 + LIMITES.profondeur, end: 4 + LIMITES.profondeur });
  });

  it('deep block nesting (70 indented levels) → E005', () => {
    let text = '';
    for (let i = 0; i < 70; i++) text += ' '.repeat(i) + 'k:\n';
    text += ' '.repeat(70) + 'v\n';
    const r = parseDiagnosticText(text, 'x.gtec.yaml');
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E005']);
  });

  it('brackets inside quoted text or comments do not count as nesting', () => {
    const text = `titre: "${'['.repeat(200)}"\n# ${'{'.repeat(200)}\nnote: '${'['.repeat(200)}'\n`;
    const r = parseDiagnosticText(text, 'x.gtec.yaml');
    expect(r.problems).toEqual([]);
  });
});
