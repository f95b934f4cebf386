import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import { hasRome, romeDir } from './helpers.js';

const CODES =
  'H2913 H2902 H2909 H2903 H3203 H2912 H2301 H2402 H2403 H2409 H2410 H2411 H2206 H2201 H2504 H1206 H1402 H1502 K1302 K1304 K1303 J1501 J1506 F1603 F1703 F1602 F1704 G1602 G1603 G1803 N1103 N4101 I1304 I1310 I1334 D1106 D1507 D1212 M1805 A1203'.split(
    ' ',
  );

describe('demo referential', () => {
  const r = demoReferentiel();

  it('has exactly the agreed ROME codes, sorted', () => {
    expect(r.metiers.map((m) => m.code)).toEqual([...CODES].sort());
    expect(r).toMatchObject({ kind: 'demo', version: '1' });
  });

  it('is internally consistent', () => {
    const macrosUsed = new Set<string>();
    for (const m of r.metiers) {
      expect(m.competences.length, m.code).toBeGreaterThanOrEqual(8);
      expect(m.competences.length, m.code).toBeLessThanOrEqual(16);
      expect(m.appellations.length, m.code).toBeGreaterThanOrEqual(1);
      expect(
        m.competences.some((c) => c.coeur === 'principale'),
        m.code,
      ).toBe(true);
      expect(new Set(m.competences.map((c) => c.id)).size).toBe(m.competences.length);
      expect(r.domaines[m.domaine!], m.code).toBeDefined();
      expect(r.domaines[m.grandDomaine!], m.code).toBeDefined();
      for (const c of m.competences) {
        const comp = r.competences[c.id];
        expect(comp, c.id).toBeDefined();
        if (comp!.macro) {
          expect(r.macros[comp!.macro], comp!.macro).toBeDefined();
          macrosUsed.add(comp!.macro);
        } else expect(comp!.type).toBe('savoir');
      }
      for (const x of m.contextes!) expect(r.contextes![x], x).toBeDefined();
    }
    expect(macrosUsed.size).toBeGreaterThanOrEqual(25);
    const types = new Set(Object.values(r.competences).map((c) => c.type));
    expect(types).toEqual(new Set(['savoir-faire', 'savoir-etre', 'savoir']));
  });

  it.skipIf(!hasRome)('uses the official labels, domaines, v3 parents and appellations', () => {
    const read = (t: string) => parse(readFileSync(path.join(romeDir, `unix_${t}_v460_utf8.csv`)), { columns: true }) as Array<Record<string, string>>;
    const fiches = new Map(read('referentiel_code_rome').map((x) => [x.code_rome!, x]));
    const dp = new Map(read('cr_gd_dp').map((x) => [x.code_rome!, x]));
    const apps = new Map<string, Set<string>>();
    for (const a of read('referentiel_appellation')) {
      if (!apps.has(a.code_rome!)) apps.set(a.code_rome!, new Set());
      apps.get(a.code_rome!)!.add(a.libelle_appellation_long!);
    }
    for (const m of r.metiers) {
      expect(m.libelle, m.code).toBe(fiches.get(m.code)!.libelle_rome);
      expect(m.codeRomeV3, m.code).toBe(fiches.get(m.code)!.code_rome_parent);
      expect(m.domaine, m.code).toBe(dp.get(m.code)!.code_domaine_professionel);
      expect(r.domaines[m.domaine!]).toBe(dp.get(m.code)!.libelle_domaine_professionel);
      expect(r.domaines[m.grandDomaine!]).toBe(dp.get(m.code)!.libelle_grand_domaine);
      for (const a of m.appellations) expect(apps.get(m.code)!.has(a), `${m.code} ${a}`).toBe(true);
    }
  });
});
