import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileHost } from '../../node-host/file-host.js';
import * as core from '../../core/index.js';

// The Valdorne demonstration (examples/demo), whose LISEZMOI.md tabulates the families expected
// under the default rules, computed by hand from its data files.
const dir = path.resolve(__dirname, '../../examples/demo');
const text = readFileSync(path.join(dir, 'diagnostic.gtec.yaml'), 'utf8');

describe('examples/demo through the public API', async () => {
  const out = await core.runDiagnostic(text, { fileName: 'diagnostic.gtec.yaml', host: nodeFileHost(dir), today: '2026-09-01' });
  const r = out.result!;

  it('has no error', () => {
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a component of the composite score normalised on the territory is named by its token (GTEC-I407)', () => {
    expect(out.problems.filter((p) => p.code === 'GTEC-I407').map((p) => [p.pointer, p.data])).toEqual([['/regles/tension', { composante: 'ratioOffresDemandeurs' }]]);
  });

  it("every explanation records its rule, and its sentences are the locales' rendering of it", () => {
    const nom = r.territoire.reference?.nom;
    for (const m of r.metiers) {
      for (const e of m.explications) {
        expect(e.regle).toBeDefined();
        const { texte, ...v } = e;
        expect(core.explain(v as core.Verdict, nom !== undefined ? { referenceNom: nom } : {}).texte).toEqual(texte);
      }
    }
  });

  // The families themselves are checked against LISEZMOI.md in tests/examples/examples.test.ts.

  it('H2402: TCAM (292/420)^(1/5) − 1 = −7.0 %/yr against (5 604/6 200)^(1/5) − 1 = −2.0 %/yr', () => {
    const h = r.metiers.find((m) => m.indicateurs.code === 'H2402')!;
    expect(h.indicateurs.tcam!.valeur!).toBeCloseTo(Math.pow(292 / 420, 0.2) - 1, 12);
    expect(h.indicateurs.tcamReference!.valeur!).toBeCloseTo(Math.pow(5604 / 6200, 0.2) - 1, 12);
    // IS 2024 = (292/7 386)/(E_R,H2402/295 243), tabulated as 2,08
    expect(h.indicateurs.indiceSpecificite!.valeur!).toBeCloseTo(2.08, 2);
    expect(h.indicateurs.bmo!.partDifficiles).toMatchObject({ valeur: null, masque: true });
  });

  it('the uncovered fragile métier H2410 is reported; passerelles go from fragile to porteur métiers', () => {
    expect(r.plan.fragilesSansAction).toEqual(['H2410']);
    expect(out.problems.filter((p) => p.code === 'GTEC-W403').map((p) => p.data?.code)).toEqual(['H2410']);
    // Scores belong to the passerelle engine (docs/passerelles.md): only their direction and threshold are checked here.
    expect(r.passerelles.length).toBeGreaterThan(0);
    for (const p of r.passerelles) {
      expect(r.familles.fragile).toContain(p.source);
      expect(r.familles.porteur).toContain(p.cible);
      // Viability rule: the target is among the best 30 % of the source's candidates (checked in run-diagnostic.test.ts).
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('the forum indicator (échéance 2026-06, 240/600) is late on 2026-09-01', () => {
    const forum = r.evaluation.find((e) => e.indicateur.id === 'IND-forum')!;
    expect(forum).toMatchObject({ avancement: 0.4, atteint: false, enRetard: true });
  });

  it('exposes the catalogues of every area', () => {
    for (const c of [core.analysisCatalogue, core.formatCatalogue, core.dataCatalogue, core.referentielCatalogue]) {
      expect(Object.keys(c).length).toBeGreaterThan(0);
    }
    expect(Object.keys(core.analysisCatalogue).every((k) => /^GTEC-[EWI]4\d\d$/.test(k))).toBe(true);
  });
});
