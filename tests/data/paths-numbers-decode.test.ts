import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../core/data/decode.js';
import { parseNombre, parsePart } from '../../core/data/numbers.js';
import { checkRelativePath, inDonnees, readablePath } from '../../core/paths.js';

describe('checkRelativePath', () => {
  it.each([
    ['donnees/bmo.xlsx', 'donnees/bmo.xlsx'],
    ['./donnees//bmo.csv', 'donnees/bmo.csv'],
    ['a/../b.csv', 'b.csv'],
    ['donnees\\sous\\f.csv', 'donnees/sous/f.csv'],
    ['a\\..\\b\\c.csv', 'b/c.csv'],
    ['.', '.'],
    ['$donnees/bmo/x.xlsx', '$donnees/bmo/x.xlsx'],
    ['$donnees\\bmo\\x.xlsx', '$donnees/bmo/x.xlsx'],
    ['$donnees/a/../b.csv', '$donnees/b.csv'],
    ['$donnees', '$donnees'],
    // Only the first segment names the data folder.
    ['a/$donnees/x.csv', 'a/$donnees/x.csv'],
  ])('%s → %s', (p, expected) => {
    expect(checkRelativePath(p)).toEqual({ ok: true, path: expected });
  });
  it.each([
    ['', 'vide'],
    ['   ', 'vide'],
    ['/etc/passwd', 'absolu'],
    ['C:\\Users\\x.csv', 'absolu'],
    ['c:/x.csv', 'absolu'],
    ['\\\\serveur\\partage\\x.csv', 'absolu'],
    ['~/x.csv', 'absolu'],
    ['http://exemple.fr/x.csv', 'absolu'],
    ['file:///etc/passwd', 'absolu'],
    ['../x.csv', 'remonte'],
    ['a/../../b.csv', 'remonte'],
    ['a\\..\\..\\b.csv', 'remonte'],
    ['a\u0000.csv', 'invalide'],
    ['a:b.csv', 'absolu'], // drive-relative on Windows
    ['dossier/a:b.csv', 'invalide'],
    // `..` never leaves the data folder, not even into the diagnostic's folder.
    ['$donnees/../x.csv', 'remonte'],
    ['$donnees/a/../../x.csv', 'remonte'],
  ])('%j refusé (%s)', (p, reason) => {
    expect(checkRelativePath(p)).toEqual({ ok: false, reason });
  });
});

describe('$donnees paths', () => {
  it('inDonnees: the first segment only', () => {
    expect(['$donnees/x', '$donnees\\x', '$donnees'].map(inDonnees)).toEqual([true, true, true]);
    expect(['donnees/x', '$donneesx/y', 'a/$donnees/x', '$DONNEES/x'].map(inDonnees)).toEqual([false, false, false, false]);
  });
  it('readablePath: a $donnees path only when the host declares a data folder', () => {
    expect(readablePath('$donnees/x.csv', {})).toBeUndefined();
    expect(readablePath('$donnees/x.csv', { donnees: '../shared/data' })).toBe('$donnees/x.csv');
    expect(readablePath('a/./x.csv', {})).toBe('a/x.csv');
    expect(readablePath('../x.csv', { donnees: 'd' })).toBeUndefined();
  });
});

describe('parseNombre', () => {
  const v = (raw: string) => {
    const r = parseNombre(raw);
    return r.ok ? r.value : 'invalide';
  };
  it.each([
    ['12', 12],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['-3', -3],
    ['\u22123,5', -3.5],
    ['+7', 7],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234\u202f567', 1234567],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234', 1.234], // a single point is a decimal point (documented)
    [',5', 0.5],
    ['1,5E+03', 1500],
    ['3.0', 3],
    ['  42  ', 42],
    ['-0', 0],
  ])('%j → %d', (raw, expected) => {
    expect(v(raw)).toEqual({ valeur: expected, masque: false });
  });
  it.each(['*', '**', 's', 'S', 'nd', 'n.d.', 'NC', 'secret'])('%j est masqué', (raw) => {
    expect(v(raw)).toEqual({ valeur: null, masque: true });
  });
  it('vide → null non masqué', () => {
    expect(v('')).toEqual({ valeur: null, masque: false });
    expect(v('  ')).toEqual({ valeur: null, masque: false });
  });
  it.each(['douze', '12,5,3', '1 23', '12 5', '1.234.56', '1 234.567,5', '12,', '1e', '-', 'NaN', 'Infinity', '57 %', '0x10', '1..2'])('%j invalide', (raw) => {
    expect(v(raw)).toBe('invalide');
  });
});

describe('parsePart', () => {
  it('57 % → 0.57, 0,57 → 0.57, * masqué, % seul invalide', () => {
    expect(parsePart('57 %')).toEqual({ ok: true, value: { valeur: 0.57, masque: false } });
    expect(parsePart('57%')).toEqual({ ok: true, value: { valeur: 0.57, masque: false } });
    expect(parsePart('12,5 %')).toEqual({ ok: true, value: { valeur: 0.125, masque: false } });
    expect(parsePart('0,57')).toEqual({ ok: true, value: { valeur: 0.57, masque: false } });
    expect(parsePart('*')).toEqual({ ok: true, value: { valeur: null, masque: true } });
    expect(parsePart('%')).toEqual({ ok: false });
  });
});

describe('decodeText', () => {
  const utf8 = new TextEncoder().encode('métier');
  it('UTF-8 sans BOM', () => {
    expect(decodeText(utf8)).toEqual({ text: 'métier', encoding: 'utf-8', bom: false });
  });
  it('UTF-8 avec BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: 'métier', encoding: 'utf-8', bom: true });
  });
  it('Windows-1252 détecté (é = 0xE9, € = 0x80)', () => {
    const b = new Uint8Array([0x6d, 0xe9, 0x74, 0x69, 0x65, 0x72, 0x20, 0x80]);
    // The fallback says where the first byte that is not UTF-8 is (for GTEC-W220).
    expect(decodeText(b)).toEqual({ text: 'métier €', encoding: 'windows-1252', bom: false, repli: { offset: 1, line: 1, byte: 0xe9 } });
  });
  it('Windows-1252 : œ (0x9C), ’ (0x92) et les octets sans caractère', () => {
    const b = new Uint8Array([0x63, 0x9c, 0x75, 0x72, 0x92, 0x81]);
    expect(decodeText(b, 'windows-1252').text).toBe('cœur’\u0081');
  });
  it('UTF-16 LE et BE avec BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xe9, 0x00, 0x61, 0x00]))).toMatchObject({ text: 'éa', encoding: 'utf-16le', bom: true });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0xe9, 0x00, 0x61]))).toMatchObject({ text: 'éa', encoding: 'utf-16be', bom: true });
  });
  it('utf-8 imposé sur un fichier Windows-1252 : position du premier octet invalide', () => {
    // "a\nb\n" then 0xE9 at offset 4, on line 3
    const r = decodeText(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xe9]), 'utf-8');
    expect(r.invalide).toEqual({ offset: 4, line: 3 });
    expect(r.text).toBe('a\nb\n\ufffd');
  });
  it('firstInvalidUtf8 refuse surlongueurs et surrogats', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(utf8)).toBe(utf8.length);
  });
});
