import { describe, expect, it } from 'vitest';
import { closest, closestMatches, editDistance, foldAccents, normalizeName } from '../core/suggest.js';

describe('suggestions « vouliez-vous dire »', () => {
  it('folds accents and ligatures', () => {
    expect(foldAccents('Période Œuvre')).toBe('periode oeuvre');
    expect(normalizeName(' Code métier BMO ')).toBe('code_metier_bmo');
  });
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('M1850', 'M1805')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('titr', 'titre')).toBe(1);
  });
  it('ranks the closest first and refuses far candidates', () => {
    expect(closestMatches('periode', ['territoire', 'période', 'passerelles'])).toEqual(['période']);
    expect(closest('xyz', ['territoire', 'periode'])).toBeUndefined();
    // containment: a header that holds the wanted field name
    expect(closest('effectif', ['annee', 'effectif_2024'])).toBe('effectif_2024');
  });
});
