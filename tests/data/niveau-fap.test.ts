import { describe, expect, it } from 'vitest';
import { familleFap, versNiveauFap } from '../../core/data/niveau-fap.js';

const r = (metier: string, n = 1) => ({ metier, n });

describe('niveaux de la FAP 2009', () => {
  it('famille d’un métier FAP 225 : ses 3 premiers caractères', () => {
    expect(familleFap('A0Z40')).toBe('A0Z');
    expect(familleFap('T2A60')).toBe('T2A');
    expect(familleFap('A0Z')).toBeUndefined();
    expect(familleFap('ENSEM')).toBeUndefined();
  });

  it('fap87 : les lignes des familles quand le fichier en a (pas de double compte)', () => {
    const n = versNiveauFap([r('A0Z'), r('A0Z40'), r('A0Z41'), r('A'), r('ENS')], 'fap87');
    expect(n.records.map((x) => x.metier)).toEqual(['A0Z']);
    expect(n).toMatchObject({ ramenes: 0, ecartes: 4 });
  });

  it('fap87 : sinon les métiers ramenés à leur famille, les autres niveaux écartés', () => {
    const n = versNiveauFap([r('A0Z40', 2), r('A0Z41', 3), r('T2A60', 5), r('ENSEM'), r('ZZZZZ')], 'fap87');
    expect(n.records.map((x) => [x.metier, x.n])).toEqual([
      ['A0Z', 2],
      ['A0Z', 3],
      ['T2A', 5],
    ]);
    expect(n).toMatchObject({ ramenes: 3, familles: 2, ecartes: 2 });
  });

  it('fap225 : les seuls codes à 5 caractères', () => {
    const n = versNiveauFap([r('A0Z'), r('A0Z40'), r('ENS')], 'fap225');
    expect(n.records.map((x) => x.metier)).toEqual(['A0Z40']);
    expect(n.ecartes).toBe(2);
  });
});
