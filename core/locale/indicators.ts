/**
 * The name of each indicator in running text (one name per indicator, shared by the diff, the
 * report's sentences and the editor's hover), keyed by the indicator ids of the format.
 */
export type IndicatorId = 'tcam' | 'classe_tension' | 'part_difficiles' | 'score_tension' | 'indice_specificite' | 'part_55_plus' | 'postes_a_pourvoir_par_emploi' | 'indice_renouvellement' | 'effectif' | 'declaration' | 'famille';

export type IndicatorWords = Record<IndicatorId, string>;
