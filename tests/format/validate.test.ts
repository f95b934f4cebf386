import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDiagnostic, validateDiagnosticSync } from '../../core/validation/validate.js';
import { memoryHost } from '../../core/host.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import { PETIT_REFERENTIEL, fixture } from './helpers.js';

describe('validateDiagnostic', () => {
  it('valid minimal and complete documents give no problem (without host)', async () => {
    for (const f of ['valide-minimal.gtec.yaml', 'valide-complet.gtec.yaml']) {
      const r = await validateDiagnostic(fixture(f), { fileName: f });
      expect(r.problems, f).toEqual([]);
      expect(r.doc?.gtec).toBe(1);
    }
  });

  it('the complete example with its files present: the data files are inspected', async () => {
    const host = memoryHost({
      'donnees/effectifs.csv': 'code_rome;code_bassin;annee;emplois\nH2913;5209;2024;120\n',
      'donnees/fap2009_rome_v3.csv': 'code_fap2009,code_rome_v3\n',
    });
    const r = await validateDiagnostic(fixture('valide-complet.gtec.yaml'), { fileName: 'x.gtec.yaml', host, referential: PETIT_REFERENTIEL });
    // Only the BMO workbook is absent.
    expect(r.problems.map((p) => [p.code, p.pointer])).toEqual([['GTEC-E202', '/sources/1/chemin']]);
    expect(r.problems[0]!.location?.file).toBe('donnees/Base_open_data_BMO_2024.xlsx');
  });

  it('with a host, the declared referential is loaded and codes checked against it', async () => {
    // No « referentiel » key: the built-in demo referential (40 fiches) is used. H2913 is in it;
    // Z9999 is not: a warning only, since real codes are legitimately absent from the demo.
    const text = fixture('valide-minimal.gtec.yaml') + 'metiers:\n  - code: H2913\n  - code: Z9999\n';
    const r = await validateDiagnostic(text, { fileName: 'x.gtec.yaml', host: memoryHost({}) });
    expect(r.problems.map((p) => [p.code, p.severity, p.pointer])).toEqual([['GTEC-E105', 'warning', '/metiers/1/code']]);
    expect(r.problems[0]!.message.fr).toMatch(/absent du référentiel Référentiel de démonstration GTEC/);
  });

  it('a missing referential folder is reported by the referential loader (E3xx), once', async () => {
    const text = fixture('valide-minimal.gtec.yaml') + 'referentiel: { type: rome-officiel, chemin: rome }\n';
    const r = await validateDiagnostic(text, { fileName: 'x.gtec.yaml', host: memoryHost({}) });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E301']);
    const sans = await validateDiagnostic(fixture('GTEC-E112.gtec.yaml'), { fileName: 'x.gtec.yaml', host: memoryHost({}) });
    expect(sans.problems.map((p) => p.code)).toEqual(['GTEC-E112']);
  });

  it('returns the doc when the schema passes, even with semantic errors', async () => {
    const r = await validateDiagnostic(fixture('GTEC-E106.gtec.yaml'), { fileName: 'x.gtec.yaml' });
    expect(r.doc?.periode).toEqual({ debut: 2024, fin: 2019 });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E106']);
  });

  it('no doc when the schema fails; problems sorted by position, each with a range', async () => {
    const text = 'gtec: 1\ntitre: ""\nterritoire: { nom: X, type: ville }\nperiode: { debut: 2019, fin: 1800 }\n';
    const r = await validateDiagnostic(text, { fileName: 'x.gtec.yaml' });
    expect(r.doc).toBeUndefined();
    const starts = r.problems.map((p) => p.range!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E014', 'GTEC-E013', 'GTEC-E014']);
  });

  it('sync validation equals async validation without host', async () => {
    for (const f of ['GTEC-E110.gtec.yaml', 'GTEC-E012.gtec.yaml', 'GTEC-W105.gtec.yaml', 'GTEC-E113.gtec.yaml']) {
      const text = fixture(f);
      expect(validateDiagnosticSync(text, { fileName: f })).toEqual(await validateDiagnostic(text, { fileName: f }));
    }
  });

  it('path escapes never reach the host', async () => {
    const asked: string[] = [];
    const host = { ...memoryHost({}), readFile: async (p: string) => (asked.push(p), undefined), listDirectory: async (p: string) => (asked.push(p), undefined) };
    const r = await validateDiagnostic(fixture('GTEC-E111.gtec.yaml'), { fileName: 'x.gtec.yaml', host });
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E111']);
    expect(asked).toEqual([]);
  });

  it('checkData: false skips the host', async () => {
    const r = await validateDiagnostic(fixture('GTEC-E113.gtec.yaml'), { fileName: 'x.gtec.yaml', host: memoryHost({}), checkData: false });
    expect(r.problems).toEqual([]);
  });
});

describe('schema and semantic problems together (issue 12)', () => {
  const demo = readFileSync(path.resolve(import.meta.dirname, '../../examples/demo/diagnostic.gtec.yaml'), 'utf8');

  it('an unknown key, an unknown métier code and an unknown actor show at once', async () => {
    const text = demo
      .replace(/^titre:/m, 'titr:')
      .replace('- code: H2903', '- code: H2931')
      .replace('financeur: dreets', 'financeur: dreetz');
    const referential = demoReferentiel();
    for (const r of [validateDiagnosticSync(text, { fileName: 'd.gtec.yaml', referential }), await validateDiagnostic(text, { fileName: 'd.gtec.yaml', host: memoryHost({}) })]) {
      const codes = r.problems.map((p) => p.code);
      expect(codes).toContain('GTEC-E012');
      expect(r.problems.find((p) => p.code === 'GTEC-E105')?.message.fr).toContain('H2931');
      expect(r.problems.some((p) => p.message.fr.includes('dreetz'))).toBe(true);
      // The stand-in title is not the user's: no problem about it; the document is still refused.
      expect(r.problems.filter((p) => p.pointer === '/titre').map((p) => p.code)).toEqual(['GTEC-E011']);
      expect(r.doc).toBeUndefined();
    }
  });

  it('a document the schema refuses beyond repair still gives its schema problems only', () => {
    const r = validateDiagnosticSync('gtec: 1\ntitre: T\nterritoire: 3\nperiode: {debut: x}\n', { fileName: 'd.gtec.yaml' });
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.doc).toBeUndefined();
  });
});
