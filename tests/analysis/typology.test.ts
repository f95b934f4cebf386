import { describe, expect, it } from 'vitest';
import { Diagnostic } from '../../core/format/schema.js';
import { classerMetier, seuilQuartilePostes, type ContexteTypologie } from '../../core/analysis/typology/index.js';
import type { IndicateursMetier, Mesure } from '../../core/analysis/result.js';

const regles = Diagnostic.parse({
  gtec: 1,
  titre: 't',
  territoire: { nom: 'T', type: 'region', codes: ['44'] },
  periode: { debut: 2019, fin: 2024 },
}).regles;

const ctx: ContexteTypologie = {
  regles,
  producteurs: new Map([['effectifs', 'INSEE'], ['bmo', 'France Travail'], ['tension', 'France Travail'], ['ages', 'INSEE']]),
  referenceNom: 'la région',
};
const m = (valeur: number | null, extra: Partial<Mesure> = {}): Mesure => ({ valeur, significatif: true, ...extra });
const periode = { source: 'effectifs', anneeDebut: 2019, annee: 2024 };
const base = (o: Partial<IndicateursMetier>): IndicateursMetier => ({ code: 'X0001', libelle: 'Test', ...o });

describe('en crise', () => {
  const crise = (tcam: number, ref: number, e0 = 50, debut = 2019) =>
    classerMetier(
      base({
        effectifDebut: m(e0, { source: 'effectifs', annee: debut }),
        tcam: m(tcam, { ...periode, anneeDebut: debut }),
        tcamReference: m(ref, periode),
      }),
      undefined,
      ctx,
    );
  it('fires at the threshold with its explanation', () => {
    // TCAM −2 % ≤ −2 % and −2 % < −0.5 % − 1 pt = −1.5 %; 5 years; E0 = 50 ≥ 50
    const r = crise(-0.02, -0.005);
    expect(r.familles).toEqual(['en-crise', 'fragile']);
    const e = r.explications[0]!;
    expect(e).toMatchObject({ famille: 'en-crise', indicateur: 'tcam', valeur: -0.02, seuil: -0.02, comparaison: '<=', source: 'effectifs', producteur: 'INSEE', annee: 2024, anneeDebut: 2019 });
    expect(e.texte.fr).toBe(
      'TCAM 2019-2024 de \u22122\u202f%/an ≤ \u22122\u202f%/an et inférieur de 1,5 point au TCAM de la région (\u22120,5\u202f%/an), sur 5 ans pour un effectif initial de 50 — source effectifs (INSEE), 2019-2024',
    );
    expect(e.texte.en).toContain('CAGR 2019-2024 of -2%/yr ≤ -2%/yr and 1.5 points below the CAGR of la région (-0.5%/yr)');
    expect(r.explications[1]).toMatchObject({ famille: 'fragile', indicateur: 'famille', valeur: 'en-crise' });
  });
  it('does not fire just above the threshold', () => {
    expect(crise(-0.0199, -0.005).familles).toEqual([]);
  });
  it('needs the gap to the reference (strict)', () => {
    // −3 % vs ref −2 %: −3 % < −2 % − 1 pt = −3 %? no (strict)
    expect(crise(-0.03, -0.02).familles).not.toContain('en-crise');
    expect(crise(-0.0301, -0.02).familles).toContain('en-crise');
  });
  it('needs the start employment and the duration', () => {
    expect(crise(-0.05, 0, 49).familles).not.toContain('en-crise');
    expect(crise(-0.05, 0, 50, 2020).familles).not.toContain('en-crise'); // 4 years < 5
  });
  it('a non-significant TCAM never fires', () => {
    const r = classerMetier(
      base({ effectifDebut: m(20, { significatif: false }), tcam: m(-0.1, { ...periode, significatif: false }) }),
      undefined,
      ctx,
    );
    expect(r.familles).toEqual([]);
  });
  it('without reference TCAM, the absolute threshold alone (said in the sentence)', () => {
    const r = classerMetier(base({ effectifDebut: m(80), tcam: m(-0.03, periode) }), undefined, ctx);
    expect(r.familles).toContain('en-crise');
    expect(r.explications[0]!.texte.fr).toContain('pas de TCAM de référence');
  });
});

describe('en croissance → porteur', () => {
  const g = (tcam: number, ref: number) =>
    classerMetier(base({ effectifDebut: m(100), tcam: m(tcam, periode), tcamReference: m(ref, periode) }), undefined, ctx);
  it('fires at +2 %/yr when 1 pt above the reference', () => {
    const r = g(0.02, 0.0099);
    expect(r.familles).toEqual(['en-croissance', 'porteur']);
    expect(r.explications[0]).toMatchObject({ indicateur: 'tcam', seuil: 0.02, comparaison: '>=', annee: 2024 });
    expect(r.explications[0]!.texte.fr).toContain('≥ 2\u202f%/an et supérieur de 1 point au TCAM de la région (1\u202f%/an)');
    expect(r.explications[1]).toMatchObject({ famille: 'porteur', indicateur: 'famille', valeur: 'en-croissance' });
  });
  it('does not fire below +2 % or without the gap', () => {
    expect(g(0.0199, 0).familles).toEqual([]);
    expect(g(0.02, 0.01).familles).toEqual([]); // 2 % > 1 % + 1 pt? no (strict)
  });
});

describe('en tension', () => {
  it('official class ≥ 4', () => {
    const r4 = classerMetier(base({ tension: { classe: m(4, { source: 'tension', annee: 2020 }) } }), undefined, ctx);
    expect(r4.familles).toEqual(['en-tension', 'porteur']);
    expect(r4.explications[0]).toMatchObject({ indicateur: 'classe_tension', valeur: 4, seuil: 4, source: 'tension', producteur: 'France Travail', annee: 2020 });
    expect(r4.explications[0]!.texte.fr).toBe('Classe de tension officielle 4 ≥ 4 (échelle de 1 à 5) — source tension (France Travail), 2020');
    expect(classerMetier(base({ tension: { classe: m(3.9) } }), undefined, ctx).familles).toEqual([]);
  });
  const bmo = (projets: number, part: number, sig = true) => ({
    projets: m(projets, { significatif: sig }),
    difficiles: m(projets * part),
    saisonniers: m(0),
    partDifficiles: m(part, { source: 'bmo', annee: 2024, significatif: sig }),
    partSaisonniers: m(0),
  });
  it('BMO share of difficult projects ≥ 50 % with ≥ 30 projects', () => {
    const r = classerMetier(base({ bmo: bmo(30, 0.5) }), undefined, ctx);
    expect(r.familles).toContain('en-tension');
    expect(r.explications[0]).toMatchObject({ indicateur: 'part_difficiles', valeur: 0.5, seuil: 0.5, comparaison: '>=', source: 'bmo', annee: 2024 });
    expect(r.explications[0]!.texte.fr).toBe(
      'Part de projets de recrutement jugés difficiles de 50\u202f% ≥ 50\u202f%, sur 30 projets (minimum 30) — source bmo (France Travail), 2024',
    );
    expect(classerMetier(base({ bmo: bmo(30, 0.499) }), undefined, ctx).familles).toEqual([]);
    expect(classerMetier(base({ bmo: bmo(29, 0.9, false) }), undefined, ctx).familles).toEqual([]);
  });
  it('withheld share never fires', () => {
    const b = bmo(100, 0.8);
    b.partDifficiles = { valeur: null, significatif: false, masque: true };
    expect(classerMetier(base({ bmo: b }), undefined, ctx).familles).toEqual([]);
  });
  it('composite score ≥ 0.5, components in the sentence', () => {
    const r = classerMetier(
      base({ tension: { scoreComposite: m(0.5, { source: 'od', annee: 2024 }), composantes: { ratioOffresDemandeurs: 1, ecoulement: 0 } } }),
      undefined,
      ctx,
    );
    expect(r.explications[0]).toMatchObject({ indicateur: 'score_tension', valeur: 0.5, seuil: 0.5 });
    expect(r.explications[0]!.texte.fr).toContain('(moyenne des z-scores : offres/demandeurs 1 ; écoulement 0)');
    expect(classerMetier(base({ tension: { scoreComposite: m(0.49) } }), undefined, ctx).familles).toEqual([]);
  });
});

describe('declared families', () => {
  it('en mutation only when declared', () => {
    expect(classerMetier(base({ signaux: ['transition-ecologique'] }), undefined, ctx).familles).toEqual([]);
    const r = classerMetier(base({}), { code: 'X0001', en_mutation: true }, ctx);
    expect(r.familles).toEqual(['en-mutation']);
    expect(r.explications[0]).toMatchObject({ indicateur: 'declaration', valeur: true });
  });
  it('stratégique lists IS and the share of 55+ as evidence', () => {
    const r = classerMetier(
      base({
        indiceSpecificite: m(1.5, { source: 'effectifs', annee: 2024 }),
        ages: {
          tranches: [],
          part50Plus: m(0.4),
          part55Plus: m(0.28, { source: 'ages', annee: 2024 }),
          part55PlusReference: m(0.21),
          indiceRenouvellement: m(1.2),
          vieillissant: true,
        },
      }),
      { code: 'X0001', strategique: true },
      ctx,
    );
    expect(r.familles).toEqual(['strategique']);
    expect(r.explications.map((e) => e.indicateur)).toEqual(['declaration', 'indice_specificite', 'part_55_plus']);
    expect(r.explications[1]!.texte.fr).toBe('Indice de spécificité de 1,5 ≥ 1,2 : métier fortement spécifique au territoire — source effectifs (INSEE), 2024');
    expect(r.explications[2]!.texte.fr).toContain('Part des 55 ans et plus de 28\u202f% (référence : 21\u202f%)');
    // not declared: evidence alone makes no verdict
    expect(classerMetier(base({ indiceSpecificite: m(3) }), undefined, ctx).familles).toEqual([]);
  });
});

describe('fragile by decline and ageing', () => {
  const ages = (p55: number, ref: number, ir = 2) => ({
    tranches: [],
    part50Plus: m(0.4),
    part55Plus: m(p55, { source: 'ages', annee: 2024 }),
    part55PlusReference: m(ref),
    indiceRenouvellement: m(ir, { source: 'ages', annee: 2024 }),
    vieillissant: true,
  });
  it('declining with a share of 55+ ≥ reference + 5 points', () => {
    const r = classerMetier(base({ effectifDebut: m(100), tcam: m(-0.01, periode), ages: ages(0.25, 0.2) }), undefined, ctx);
    expect(r.familles).toEqual(['fragile']);
    expect(r.explications.map((e) => [e.indicateur, e.comparaison])).toEqual([['tcam', '<'], ['part_55_plus', '>=']]);
    expect(r.explications[1]!.seuil).toBeCloseTo(0.25, 12);
    expect(classerMetier(base({ tcam: m(-0.01, periode), ages: ages(0.2499, 0.2) }), undefined, ctx).familles).toEqual([]);
  });
  it('or a renewal index below 1', () => {
    const r = classerMetier(base({ tcam: m(-0.01, periode), ages: ages(0.2, 0.2, 0.99) }), undefined, ctx);
    expect(r.explications[1]).toMatchObject({ indicateur: 'indice_renouvellement', valeur: 0.99, seuil: 1, comparaison: '<' });
    expect(classerMetier(base({ tcam: m(-0.01, periode), ages: ages(0.2, 0.2, 1) }), undefined, ctx).familles).toEqual([]);
  });
  it('not when the decline only follows the reference', () => {
    // −1 %/yr vs reference −1.5 %/yr: declining, but less than the reference
    const ind = base({ tcam: m(-0.01, periode), tcamReference: m(-0.015, periode), ages: ages(0.3, 0.2) });
    expect(classerMetier(ind, undefined, ctx).familles).toEqual([]);
    const pire = base({ tcam: m(-0.01, periode), tcamReference: m(-0.005, periode), ages: ages(0.3, 0.2) });
    const r = classerMetier(pire, undefined, ctx);
    expect(r.familles).toEqual(['fragile']);
    expect(r.explications[0]!.texte.fr).toContain('et inférieur au TCAM de la région (\u22120,5\u202f%/an)');
  });
  it('not when employment grows', () => {
    expect(classerMetier(base({ tcam: m(0, periode), ages: ages(0.4, 0.2) }), undefined, ctx).familles).toEqual([]);
  });
});

describe('porteur by upper quartile of postes à pourvoir per job', () => {
  const pe = (v: number, significatif = true) => base({ postesAPourvoirParEmploi: m(v, { significatif, source: 'effectifs', annee: 2024 }) });
  it('Q3 over significant values, at least 4', () => {
    // 0.1 0.2 0.3 0.4 0.5 → Q3 at position 3 → 0.4 (the non-significant 0.9 is left out)
    const metiers = [pe(0.1), pe(0.2), pe(0.3), pe(0.4), pe(0.5), pe(0.9, false)];
    expect(seuilQuartilePostes(metiers)).toBeCloseTo(0.4, 12);
    expect(seuilQuartilePostes(metiers.slice(0, 3))).toBeUndefined();
  });
  it('fires at the quartile, not below, and only when enabled', () => {
    const c = { ...ctx, seuilPostes: 0.4 };
    const r = classerMetier(pe(0.4), undefined, c);
    expect(r.familles).toEqual(['porteur']);
    expect(r.explications[0]).toMatchObject({ indicateur: 'postes_a_pourvoir_par_emploi', valeur: 0.4, seuil: 0.4, comparaison: '>=' });
    expect(r.explications[0]!.texte.fr).toContain('Postes à pourvoir d’ici 10 ans');
    expect(classerMetier(pe(0.39), undefined, c).familles).toEqual([]);
    expect(classerMetier(pe(0.5), undefined, { ...c, regles: { ...regles, porteur_quartile_postes: false } }).familles).toEqual([]);
  });
});
