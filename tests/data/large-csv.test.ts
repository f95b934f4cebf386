import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../core/data/csv.js';

// A ~50 MB French CSV written at test time in the system's temporary folder (never committed).
const file = path.join(os.tmpdir(), `gtec-large-${randomBytes(4).toString('hex')}.csv`);
afterAll(() => rmSync(file, { force: true }));

describe('CSV de 50 Mo', () => {
  it('est lu en entier, avec le bon nombre de lignes et les bons numéros de ligne', () => {
    const parts: string[] = ['metier;zone;annee;effectif;libelle\r\n'];
    let size = parts[0]!.length;
    let n = 0;
    while (size < 50 * 1024 * 1024) {
      // every 1000th record has a quoted libellé over two lines
      const libelle = n % 1000 === 0 ? '"Soudeur ; chaudronnier\r\nqualifié"' : 'Métier numéro ' + n;
      const line = `H${String(n % 10000).padStart(4, '0')};${String(n % 36000).padStart(5, '0')};2020;${n % 97},${n % 10};${libelle}\r\n`;
      parts.push(line);
      size += Buffer.byteLength(line);
      n++;
    }
    writeFileSync(file, parts.join(''));
    const bytes = new Uint8Array(readFileSync(file));
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const r = readCsv(bytes, { file: 'gros.csv' });
    expect(r.problems).toEqual([]);
    expect(r.table.rows).toHaveLength(n);
    // Record k starts on line 2 + k + (records with a two-line libellé before it, k ≥ 1: ceil(k/1000))
    const k = n - 1;
    expect(r.table.rows[k]!.line).toBe(2 + k + Math.ceil(k / 1000));
    expect(r.table.rows[1000]!.cells[4]).toBe('Soudeur ; chaudronnier\r\nqualifié');
    expect(r.table.rows[k]!.cells[3]).toBe(`${k % 97},${k % 10}`);
  }, 240_000);
});
