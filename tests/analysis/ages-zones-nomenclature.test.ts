import { describe, expect, it } from 'vitest';
import { AGE_MAX, readTranche, recouvrement, structureAges } from '../../core/analysis/ages.js';
import { selectPerimetre } from '../../core/analysis/zones.js';
import { convertRecords, passageFromTable, passagesFromReferentiel, findPassagePath } from '../../core/analysis/nomenclature.js';
import type { Referentiel } from '../../core/referentiel/model.js';

describe('age bands', () => {
  it.each([
    ['15-29', 15, 29],
    ['15 - 29 ans', 15, 29],
    ['de 30 à 49 ans', 30, 49],
    ['50-54', 50, 54],
    ['60-64', 60, 64],
    ['55+', 55, AGE_MAX],
    ['55 ans et plus', 55, AGE_MAX],
    ['55 ans ou plus', 55, AGE_MAX],
    ['55 et +', 55, AGE_MAX],
    ['≥ 55', 55, AGE_MAX],
    ['Plus de 55 ans', 55, AGE_MAX],
    ['<25', 15, 24],
    ['Moins de 30 ans', 15, 29],
    ['24 ans et moins', 15, 24],
    ['50', 50, 50],
  ])('reads %s', (texte, min, max) => {
    expect(readTranche(texte)).toEqual({ min, max });
  });
  it('refuses what it cannot read', () => {
    expect(readTranche('seniors')).toBeUndefined();
    expect(readTranche('40-30')).toBeUndefined();
  });
  it('overlap of a band with an age range (uniform spread)', () => {
    // 45-54 has 10 single years, 5 of them ≥ 50 → 0.5
    expect(recouvrement({ min: 45, max: 54 }, 50)).toBe(0.5);
    // 55+ (55..69) fully ≥ 50
    expect(recouvrement({ min: 55, max: 69 }, 50)).toBe(1);
    expect(recouvrement({ min: 15, max: 29 }, 50)).toBe(0);
    // 25-34 against < 30 (0..29): 25..29 = 5 of 10 years
    expect(recouvrement({ min: 25, max: 34 }, 0, 29)).toBe(0.5);
  });
  it('age structure, renewal index and departures (hand computed)', () => {
    // 15-29: 20, 30-49: 40, 50-54: 15, 55+: 25; total 100
    // ≥50 = 40 → 0.40; ≥55 = 25 → 0.25; renewal = 20/40 = 0.5
    // departures over 10 years: ≥55 (25) + 0.5 × 50-54 (7.5) = 32.5 → 0.325
    const b = [
      { tranche: readTranche('15-29')!, effectif: 20 },
      { tranche: readTranche('30-49')!, effectif: 40 },
      { tranche: readTranche('50-54')!, effectif: 15 },
      { tranche: readTranche('55+')!, effectif: 25 },
    ];
    const s = structureAges(b, { horizon: 10, part5054: 0.5 });
    expect(s.total).toBe(100);
    expect(s.part50Plus).toBeCloseTo(0.4, 12);
    expect(s.part55Plus).toBeCloseTo(0.25, 12);
    expect(s.indiceRenouvellement).toBeCloseTo(0.5, 12);
    expect(s.partPartants).toBeCloseTo(0.325, 12);
    // horizon 5: everyone ≥ 60 + half of 55-59. 55+ is 55..69 (15 years, uniform): ≥60 = 10/15·25 = 16.667,
    // 55-59 = 5/15·25 = 8.333 → 16.667 + 4.1667 = 20.833 → 0.20833
    expect(structureAges(b, { horizon: 5, part5054: 0.5 }).partPartants).toBeCloseTo(0.208333333, 8);
  });
  it('straddling bands are split by overlap', () => {
    // 15-24: 10, 25-44: 40, 45-59: 30, 60+: 20 (60..69); total 100
    // ≥50: 45-59 has 15 years, 10 ≥ 50 → 20; + 20 → 40 → 0.40
    // ≥55: 5/15·30 = 10 + 20 = 30 → 0.30
    // <30: 10 + 25-44 (20 years, 5 < 30) 10 = 20 → renewal 20/40 = 0.5
    const s = structureAges(
      [
        { tranche: readTranche('15-24')!, effectif: 10 },
        { tranche: readTranche('25-44')!, effectif: 40 },
        { tranche: readTranche('45-59')!, effectif: 30 },
        { tranche: readTranche('60+')!, effectif: 20 },
      ],
      { horizon: 10, part5054: 0.5 },
    );
    expect(s.part50Plus).toBeCloseTo(0.4, 12);
    expect(s.part55Plus).toBeCloseTo(0.3, 12);
    expect(s.indiceRenouvellement).toBeCloseTo(0.5, 12);
  });
});

describe('zone selection', () => {
  const rows = [
    { zone: '101', departement: '52', region: '44', v: 1 },
    { zone: '102', departement: '52', region: '44', v: 2 },
    { zone: '201', departement: '10', region: '44', v: 3 },
    { zone: '301', departement: '75', region: '11', v: 4 },
  ];
  const v = (rs: Array<{ v: number }>) => rs.map((r) => r.v);
  it('fine perimeters by zone code', () => {
    expect(v(selectPerimetre(rows, { type: 'bassin-bmo', codes: ['101', '201'] }))).toEqual([1, 3]);
    expect(v(selectPerimetre(rows, { type: 'commune', codes: ['999'] }))).toEqual([]);
  });
  it('département and région by their columns', () => {
    expect(v(selectPerimetre(rows, { type: 'departement', codes: ['52'] }))).toEqual([1, 2]);
    expect(v(selectPerimetre(rows, { type: 'region', codes: ['44'] }))).toEqual([1, 2, 3]);
    expect(v(selectPerimetre(rows, { type: 'multi-regions', codes: ['44', '11'] }))).toEqual([1, 2, 3, 4]);
  });
  it('département by zone when the file has no département column', () => {
    const deps = [
      { zone: '52', v: 5 },
      { zone: '10', v: 6 },
    ];
    expect(v(selectPerimetre(deps, { type: 'departement', codes: ['52'] }))).toEqual([5]);
  });
  it('keeps only aggregate rows when a file mixes levels', () => {
    // the file has the département row itself (zone 52) and its bassins: summing both would count twice
    const mixte = [...rows, { zone: '52', departement: '52', region: '44', v: 10 }];
    expect(v(selectPerimetre(mixte, { type: 'departement', codes: ['52'] }))).toEqual([10]);
  });
  it('France: national rows when present, else every row', () => {
    expect(v(selectPerimetre(rows, { type: 'france', codes: [] }))).toEqual([1, 2, 3, 4]);
    expect(v(selectPerimetre([...rows, { zone: 'FR', v: 9 }], { type: 'france', codes: [] }))).toEqual([9]);
  });
});

describe('nomenclature passages', () => {
  const ref = {
    kind: 'demo',
    label: 'test',
    version: '1',
    metiers: [
      { code: 'H2913', libelle: 'Soudage', appellations: [], competences: [], codeRomeV3: 'H2913' },
      { code: 'H2914', libelle: 'Soudage laser', appellations: [], competences: [], codeRomeV3: 'H2913' },
      { code: 'K2204', libelle: 'Nettoyage', appellations: [], competences: [], codeRomeV3: 'K2204' },
    ],
    competences: {},
    macros: {},
    domaines: {},
  } satisfies Referentiel;
  const org = { file: 'x.csv' };

  it('identity needs no passage', () => {
    expect(findPassagePath('rome4', 'rome4', [])).toEqual([]);
  });
  it('rome3 → rome4: one to many copies counts, flagged approximate', () => {
    const chemin = findPassagePath('rome3', 'rome4', passagesFromReferentiel(ref))!;
    expect(chemin.map((p) => p.origine)).toEqual(['referentiel']);
    const c = convertRecords(
      [
        { metier: 'H2913', libelle: 'Soudage v3', zone: 'z', origine: org, n: 10 },
        { metier: 'K2204', zone: 'z', origine: org, n: 4 },
        { metier: 'Z9999', zone: 'z', origine: org, n: 1 },
      ],
      chemin,
    );
    expect(c.records.map((r) => [r.metier, r.n, r.approximatif ?? false, r.libelle])).toEqual([
      ['H2913', 10, true, undefined],
      ['H2914', 10, true, undefined],
      ['K2204', 4, false, undefined],
    ]);
    expect(c.codesMultiples).toEqual(['H2913']);
    expect(c.codesSansCorrespondance).toEqual(['Z9999']);
    // The copies keep their origin code, and the fan-out of each origin code is known.
    expect(c.records.map((r) => r.codeOrigine)).toEqual(['H2913', 'H2913', undefined]);
    expect([...c.destinations]).toEqual([['H2913', ['H2913', 'H2914']]]);
  });
  it('rome4 → rome3: many to one, summable', () => {
    const chemin = findPassagePath('rome4', 'rome3', passagesFromReferentiel(ref))!;
    const c = convertRecords([{ metier: 'H2914', zone: 'z', origine: org }], chemin);
    expect(c.records[0]).toMatchObject({ metier: 'H2913' });
    expect(c.records[0]!.approximatif).toBeUndefined();
  });
  it('chains a declared table and the referential (fap2009 → rome3 → rome4)', () => {
    const table = passageFromTable({ de: 'fap2009', vers: 'rome3', map: new Map([['D2Z40', ['H2913', 'K2204']]]) }, 'fap-rome');
    const chemin = findPassagePath('fap2009', 'rome4', [table, ...passagesFromReferentiel(ref)])!;
    expect(chemin.map((p) => `${p.de}>${p.vers}`)).toEqual(['fap2009>rome3', 'rome3>rome4']);
    const c = convertRecords([{ metier: 'D2Z40', zone: 'z', origine: org }], chemin);
    expect(c.records.map((r) => r.metier)).toEqual(['H2913', 'H2914', 'K2204']);
  });
  it('no path', () => {
    expect(findPassagePath('fap2021', 'rome4', passagesFromReferentiel(ref))).toBeUndefined();
  });
});
