import { describe, expect, it } from 'vitest';
import { compare, creationsNettes, evolution, herfindahl, herfindahlParTranches, indiceSpecificite, krugman, moyenneEcartType, quantile, tcam, zScore } from '../../core/analysis/indicators.js';
import { formatNumber, formatPoints, formatPercent, formatRate } from '../../core/locale/format-numbers.js';
import { locales } from '../../core/locale/index.js';

describe('TCAM and evolution', () => {
  it('computes the TCAM by hand', () => {
    // (121/100)^(1/2) − 1 = 1.1 − 1 = 0.10
    expect(tcam(100, 121, 2019, 2021)).toBeCloseTo(0.1, 12);
    // (59 049/100 000)^(1/5) − 1 = 0.9 − 1 = −0.10  (0.9^5 = 0.59049)
    expect(tcam(100_000, 59_049, 2019, 2024)).toBeCloseTo(-0.1, 12);
  });
  it('is undefined without a positive start or a positive duration', () => {
    expect(tcam(0, 10, 2019, 2024)).toBeNull();
    expect(tcam(10, 12, 2024, 2024)).toBeNull();
    expect(tcam(10, -1, 2019, 2024)).toBeNull();
  });
  it('evolution = (E1 − E0)/E0', () => {
    // (130 − 200)/200 = −0.35
    expect(evolution(200, 130)).toBeCloseTo(-0.35, 12);
    expect(evolution(0, 5)).toBeNull();
  });
});

describe('specialisation', () => {
  it('indice de spécificité', () => {
    // territory: 120 of 1 000 = 12 %; region: 800 of 10 000 = 8 % → 0.12/0.08 = 1.5
    expect(indiceSpecificite(120, 1000, 800, 10_000)).toBeCloseTo(1.5, 12);
    expect(indiceSpecificite(120, 0, 800, 10_000)).toBeNull();
  });
  it('Krugman index over the union of sectors', () => {
    // local A 50/100 = .5, B 50/100 = .5; ref A 20/100 = .2, B 60/100 = .6, C 20/100 = .2
    // |.5−.2| + |.5−.6| + |0−.2| = .3 + .1 + .2 = 0.6
    const k = krugman(
      new Map([
        ['A', 50],
        ['B', 50],
      ]),
      new Map([
        ['A', 20],
        ['B', 60],
        ['C', 20],
      ]),
    );
    expect(k).toBeCloseTo(0.6, 12);
    expect(krugman(new Map([['A', 1]]), new Map([['A', 7]]))).toBe(0);
  });
});

describe('Herfindahl', () => {
  it('on the 0..10 000 scale and normalised', () => {
    // shares .5, .3, .2 → .25 + .09 + .04 = .38 → 3 800; (.38 − 1/3)/(1 − 1/3) = .046667/.666667 = 0.07
    const h = herfindahl([50, 30, 20])!;
    expect(h.hhi).toBeCloseTo(3800, 9);
    expect(h.normalise).toBeCloseTo(0.07, 12);
    // equal shares: minimum concentration, normalised 0
    expect(herfindahl([10, 10, 10, 10])!.normalise).toBeCloseTo(0, 12);
    // a single unit: 10 000, normalised form undefined
    expect(herfindahl([42])).toEqual({ hhi: 10_000, normalise: null });
    expect(herfindahl([0, 0])).toBeNull();
  });
  it('by size band, equal sizes inside a band', () => {
    // 8 establishments employing 40 (5 each), 2 employing 60 (30 each); E = 100
    // HHI = 40²/(8·100²) + 60²/(2·100²) = 0.02 + 0.18 = 0.20 → 2 000; N = 10
    // normalised (0.2 − 0.1)/(0.9) = 0.1111…
    const h = herfindahlParTranches([
      { etablissements: 8, effectif: 40 },
      { etablissements: 2, effectif: 60 },
    ])!;
    expect(h.hhi).toBeCloseTo(2000, 9);
    expect(h.normalise).toBeCloseTo(0.1 / 0.9, 12);
  });
});

describe('z-scores, quantiles, trend', () => {
  it('population sd and z', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, population sd 2
    const p = moyenneEcartType([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(p.moyenne).toBe(5);
    expect(p.ecartType).toBe(2);
    expect(zScore(8, p)).toBe(1.5);
    expect(zScore(1, { moyenne: 1, ecartType: 0 })).toBeNull();
    expect(moyenneEcartType([3])).toBeNull();
  });
  it('Q3 by linear interpolation (QUARTILE.INC)', () => {
    // sorted 1 2 3 4 5: position 4·0.75 = 3 → 4
    expect(quantile([5, 1, 3, 2, 4], 0.75)).toBe(4);
    // 1 2 3 4: position 3·0.75 = 2.25 → 3 + 0.25·(4 − 3) = 3.25
    expect(quantile([4, 3, 2, 1], 0.75)).toBe(3.25);
  });
  it('net creation if the trend goes on', () => {
    // 1 000 · (1.1² − 1) = 210
    expect(creationsNettes(1000, 0.1, 2)).toBeCloseTo(210, 9);
  });
  it('threshold comparisons include a decimal threshold despite binary rounding', () => {
    const t = tcam(100, 100 * 0.98 ** 5, 2019, 2024)!; // −0.02 up to rounding
    expect(compare['<='](t, -0.02)).toBe(true);
    expect(compare['<'](t, -0.02)).toBe(false);
    expect(compare['>='](0.5, 0.5)).toBe(true);
    expect(compare['>'](0.5, 0.5)).toBe(false);
  });
});

describe('numbers in sentences', () => {
  it('French: decimal comma, narrow no-break spaces, minus sign', () => {
    expect(formatRate(-0.041, 'fr')).toBe('\u22124,1\u202f%/an');
    expect(formatRate(-0.02, 'fr')).toBe('\u22122\u202f%/an');
    expect(formatNumber(12345.678, 'fr', 0)).toBe('12\u202f346');
    expect(formatNumber(1234567.5, 'fr', 1)).toBe('1\u202f234\u202f567,5');
    expect(formatPercent(0.625, 'fr')).toBe('62,5\u202f%');
    expect(formatPoints(0.032, 'fr')).toBe('3,2 points');
    expect(formatPoints(0.01, 'fr')).toBe('1 point');
    expect(formatNumber(-0.00001, 'fr')).toBe('0');
  });
  it('English: decimal point, comma thousands', () => {
    expect(formatRate(-0.041, 'en')).toBe('-4.1%/yr');
    expect(formatNumber(12345.678, 'en', 2)).toBe('12,345.68');
  });
  it('each locale words its numbers; the Lang wrappers give the same text', () => {
    const { fr, en } = { fr: locales.fr.numbers, en: locales.en.numbers };
    expect([fr.number(-1234.56), en.number(-1234.56)]).toEqual(['\u22121\u202f234,6', '-1,234.6']);
    expect([fr.number(2.5, 0), en.number(2.5, 0)]).toEqual(['3', '3']);
    expect([fr.percent(0.1234, 2), en.percent(0.1234, 2)]).toEqual(['12,34\u202f%', '12.34%']);
    expect([fr.annualRate(0.015), en.annualRate(0.015)]).toEqual(['1,5\u202f%/an', '1.5%/yr']);
    // French singular below 2 points, English only for exactly 1
    expect([fr.points(0.015), fr.points(0.02), en.points(0.015), en.points(0.01)]).toEqual(['1,5 point', '2 points', '1.5 points', '1 point']);
    // the unit agrees with the number as written: 0.03 − 0.01 is 1.9999… points, shown « 2 »
    expect([fr.points(0.03 - 0.01), en.points(0.03 - 0.02), fr.points(0.0196)]).toEqual(['2 points', '1 point', '2 points']);
    expect([fr.points(0.0194), en.points(0.0104)]).toEqual(['1,9 point', '1 point']);
    for (const lang of ['fr', 'en'] as const) {
      const l = locales[lang].numbers;
      expect(formatNumber(-1234.567, lang, 2)).toBe(l.number(-1234.567, 2));
      expect(formatPercent(0.0456, lang)).toBe(l.percent(0.0456));
      expect(formatRate(-0.0456, lang)).toBe(l.annualRate(-0.0456));
      expect(formatPoints(0.0456, lang)).toBe(l.points(0.0456));
    }
  });
});
