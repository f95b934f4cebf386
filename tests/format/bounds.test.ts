/**
 * Bounds on what one file reports (issue 13, items 3 and 10): no stack overflow however many
 * problems, at most PROBLEMES_MAX of them with a final GTEC-W002, ranges inside the text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagnosticText } from '../../core/format/parse.js';
import { makeFormatProblem } from '../../core/format/problems-format.js';
import type { Problem } from '../../core/problems.js';
import { PROBLEMES_MAX, capProblems, clampRanges } from '../../core/validation/problem-cap.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';
import { brokenInvariants } from '../fuzz/invariants.js';

const DEMO = readFileSync(path.resolve(__dirname, '../../examples/demo/diagnostic.gtec.yaml'), 'utf8');

/** The demo with `n` more métiers, all the same code (GTEC-E104 each). */
function duplicateMetiers(n: number): string {
  const at = DEMO.indexOf('\nmetiers:\n') + '\nmetiers:\n'.length;
  return DEMO.slice(0, at) + '  - {code: H2913}\n'.repeat(n) + DEMO.slice(at);
}

describe('one file reports a bounded number of problems', () => {
  it('130 000 duplicate métiers (2.3 MB): no stack overflow, 1 000 problems then one GTEC-W002 counting the rest', () => {
    const text = duplicateMetiers(130_000);
    expect(text.length).toBeGreaterThan(2_000_000);
    const { problems } = validateDiagnosticSync(text, { fileName: 'doublons.gtec.yaml' });
    expect(problems).toHaveLength(PROBLEMES_MAX + 1);
    const last = problems[PROBLEMES_MAX]!;
    expect(last.code).toBe('GTEC-W002');
    expect(last.data).toMatchObject({ limite: PROBLEMES_MAX, avertissements: 0 });
    expect(problems.slice(0, -1).every((p) => p.code !== 'GTEC-W002')).toBe(true);
    const d = last.data as { value: number; erreurs: number; infos: number };
    // 130 000 duplicates of H2913 (plus the demo's own lines for it), a few infos of the demo.
    expect(d.erreurs).toBeGreaterThan(129_000 - PROBLEMES_MAX);
    expect(d.value).toBe(d.erreurs + d.infos);
    expect(last.message.fr).toMatch(/^\d[\d\u202f]* autre\(s\) problème\(s\) non affiché\(s\) : au plus 1\u202f000 problèmes/);
    expect(brokenInvariants(text, problems)).toEqual([]);
  });

  it('keeps errors first, then warnings, then infos, each in order', () => {
    const mk = (code: 'GTEC-E104' | 'GTEC-W106' | 'GTEC-I101', i: number): Problem => {
      const extra = { range: { start: i, end: i + 1 } };
      return code === 'GTEC-E104' ? makeFormatProblem(code, `/${i}`, { value: 'x', section: 's', premier: '/0' }, extra) : makeFormatProblem(code, `/${i}`, { value: `v${i}` }, extra);
    };
    const list = [mk('GTEC-I101', 0), mk('GTEC-W106', 1), mk('GTEC-E104', 2), mk('GTEC-W106', 3), mk('GTEC-E104', 4), mk('GTEC-I101', 5)];
    const capped = capProblems([...list], 3);
    expect(capped.map((p) => p.pointer)).toEqual(['/1', '/2', '/4', '']);
    expect(capped[3]!.data).toMatchObject({ value: 3, erreurs: 0, avertissements: 1, infos: 2 });
    // Capped again with more problems: one W002 whose counts add up.
    const again = capProblems([...capped, mk('GTEC-E104', 6), mk('GTEC-E104', 7)], 3);
    expect(again.map((p) => p.pointer)).toEqual(['/2', '/4', '/6', '']);
    expect(again[3]!.data).toMatchObject({ value: 5, erreurs: 1, avertissements: 2, infos: 2 });
    expect(capProblems([...list])).toHaveLength(list.length);
  });
});

describe('ranges stay inside the text', () => {
  it.each(['gtec: 1\ntitre: "abc', 'gtec: 1\ntitre: [a, b', 'a: {', "a: 'x", '[', '{a: 1', 'a: "\\'])('a syntax error at the end of %j is on its last character, not past it', (text) => {
    const { problems } = parseDiagnosticText(text, 'x.gtec.yaml');
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.range).toEqual({ start: text.length - 1, end: text.length });
    expect(brokenInvariants(text, validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' }).problems)).toEqual([]);
  });

  it('clampRanges brings any range inside [0, length]', () => {
    const p = makeFormatProblem('GTEC-E008', '', {}, { range: { start: 12, end: 40 } });
    const q = makeFormatProblem('GTEC-E008', '', {}, { range: { start: -3, end: Number.NaN } });
    clampRanges([p, q], 10);
    expect(p.range).toEqual({ start: 10, end: 10 });
    expect(q.range).toEqual({ start: 0, end: 0 });
  });
});
