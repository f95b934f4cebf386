import { describe, expect, it } from 'vitest';
import { parseDiagnosticText } from '../../core/format/parse.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';

const SANS_TYPE = `gtec: 1
titre: Sans type
territoire:
  nom: Bassin
  codes: ['5225']
periode: { debut: 2019, fin: 2024 }
`;

describe('a missing required enum key', () => {
  it('is reported as a missing key (E011) with the key for a quick fix, on the parent key', () => {
    const { problems } = validateDiagnosticSync(SANS_TYPE, { fileName: 'a.gtec.yaml' });
    expect(problems.map((p) => p.code)).toEqual(['GTEC-E011']);
    const p = problems[0]!;
    expect(p.pointer).toBe('/territoire/type');
    expect(p.data?.missingKey).toBe('type');
    expect(p.message.fr).toContain('« region »');
    // underlines `territoire` (offset 23..33), the mapping the key is missing from
    expect(SANS_TYPE.slice(p.range!.start, p.range!.end)).toBe('territoire');
  });
});

describe('validation of an already-parsed text', () => {
  it('gives the same problems as parsing again, and the parse result can be reused', () => {
    const parsed = parseDiagnosticText(SANS_TYPE, 'a.gtec.yaml');
    const fresh = validateDiagnosticSync(SANS_TYPE, { fileName: 'a.gtec.yaml' });
    const first = validateDiagnosticSync(SANS_TYPE, { fileName: 'a.gtec.yaml', parsed });
    const second = validateDiagnosticSync(SANS_TYPE, { fileName: 'a.gtec.yaml', parsed });
    expect(first.problems).toEqual(fresh.problems);
    expect(second.problems).toEqual(fresh.problems); // nothing accumulated in the shared result
    expect(parsed.document).toBeDefined();
  });
});
