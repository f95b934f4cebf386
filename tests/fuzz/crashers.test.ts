/**
 * Every document the fuzzer found failing (scripts/fuzz.ts, seed 7, on the code before issue 13:
 * raw control characters in E001/E002/E006/E010/E012 messages, a range past the end of the text,
 * messages of 5 000 to 40 000 characters echoing the file) is kept in tests/fixtures/fuzz/ and
 * replayed here: validation and the whole run, with the fuzzer's invariants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from './check-document.js';

const DIR = path.resolve(__dirname, '../fixtures/fuzz');

describe('fuzz crashers stay fixed', () => {
  it.each(readdirSync(DIR).filter((f) => /\.gtec\.(yaml|json)$/.test(f)))('%s', async (file) => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    expect(await checkDocument({ fileName: file.endsWith('.json') ? 'fuzz.gtec.json' : 'fuzz.gtec.yaml', text }, { analyse: true })).toEqual([]);
  });
});
