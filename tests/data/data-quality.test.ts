/**
 * Data quality (issue 13 §9-10): `encodage: auto` says when it falls back from UTF-8 (GTEC-W220),
 * métier codes are checked against their nomenclature's form (GTEC-W221, one per column), limits
 * on CSV files, and values from data files reach messages only through `valueText`.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../core/data/csv.js';
import { loadSource } from '../../core/data/load-source.js';
import { parseLimites } from '../../core/data/limits.js';
import { Source } from '../../core/format/schema.js';
import { memoryHost } from '../../core/host.js';
import { valueText } from '../../core/problems.js';

const enc = (s: string) => new TextEncoder().encode(s);
const load = (text: string | Uint8Array, s: Record<string, unknown> = {}) => loadSource(Source.parse({ id: 's', type: 'effectifs', chemin: 'e.csv', ...s }), memoryHost({ 'e.csv': text }), '/sources/0');

describe('encodage: auto', () => {
  it('UTF-8 invalide → Windows-1252, avec GTEC-W220 nommant le fichier, la ligne et l’octet', () => {
    const bytes = new Uint8Array([...enc('metier;zone\nH2913;01\nH24'), 0xff, 0xfe, ...enc('02;01\n')]);
    const r = readCsv(bytes, { file: 'e.csv' });
    expect(r.encoding).toBe('windows-1252');
    expect(r.problems.map((p) => [p.code, p.location])).toEqual([['GTEC-W220', { file: 'e.csv', line: 3 }]]);
    expect(r.problems[0]!.message.fr).toBe(
      '« e.csv », ligne 3 : octet 0xFF invalide en UTF-8 ; le fichier est lu en Windows-1252 (« encodage: auto »). Vérifiez les accents ; si le fichier est bien en Windows-1252, déclarez « encodage: windows-1252 » pour ne plus voir cet avertissement.',
    );
  });

  it('rien à dire pour de l’UTF-8 valide, ni quand Windows-1252 est déclaré', () => {
    expect(readCsv(enc('metier\nmécanicien\n'), { file: 'e.csv' }).problems).toEqual([]);
    expect(readCsv(new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]), { file: 'e.csv', encodage: 'windows-1252' }).problems).toEqual([]);
  });
});

describe('forme des codes métier', () => {
  it('un avertissement par colonne : nombre, premiers exemples, première cellule', async () => {
    const lignes = ['metier;zone;annee;effectif', 'H2913;01;2024;1', 'H24ÿþ02;01;2024;2', 'Total;01;2024;3', 'Total;02;2024;3', 'h2913;01;2024;4'];
    const r = await load(lignes.join('\n'));
    expect(r.problems.map((p) => [p.code, p.location, p.data?.value, p.data?.exemples])).toEqual([['GTEC-W221', { file: 'e.csv', line: 3, column: 1 }, 4, ['H24ÿþ02', 'Total', 'h2913']]]);
    expect(r.loaded?.records).toHaveLength(5);
  });

  it('FAP 2009 et FAP 2021 à tous leurs niveaux, ROME v3 ; pcs et libre non vérifiés', async () => {
    const fap = 'metier;zone;annee;effectif\nA0Z40;01;2024;1\nQAX01;01;2024;1\nG1A;01;2024;1\nT;01;2024;1\n';
    expect((await load(fap, { nomenclature: 'fap2021' })).problems).toEqual([]);
    expect((await load(fap, { nomenclature: 'fap2009' })).problems).toEqual([]);
    expect((await load('metier;zone;annee;effectif\nN4101;01;2024;1\n', { nomenclature: 'rome3' })).problems).toEqual([]);
    expect((await load('metier;zone;annee;effectif\nZ9;01;2024;1\n', { nomenclature: 'rome3' })).problems.map((p) => p.code)).toEqual(['GTEC-W221']);
    expect((await load('metier;zone;annee;effectif\n389a;01;2024;1\n', { nomenclature: 'pcs' })).problems).toEqual([]);
    expect((await load("metier;zone;annee;effectif\nn'importe;01;2024;1\n", { nomenclature: 'libre' })).problems).toEqual([]);
  });
});

describe('limites sur un CSV', () => {
  it('cellule coupée (E224), colonnes au-delà ignorées (E226), lecture arrêtée (E225)', () => {
    const long = 'x'.repeat(50);
    const r = readCsv(enc(`a;b;c\n1;${long};3\n4;5;6\n7;8;9\n`), { file: 'l.csv', limites: { cellule: 10, colonnes: 2, lignes: 3 } });
    expect(r.table.headers).toEqual(['a', 'b']);
    expect(r.table.rows).toEqual([
      { line: 2, cells: ['1', 'x'.repeat(10)] },
      { line: 3, cells: ['4', '5'] },
    ]);
    expect(r.problems.map((p) => [p.code, p.location?.line, p.location?.column])).toEqual([
      ['GTEC-E225', 4, undefined],
      ['GTEC-E224', 2, 2],
      ['GTEC-E226', 1, 3],
    ]);
  });

  it('un code de 100 000 caractères entre guillemets est coupé, et signalé comme non-code', async () => {
    const r = await load(`metier;zone;annee;effectif\n"${'H'.repeat(100_000)}";01;2024;1\n`);
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E224', 'GTEC-W221']);
    expect(r.problems.every((p) => p.message.fr.length < 1000)).toBe(true);
  });

  it('parseLimites : tailles avec unités, noms inconnus refusés', () => {
    expect(parseLimites('taille=500Mio, lignes=5000000,decompresse=2G,cellule=1k')).toEqual({ ok: true, value: { taille: 500 * 1024 * 1024, lignes: 5_000_000, decompresse: 2e9, cellule: 1000 } });
    expect(parseLimites('taille=1.5Go')).toEqual({ ok: true, value: { taille: 1.5e9 } });
    expect(parseLimites('')).toEqual({ ok: true, value: {} });
    expect(parseLimites('taile=3')).toEqual({ ok: false, item: 'taile=3' });
    expect(parseLimites('taille=0')).toEqual({ ok: false, item: 'taille=0' });
  });
});

describe('valeurs des fichiers dans les messages', () => {
  it('NUL et caractères de contrôle passent par valueText (core/problems.ts), jamais bruts', async () => {
    const bad = `1\u0000\u001b[31m2`;
    const r = await load(`metier;zone;annee;effectif\nH2913;01;2024;${bad}\n`);
    const p = r.problems.find((x) => x.code === 'GTEC-E211')!;
    expect(p.message.fr).toContain(`« ${valueText(bad)} »`);
    expect(p.message.en).toContain(`'${valueText(bad)}'`);
  });
});
