import { describe, expect, it } from 'vitest';
import { Diagnostic, type SourceDoc } from '../../core/format/schema.js';
import { computeAges, computeBmo, computeEffectifs, computeOffresDemandes, computeTension, computeTotauxBmo } from '../../core/analysis/metier-indicators.js';
import { assembler, OPTIONS_COMPOSITE, scoresComposites } from '../../core/analysis/synthese.js';
import type { AgeRecord, BmoRecord, EffectifRecord, Nombre } from '../../core/data/records.js';
import { structureEtablissements, structureSecteurs } from '../../core/analysis/structure.js';

const doc = Diagnostic.parse({ gtec: 1, titre: 't', territoire: { nom: 'T', type: 'region', codes: ['44'] }, periode: { debut: 2019, fin: 2024 } });
const src = (id: string, type: SourceDoc['type']): SourceDoc => ({ id, type, chemin: `${id}.csv`, separateur: 'auto', encodage: 'auto', nomenclature: 'rome4', colonnes: {} });
const n = (valeur: number | null, masque = false): Nombre => ({ valeur, masque });
const o = { file: 'f.csv' };

describe('effectifs', () => {
  const e = (metier: string, zone: string, annee: number, v: number): EffectifRecord => ({ metier, zone, annee, effectif: n(v), origine: o });
  const terr = [e('A', 'z1', 2019, 100), e('A', 'z2', 2019, 0), e('A', 'z1', 2024, 80), e('B', 'z1', 2019, 20), e('B', 'z1', 2024, 40)];
  const ref = [e('A', 'r', 2019, 1000), e('A', 'r', 2024, 1000), e('B', 'r', 2019, 500), e('B', 'r', 2024, 1500), e('C', 'r', 2024, 7500)];
  const r = computeEffectifs(src('eff', 'effectifs'), { territoire: terr, reference: ref }, { territoire: terr, reference: ref }, doc.periode, 30);
  it('start, end, evolution, TCAM, reference TCAM, IS (hand computed)', () => {
    const a = r.parMetier.get('A')!;
    expect(r.annees).toEqual({ debut: 2019, fin: 2024 });
    expect(a.effectifDebut).toEqual({ valeur: 100, significatif: true, source: 'eff', annee: 2019 });
    // evolution (80 − 100)/100 = −0.2; TCAM 0.8^(1/5) − 1 = −0.043648…
    expect(a.evolution!.valeur).toBeCloseTo(-0.2, 12);
    expect(a.tcam!.valeur).toBeCloseTo(Math.pow(0.8, 0.2) - 1, 12);
    expect(a.tcam).toMatchObject({ anneeDebut: 2019, annee: 2024, significatif: true });
    expect(a.tcamReference!.valeur).toBeCloseTo(0, 12);
    // IS at 2024: (80/120) / (1000/10 000) = 0.6667/0.1 = 6.667
    expect(a.indiceSpecificite!.valeur).toBeCloseTo(80 / 120 / 0.1, 12);
  });
  it('≥ 30 rule: B starts at 20, its TCAM is shown but not significant', () => {
    const b = r.parMetier.get('B')!;
    expect(b.effectifDebut!.significatif).toBe(false);
    // 2^(1/5) − 1 = 0.148698…
    expect(b.tcam!.valeur).toBeCloseTo(Math.pow(2, 0.2) - 1, 12);
    expect(b.tcam!.significatif).toBe(false);
    expect(b.effectifFin!.significatif).toBe(true);
  });
  it('uses the years available within the period', () => {
    const r2 = computeEffectifs(src('eff', 'effectifs'), { territoire: terr.map((x) => ({ ...x, annee: x.annee === 2019 ? 2020 : x.annee })) }, { territoire: [] }, doc.periode, 30);
    expect(r2.annees).toEqual({ debut: 2020, fin: 2024 });
    expect(r2.parMetier.get('A')!.tcam!.valeur).toBeCloseTo(Math.pow(0.8, 0.25) - 1, 12);
  });
});

describe('BMO: withheld values are never zero; sums of published cells are lower bounds', () => {
  const b = (zone: string, p: Nombre, d: Nombre, s: Nombre): BmoRecord => ({ metier: 'A', zone, annee: 2024, projets: p, difficiles: d, saisonniers: s, origine: o });
  it('shares from known counts (hand computed)', () => {
    // projets 40 + 40 = 80, difficiles 30 + 20 = 50 → 0.625; saisonniers 8 + 0 = 8 → 0.1
    const m = computeBmo(src('bmo', 'bmo'), [b('z1', n(40), n(30), n(8)), b('z2', n(40), n(20), n(0))], { fin: 2024, minimum: 30 }).get('A')!;
    expect(m.projets).toEqual({ valeur: 80, significatif: true, source: 'bmo', annee: 2024 });
    expect(m.partDifficiles.valeur).toBeCloseTo(0.625, 12);
    expect(m.partSaisonniers.valeur).toBeCloseTo(0.1, 12);
  });
  it('withheld cells: the published sum is a lower bound with the withheld count; shares on the published basis', () => {
    const m = computeBmo(src('bmo', 'bmo'), [b('z1', n(40), n(30), n(null, true)), b('z2', n(40), n(null, true), n(0))], { fin: 2024, minimum: 30 }).get('A')!;
    expect(m.projets).toEqual({ valeur: 80, significatif: true, source: 'bmo', annee: 2024 });
    expect(m.difficiles).toEqual({ valeur: 30, significatif: true, borneInferieure: true, masques: 1, source: 'bmo', annee: 2024 });
    expect(m.saisonniers).toEqual({ valeur: 0, significatif: false, borneInferieure: true, masques: 1, source: 'bmo', annee: 2024 });
    // published difficult / published projects = 30 / 80, one withheld cell behind it; not a bound itself
    expect(m.partDifficiles).toEqual({ valeur: 30 / 80, significatif: true, masques: 1, source: 'bmo', annee: 2024 });
    expect(m.partDifficiles.borneInferieure).toBeUndefined();
  });
  it('never a blank for one withheld part: projects of three rows, one withheld', () => {
    const m = computeBmo(src('bmo', 'bmo'), [b('z1', n(25), n(10), n(0)), b('z2', n(null, true), n(null, true), n(null, true)), b('z3', n(12), n(6), n(0))], { fin: 2024, minimum: 30 }).get('A')!;
    expect(m.projets).toMatchObject({ valeur: 37, borneInferieure: true, masques: 1, significatif: true });
    expect(m.partDifficiles).toMatchObject({ valeur: 16 / 37, masques: 2, significatif: true });
  });
  it('every cell withheld: withheld, never zero', () => {
    const m = computeBmo(src('bmo', 'bmo'), [b('z1', n(null, true), n(null, true), n(null, true)), b('z2', n(null, true), n(null, true), n(null, true))], { fin: 2024, minimum: 30 }).get('A')!;
    expect(m.projets).toEqual({ valeur: null, significatif: false, masque: true, masques: 2, source: 'bmo', annee: 2024 });
    expect(m.partDifficiles).toMatchObject({ valeur: null, masque: true, significatif: false, masques: 4 });
  });
  it('a withheld numerator in every row gives an unknown share, never a share computed from zero', () => {
    const m = computeBmo(src('bmo', 'bmo'), [b('z1', n(40), n(null, true), n(3)), b('z2', n(40), n(null, true), n(5))], { fin: 2024, minimum: 30 }).get('A')!;
    expect(m.difficiles).toMatchObject({ valeur: null, masque: true, masques: 2 });
    expect(m.partDifficiles).toMatchObject({ valeur: null, masque: true, significatif: false });
    expect(m.partSaisonniers.valeur).toBeCloseTo(0.1, 12);
  });
  it('the ≥ 30 rule applies to the lower bound', () => {
    const m = computeBmo(src('bmo', 'bmo'), [b('z1', n(20), n(15), n(0)), b('z2', n(null, true), n(null, true), n(0))], { fin: 2024, minimum: 30 }).get('A')!;
    expect(m.projets).toMatchObject({ valeur: 20, borneInferieure: true, significatif: false });
    expect(m.partDifficiles).toMatchObject({ valeur: 0.75, significatif: false });
  });
  it('territory totals over all métiers, with rows, métiers and withheld counts', () => {
    const rows = [b('z1', n(40), n(30), n(null, true)), { ...b('z1', n(null, true), n(null, true), n(2)), metier: 'B' }, { ...b('z2', n(60), n(10), n(6)), metier: 'B' }];
    const t = computeTotauxBmo(src('bmo', 'bmo'), rows, { fin: 2024, minimum: 30 });
    expect(t).toMatchObject({ lignes: 3, metiers: 2 });
    expect(t.projets).toMatchObject({ valeur: 100, borneInferieure: true, masques: 1 });
    expect(t.difficiles).toMatchObject({ valeur: 40, borneInferieure: true, masques: 1 });
    expect(t.saisonniers).toMatchObject({ valeur: 8, borneInferieure: true, masques: 1 });
    expect(t.partDifficiles).toMatchObject({ valeur: 0.4, masques: 2 });
  });
  it('≥ 30 rule on projects', () => {
    const m = computeBmo(src('bmo', 'bmo'), [b('z1', n(29), n(29), n(0))], { fin: 2024, minimum: 30 }).get('A')!;
    expect(m.partDifficiles).toMatchObject({ valeur: 1, significatif: false });
  });
});

describe('ages, departures, postes à pourvoir', () => {
  const a = (metier: string, zone: string, tranche: string, v: number): AgeRecord => ({ metier, zone, tranche, effectif: n(v), origine: o });
  it('pyramid, reference share, vieillissant, unknown bands', () => {
    const terr = [a('A', 'z', '15-29', 20), a('A', 'z', '30-49', 40), a('A', 'z', '50-54', 15), a('A', 'z', '55 ans et plus', 25), a('A', 'z', 'seniors', 5)];
    const ref = [a('A', 'r', '<30', 300), a('A', 'r', '30-49', 500), a('A', 'r', '50+', 200)];
    const r = computeAges(src('ages', 'ages'), { territoire: terr, reference: ref }, { fin: 2024, minimum: 30, regles: doc.regles });
    expect(r.tranchesInconnues).toEqual(['seniors']);
    const x = r.parMetier.get('A')!;
    expect(x.ages.tranches.map((t) => t.tranche)).toEqual(['15-29', '30-49', '50-54', '55 ans et plus']);
    expect(x.ages.part55Plus.valeur).toBeCloseTo(0.25, 12);
    // reference 55+: '50+' = 50..69 (20 years), 15 of them ≥ 55 → 150 / 1 000 = 0.15
    expect(x.ages.part55PlusReference!.valeur).toBeCloseTo(0.15, 12);
    // 0.25 − 0.15 = 10 points ≥ 5 → vieillissant
    expect(x.ages.vieillissant).toBe(true);
    expect(x.partPartants.valeur).toBeCloseTo(0.325, 12);
  });
  it('departures scale to employment; postes = net creation + departures', () => {
    const ages = computeAges(src('ages', 'ages'), { territoire: [a('A', 'z', '15-29', 20), a('A', 'z', '30-49', 40), a('A', 'z', '50-54', 15), a('A', 'z', '55+', 25)] }, { fin: 2024, minimum: 30, regles: doc.regles }).parMetier.get('A');
    const ind = assembler(
      'A',
      'A',
      {
        effectifs: {
          effectifFin: { valeur: 1000, significatif: true },
          tcam: { valeur: 0.01, significatif: true, source: 'eff', anneeDebut: 2019, annee: 2024 },
        },
        ages,
      },
      10,
    );
    // departures 0.325 × 1 000 = 325; net = 1 000·(1.01^10 − 1) = 104.622…; postes 429.622; per job 0.4296
    expect(ind.departsFinCarriere!.valeur).toBeCloseTo(325, 9);
    expect(ind.creationsNettes!.valeur).toBeCloseTo(1000 * (Math.pow(1.01, 10) - 1), 9);
    expect(ind.postesAPourvoir!.valeur).toBeCloseTo(325 + 1000 * (Math.pow(1.01, 10) - 1), 9);
    expect(ind.postesAPourvoirParEmploi!.valeur).toBeCloseTo((325 + 1000 * (Math.pow(1.01, 10) - 1)) / 1000, 12);
  });
});

describe('tension', () => {
  it('class weighted by offers + job seekers; O/D ratio; écoulement', () => {
    const t = computeTension(
      src('tension', 'tension'),
      [
        { metier: 'A', zone: 'z1', classe: n(5), offres: n(30), demandeurs: n(10), origine: o },
        { metier: 'A', zone: 'z2', classe: n(2), offres: n(10), demandeurs: n(30), origine: o },
        { metier: 'A', zone: 'z3', classe: n(3), offres: n(0), demandeurs: n(20), origine: o },
      ],
      { fin: 2024, minimum: 30, publication: 30 },
    ).get('A')!;
    // (5·40 + 2·40 + 3·20) / 100 = 3.4; O/D = 40/60
    expect(t.classe!.valeur).toBeCloseTo(3.4, 12);
    // 40 offers and 60 job seekers behind the class: publishable
    expect(t.classe!.significatif).toBe(true);
    expect(t.ratioOffresDemandeurs!.valeur).toBeCloseTo(40 / 60, 12);
    const od = computeOffresDemandes(src('od', 'offres-demandes'), [{ metier: 'A', zone: 'z', offres: n(60), demandeurs: n(120), sorties: n(30), origine: o }], { fin: 2024, minimum: 30 }).get('A')!;
    expect(od.ratioOffresDemandeurs!.valeur).toBe(0.5);
    expect(od.ecoulement!.valeur).toBe(0.25);
  });
  it('composite score: z parameters from the reference distribution', () => {
    const mk = (code: string, od: number, ec: number, pd: number) =>
      assembler(
        code,
        code,
        {
          offresDemandes: { ratioOffresDemandeurs: { valeur: od, significatif: true, source: 'od', annee: 2024 }, ecoulement: { valeur: ec, significatif: true } },
          bmo: {
            projets: { valeur: 100, significatif: true },
            difficiles: { valeur: pd * 100, significatif: true },
            saisonniers: { valeur: 0, significatif: true },
            partDifficiles: { valeur: pd, significatif: true },
            partSaisonniers: { valeur: 0, significatif: true },
          },
        },
        10,
      );
    const metiers = [mk('A', 1.5, 0.3, 0.7), mk('B', 0.5, 0.1, 0.3)];
    // reference O/D [0.5, 1, 1.5]: mean 1, sd √(1/6) = 0.408248; écoulement [0.1, 0.2, 0.3]: mean 0.2, sd 0.081650;
    // difficult [0.4, 0.5, 0.6]: mean 0.5, sd 0.081650
    // A: z = (0.5/0.408248, 0.1/0.081650, 0.2/0.081650) = (1.224745, 1.224745, 2.449490)
    // DARES weights: 0.3 × 1.224745 + 0.2 × 1.224745 + 0.5 × 2.449490 = 0.367423 + 0.244949 + 1.224745 = 1.837117
    const r = scoresComposites(metiers, { ratioOffresDemandeurs: [0.5, 1, 1.5], ecoulement: [0.1, 0.2, 0.3], partDifficiles: [0.4, 0.5, 0.6] });
    expect(r.normalisationLocale).toEqual([]);
    expect(r.normalisation).toEqual({ ratioOffresDemandeurs: 'reference', ecoulement: 'reference', partDifficiles: 'reference' });
    expect(r.scores).toBe(2);
    expect(metiers[0]!.tension!.scoreComposite!.valeur).toBeCloseTo(1.837117, 5);
    expect(metiers[0]!.tension!.poids).toEqual({ ratioOffresDemandeurs: 0.3, ecoulement: 0.2, partDifficiles: 0.5 });
    // B: z = (−1.224745, −1.224745, −2.449490) → −1.837117
    expect(metiers[1]!.tension!.scoreComposite!.valeur).toBeCloseTo(-1.837117, 5);
    expect(metiers[0]!.tension!.scoreComposite).toMatchObject({ significatif: true, source: 'od', annee: 2024 });
    // without a reference: local normalisation, reported
    const locaux = [mk('A', 1.5, 0.3, 0.7), mk('B', 0.5, 0.1, 0.3)];
    expect(scoresComposites(locaux, undefined).normalisationLocale).toEqual(['ratioOffresDemandeurs', 'ecoulement', 'partDifficiles']);
    // two métiers symmetric around the mean: z = ±1 on each component, so ±1 whatever the weights
    expect(locaux[0]!.tension!.scoreComposite!.valeur).toBeCloseTo(1, 12);
  });
  it('composite score: weights renormalised over the components present, two at least', () => {
    const mk = (code: string, od: number | undefined, pd: number | undefined) =>
      assembler(
        code,
        code,
        {
          ...(od !== undefined ? { offresDemandes: { ratioOffresDemandeurs: { valeur: od, significatif: true, source: 'od', annee: 2024 } } } : {}),
          ...(pd !== undefined
            ? {
                bmo: {
                  projets: { valeur: 100, significatif: true },
                  difficiles: { valeur: pd * 100, significatif: true },
                  saisonniers: { valeur: 0, significatif: true },
                  partDifficiles: { valeur: pd, significatif: true, source: 'bmo', annee: 2024 },
                  partSaisonniers: { valeur: 0, significatif: true },
                },
              }
            : {}),
        },
        10,
      );
    const ref = { ratioOffresDemandeurs: [0.5, 1, 1.5], partDifficiles: [0.4, 0.5, 0.6] };
    // A: z O/D = 0.5/0.408248 = 1.224745, z BMO = 0.2/0.081650 = 2.449490; no écoulement, so the
    // weights 0.3 and 0.5 become 0.3/0.8 = 0.375 and 0.5/0.8 = 0.625:
    // 0.375 × 1.224745 + 0.625 × 2.449490 = 0.459279 + 1.530931 = 1.990211
    const a = mk('A', 1.5, 0.7);
    const seul = mk('S', 1.5, undefined);
    const r = scoresComposites([a, seul], ref);
    expect(a.tension!.scoreComposite!.valeur).toBeCloseTo(1.990211, 5);
    expect(Object.keys(a.tension!.poids!)).toEqual(['ratioOffresDemandeurs', 'partDifficiles']);
    expect(a.tension!.poids!.ratioOffresDemandeurs).toBeCloseTo(0.375, 12);
    expect(a.tension!.poids!.partDifficiles).toBeCloseTo(0.625, 12);
    // One component only: no score (two of three at least), counted among those with a component.
    expect(seul.tension!.scoreComposite).toBeUndefined();
    expect(r).toMatchObject({ scores: 1, avecComposante: 2 });
    // With one component allowed, S's score is its O/D z-score, weight 1.
    const seul1 = mk('S', 1.5, undefined);
    scoresComposites([seul1], ref, { ...OPTIONS_COMPOSITE, composantesMinimum: 1 });
    expect(seul1.tension!.scoreComposite!.valeur).toBeCloseTo(1.224745, 5);
    expect(seul1.tension!.poids).toEqual({ ratioOffresDemandeurs: 1 });
    // Normalisation on the territory, as asked: the reference is not used, and not reported as a fallback.
    const t1 = mk('A', 1.5, 0.7);
    const t2 = mk('B', 0.5, 0.3);
    const rt = scoresComposites([t1, t2], ref, { ...OPTIONS_COMPOSITE, normalisation: 'territoire' });
    expect(rt).toMatchObject({ normalisationLocale: [], normalisation: { ratioOffresDemandeurs: 'territoire', partDifficiles: 'territoire' } });
    expect(t1.tension!.scoreComposite!.valeur).toBeCloseTo(1, 12);
  });
  it('official class: the publication rule on the offers and job seekers behind it', () => {
    const classe = (rows: Array<{ offres?: number; demandeurs?: number; masque?: boolean }>) =>
      computeTension(
        src('tension', 'tension'),
        rows.map((r, i) => ({
          metier: 'C1504',
          zone: `z${i}`,
          classe: n(5),
          ...(r.offres !== undefined ? { offres: r.masque ? { valeur: null, masque: true } : n(r.offres) } : {}),
          ...(r.demandeurs !== undefined ? { demandeurs: n(r.demandeurs) } : {}),
          origine: o,
        })),
        { fin: 2024, minimum: 30, publication: 30 },
      ).get('C1504')!.classe!;
    // France Travail 2020, bassin 5225, C1504: class 5 on 1 offer and 1 job seeker: not significant.
    expect(classe([{ offres: 1, demandeurs: 1 }])).toMatchObject({ valeur: 5, significatif: false });
    expect(classe([{ offres: 30, demandeurs: 29 }]).significatif).toBe(false);
    expect(classe([{ offres: 30, demandeurs: 30 }]).significatif).toBe(true);
    // Summed over the zones of the perimeter: 20 + 15 offers, 40 + 10 job seekers.
    expect(
      classe([
        { offres: 20, demandeurs: 40 },
        { offres: 15, demandeurs: 10 },
      ]).significatif,
    ).toBe(true);
    // A withheld count is a small one; a file without counts (DARES) published under its own rule.
    expect(classe([{ offres: 100, demandeurs: 100, masque: true }]).significatif).toBe(false);
    expect(classe([{}]).significatif).toBe(true);
  });
});

describe('structure', () => {
  it('sectors: IS, Krugman, Herfindahl', () => {
    const e = (secteur: string, zone: string, v: number): EffectifRecord => ({ metier: 'x', secteur, zone, annee: 2024, effectif: n(v), origine: o });
    const r = structureSecteurs(src('eff', 'effectifs'), [e('C', 'z', 60), e('G', 'z', 40)], [e('C', 'r', 200), e('G', 'r', 800)], 2024, 30);
    // IS C: 0.6/0.2 = 3; G: 0.4/0.8 = 0.5; Krugman |.6−.2| + |.4−.8| = 0.8; HHI .36 + .16 = .52 → 5 200
    expect(r.secteurs.map((s) => s.code)).toEqual(['C', 'G']);
    expect(r.secteurs[0]!.indiceSpecificite!.valeur).toBeCloseTo(3, 12);
    expect(r.secteurs[1]!.indiceSpecificite!.valeur).toBeCloseTo(0.5, 12);
    expect(r.specialisation!.krugman!.valeur).toBeCloseTo(0.8, 12);
    expect(r.specialisation!.herfindahl!.valeur).toBeCloseTo(5200, 9);
  });
  it('establishments by size band, sorted by size', () => {
    const s = structureEtablissements(
      src('etab', 'etablissements'),
      [
        { zone: 'z', taille: '50-249', etablissements: n(2), effectif: n(60), origine: o },
        { zone: 'z', taille: '1-9', etablissements: n(8), effectif: n(40), origine: o },
      ],
      2024,
    )!;
    expect(s.tranches.map((t) => t.taille)).toEqual(['1-9', '50-249']);
    expect(s.herfindahl!.valeur).toBeCloseTo(2000, 9);
  });
});
