import { describe, expect, it } from 'vitest';
import { Regles } from '../../core/format/schema.js';
import { readHeaders, reglesFromPairs, tensionFromLignes, typologyFromLignes } from '../../core/analysis/lignes.js';

const regles = Regles.parse({});

describe('lignes : en-têtes', () => {
  it('reconnaît les en-têtes français et anglais, accents et casse ignorés', () => {
    const { colonnes, inconnues } = readHeaders(['Code', 'Libellé', 'Effectif début', 'CAGR', 'Part 55+', 'divers']);
    expect(colonnes).toEqual({ code: 0, libelle: 1, effectif_debut: 2, tcam: 3, part_55_plus: 4 });
    expect(inconnues).toEqual(['divers']);
  });
});

describe('lignes : typologie', () => {
  it('classe chaque ligne avec les règles du diagnostic et dit pourquoi', () => {
    const r = typologyFromLignes(
      [
        // TCAM = (150/200)^(1/6) − 1 = 0,75^(1/6) − 1 ≈ −4,68 %/an ≤ −2 %, et < 0 − 1 point : en crise, donc fragile.
        { code: 'A', effectif_debut: 200, effectif_fin: 150, annee_debut: 2015, annee_fin: 2021, tcam_reference: 0 },
        // Classe officielle 5 ≥ 4 : en tension, donc porteur.
        { code: 'B', classe_tension: 5 },
        // 60 difficiles / 100 projets = 60 % ≥ 50 % sur 100 ≥ 30 projets : en tension.
        { code: 'C', projets: 100, difficiles: 60 },
        // Déclaré stratégique ("oui") et indice 1,6 ≥ 1,2 : deux raisons « stratégique ».
        { code: 'D', strategique: 'oui', indice_specificite: 1.6 },
        // Même baisse mais 20 emplois < 30 au départ : non significatif, aucune famille.
        { code: 'E', effectif_debut: 20, effectif_fin: 15, annee_debut: 2015, annee_fin: 2021 },
      ],
      regles,
    );
    expect(r.map((x) => x.familles)).toEqual([['en-crise', 'fragile'], ['en-tension', 'porteur'], ['en-tension', 'porteur'], ['strategique'], []]);
    expect(r[0]!.raisons[0]!.fr).toMatch(/^TCAM 2015-2021 de −4,7\u202f%/);
    expect(r[2]!.raisons[0]!.fr).toMatch(/60\s%/);
    expect(r[3]!.raisons).toHaveLength(2);
    expect(r[3]!.raisons[1]!.fr).toContain('fortement spécifique');
  });

  it('prend les seuils des paires chemin → valeur, refuse une clé inconnue', () => {
    const r = reglesFromPairs([
      ['tension.classe_minimum', 5],
      ['crise.tcam_max', -0.05],
    ]);
    expect('regles' in r && r.regles.tension.classe_minimum).toBe(5);
    // Classe 4 < 5 : plus en tension avec ce seuil.
    if ('regles' in r) expect(typologyFromLignes([{ code: 'B', classe_tension: 4 }], r.regles)[0]!.familles).toEqual([]);
    const e = reglesFromPairs([['crise.inconnu', 1]]);
    expect('erreur' in e && e.erreur.fr).toContain('clé inconnue (inconnu)');
  });
});

describe('lignes : tension', () => {
  it('score composite (z-scores sur les lignes) et classe par quintile', () => {
    // O/D = 1 ; 0,5 ; 1,5 → moyenne 1, écart-type √(0,5/3) = 0,408248 → z = 0 ; −1,224745 ; 1,224745.
    // Part difficiles 0,2 ; 0,4 ; 0,6 → z = −1,224745 ; 0 ; 1,224745.
    // Poids DARES O/D 0,3 et BMO 0,5, renormalisés sans écoulement : 0,375 et 0,625.
    // Scores : 0,625 × −1,224745 = −0,765466 ; 0,375 × −1,224745 = −0,459279 ; 1,224745.
    // Quintiles (type 7) : −0,642991 ; −0,520516 ; −0,122474 ; 0,551135 → classes 1, 3, 5.
    const t = tensionFromLignes(
      [
        { offres: 100, demandeurs: 100, partDifficiles: 0.2 },
        { offres: 50, demandeurs: 100, partDifficiles: 0.4 },
        { offres: 150, demandeurs: 100, partDifficiles: 0.6 },
      ],
      regles,
    );
    expect(t.map((x) => x.score)).toEqual([expect.closeTo(-0.765466, 5), expect.closeTo(-0.459279, 5), expect.closeTo(1.224745, 5)]);
    expect(t.map((x) => x.classe)).toEqual([1, 3, 5]);
    expect(t.map((x) => x.enTension)).toEqual([false, false, true]);
  });
});
