import { describe, expect, it } from 'vitest';
import { Diagnostic } from '../../core/format/schema.js';
import { avancementIndicateurs, budgetPlan, couverturePlan } from '../../core/analysis/plan.js';

const doc = Diagnostic.parse({
  gtec: 1,
  titre: 'Plan',
  territoire: { nom: 'T', type: 'epci', codes: ['1'] },
  periode: { debut: 2019, fin: 2024 },
  metiers: [{ code: 'B0002', note: 'choix assumé' }],
  acteurs: [
    { id: 'region', nom: 'Région Grand Est', type: 'region', roles: ['financement'] },
    { id: 'opco', nom: 'OPCO 2i', type: 'opco', roles: ['financement'] },
  ],
  financements: [
    { id: 'f1', financeur: 'region', montant: 100_000 },
    { id: 'f2', financeur: 'opco', montant: 50_000 },
  ],
  plan_action: [
    {
      id: 'fa1',
      titre: 'Former',
      objectifs: ['o'],
      metiers: ['A0001'],
      financements: [
        { financement: 'f1', montant: 30_000 },
        { financement: 'f2', montant: 20_000 },
      ],
      indicateurs: ['i1'],
    },
    { id: 'fa2', titre: 'Promouvoir', objectifs: ['o'], metiers: ['A0001', 'C0003'], financements: [{ financement: 'f2', montant: 25_000 }] },
  ],
  evaluation: {
    indicateurs: [
      { id: 'i1', libelle: 'Formés', type: 'realisation', unite: 'personnes', cible: 20, valeur: 14, echeance: '2024' },
      { id: 'i2', libelle: 'Accès emploi', type: 'resultat', unite: '%', base: 40, cible: 60, valeur: 57, echeance: '2025-06' },
      { id: 'i3', libelle: 'Chômage', type: 'impact', unite: '%', base: 10, cible: 8, valeur: 7.5 },
      { id: 'i4', libelle: 'Satisfaction', type: 'satisfaction', unite: '%', cible: 80 },
    ],
  },
});

describe('coverage of fragile métiers', () => {
  it('lists fiches per fragile métier and warns for uncovered ones', () => {
    const r = couverturePlan(doc, [
      { code: 'A0001', libelle: 'Alpha' },
      { code: 'B0002', libelle: 'Bêta' },
      { code: 'D0004', libelle: 'Delta' },
    ]);
    expect(r.couverture).toEqual([
      { code: 'A0001', libelle: 'Alpha', fiches: ['fa1', 'fa2'] },
      { code: 'B0002', libelle: 'Bêta', fiches: [] },
      { code: 'D0004', libelle: 'Delta', fiches: [] },
    ]);
    expect(r.fragilesSansAction).toEqual(['B0002', 'D0004']);
    expect(r.problems.map((p) => [p.code, p.pointer, p.severity])).toEqual([
      ['GTEC-W403', '/metiers/0', 'warning'],
      ['GTEC-W403', '/metiers', 'warning'],
    ]);
    expect(r.problems[0]!.message.fr).toContain('B0002 (Bêta) est fragile');
  });
});

describe('budget', () => {
  it('from the fiches’ shares: per fiche, per financer, total', () => {
    const b = budgetPlan(doc);
    // fa1 = 30 000 + 20 000 = 50 000; fa2 = 25 000; region 30 000, opco 45 000; total 75 000
    expect(b.fiches.map((f) => [f.id, f.budget])).toEqual([
      ['fa1', 50_000],
      ['fa2', 25_000],
    ]);
    expect(b.budgetParFinanceur).toEqual([
      { financeur: 'opco', nom: 'OPCO 2i', montant: 45_000 },
      { financeur: 'region', nom: 'Région Grand Est', montant: 30_000 },
    ]);
    expect(b.budgetTotal).toBe(75_000);
  });
  it('falls back to the financing lines when no fiche is funded', () => {
    const b = budgetPlan({ ...doc, plan_action: doc.plan_action.map((f) => ({ ...f, financements: [] })) });
    expect(b.budgetTotal).toBe(150_000);
    expect(b.budgetParFinanceur.map((x) => [x.financeur, x.montant])).toEqual([
      ['region', 100_000],
      ['opco', 50_000],
    ]);
  });
});

describe('evaluation progress', () => {
  it('(valeur − base)/(cible − base), reached, late relative to an explicit today', () => {
    const a = avancementIndicateurs(doc, '2025-01-15');
    // i1: 14/20 = 0.7, échéance 2024 passed → late; i2: (57 − 40)/(60 − 40) = 0.85, due mid-2025 → not late
    // i3: (7.5 − 10)/(8 − 10) = 1.25 → reached; i4: not measured
    expect(a.map((x) => [x.indicateur.id, x.avancement, x.atteint, x.enRetard])).toEqual([
      ['i1', 0.7, false, true],
      ['i2', 0.85, false, false],
      ['i3', 1.25, true, false],
      ['i4', null, false, false],
    ]);
  });
  it('never late without today (the core does not read the clock)', () => {
    expect(avancementIndicateurs(doc).some((x) => x.enRetard)).toBe(false);
  });
  it('a month échéance ends on its last day', () => {
    expect(avancementIndicateurs(doc, '2025-06-30')[1]!.enRetard).toBe(false);
    expect(avancementIndicateurs(doc, '2025-07')[1]!.enRetard).toBe(true);
  });
});
