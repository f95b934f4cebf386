import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFileHost } from '../../node-host/file-host.js';
import { createPasserelleEngine } from '../../core/passerelles/engine.js';
import { naiveAllPairsTopK } from '../../core/passerelles/naive.js';
import { buildProfiles } from '../../core/passerelles/profiles.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import type { Referentiel } from '../../core/referentiel/model.js';
import { loadRomeOfficiel } from '../../core/referentiel/rome-officiel.js';
import { hasRome, romeDir } from '../referentiel/helpers.js';
import { tinyReferentiel } from './tiny.js';

describe('passerelle engine on the demo referential', () => {
  const ref = demoReferentiel();
  const engine = createPasserelleEngine(ref, {}, { mode: 'composantes' });

  it('allPairsTopK equals the naive double loop', () => {
    const naive = naiveAllPairsTopK(buildProfiles(ref, engine.params), engine.params, 10);
    expect(engine.allPairsTopK(10)).toEqual(naive);
    const all = naiveAllPairsTopK(buildProfiles(ref, engine.params), engine.params, 39);
    expect(engine.allPairsTopK(39)).toEqual(all);
  });

  it('ranks by score then code, deterministically', () => {
    const a = engine.allPairsTopK(5);
    const b = createPasserelleEngine(demoReferentiel(), {}, { mode: 'composantes' }).allPairsTopK(5);
    expect(a).toEqual(b);
    for (const { cibles } of a) {
      for (let i = 1; i < cibles.length; i++) {
        const [p, q] = [cibles[i - 1]!, cibles[i]!];
        expect(p.score > q.score || (p.score === q.score && p.cible < q.cible)).toBe(true);
      }
    }
  });

  it('breaks exact ties by code', () => {
    // Two identical targets: Y2 and Y1 (declared in that order) must come out Y1, Y2.
    const r: Referentiel = tinyReferentiel();
    const clone = (code: string) => ({ ...r.metiers[1]!, code });
    r.metiers = [r.metiers[0]!, clone('Y2'), clone('Y1')];
    const e = createPasserelleEngine(r, {}, { mode: 'composantes' });
    const top = e.topK('X1', 2);
    expect(top.map((c) => c.cible)).toEqual(['Y1', 'Y2']);
    expect(top[0]!.score).toBe(top[1]!.score);
  });

  it('finds the expected neighbours', () => {
    expect(engine.topK('H2913', 2).map((c) => c.cible)).toEqual(['H2902', 'H2909']);
    // Care: the aide-soignante is among the three nearest of the assistante de vie (K1304 shares its domaine).
    expect(engine.topK('K1302', 3).map((c) => c.cible)).toContain('J1501');
    expect(engine.topK('H2402', 3).map((c) => c.cible)).toContain('H2411');
  });

  it('topK honours candidates and minScore', () => {
    const top = engine.topK('H2913', 3, ['J1501', 'H2902', 'M1805', 'NOPE']);
    const expected = ['H2902', 'J1501', 'M1805'].map((c) => ({ cible: c, score: engine.score('H2913', c)! }));
    expected.sort((x, y) => y.score - x.score);
    expect(top).toEqual(expected);
    const min = engine.topK('H2913', 40, undefined, 0.3);
    expect(min.every((c) => c.score >= 0.3)).toBe(true);
    expect(min.length).toBeLessThan(39);
    expect(engine.topK('H2913', 0)).toEqual([]);
  });

  it('the gap of every pair lists cœur de métier first, then savoir-faire, savoirs, savoir-être', () => {
    const order = { 'savoir-faire': 0, savoir: 1, 'savoir-etre': 2 };
    for (const a of engine.codes) {
      for (const { cible } of engine.topK(a, 5)) {
        const p = engine.passerelle(a, cible, 1)!;
        const held = new Set(ref.metiers.find((m) => m.code === a)!.competences.map((c) => c.id));
        expect(p.acquises.every((c) => held.has(c.id))).toBe(true);
        expect(p.ecart.every((c) => !held.has(c.id))).toBe(true);
        const keys = p.ecart.map((c) => (c.coeur ? 0 : 1) * 10 + order[c.type]);
        expect(keys).toEqual([...keys].sort((x, y) => x - y));
      }
    }
  });
});

describe.skipIf(!hasRome)('passerelle engine on the real ROME 4.0', () => {
  let ref: Referentiel;
  beforeAll(async () => {
    ref = (await loadRomeOfficiel(nodeFileHost(romeDir), '.')).referential!;
  }, 120_000);

  it('allPairsTopK equals the naive double loop (first 250 fiches, all of their pairs)', () => {
    const sub: Referentiel = { ...ref, metiers: ref.metiers.slice(0, 250) };
    const e = createPasserelleEngine(sub, {}, { mode: 'composantes' });
    expect(e.allPairsTopK(10)).toEqual(naiveAllPairsTopK(buildProfiles(sub, e.params), e.params, 10));
  });

  it('all pairs top-10 on 1 584 fiches, with plausible neighbours', () => {
    const e = createPasserelleEngine(ref, {}, { mode: 'composantes' });
    const all = e.allPairsTopK(10);
    expect(all).toHaveLength(1584);
    expect(all.every((x) => x.cibles.length === 10)).toBe(true);
    const soudeur = all.find((x) => x.source === 'H2913')!.cibles.map((c) => c.cible);
    expect(soudeur.slice(0, 3).sort()).toEqual(['H2915', 'H2916', 'H2917']);
    expect(soudeur).toContain('H2914');
  });
});
