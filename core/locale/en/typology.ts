/** Sentences of the typology in English (see ../typology.ts). */
import { COMPOSANTES } from '../../analysis/synthese.js';
import type { Provenance } from '../../analysis/typology/types.js';
import type { NomenclatureId } from '../../format/schema.js';
import { absentes, annees, explainer, periode, type TypologyOptions, type Phrases, type TypologyWords } from '../typology.js';
import { nombres } from './numbers.js';

const { number: nombre, percent: pourcent, annualRate: tauxAnnuel, points } = nombres;

const composantes: TypologyWords['composantes'] = {
  ratioOffresDemandeurs: 'offers/job seekers',
  ecoulement: 'outflow rate',
  partDifficiles: 'share of difficult projects',
};

const nomenclatures: TypologyWords['nomenclatures'] = {
  rome4: 'ROME 4.0',
  rome3: 'ROME v3',
  fap2021: 'FAP 2021',
  fap2009: 'FAP 2009',
  pcs: 'PCS',
  naf: 'NAF',
  libre: 'free nomenclature',
};

const of = (o: TypologyOptions) => (o.referenceNom ? `of ${o.referenceNom}` : 'of the reference');
const sansReference = ' (no reference CAGR: absolute threshold only)';

const phrases: Phrases = {
  'tcam-seuil': (v, o) =>
    v.famille === 'en-crise'
      ? `CAGR ${periode(v)} of ${tauxAnnuel(v.valeur)} ≤ ${tauxAnnuel(v.seuil)}` +
        (v.reference !== undefined ? ` and ${points(v.reference - v.valeur)} below the CAGR ${of(o)} (${tauxAnnuel(v.reference)})` : sansReference) +
        `, over ${v.duree} years from an initial employment of ${nombre(v.effectifInitial, 0)}`
      : `CAGR ${periode(v)} of ${tauxAnnuel(v.valeur)} ≥ ${tauxAnnuel(v.seuil)}` + (v.reference !== undefined ? ` and ${points(v.valeur - v.reference)} above the CAGR ${of(o)} (${tauxAnnuel(v.reference)})` : sansReference),
  'classe-officielle': (v) => {
    const comptes = [
      v.offres !== undefined ? `${nombre(v.offres, 0)} job offers` : '',
      v.demandeurs !== undefined ? `${nombre(v.demandeurs, 0)} job seekers` : '',
      v.projets !== undefined ? `${nombre(v.projets, 0)} BMO recruitment projects` : '',
    ].filter(Boolean);
    return `Official tension class ${nombre(v.valeur)} ≥ ${v.seuil} (scale 1 to 5)` + (comptes.length ? `, on ${comptes.join(', ')}` : '');
  },
  'part-difficiles': (v, o) =>
    `Share of recruitment projects judged difficult of ${pourcent(v.valeur)} ≥ ${pourcent(v.seuil)}` +
    (v.reference !== undefined ? ` (share ${of(o)}, all occupations, ${pourcent(v.reference)}${v.ecart ? ` + ${nombre(v.ecart * 100, 0)} points` : ''})` : '') +
    `, out of ${v.masques ? `at least ${nombre(v.projets, 0)} published projects (${v.masques} cells withheld by the source)` : `${nombre(v.projets, 0)} projects`} (minimum ${v.projetsMinimum})`,
  'score-composite': (v, o) => {
    const detail = COMPOSANTES.filter((k) => v.composantes[k] !== undefined)
      .map((k) => `${composantes[k]} ${nombre(v.composantes[k]!, 2)}` + (v.poids[k] !== undefined ? ` × ${pourcent(v.poids[k]!)}` : ''))
      .join('; ');
    const manque = absentes(v);
    const renorm = manque.length ? `; DARES weights renormalised, ${manque.map((k) => composantes[k]).join(' and ')} missing` : '';
    const locales = COMPOSANTES.filter((k) => v.normalisation[k] === 'territoire');
    const distribution = Object.keys(v.normalisation).length ? (locales.length ? `; z-scores on the territory's own occupations for ${locales.map((k) => composantes[k]).join(' and ')}` : `; z-scores on the occupations ${of(o)}`) : '';
    return `Composite tension score of ${nombre(v.valeur, 2)} ≥ ${nombre(v.seuil, 2)} (weighted mean of z-scores, DARES method: ${detail}${renorm}${distribution})`;
  },
  declaration: (v) =>
    v.famille === 'en-mutation' ? 'Declared changing in the diagnostic (expert judgement: the scope of competences changes a lot)' : 'Declared strategic in the diagnostic (expert judgement: durability of firms’ know-how)',
  'indice-specificite': (v) => `Location quotient of ${nombre(v.valeur, 2)} ≥ ${nombre(v.seuil, 2)}: ${v.fort ? 'strongly ' : ''}specific to the territory`,
  'part-55-plus': (v) => `Share of workers aged 55 and over of ${pourcent(v.valeur)}${v.reference !== undefined ? ` (reference: ${pourcent(v.reference)})` : ''}: know-how to pass on`,
  'famille-derivee': (v) =>
    ({
      'en-crise': 'Declining (see the "declining" rule)',
      'en-croissance': 'Growing (see the "growing" rule)',
      'en-tension': 'Hard to recruit (see the "hard to recruit" rule)',
    })[v.valeur],
  'tcam-baisse': (v, o) => `Declining employment: CAGR ${periode(v)} of ${tauxAnnuel(v.valeur)} < 0` + (v.reference !== undefined ? ` and below the CAGR ${of(o)} (${tauxAnnuel(v.reference)})` : '') + `, with an ageing age pyramid`,
  'vieillissement-part-55': (v) => `Share of workers aged 55 and over of ${pourcent(v.valeur)} ≥ ${pourcent(v.seuil)} (reference ${pourcent(v.reference)} + ${points(v.ecart)}): ageing pyramid`,
  'indice-renouvellement': (v) => `Renewal index (under 30 / 50 and over) of ${nombre(v.valeur, 2)} < ${nombre(v.seuil, 2)}: ageing pyramid`,
  'quartile-postes': (v) => `Posts to fill within ${v.horizon} years (net creation + end-of-career departures): ${nombre(v.valeur, 2)} per job ≥ ${nombre(v.seuil, 2)}, ` + `upper quartile of the territory's occupations`,
};

/** " (approximate…) — source effectifs (INSEE), 2019-2024". */
function suffixe(v: Provenance): string {
  const approx = v.origine
    ? ` (via ${nomenclatures[v.origine.nomenclature as NomenclatureId] ?? v.origine.nomenclature} ${v.origine.codes.join(', ')}, ${v.origine.fiches} occupations)`
    : v.approximatif
      ? ' (approximate: the value of the origin code, shared by several occupations)'
      : '';
  if (v.source === undefined) return approx;
  const a = annees(v);
  return `${approx} — source ${v.source}${v.producteur ? ` (${v.producteur})` : ''}${v.nationale ? ', national series (whole of France)' : ''}${a ? `, ${a}` : ''}`;
}

export const typologie: TypologyWords = { explain: explainer(phrases, suffixe), composantes, nomenclatures };
