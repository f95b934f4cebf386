import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalogue, type FormatCode } from '../../core/format/problems-format.js';
import { validateDiagnostic } from '../../core/validation/validate.js';
import { memoryHost } from '../../core/host.js';
import { FORMAT_SANS_FIXTURE } from '../problems/producers.js';
import { FIXTURES, PETIT_REFERENTIEL, at, fixture } from './helpers.js';

const files = readdirSync(FIXTURES).filter((f) => f.startsWith('GTEC-'));

describe('one fixture per format code', () => {
  it('every code of the catalogue has a fixture (or a producer in tests/problems/producers.ts)', () => {
    const withFixture = new Set(files.map((f) => f.replace(/\.gtec\.(yaml|json)$/, '')));
    const missing = Object.keys(Catalogue).filter((c) => !withFixture.has(c) && !(c in FORMAT_SANS_FIXTURE));
    expect(missing).toEqual([]);
  });

  it.each(files)('%s produces its code at the line:column its comment states', async (file) => {
    const text = fixture(file);
    const m = /attendu : (GTEC-[EWI]\d{3}) (\d+:\d+)/.exec(text);
    expect(m, 'the fixture states « attendu : CODE ligne:colonne »').not.toBeNull();
    const [, code, pos] = m!;
    expect(file.startsWith(code!)).toBe(true);
    // Files are checked (through an empty host) only for E113; E105 needs a referential.
    const { problems } = await validateDiagnostic(text, {
      fileName: file,
      ...(code === 'GTEC-E113' ? { host: memoryHost({}) } : {}),
      ...(code === 'GTEC-E105' ? { referential: PETIT_REFERENTIEL } : {}),
    });
    expect(at(text, problems)).toContain(`${code} ${pos}`);
    // Nothing else is an error: the fixture shows exactly its own mistake.
    const otherErrors = problems.filter((p) => p.severity === 'error' && p.code !== code);
    expect(otherErrors.map((p) => p.code)).toEqual([]);
    const p = problems.find((x) => x.code === code)!;
    expect(p.severity).toBe(Catalogue[code as FormatCode].severity);
    expect(p.message.fr.length).toBeGreaterThan(10);
    expect(p.message.en.length).toBeGreaterThan(10);
    expect(p.message.fr).not.toContain('undefined');
    expect(p.message.en).not.toContain('undefined');
  });
});
