import { describe, expect, it } from 'vitest';
import { createPasserelleEngine } from '../../core/passerelles/engine.js';
import { naiveComposantes } from '../../core/passerelles/naive.js';
import { DEFAULT_PARAMS, resolveParams } from '../../core/passerelles/params.js';
import { buildProfiles } from '../../core/passerelles/profiles.js';
import { TINY_PARAMS, tinyReferentiel } from './tiny.js';

const ref = tinyReferentiel();
const engine = createPasserelleEngine(ref, TINY_PARAMS, { mode: 'composantes' });
const L = Math.log(2.5); // contexte IDF: ln(1 + N/df) = ln(1 + 3/2) for both k1 and k2

describe('passerelle score on a hand-made referential (rarete 0)', () => {
  // Item weights = type × cœur: X1 a1*=2, b1=1, s1=0.5, e1=0.25 (total 3.75);
  // X2 a2*=2, b1=1, c1=1, e1=0.25 (total 4.25); X3 c1*=2, s1=0.5 (total 2.5).
  it('X1 → X2', () => {
    // couverture of X2 by X1: a2 sibling of a1 under MA → 0.5×2 = 1; b1 held → 1; c1 (MC, G2) → 0;
    //   e1 held → 0.25. (1 + 1 + 0.25) / 4.25 = 0.529412
    // valorisation = couverture of X1 by X2: a1 sibling → 1; b1 → 1; s1 → 0; e1 → 0.25. 2.25 / 3.75 = 0.6
    // activites: X1 {G1: 3, G3: 0.25}, X2 {G1: 3, G2: 1, G3: 0.25};
    //   cos = 9.0625 / √(9.0625 × 10.0625) = √(9.0625 / 10.0625) = 0.949011
    // contextes: X1 {k1: L, k2: L}, X2 {k1: L} → L² / (√2·L · L) = 1/√2 = 0.707107
    // proximite: same domaine H29 → 1
    // score = 0.4×0.529412 + 0.2×0.6 + 0.2×0.949011 + 0.1×0.707107 + 0.1×1 = 0.692278
    const c = engine.composantes('X1', 'X2')!;
    expect(c.couverture).toBeCloseTo(2.25 / 4.25, 12);
    expect(c.valorisation).toBeCloseTo(0.6, 12);
    expect(c.activites).toBeCloseTo(Math.sqrt(9.0625 / 10.0625), 12);
    expect(c.contextes).toBeCloseTo(Math.SQRT1_2, 12);
    expect(c.proximite).toBe(1);
    expect(engine.score('X1', 'X2')).toBeCloseTo(0.692278, 6);
  });

  it('is asymmetric: X2 → X1', () => {
    // couverture and valorisation swap: 0.4×0.6 + 0.2×0.529412 + 0.2×0.949011 + 0.070711 + 0.1 = 0.706395
    expect(engine.score('X2', 'X1')).toBeCloseTo(0.706395, 6);
  });

  it('X1 → X3 (other domaine, same grand domaine)', () => {
    // couverture of X3 by X1: c1 → 0 (MC and G2 not held); s1 held → 0.5. 0.5 / 2.5 = 0.2
    // valorisation: X1 by X3: only s1 → 0.5 / 3.75 = 0.133333
    // activites: X3 {G2: 2} vs X1 {G1, G3} → 0; contextes: {k2} vs {k1, k2} → 1/√2; proximite 0.3
    // score = 0.4×0.2 + 0.2×0.133333 + 0 + 0.1×0.707107 + 0.1×0.3 = 0.207377
    const c = engine.composantes('X1', 'X3')!;
    expect(c).toEqual({ couverture: expect.closeTo(0.2, 12), valorisation: expect.closeTo(0.5 / 3.75, 12), activites: 0, contextes: expect.closeTo(Math.SQRT1_2, 12), proximite: 0.3 });
    expect(engine.score('X1', 'X3')).toBeCloseTo(0.207377, 6);
    expect(L).toBeGreaterThan(0);
  });

  it('group-level credit: X3 → X2 gives c1 exactly, a2 and b1 nothing', () => {
    // X3 holds c1 (MC, G2) and s1. X2 requires a2 (MA, G1) → 0, b1 (MB, G1) → 0, c1 → 1, e1 → 0.
    // couverture = 1 / 4.25
    expect(engine.composantes('X3', 'X2')!.couverture).toBeCloseTo(1 / 4.25, 12);
    // With X2 → X3: c1 held → 2, s1 → 0: 2 / 2.5 = 0.8
    expect(engine.composantes('X2', 'X3')!.couverture).toBeCloseTo(0.8, 12);
  });

  it('gives the gap cœur de métier first, then savoir-faire, savoirs, savoir-être', () => {
    const p = engine.passerelle('X3', 'X1', 1)!;
    expect(p.acquises.map((c) => c.id)).toEqual(['s1']);
    expect(p.ecart.map((c) => [c.id, c.coeur, c.type])).toEqual([
      ['a1', true, 'savoir-faire'],
      ['b1', false, 'savoir-faire'],
      ['e1', false, 'savoir-etre'],
    ]);
    expect(p).toMatchObject({ source: 'X3', cible: 'X1', cibleLibelle: 'Un', rang: 1, score: engine.score('X3', 'X1') });
    // couvertureExacte: only s1 (0.5) of 3.75
    expect(p.composantes.couvertureExacte).toBeCloseTo(0.5 / 3.75, 12);
    expect(p.mobiliteOfficielle).toBeUndefined();
    const q = engine.passerelle('X1', 'X2', 2)!;
    expect(q.ecart.map((c) => c.id)).toEqual(['a2', 'c1']);
    expect(q.acquises.map((c) => c.id)).toEqual(['b1', 'e1']);
    expect(q.ecart[0]).toEqual({ id: 'a2', libelle: 'A deux', type: 'savoir-faire', coeur: true, macro: 'MA' });
  });

  it('weights rare competences up with rarete = 1 (ln(1 + N/df))', () => {
    const p = buildProfiles(ref, resolveParams({ ...TINY_PARAMS, rarete: 1 }));
    const x1 = Object.fromEntries(p[0]!.items.map((i) => [i.id, i.poids]));
    // a1 only in X1: 2 × ln(1 + 3/1); b1 in X1 and X2: 1 × ln(1 + 3/2); s1 in X1, X3: 0.5 × ln(2.5); e1: 0.25 × ln(2.5)
    expect(x1.a1).toBeCloseTo(2 * Math.log(4), 12);
    expect(x1.b1).toBeCloseTo(Math.log(2.5), 12);
    expect(x1.s1).toBeCloseTo(0.5 * Math.log(2.5), 12);
    expect(x1.e1).toBeCloseTo(0.25 * Math.log(2.5), 12);
  });

  it('engine and naive reference agree on every pair', () => {
    const params = resolveParams(TINY_PARAMS);
    const profiles = buildProfiles(ref, params);
    for (const a of profiles) {
      for (const b of profiles) {
        if (a === b) continue;
        const n = naiveComposantes(a, b, params);
        const e = engine.composantes(a.code, b.code)!;
        for (const k of Object.keys(n) as Array<keyof typeof n>) expect(e[k], `${a.code}→${b.code} ${k}`).toBeCloseTo(n[k], 12);
      }
    }
  });

  it('normalises component weights and keeps credits nested', () => {
    const p = resolveParams({ poids: { couverture: 2, valorisation: 0, activites: 1, contextes: 1, proximite: 0 }, creditMacro: 0.2, creditGroupe: 0.5 });
    expect(p.poids).toEqual({ couverture: 0.5, valorisation: 0, activites: 0.25, contextes: 0.25, proximite: 0 });
    expect(p.creditGroupe).toBe(0.2);
    const sum = Object.values(DEFAULT_PARAMS.poids).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('unknown codes and self-pairs give nothing', () => {
    expect(engine.score('X1', 'X1')).toBeUndefined();
    expect(engine.score('X1', 'ZZ')).toBeUndefined();
    expect(engine.topK('ZZ', 3)).toEqual([]);
    expect(engine.passerelle('ZZ', 'X1', 1)).toBeUndefined();
  });
});
