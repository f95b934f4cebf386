import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../core/data/csv.js';
import { readTable } from '../../core/data/table.js';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/data', name)));
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('detectDelimiter', () => {
  it('point-virgule malgré les virgules décimales', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n4;5,1;6\n')).toBe(';');
  });
  it('virgule, tabulation', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });
  it('ignore les séparateurs entre guillemets', () => {
    expect(detectDelimiter('"a;x","b;y",c\n"1;2",3,4\n')).toBe(',');
  });
});

describe('readCsv', () => {
  it('point-virgule, virgules décimales, espaces insécables, CRLF', () => {
    const r = readCsv(fixture('effectifs-point-virgule.csv'), { file: 'e.csv' });
    expect(r.delimiter).toBe(';');
    expect(r.problems).toEqual([]);
    expect(r.table.headers).toEqual(['metier', 'zone', 'annee', 'effectif', 'libelle']);
    expect(r.table.rows.map((x) => x.line)).toEqual([2, 3, 4, 5]);
    expect(r.table.rows[0]!.cells).toEqual(['H2913', '01001', '2020', '1\u00a0234,5', 'Soudage manuel']);
  });
  it('virgule avec champ entre guillemets', () => {
    const r = readCsv(fixture('effectifs-virgule.csv'), { file: 'v.csv' });
    expect(r.delimiter).toBe(',');
    expect(r.table.rows[0]!.cells[3]).toBe('1 234,5');
  });
  it('tabulation, imposée ou détectée', () => {
    for (const separateur of ['tab', 'auto'] as const) {
      const r = readCsv(fixture('effectifs-tab.tsv'), { file: 't.tsv', separateur });
      expect(r.delimiter).toBe('\t');
      expect(r.table.rows.map((x) => x.cells[3])).toEqual(['7', '8,25']);
    }
  });
  it('UTF-8 avec BOM : le BOM ne colle pas au premier en-tête', () => {
    const r = readCsv(fixture('bom-utf8.csv'), { file: 'b.csv' });
    expect(r.encoding).toBe('utf-8');
    expect(r.table.headers).toEqual(['métier', 'zone', 'année', 'effectif']);
  });
  it('Windows-1252 détecté (é = 0xE9)', () => {
    const r = readCsv(fixture('windows-1252.csv'), { file: 'w.csv' });
    expect(r.encoding).toBe('windows-1252');
    expect(r.table.headers[1]).toBe('libellé');
    expect(r.table.rows[0]!.cells[1]).toBe('Soudeur qualifié');
  });
  it('Windows-1252 lu en UTF-8 imposé : avertissement W201 avec la ligne', () => {
    const r = readCsv(fixture('windows-1252.csv'), { file: 'w.csv', encodage: 'utf-8' });
    expect(r.problems.map((p) => [p.code, p.location?.line])).toEqual([['GTEC-W201', 1]]);
  });
  it('guillemets sur plusieurs lignes : numéros de ligne justes, lignes vides ignorées', () => {
    const r = readCsv(fixture('guillemets-multilignes.csv'), { file: 'g.csv' });
    expect(r.problems).toEqual([]);
    // line 1 header; record 2 spans lines 2–4; line 5 "simple"; line 6 empty; line 7 the last record
    expect(r.table.rows.map((x) => x.line)).toEqual([2, 5, 7]);
    expect(r.table.rows[0]!.cells[4]).toBe('première ligne\nseconde ligne\ntroisième');
    expect(r.table.rows[2]!.cells).toEqual(['H2913', '01003', '2020', 'x', 'a;b']);
  });
  it('lignes irrégulières : E207 avec la ligne, ligne ignorée ; champ final vide toléré', () => {
    const r = readCsv(fixture('lignes-irregulieres.csv'), { file: 'l.csv' });
    expect(r.problems.map((p) => [p.code, p.location?.line, p.data?.value, p.data?.expected])).toEqual([
      ['GTEC-E207', 3, 3, 4],
      ['GTEC-E207', 4, 5, 4],
    ]);
    expect(r.problems[0]!.message.fr).toBe('« l.csv », ligne 3 : 3 champ(s) trouvé(s), 4 attendu(s) comme dans l’en-tête ; ligne ignorée. Un séparateur dans une valeur non entourée de guillemets ?');
    expect(r.table.rows.map((x) => x.line)).toEqual([2, 5]);
  });
  it('guillemet jamais fermé : E208 à la ligne où il s’ouvre, les lignes d’avant sont gardées', () => {
    const r = readCsv(fixture('guillemet-non-ferme.csv'), { file: 'q.csv', pointer: '/sources/0/chemin' });
    expect(r.problems.map((p) => [p.code, p.location?.line, p.pointer])).toEqual([['GTEC-E208', 3, '/sources/0/chemin']]);
    expect(r.table.rows.map((x) => x.line)).toEqual([2]);
  });
  it('en-têtes en double et vides', () => {
    const r = readCsv(fixture('en-tetes-doubles.csv'), { file: 'd.csv' });
    expect(r.problems.map((p) => [p.code, p.location?.column])).toEqual([
      ['GTEC-W203', 3],
      ['GTEC-W202', 4],
    ]);
  });
  it('fichier vide : E206 ; en-tête seul : W208', () => {
    expect(codes(readCsv(new Uint8Array(), { file: 'v.csv' }).problems)).toEqual(['GTEC-E206']);
    expect(codes(readCsv(new TextEncoder().encode('\n\n  \n'), { file: 'v.csv' }).problems)).toEqual(['GTEC-E206']);
    expect(codes(readCsv(new TextEncoder().encode('a;b\n'), { file: 'v.csv' }).problems)).toEqual(['GTEC-W208']);
  });
  it('au-delà de 50 problèmes du même code : un résumé W205', () => {
    const lines = ['a;b', ...Array.from({ length: 120 }, (_, i) => `${i};${i};${i}`)];
    const r = readCsv(new TextEncoder().encode(lines.join('\n')), { file: 'x.csv' });
    expect(r.problems.filter((p) => p.code === 'GTEC-E207')).toHaveLength(50);
    const w = r.problems.find((p) => p.code === 'GTEC-W205')!;
    expect(w.data?.value).toBe(70);
  });
});

describe('readTable', () => {
  it('format inconnu : E204', async () => {
    const r = await readTable(new Uint8Array(), { file: 'donnees.ods' });
    expect(r.table).toBeUndefined();
    expect(codes(r.problems)).toEqual(['GTEC-E204']);
  });
  it('par extension', async () => {
    const r = await readTable(fixture('effectifs-tab.tsv'), { file: 'x.tsv' });
    expect(r.table?.rows).toHaveLength(2);
  });
});
