import type { IndicatorWords } from '../indicators.js';

export const indicators: IndicatorWords = {
  tcam: 'TCAM',
  classe_tension: 'classe de tension',
  part_difficiles: 'part de projets difficiles',
  score_tension: 'score de tension',
  indice_specificite: 'indice de spécificité',
  part_55_plus: 'part des 55 ans et plus',
  postes_a_pourvoir_par_emploi: 'postes à pourvoir par emploi',
  indice_renouvellement: 'indice de renouvellement',
  effectif: 'effectif',
  declaration: 'déclaration d’expert',
  famille: 'famille',
};
