import { describe, expect, it } from 'vitest';
import { Diagnostic } from '../core/format/schema.js';

describe('format v1', () => {
  it('applies the documented defaults to a minimal diagnostic', () => {
    const r = Diagnostic.parse({
      gtec: 1,
      titre: 'Minimal',
      territoire: { nom: 'Pays de la Loire', type: 'region', codes: ['52'] },
      periode: { debut: 2019, fin: 2024 },
    });
    expect(r.referentiel).toEqual({ type: 'demo' });
    expect(r.regles.crise.tcam_max).toBe(-0.02);
    expect(r.passerelles.score_minimum).toBe(0.3);
  });
});
