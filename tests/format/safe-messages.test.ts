/**
 * Values of the user's file inside messages (issue 13, item 2): one renderer, `valueText`, that
 * never calls the value's own methods, writes mappings as JSON, escapes control characters and
 * caps the length; every message goes through it, whatever the code.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_MAX, VALUE_MAX, escapeControls, safeText, valueText } from '../../core/problems.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';
import { brokenInvariants } from '../fuzz/invariants.js';

const MINI = 'gtec: 1\ntitre: x\nterritoire: { nom: T, type: region, codes: ["52"] }\nperiode: { debut: 2019, fin: 2024 }\n';
const check = (text: string, fileName = 'x.gtec.yaml') => validateDiagnosticSync(text, { fileName }).problems;

describe('valueText', () => {
  it('renders mappings as JSON without calling their toString, valueOf or toJSON', () => {
    const hostile = JSON.parse('{"toString": 1, "valueOf": 2, "toJSON": 3, "__proto__": {"toString": 4}}');
    expect(valueText(hostile)).toBe('{"toString":1,"valueOf":2,"toJSON":3,"__proto__":{"toString":4}}');
    expect(valueText(Object.create(null))).toBe('{}');
    expect(valueText([1, 'a', { b: [true, null] }])).toBe('1, a, {"b":[true,null]}');
  });

  it('escapes control characters, NUL, bidirectional overrides and lone surrogates', () => {
    expect(valueText('a\u001b[31mb\u0007\r\n\t\u0000')).toBe('a\\u001B[31mb\\u0007\\r\\n\\t\\0');
    expect(valueText('\u202egnp.exe')).toBe('\\u202Egnp.exe');
    expect(escapeControls('x\ud800y')).toBe('x\\uD800y');
    expect(escapeControls('😀 é « »')).toBe('😀 é « »');
  });

  it('caps the length: of a string, of a long list, of a deep or wide mapping', () => {
    expect(valueText('x'.repeat(1_000_000))).toHaveLength(VALUE_MAX);
    expect(valueText('x'.repeat(500)).endsWith('…')).toBe(true);
    expect(valueText(Array(200_000).fill('abc')).length).toBeLessThanOrEqual(VALUE_MAX);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { k: deep };
    expect(valueText(deep)).toBe('{"k":{"k":{"k":{…}}}}');
    expect(valueText(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))).length).toBeLessThanOrEqual(VALUE_MAX);
    // 1 000 NUL bytes: escaped, then capped.
    expect(safeText('\u0000'.repeat(1000))).toBe('\\0'.repeat(99) + '…');
  });
});

describe('every message is made safe, whatever the code', () => {
  it('gtec: {toString: 1} is an E017 that names the value as JSON, no crash', () => {
    const problems = check('gtec: {toString: 1}\n');
    const e017 = problems.find((p) => p.code === 'GTEC-E017');
    expect(e017?.message.fr).toContain('« gtec: {"toString":1} »');
    expect(brokenInvariants('gtec: {toString: 1}\n', problems)).toEqual([]);
  });

  it('toString, __proto__ and constructor as keys and values anywhere give problems, not crashes', () => {
    for (const key of ['toString', '__proto__', 'constructor', 'valueOf', 'hasOwnProperty']) {
      for (const text of [
        `${MINI}${key}: 1\n`,
        `${MINI}${key}: {toString: 1}\n`,
        MINI.replace('type: region', `type: {${key}: 1}`),
        MINI.replace('titre: x', `titre: {${key}: {toString: 1}}`),
        MINI.replace('debut: 2019', `debut: {${key}: 1}`),
        `${MINI}acteurs: [{id: a, nom: A, roles: [{${key}: 1}]}]\n`,
        `${MINI}metiers: [{code: {${key}: 1}}]\n`,
      ]) {
        const problems = check(text);
        expect(problems.length, text).toBeGreaterThan(0);
        expect(brokenInvariants(text, problems), text).toEqual([]);
      }
    }
  });

  it('a duplicate key holding ESC and BEL is named with its escapes (text and github outputs show them, not obey them)', () => {
    const text = `${MINI}"a\\e[2J\\a": 1\n"a\\e[2J\\a": 2\n`;
    const p = check(text).find((x) => x.code === 'GTEC-E006');
    expect(p?.message.fr).toContain('« a\\u001B[2J\\u0007 »');
    expect(brokenInvariants(text, check(text))).toEqual([]);
  });

  it('1 000 NUL bytes and a 1 MB value are not echoed whole', () => {
    const nul = MINI.replace('type: region', `type: "${'\\0'.repeat(1000)}"`);
    const big = MINI.replace('type: region', `type: ${'r'.repeat(1_000_000)}`);
    for (const text of [nul, big]) {
      const problems = check(text);
      const e013 = problems.find((p) => p.code === 'GTEC-E013')!;
      expect(e013.message.fr.length).toBeLessThan(VALUE_MAX + 400);
      expect(brokenInvariants(text, problems)).toEqual([]);
    }
  });

  it('JSON: a key with a control character', () => {
    const text = '{"gtec": 1, "titre": "x", "k\\u001b": 1, "territoire": {"nom": "T", "type": "region", "codes": ["52"]}, "periode": {"debut": 2019, "fin": 2024}}';
    const problems = check(text, 'x.gtec.json');
    expect(problems.map((p) => p.code)).toContain('GTEC-E012');
    expect(brokenInvariants(text, problems)).toEqual([]);
  });

  it('no message is longer than MESSAGE_MAX', () => {
    const text = `${MINI}acteurs: [${Array.from({ length: 1000 }, (_, i) => `{id: a${i}, nom: A, roles: [pilotage]}`).join(', ')}]\nfinancements: [{id: f, nom: F, financeur: zzz${'z'.repeat(5000)}, montant: 1}]\n`;
    for (const p of check(text)) expect(p.message.fr.length).toBeLessThanOrEqual(MESSAGE_MAX);
  });
});
