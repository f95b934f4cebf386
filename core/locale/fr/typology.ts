/** Sentences of the typology in French (see ../typology.ts). */
import { COMPOSANTES } from '../../analysis/synthese.js';
import type { Provenance } from '../../analysis/typology/types.js';
import type { NomenclatureId } from '../../format/schema.js';
import { absentes, annees, explainer, periode, type TypologyOptions, type Phrases, type TypologyWords } from '../typology.js';
import { nombres } from './numbers.js';

const { number: nombre, percent: pourcent, annualRate: tauxAnnuel, points } = nombres;

const composantes: TypologyWords['composantes'] = {
  ratioOffresDemandeurs: 'offres/demandeurs',
  ecoulement: 'écoulement',
  partDifficiles: 'part de projets difficiles',
};

const nomenclatures: TypologyWords['nomenclatures'] = {
  rome4: 'ROME 4.0',
  rome3: 'ROME v3',
  fap2021: 'FAP 2021',
  fap2009: 'FAP 2009',
  pcs: 'PCS',
  naf: 'NAF',
  libre: 'nomenclature libre',
};

const de = (o: TypologyOptions) => (o.referenceNom ? `de ${o.referenceNom}` : 'de référence');
const sansReference = ' (pas de TCAM de référence : seuil absolu seul)';

const phrases: Phrases = {
  'tcam-seuil': (v, o) =>
    v.famille === 'en-crise'
      ? `TCAM ${periode(v)} de ${tauxAnnuel(v.valeur)} ≤ ${tauxAnnuel(v.seuil)}` +
        (v.reference !== undefined ? ` et inférieur de ${points(v.reference - v.valeur)} au TCAM ${de(o)} (${tauxAnnuel(v.reference)})` : sansReference) +
        `, sur ${v.duree} ans pour un effectif initial de ${nombre(v.effectifInitial, 0)}`
      : `TCAM ${periode(v)} de ${tauxAnnuel(v.valeur)} ≥ ${tauxAnnuel(v.seuil)}` + (v.reference !== undefined ? ` et supérieur de ${points(v.valeur - v.reference)} au TCAM ${de(o)} (${tauxAnnuel(v.reference)})` : sansReference),
  'classe-officielle': (v) => {
    const comptes = [
      v.offres !== undefined ? `${nombre(v.offres, 0)} offres` : '',
      v.demandeurs !== undefined ? `${nombre(v.demandeurs, 0)} demandeurs d’emploi` : '',
      v.projets !== undefined ? `${nombre(v.projets, 0)} projets de recrutement BMO` : '',
    ].filter(Boolean);
    return `Classe de tension officielle ${nombre(v.valeur)} ≥ ${v.seuil} (échelle de 1 à 5)` + (comptes.length ? `, sur ${comptes.join(', ')}` : '');
  },
  'part-difficiles': (v, o) =>
    `Part de projets de recrutement jugés difficiles de ${pourcent(v.valeur)} ≥ ${pourcent(v.seuil)}` +
    (v.reference !== undefined ? ` (part ${de(o)}, tous métiers, ${pourcent(v.reference)}${v.ecart ? ` + ${nombre(v.ecart * 100, 0)} points` : ''})` : '') +
    `, sur ${v.masques ? `au moins ${nombre(v.projets, 0)} projets publiés (${v.masques} cellules masquées par la source)` : `${nombre(v.projets, 0)} projets`} (minimum ${v.projetsMinimum})`,
  'score-composite': (v, o) => {
    const detail = COMPOSANTES.filter((k) => v.composantes[k] !== undefined)
      .map((k) => `${composantes[k]} ${nombre(v.composantes[k]!, 2)}` + (v.poids[k] !== undefined ? ` × ${pourcent(v.poids[k]!)}` : ''))
      .join(' ; ');
    const manque = absentes(v);
    const renorm = manque.length ? ` ; poids DARES renormalisés, sans ${manque.map((k) => composantes[k]).join(' ni ')}` : '';
    const locales = COMPOSANTES.filter((k) => v.normalisation[k] === 'territoire');
    const distribution = Object.keys(v.normalisation).length ? (locales.length ? ` ; z-scores sur les métiers du territoire pour ${locales.map((k) => composantes[k]).join(' et ')}` : ` ; z-scores sur les métiers ${de(o)}`) : '';
    return `Score composite de tension de ${nombre(v.valeur, 2)} ≥ ${nombre(v.seuil, 2)} (moyenne pondérée des z-scores, méthode DARES : ${detail}${renorm}${distribution})`;
  },
  declaration: (v) =>
    v.famille === 'en-mutation'
      ? 'Déclaré en mutation dans le diagnostic (avis d’expert : le périmètre des compétences change fortement)'
      : 'Déclaré stratégique dans le diagnostic (avis d’expert : pérennité des savoir-faire des entreprises)',
  'indice-specificite': (v) => `Indice de spécificité de ${nombre(v.valeur, 2)} ≥ ${nombre(v.seuil, 2)} : métier ${v.fort ? 'fortement ' : ''}spécifique au territoire`,
  'part-55-plus': (v) => `Part des 55 ans et plus de ${pourcent(v.valeur)}${v.reference !== undefined ? ` (référence : ${pourcent(v.reference)})` : ''} : savoir-faire à transmettre`,
  'famille-derivee': (v) =>
    ({
      'en-crise': 'En crise (voir la règle « en crise »)',
      'en-croissance': 'En croissance (voir la règle « en-croissance »)',
      'en-tension': 'En tension (voir la règle « en-tension »)',
    })[v.valeur],
  'tcam-baisse': (v, o) =>
    `Emploi en baisse : TCAM ${periode(v)} de ${tauxAnnuel(v.valeur)} < 0` + (v.reference !== undefined ? ` et inférieur au TCAM ${de(o)} (${tauxAnnuel(v.reference)})` : '') + `, avec une pyramide des âges vieillissante`,
  'vieillissement-part-55': (v) => `Part des 55 ans et plus de ${pourcent(v.valeur)} ≥ ${pourcent(v.seuil)} (référence ${pourcent(v.reference)} + ${points(v.ecart)}) : pyramide vieillissante`,
  'indice-renouvellement': (v) => `Indice de renouvellement (moins de 30 ans / 50 ans et plus) de ${nombre(v.valeur, 2)} < ${nombre(v.seuil, 2)} : pyramide vieillissante`,
  'quartile-postes': (v) => `Postes à pourvoir d’ici ${v.horizon} ans (créations nettes + départs en fin de carrière) : ${nombre(v.valeur, 2)} par emploi ≥ ${nombre(v.seuil, 2)}, ` + `quartile supérieur des métiers du territoire`,
};

/** « (valeur approchée…) — source effectifs (INSEE), 2019-2024 ». */
function suffixe(v: Provenance): string {
  const approx = v.origine
    ? ` (via ${nomenclatures[v.origine.nomenclature as NomenclatureId] ?? v.origine.nomenclature} ${v.origine.codes.join(', ')}, ${v.origine.fiches} fiches)`
    : v.approximatif
      ? ' (valeur approchée : celle du code d’origine, commun à plusieurs métiers)'
      : '';
  if (v.source === undefined) return approx;
  const a = annees(v);
  return `${approx} — source ${v.source}${v.producteur ? ` (${v.producteur})` : ''}${v.nationale ? ', série nationale (France entière)' : ''}${a ? `, ${a}` : ''}`;
}

export const typologie: TypologyWords = { explain: explainer(phrases, suffixe), composantes, nomenclatures };
