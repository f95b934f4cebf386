import type { IndicatorWords } from '../indicators.js';

export const indicators: IndicatorWords = {
  tcam: 'CAGR',
  classe_tension: 'tension class',
  part_difficiles: 'share of difficult projects',
  score_tension: 'tension score',
  indice_specificite: 'location quotient',
  part_55_plus: 'share of workers aged 55 and over',
  postes_a_pourvoir_par_emploi: 'posts to fill per job',
  indice_renouvellement: 'renewal index',
  effectif: 'employment',
  declaration: 'expert declaration',
  famille: 'family',
};
