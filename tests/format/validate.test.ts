import { describe, expect, it } from 'vitest';
import { validateDiagnostic, validateDiagnosticSync } from '../../core/format/validate.js';
import { memoryHost } from '../../core/host.js';
import { fixture } from './helpers.js';

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
      'referentiel/rome-v460/unix_referentiel_code_rome_v460_utf8.csv': '',
    });
    const r = await validateDiagnostic(fixture('valide-complet.gtec.yaml'), { fileName: 'x.gtec.yaml', host });
    // Only the BMO workbook is absent.
    expect(r.problems.map((p) => [p.code, p.pointer])).toEqual([['GTEC-E202', '/sources/1/chemin']]);
    expect(r.problems[0]!.location?.file).toBe('donnees/Base_open_data_BMO_2024.xlsx');
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
