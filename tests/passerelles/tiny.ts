/**
 * A tiny hand-made referential for hand-computed scores (see score.test.ts).
 *   macros: MA, MB in group G1; MC in G2; ME in G3. Savoir s1 has no macro.
 *   X1 (H29): a1* (MA), b1 (MB), s1, e1 (ME, savoir-être); contextes k1, k2
 *   X2 (H29): a2* (MA), b1, c1 (MC), e1;                  contextes k1
 *   X3 (H24): c1*, s1;                                     contextes k2
 */
import type { Referentiel } from '../../core/referentiel/model.js';

export function tinyReferentiel(): Referentiel {
  return {
    kind: 'csv',
    label: 'tiny',
    version: '1',
    competences: {
      a1: { id: 'a1', libelle: 'A un', type: 'savoir-faire', macro: 'MA' },
      a2: { id: 'a2', libelle: 'A deux', type: 'savoir-faire', macro: 'MA' },
      b1: { id: 'b1', libelle: 'B un', type: 'savoir-faire', macro: 'MB' },
      c1: { id: 'c1', libelle: 'C un', type: 'savoir-faire', macro: 'MC' },
      s1: { id: 's1', libelle: 'S un', type: 'savoir' },
      e1: { id: 'e1', libelle: 'E un', type: 'savoir-etre', macro: 'ME' },
    },
    macros: {
      MA: { id: 'MA', libelle: 'Macro A', groupe: 'G1' },
      MB: { id: 'MB', libelle: 'Macro B', groupe: 'G1' },
      MC: { id: 'MC', libelle: 'Macro C', groupe: 'G2' },
      ME: { id: 'ME', libelle: 'Macro E', groupe: 'G3' },
    },
    domaines: { H: 'Industrie', H29: 'Métaux', H24: 'Textile' },
    metiers: [
      {
        code: 'X1',
        libelle: 'Un',
        domaine: 'H29',
        grandDomaine: 'H',
        appellations: [],
        competences: [{ id: 'a1', coeur: 'principale' }, { id: 'b1' }, { id: 's1' }, { id: 'e1' }],
        contextes: ['k1', 'k2'],
      },
      {
        code: 'X2',
        libelle: 'Deux',
        domaine: 'H29',
        grandDomaine: 'H',
        appellations: [],
        competences: [{ id: 'a2', coeur: 'principale' }, { id: 'b1' }, { id: 'c1' }, { id: 'e1' }],
        contextes: ['k1'],
      },
      {
        code: 'X3',
        libelle: 'Trois',
        domaine: 'H24',
        grandDomaine: 'H',
        appellations: [],
        competences: [{ id: 'c1', coeur: 'principale' }, { id: 's1' }],
        contextes: ['k2'],
      },
    ],
  };
}

/** Round parameters so that the hand computation stays readable. */
export const TINY_PARAMS = {
  poids: { couverture: 0.4, valorisation: 0.2, activites: 0.2, contextes: 0.1, proximite: 0.1 },
  poidsType: { 'savoir-faire': 1, savoir: 0.5, 'savoir-etre': 0.25 },
  poidsCoeur: { principale: 2, emergente: 1.5 },
  rarete: 0,
  creditMacro: 0.5,
  creditGroupe: 0.2,
  proximiteGrandDomaine: 0.3,
};
