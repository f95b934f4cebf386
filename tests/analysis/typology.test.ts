import { describe, expect, it } from 'vitest';
import { Diagnostic } from '../../core/format/schema.js';
import { classifyMetier, explain, FAMILLE_ORDER, seuilQuartilePostes, verdictsMetier, type TypologyContext, type Verdict } from '../../core/analysis/typology/index.js';
import { locales, type TypologyOptions } from '../../core/locale/index.js';
import type { IndicateursMetier, Mesure } from '../../core/analysis/result.js';

const regles = Diagnostic.parse({
  gtec: 1,
  titre: 't',
  territoire: { nom: 'T', type: 'region', codes: ['44'] },
  periode: { debut: 2019, fin: 2024 },
}).regles;

const ctx: TypologyContext = {
  regles,
  producteurs: new Map([
    ['effectifs', 'INSEE'],
    ['bmo', 'France Travail'],
    ['tension', 'France Travail'],
    ['ages', 'INSEE'],
  ]),
  referenceNom: 'la région',
};
const m = (valeur: number | null, extra: Partial<Mesure> = {}): Mesure => ({ valeur, significatif: true, ...extra });
const periode = { source: 'effectifs', anneeDebut: 2019, annee: 2024 };
const base = (o: Partial<IndicateursMetier>): IndicateursMetier => ({ code: 'X0001', libelle: 'Test', ...o });

describe('en crise', () => {
  const crise = (tcam: number, ref: number, e0 = 50, debut = 2019) =>
    classifyMetier(
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
    expect(e.texte.fr).toBe('TCAM 2019-2024 de \u22122\u202f%/an ≤ \u22122\u202f%/an et inférieur de 1,5 point au TCAM de la région (\u22120,5\u202f%/an), sur 5 ans pour un effectif initial de 50 — source effectifs (INSEE), 2019-2024');
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
    const r = classifyMetier(base({ effectifDebut: m(20, { significatif: false }), tcam: m(-0.1, { ...periode, significatif: false }) }), undefined, ctx);
    expect(r.familles).toEqual([]);
  });
  it('without reference TCAM, the absolute threshold alone (said in the sentence)', () => {
    const r = classifyMetier(base({ effectifDebut: m(80), tcam: m(-0.03, periode) }), undefined, ctx);
    expect(r.familles).toContain('en-crise');
    expect(r.explications[0]!.texte.fr).toContain('pas de TCAM de référence');
  });
});

describe('en croissance → porteur', () => {
  const g = (tcam: number, ref: number) => classifyMetier(base({ effectifDebut: m(100), tcam: m(tcam, periode), tcamReference: m(ref, periode) }), undefined, ctx);
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
    const r4 = classifyMetier(base({ tension: { classe: m(4, { source: 'tension', annee: 2020 }) } }), undefined, ctx);
    expect(r4.familles).toEqual(['en-tension', 'porteur']);
    expect(r4.explications[0]).toMatchObject({ indicateur: 'classe_tension', valeur: 4, seuil: 4, source: 'tension', producteur: 'France Travail', annee: 2020 });
    expect(r4.explications[0]!.texte.fr).toBe('Classe de tension officielle 4 ≥ 4 (échelle de 1 à 5) — source tension (France Travail), 2020');
    expect(classifyMetier(base({ tension: { classe: m(3.9) } }), undefined, ctx).familles).toEqual([]);
  });
  const bmo = (projets: number, part: number, sig = true) => ({
    projets: m(projets, { significatif: sig }),
    difficiles: m(projets * part),
    saisonniers: m(0),
    partDifficiles: m(part, { source: 'bmo', annee: 2024, significatif: sig }),
    partSaisonniers: m(0),
  });
  it('BMO share of difficult projects ≥ 50 % with ≥ 30 projects', () => {
    const r = classifyMetier(base({ bmo: bmo(30, 0.5) }), undefined, ctx);
    expect(r.familles).toContain('en-tension');
    expect(r.explications[0]).toMatchObject({ indicateur: 'part_difficiles', valeur: 0.5, seuil: 0.5, comparaison: '>=', source: 'bmo', annee: 2024 });
    expect(r.explications[0]!.texte.fr).toBe('Part de projets de recrutement jugés difficiles de 50\u202f% ≥ 50\u202f%, sur 30 projets (minimum 30) — source bmo (France Travail), 2024');
    expect(classifyMetier(base({ bmo: bmo(30, 0.499) }), undefined, ctx).familles).toEqual([]);
    expect(classifyMetier(base({ bmo: bmo(29, 0.9, false) }), undefined, ctx).familles).toEqual([]);
  });
  it('lower bounds behind the share: « au moins » and the withheld cells in the sentence', () => {
    const b = bmo(40, 0.6);
    b.projets = m(40, { borneInferieure: true, masques: 2 });
    b.partDifficiles = m(0.6, { source: 'bmo', annee: 2024, masques: 3 });
    const e = classifyMetier(base({ bmo: b }), undefined, ctx).explications[0]!;
    expect(e).toMatchObject({ regle: 'part-difficiles', projets: 40, masques: 3 });
    expect(e.texte.fr).toBe('Part de projets de recrutement jugés difficiles de 60 % ≥ 50 %, sur au moins 40 projets publiés (3 cellules masquées par la source) (minimum 30) — source bmo (France Travail), 2024');
    expect(e.texte.en).toBe('Share of recruitment projects judged difficult of 60% ≥ 50%, out of at least 40 published projects (3 cells withheld by the source) (minimum 30) — source bmo (France Travail), 2024');
  });
  it('threshold relative to the reference territory’s share, plus its points', () => {
    const relatif = { ...regles, tension: { ...regles.tension, part_difficiles_seuil: 'reference' as const, part_difficiles_ecart_reference_points: 5 } };
    const c = { ...ctx, regles: relatif, partDifficilesReference: 0.57 };
    // 0.57 + 0.05 = 0.62: 0.63 fires, 0.6 does not (it would against the absolute 50 %)
    const e = classifyMetier(base({ bmo: bmo(100, 0.63) }), undefined, c).explications[0]!;
    expect(e).toMatchObject({ regle: 'part-difficiles', reference: 0.57, ecart: 0.05 });
    expect(e.seuil as number).toBeCloseTo(0.62, 12);
    expect(e.texte.fr).toContain('≥ 62 % (part de la région, tous métiers, 57 % + 5 points)');
    expect(e.texte.en).toContain('≥ 62% (share of la région, all occupations, 57% + 5 points)');
    expect(classifyMetier(base({ bmo: bmo(100, 0.6) }), undefined, c).familles).toEqual([]);
    // unknown reference share: the absolute threshold
    const { partDifficilesReference: _, ...sansPart } = c;
    expect(classifyMetier(base({ bmo: bmo(100, 0.6) }), undefined, sansPart).explications[0]).toMatchObject({ seuil: 0.5 });
  });
  it('withheld share never fires', () => {
    const b = bmo(100, 0.8);
    b.partDifficiles = { valeur: null, significatif: false, masque: true };
    expect(classifyMetier(base({ bmo: b }), undefined, ctx).familles).toEqual([]);
  });
  it('composite score ≥ 0.5, components in the sentence', () => {
    const r = classifyMetier(
      base({
        tension: { scoreComposite: m(0.5, { source: 'od', annee: 2024 }), composantes: { ratioOffresDemandeurs: 1, ecoulement: 0 }, poids: { ratioOffresDemandeurs: 0.6, ecoulement: 0.4 } },
      }),
      undefined,
      { ...ctx, normalisationComposite: { ratioOffresDemandeurs: 'reference', ecoulement: 'territoire', partDifficiles: 'reference' } },
    );
    expect(r.explications[0]).toMatchObject({
      indicateur: 'score_tension',
      valeur: 0.5,
      seuil: 0.5,
      poids: { ratioOffresDemandeurs: 0.6, ecoulement: 0.4 },
      normalisation: { ratioOffresDemandeurs: 'reference', ecoulement: 'territoire' },
    });
    expect(r.explications[0]!.texte.fr).toContain(
      '(moyenne pondérée des z-scores, méthode DARES : offres/demandeurs 1 × 60\u202f% ; écoulement 0 × 40\u202f% ; poids DARES renormalisés, sans part de projets difficiles ; z-scores sur les métiers du territoire pour écoulement)',
    );
    expect(classifyMetier(base({ tension: { scoreComposite: m(0.49) } }), undefined, ctx).familles).toEqual([]);
  });
});

describe('declared families', () => {
  it('en mutation only when declared', () => {
    expect(classifyMetier(base({ signaux: ['transition-ecologique'] }), undefined, ctx).familles).toEqual([]);
    const r = classifyMetier(base({}), { code: 'X0001', en_mutation: true }, ctx);
    expect(r.familles).toEqual(['en-mutation']);
    expect(r.explications[0]).toMatchObject({ indicateur: 'declaration', valeur: true });
  });
  it('stratégique lists IS and the share of 55+ as evidence', () => {
    const r = classifyMetier(
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
    expect(classifyMetier(base({ indiceSpecificite: m(3) }), undefined, ctx).familles).toEqual([]);
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
    const r = classifyMetier(base({ effectifDebut: m(100), tcam: m(-0.01, periode), ages: ages(0.25, 0.2) }), undefined, ctx);
    expect(r.familles).toEqual(['fragile']);
    expect(r.explications.map((e) => [e.indicateur, e.comparaison])).toEqual([
      ['tcam', '<'],
      ['part_55_plus', '>='],
    ]);
    expect(r.explications[1]!.seuil).toBeCloseTo(0.25, 12);
    expect(classifyMetier(base({ tcam: m(-0.01, periode), ages: ages(0.2499, 0.2) }), undefined, ctx).familles).toEqual([]);
  });
  it('or a renewal index below 1', () => {
    const r = classifyMetier(base({ tcam: m(-0.01, periode), ages: ages(0.2, 0.2, 0.99) }), undefined, ctx);
    expect(r.explications[1]).toMatchObject({ indicateur: 'indice_renouvellement', valeur: 0.99, seuil: 1, comparaison: '<' });
    expect(classifyMetier(base({ tcam: m(-0.01, periode), ages: ages(0.2, 0.2, 1) }), undefined, ctx).familles).toEqual([]);
  });
  it('not when the decline only follows the reference', () => {
    // −1 %/yr vs reference −1.5 %/yr: declining, but less than the reference
    const ind = base({ tcam: m(-0.01, periode), tcamReference: m(-0.015, periode), ages: ages(0.3, 0.2) });
    expect(classifyMetier(ind, undefined, ctx).familles).toEqual([]);
    const pire = base({ tcam: m(-0.01, periode), tcamReference: m(-0.005, periode), ages: ages(0.3, 0.2) });
    const r = classifyMetier(pire, undefined, ctx);
    expect(r.familles).toEqual(['fragile']);
    expect(r.explications[0]!.texte.fr).toContain('et inférieur au TCAM de la région (\u22120,5\u202f%/an)');
  });
  it('not when employment grows', () => {
    expect(classifyMetier(base({ tcam: m(0, periode), ages: ages(0.4, 0.2) }), undefined, ctx).familles).toEqual([]);
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
    const r = classifyMetier(pe(0.4), undefined, c);
    expect(r.familles).toEqual(['porteur']);
    expect(r.explications[0]).toMatchObject({ indicateur: 'postes_a_pourvoir_par_emploi', valeur: 0.4, seuil: 0.4, comparaison: '>=' });
    expect(r.explications[0]!.texte.fr).toContain('Postes à pourvoir d’ici 10 ans');
    expect(classifyMetier(pe(0.39), undefined, c).familles).toEqual([]);
    expect(classifyMetier(pe(0.5), undefined, { ...c, regles: { ...regles, porteur_quartile_postes: false } }).familles).toEqual([]);
  });
});

describe('rules return verdicts as data (token, numbers, provenance)', () => {
  const v = (ind: IndicateursMetier, decl?: { code: string; en_mutation?: boolean; strategique?: boolean }, c: TypologyContext = ctx) => verdictsMetier(ind, decl, c);
  it('en crise and its derived fragile: TCAM, threshold, reference, duration, start employment', () => {
    expect(v(base({ effectifDebut: m(50), tcam: m(-0.02, periode), tcamReference: m(-0.005, periode) }))).toEqual([
      {
        famille: 'en-crise',
        regle: 'tcam-seuil',
        indicateur: 'tcam',
        valeur: -0.02,
        seuil: -0.02,
        comparaison: '<=',
        reference: -0.005,
        duree: 5,
        effectifInitial: 50,
        source: 'effectifs',
        producteur: 'INSEE',
        anneeDebut: 2019,
        annee: 2024,
      },
      { famille: 'fragile', regle: 'famille-derivee', indicateur: 'famille', valeur: 'en-crise', comparaison: '=' },
    ]);
    // no reference TCAM: no `reference`, the absolute threshold alone
    expect(v(base({ effectifDebut: m(80), tcam: m(-0.03, periode) }))[0]).not.toHaveProperty('reference');
  });
  it('en croissance and its derived porteur', () => {
    expect(v(base({ tcam: m(0.03, periode), tcamReference: m(0.01, periode) }))).toEqual([
      { famille: 'en-croissance', regle: 'tcam-seuil', indicateur: 'tcam', valeur: 0.03, seuil: 0.02, comparaison: '>=', reference: 0.01, source: 'effectifs', producteur: 'INSEE', anneeDebut: 2019, annee: 2024 },
      { famille: 'porteur', regle: 'famille-derivee', indicateur: 'famille', valeur: 'en-croissance', comparaison: '=' },
    ]);
  });
  it('en tension: class, share of difficult projects with its projects, composite score with its components', () => {
    const ind = base({
      tension: { classe: m(5, { source: 'tension', annee: 2020, approximatif: true }), scoreComposite: m(0.8), composantes: { ratioOffresDemandeurs: 1.2, partDifficiles: 0.4 } },
      bmo: { projets: m(40), difficiles: m(30), saisonniers: m(0), partDifficiles: m(0.75, { source: 'bmo', annee: 2024 }), partSaisonniers: m(0) },
    });
    expect(v(ind)).toEqual([
      { famille: 'en-tension', regle: 'classe-officielle', indicateur: 'classe_tension', valeur: 5, seuil: 4, comparaison: '>=', projets: 40, approximatif: true, source: 'tension', producteur: 'France Travail', annee: 2020 },
      { famille: 'en-tension', regle: 'part-difficiles', indicateur: 'part_difficiles', valeur: 0.75, seuil: 0.5, comparaison: '>=', projets: 40, projetsMinimum: 30, source: 'bmo', producteur: 'France Travail', annee: 2024 },
      { famille: 'en-tension', regle: 'score-composite', indicateur: 'score_tension', valeur: 0.8, seuil: 0.5, comparaison: '>=', composantes: { ratioOffresDemandeurs: 1.2, partDifficiles: 0.4 }, poids: {}, normalisation: {} },
      { famille: 'porteur', regle: 'famille-derivee', indicateur: 'famille', valeur: 'en-tension', comparaison: '=' },
    ]);
  });
  it('declarations, with the evidence of stratégique (strong location quotient, share of 55+ and its reference)', () => {
    const ages = { tranches: [], part50Plus: m(0.4), part55Plus: m(0.3), part55PlusReference: m(0.2), indiceRenouvellement: m(1), vieillissant: false };
    expect(v(base({ indiceSpecificite: m(1.6), ages }), { code: 'X0001', en_mutation: true, strategique: true })).toEqual([
      { famille: 'en-mutation', regle: 'declaration', indicateur: 'declaration', valeur: true, comparaison: '=' },
      { famille: 'strategique', regle: 'declaration', indicateur: 'declaration', valeur: true, comparaison: '=' },
      { famille: 'strategique', regle: 'indice-specificite', indicateur: 'indice_specificite', valeur: 1.6, seuil: 1.2, comparaison: '>=', fort: true },
      { famille: 'strategique', regle: 'part-55-plus', indicateur: 'part_55_plus', valeur: 0.3, reference: 0.2 },
    ]);
    expect(v(base({ indiceSpecificite: m(1.3) }), { code: 'X0001', strategique: true })[1]).toMatchObject({ regle: 'indice-specificite', fort: false });
  });
  it('fragile by decline: the TCAM, then the ageing reason with its numbers', () => {
    const ages = (p55: number, ir: number) => ({ tranches: [], part50Plus: m(0.4), part55Plus: m(p55), part55PlusReference: m(0.2), indiceRenouvellement: m(ir), vieillissant: true });
    const [baisse, part] = v(base({ tcam: m(-0.01, periode), tcamReference: m(-0.005, periode), ages: ages(0.3, 2) }));
    expect(baisse).toEqual({ famille: 'fragile', regle: 'tcam-baisse', indicateur: 'tcam', valeur: -0.01, seuil: 0, comparaison: '<', reference: -0.005, source: 'effectifs', producteur: 'INSEE', anneeDebut: 2019, annee: 2024 });
    expect(part).toMatchObject({ famille: 'fragile', regle: 'vieillissement-part-55', indicateur: 'part_55_plus', valeur: 0.3, comparaison: '>=', reference: 0.2, ecart: 0.05 });
    expect((part as Verdict & { seuil: number }).seuil).toBeCloseTo(0.25, 12);
    expect(v(base({ tcam: m(-0.01, periode), ages: ages(0.2, 0.8) }))[1]).toEqual({ famille: 'fragile', regle: 'indice-renouvellement', indicateur: 'indice_renouvellement', valeur: 0.8, seuil: 1, comparaison: '<' });
  });
  it('porteur by the quartile of postes à pourvoir, with the horizon', () => {
    expect(v(base({ postesAPourvoirParEmploi: m(0.5) }), undefined, { ...ctx, seuilPostes: 0.4 })).toEqual([
      { famille: 'porteur', regle: 'quartile-postes', indicateur: 'postes_a_pourvoir_par_emploi', valeur: 0.5, seuil: 0.4, comparaison: '>=', horizon: 10 },
    ]);
  });
  it('verdicts come in the order of the families; classifyMetier is the verdicts with their sentences', () => {
    const ind = base({ effectifDebut: m(100), tcam: m(-0.05, periode), tension: { classe: m(4) } });
    const vs = v(ind, { code: 'X0001', strategique: true });
    const rang = vs.map((x) => FAMILLE_ORDER.indexOf(x.famille));
    expect(rang).toEqual([...rang].sort((a, b) => a - b));
    const r = classifyMetier(ind, { code: 'X0001', strategique: true }, ctx);
    expect(r.familles).toEqual(['en-crise', 'en-tension', 'strategique', 'fragile', 'porteur']);
    expect(r.explications).toEqual(vs.map((x) => explain(x, ctx)));
    expect(r.explications.map(({ texte: _t, ...x }) => x)).toEqual(vs);
  });
});

describe('sentences of the verdicts, one renderer per language', () => {
  const fr = (x: Verdict, o: TypologyOptions = { referenceNom: 'la région' }) => locales.fr.typology.explain(x, o);
  const en = (x: Verdict, o: TypologyOptions = { referenceNom: 'the region' }) => locales.en.typology.explain(x, o);
  const prov = { source: 'effectifs', producteur: 'INSEE', anneeDebut: 2019, annee: 2024 } as const;
  const cas: Array<[Verdict, string, string]> = [
    [
      { famille: 'en-crise', regle: 'tcam-seuil', indicateur: 'tcam', valeur: -0.03, seuil: -0.02, comparaison: '<=', reference: -0.01, duree: 5, effectifInitial: 1250, ...prov },
      'TCAM 2019-2024 de \u22123\u202f%/an ≤ \u22122\u202f%/an et inférieur de 2 points au TCAM de la région (\u22121\u202f%/an), sur 5 ans pour un effectif initial de 1\u202f250 — source effectifs (INSEE), 2019-2024',
      'CAGR 2019-2024 of -3%/yr ≤ -2%/yr and 2 points below the CAGR of the region (-1%/yr), over 5 years from an initial employment of 1,250 — source effectifs (INSEE), 2019-2024',
    ],
    [
      { famille: 'en-croissance', regle: 'tcam-seuil', indicateur: 'tcam', valeur: 0.025, seuil: 0.02, comparaison: '>=', ...prov },
      'TCAM 2019-2024 de 2,5\u202f%/an ≥ 2\u202f%/an (pas de TCAM de référence : seuil absolu seul) — source effectifs (INSEE), 2019-2024',
      'CAGR 2019-2024 of 2.5%/yr ≥ 2%/yr (no reference CAGR: absolute threshold only) — source effectifs (INSEE), 2019-2024',
    ],
    [
      { famille: 'en-tension', regle: 'classe-officielle', indicateur: 'classe_tension', valeur: 5, seuil: 4, comparaison: '>=', approximatif: true, source: 'tension', annee: 2024 },
      'Classe de tension officielle 5 ≥ 4 (échelle de 1 à 5) (valeur approchée : celle du code d’origine, commun à plusieurs métiers) — source tension, 2024',
      'Official tension class 5 ≥ 4 (scale 1 to 5) (approximate: the value of the origin code, shared by several occupations) — source tension, 2024',
    ],
    [
      { famille: 'en-tension', regle: 'part-difficiles', indicateur: 'part_difficiles', valeur: 0.625, seuil: 0.5, comparaison: '>=', projets: 1200, projetsMinimum: 30 },
      'Part de projets de recrutement jugés difficiles de 62,5\u202f% ≥ 50\u202f%, sur 1\u202f200 projets (minimum 30)',
      'Share of recruitment projects judged difficult of 62.5% ≥ 50%, out of 1,200 projects (minimum 30)',
    ],
    [
      {
        famille: 'en-tension',
        regle: 'score-composite',
        indicateur: 'score_tension',
        valeur: 0.756,
        seuil: 0.5,
        comparaison: '>=',
        composantes: { partDifficiles: -0.1, ratioOffresDemandeurs: 1.234, ecoulement: 0 },
        poids: { partDifficiles: 0.5, ratioOffresDemandeurs: 0.3, ecoulement: 0.2 },
        normalisation: { partDifficiles: 'reference', ratioOffresDemandeurs: 'reference', ecoulement: 'reference' },
      },
      'Score composite de tension de 0,76 ≥ 0,5 (moyenne pondérée des z-scores, méthode DARES : offres/demandeurs 1,23 × 30\u202f% ; écoulement 0 × 20\u202f% ; part de projets difficiles \u22120,1 × 50\u202f% ; z-scores sur les métiers de la région)',
      'Composite tension score of 0.76 ≥ 0.5 (weighted mean of z-scores, DARES method: offers/job seekers 1.23 × 30%; outflow rate 0 × 20%; share of difficult projects -0.1 × 50%; z-scores on the occupations of the region)',
    ],
    [
      {
        famille: 'en-tension',
        regle: 'score-composite',
        indicateur: 'score_tension',
        valeur: 1.99,
        seuil: 0.5,
        comparaison: '>=',
        composantes: { partDifficiles: 2.449, ratioOffresDemandeurs: 1.225 },
        poids: { partDifficiles: 0.625, ratioOffresDemandeurs: 0.375 },
        normalisation: { partDifficiles: 'reference', ratioOffresDemandeurs: 'territoire' },
      },
      'Score composite de tension de 1,99 ≥ 0,5 (moyenne pondérée des z-scores, méthode DARES : offres/demandeurs 1,23 × 37,5\u202f% ; part de projets difficiles 2,45 × 62,5\u202f% ; poids DARES renormalisés, sans écoulement ; z-scores sur les métiers du territoire pour offres/demandeurs)',
      "Composite tension score of 1.99 ≥ 0.5 (weighted mean of z-scores, DARES method: offers/job seekers 1.23 × 37.5%; share of difficult projects 2.45 × 62.5%; DARES weights renormalised, outflow rate missing; z-scores on the territory's own occupations for offers/job seekers)",
    ],
    [
      {
        famille: 'en-tension',
        regle: 'classe-officielle',
        indicateur: 'classe_tension',
        valeur: 5,
        seuil: 4,
        comparaison: '>=',
        offres: 45,
        demandeurs: 1200,
        projets: 80,
        source: 'tension',
        annee: 2020,
        origine: { nomenclature: 'rome3', codes: ['D1106'], fiches: 3 },
      },
      'Classe de tension officielle 5 ≥ 4 (échelle de 1 à 5), sur 45 offres, 1\u202f200 demandeurs d’emploi, 80 projets de recrutement BMO (via ROME v3 D1106, 3 fiches) — source tension, 2020',
      'Official tension class 5 ≥ 4 (scale 1 to 5), on 45 job offers, 1,200 job seekers, 80 BMO recruitment projects (via ROME v3 D1106, 3 occupations) — source tension, 2020',
    ],
    [
      { famille: 'en-mutation', regle: 'declaration', indicateur: 'declaration', valeur: true, comparaison: '=' },
      'Déclaré en mutation dans le diagnostic (avis d’expert : le périmètre des compétences change fortement)',
      'Declared changing in the diagnostic (expert judgement: the scope of competences changes a lot)',
    ],
    [
      { famille: 'strategique', regle: 'declaration', indicateur: 'declaration', valeur: true, comparaison: '=' },
      'Déclaré stratégique dans le diagnostic (avis d’expert : pérennité des savoir-faire des entreprises)',
      'Declared strategic in the diagnostic (expert judgement: durability of firms’ know-how)',
    ],
    [
      { famille: 'strategique', regle: 'indice-specificite', indicateur: 'indice_specificite', valeur: 1.3, seuil: 1.2, comparaison: '>=', fort: false },
      'Indice de spécificité de 1,3 ≥ 1,2 : métier spécifique au territoire',
      'Location quotient of 1.3 ≥ 1.2: specific to the territory',
    ],
    [{ famille: 'strategique', regle: 'part-55-plus', indicateur: 'part_55_plus', valeur: 0.3 }, 'Part des 55 ans et plus de 30\u202f% : savoir-faire à transmettre', 'Share of workers aged 55 and over of 30%: know-how to pass on'],
    [{ famille: 'fragile', regle: 'famille-derivee', indicateur: 'famille', valeur: 'en-crise', comparaison: '=' }, 'En crise (voir la règle « en crise »)', 'Declining (see the "declining" rule)'],
    [{ famille: 'porteur', regle: 'famille-derivee', indicateur: 'famille', valeur: 'en-croissance', comparaison: '=' }, 'En croissance (voir la règle « en-croissance »)', 'Growing (see the "growing" rule)'],
    [{ famille: 'porteur', regle: 'famille-derivee', indicateur: 'famille', valeur: 'en-tension', comparaison: '=' }, 'En tension (voir la règle « en-tension »)', 'Hard to recruit (see the "hard to recruit" rule)'],
    [
      { famille: 'fragile', regle: 'tcam-baisse', indicateur: 'tcam', valeur: -0.012, seuil: 0, comparaison: '<', reference: -0.004, ...prov },
      'Emploi en baisse : TCAM 2019-2024 de \u22121,2\u202f%/an < 0 et inférieur au TCAM de la région (\u22120,4\u202f%/an), avec une pyramide des âges vieillissante — source effectifs (INSEE), 2019-2024',
      'Declining employment: CAGR 2019-2024 of -1.2%/yr < 0 and below the CAGR of the region (-0.4%/yr), with an ageing age pyramid — source effectifs (INSEE), 2019-2024',
    ],
    [
      { famille: 'fragile', regle: 'vieillissement-part-55', indicateur: 'part_55_plus', valeur: 0.28, seuil: 0.25, comparaison: '>=', reference: 0.2, ecart: 0.05, source: 'ages', annee: 2024 },
      'Part des 55 ans et plus de 28\u202f% ≥ 25\u202f% (référence 20\u202f% + 5 points) : pyramide vieillissante — source ages, 2024',
      'Share of workers aged 55 and over of 28% ≥ 25% (reference 20% + 5 points): ageing pyramid — source ages, 2024',
    ],
    [
      { famille: 'fragile', regle: 'indice-renouvellement', indicateur: 'indice_renouvellement', valeur: 0.85, seuil: 1, comparaison: '<' },
      'Indice de renouvellement (moins de 30 ans / 50 ans et plus) de 0,85 < 1 : pyramide vieillissante',
      'Renewal index (under 30 / 50 and over) of 0.85 < 1: ageing pyramid',
    ],
    [
      { famille: 'porteur', regle: 'quartile-postes', indicateur: 'postes_a_pourvoir_par_emploi', valeur: 0.456, seuil: 0.4, comparaison: '>=', horizon: 10 },
      'Postes à pourvoir d’ici 10 ans (créations nettes + départs en fin de carrière) : 0,46 par emploi ≥ 0,4, quartile supérieur des métiers du territoire',
      "Posts to fill within 10 years (net creation + end-of-career departures): 0.46 per job ≥ 0.4, upper quartile of the territory's occupations",
    ],
  ];
  it.each(cas.map(([x, f, e]) => [x.regle, x.famille, x, f, e] as const))('%s (%s)', (_r, _f, x, f, e) => {
    expect(fr(x)).toBe(f);
    expect(en(x)).toBe(e);
  });
  it('every rule token has its sentences', () => {
    expect(new Set(cas.map(([x]) => x.regle))).toEqual(
      new Set([
        'tcam-seuil',
        'classe-officielle',
        'part-difficiles',
        'score-composite',
        'declaration',
        'indice-specificite',
        'part-55-plus',
        'famille-derivee',
        'tcam-baisse',
        'vieillissement-part-55',
        'indice-renouvellement',
        'quartile-postes',
      ]),
    );
  });
  it('English sentences hold no French words of ours nor French punctuation', () => {
    for (const [x] of cas) {
      const t = en(x);
      expect(t).not.toMatch(/«|»|\u202f| :|m[ée]tier|en crise|en croissance|en tension|en mutation|strat[ée]gique|porteur|sp[ée]cificit|TCAM|référence/);
    }
  });
  it('the reference territory is named when known, else called the reference', () => {
    const x = cas[0]![0];
    expect(fr(x, {})).toContain('au TCAM de référence (');
    expect(en(x, {})).toContain('below the CAGR of the reference (');
    expect(locales.fr.typology.explain(x)).toBe(fr(x, {}));
  });
  it('components of the composite score are worded by each locale', () => {
    expect(locales.fr.typology.composantes).toEqual({ ratioOffresDemandeurs: 'offres/demandeurs', ecoulement: 'écoulement', partDifficiles: 'part de projets difficiles' });
    expect(locales.en.typology.composantes).toEqual({ ratioOffresDemandeurs: 'offers/job seekers', ecoulement: 'outflow rate', partDifficiles: 'share of difficult projects' });
  });
});
