/**
 * Problems of the analysis (GTEC-E4xx / W4xx / I4xx): what could not be computed, and why. None
 * of them stops the run: the analysis goes on with what it can use.
 */
import { locales } from '../locale/index.js';
import type { Composante } from './synthese.js';
import { defineCatalogue, entry, problemFactory, valueText, type CodeOf, type DataOf } from '../problems.js';

/** A step of the analysis that could not be carried out (GTEC-E410). */
export type EtapeAnalyse = 'referentiel' | 'source' | 'correspondance' | 'passerelles';
const ETAPES: Record<EtapeAnalyse, { fr: string; en: string }> = {
  referentiel: { fr: 'référentiel', en: 'referential' },
  source: { fr: 'source', en: 'source' },
  correspondance: { fr: 'correspondance', en: 'crosswalk' },
  passerelles: { fr: 'passerelles', en: 'pathways' },
};
type EchecEtape = { etape: EtapeAnalyse; id?: string; raison: 'referentiel-absent' | 'exception'; detail?: string };
/** A token's words; a token the types do not allow (untyped callers) is shown as it is rather than crashing. */
const mot = <T extends string>(table: Record<T, { fr: string; en: string }>, token: T, lang: 'fr' | 'en') => table[token]?.[lang] ?? valueText(token);
const etape = (d: EchecEtape, lang: 'fr' | 'en') => `${mot(ETAPES, d.etape, lang)}${d.id !== undefined ? ` ${valueText(d.id)}` : ''}`;
const RAISON_ECHEC: Record<EchecEtape['raison'], { fr: string; en: string }> = {
  'referentiel-absent': { fr: 'référentiel non chargé', en: 'referential not loaded' },
  exception: { fr: 'erreur inattendue', en: 'unexpected error' },
};
/** The caught exception's message when there is one (opaque technical text), else the reason. */
const raison = (d: EchecEtape, lang: 'fr' | 'en') => (d.raison === 'exception' && d.detail !== undefined ? d.detail : mot(RAISON_ECHEC, d.raison, lang));

/** A component of the composite tension score (GTEC-I407); its words are the typology's. */
export type ComposanteTension = Composante;
const liste = (cs: readonly ComposanteTension[], lang: 'fr' | 'en') => {
  const nom = (c: ComposanteTension) => locales[lang].typology.composantes[c] ?? valueText(c);
  return cs.map((c) => (lang === 'fr' ? `« ${nom(c)} »` : `"${nom(c)}"`)).join(', ');
};

export const Catalogue = defineCatalogue({
  'GTEC-W401': entry<{ source: string; de: string; vers: string; totaux?: boolean }>({
    severity: 'warning',
    title: 'Aucune correspondance entre la nomenclature d’une source et celle de l’analyse',
    exemple: { source: 'bmo', de: 'fap2021', vers: 'rome4' },
    fr: (d) =>
      `La source « ${valueText(d.source)} » est en nomenclature ${valueText(d.de)}, l’analyse en ${valueText(d.vers)}, et aucun passage n’existe entre les deux (ni référentiel, ni table déclarée dans « correspondances ») : ${d.totaux ? 'ses métiers n’entrent dans aucun verdict ; ses totaux du territoire restent en tête du rapport, en contexte' : 'la source est laissée de côté'}. Ajoutez une correspondance ${valueText(d.de)} → ${valueText(d.vers)}.`,
    en: (d) =>
      `Source "${valueText(d.source)}" uses the ${valueText(d.de)} nomenclature, the analysis uses ${valueText(d.vers)}, and there is no path between them (neither the referential nor a table declared in "correspondances"): ${d.totaux ? 'its occupations enter no verdict; its territory totals stay at the top of the report, as context' : 'the source is left out'}. Add a ${valueText(d.de)} → ${valueText(d.vers)} crosswalk.`,
  }),
  'GTEC-I402': entry<{ source: string; de: string; vers: string; codes: number }>({
    severity: 'info',
    title: 'Effectifs approximatifs : un code d’origine correspond à plusieurs métiers',
    exemple: { source: 'tension', de: 'rome3', vers: 'rome4', codes: 12 },
    fr: (d) =>
      `Source « ${valueText(d.source)} » : ${valueText(d.codes)} code(s) ${valueText(d.de)} correspondent à plusieurs métiers ${valueText(d.vers)}. Les effectifs ne pouvant être répartis, chaque métier reçoit l’effectif de son code d’origine : ces nombres sont approximatifs et ne s’additionnent pas ; les taux, parts et classes restent valables pour le groupe d’origine.`,
    en: (d) =>
      `Source "${valueText(d.source)}": ${valueText(d.codes)} ${valueText(d.de)} code(s) map to several ${valueText(d.vers)} occupations. Counts cannot be split, so each occupation receives the count of its origin code: these numbers are approximate and not summable; rates, shares and classes remain valid for the origin group.`,
  }),
  'GTEC-W403': entry<{ code: string; libelle: string }>({
    severity: 'warning',
    title: 'Métier fragile sans fiche action',
    exemple: { code: 'H2913', libelle: 'Soudage manuel' },
    fr: (d) => `Le métier ${valueText(d.code)} (${valueText(d.libelle)}) est fragile mais aucune fiche du plan d’action ne le cite : ajoutez-le aux « metiers » d’une fiche action, ou expliquez ce choix dans sa déclaration.`,
    en: (d) => `Occupation ${valueText(d.code)} (${valueText(d.libelle)}) is fragile but no action sheet of the action plan lists it: add it to the "metiers" of an action sheet, or explain this choice in its declaration.`,
  }),
  'GTEC-W404': entry<{ source: string; tranche: string }>({
    severity: 'warning',
    title: 'Tranche d’âge non reconnue',
    exemple: { source: 'ages', tranche: 'seniors' },
    fr: (d) => `Source « ${valueText(d.source)} » : tranche d’âge « ${valueText(d.tranche)} » non reconnue ; attendu par exemple « 15-29 », « 50-54 », « 55+ », « 55 ans et plus », « <25 ». Les lignes de cette tranche sont ignorées.`,
    en: (d) => `Source "${valueText(d.source)}": age band "${valueText(d.tranche)}" not understood; expected e.g. "15-29", "50-54", "55+", "55 ans et plus", "<25". Rows of this band are ignored.`,
  }),
  'GTEC-W405': entry<{ source: string; perimetre: string; type: string; codes: string }>({
    severity: 'warning',
    title: 'Aucune ligne d’une source pour le territoire',
    exemple: { source: 'effectifs', perimetre: 'Pays de Langres', type: 'epci', codes: '200069052' },
    fr: (d) => `Source « ${valueText(d.source)} » : aucune ligne pour ${valueText(d.perimetre)} (${valueText(d.type)}, codes ${valueText(d.codes) || 'aucun'}). Vérifiez les codes du périmètre et la colonne de zone du fichier.`,
    en: (d) => `Source "${valueText(d.source)}": no row for ${valueText(d.perimetre)} (${valueText(d.type)}, codes ${valueText(d.codes) || 'none'}). Check the perimeter's codes and the file's zone column.`,
  }),
  'GTEC-W406': entry<{ source: string; debut: number; fin: number; annees: string }>({
    severity: 'warning',
    title: 'Années de la période absentes des effectifs',
    exemple: { source: 'effectifs', debut: 2019, fin: 2024, annees: '2020, 2024' },
    fr: (d) =>
      `Source « ${valueText(d.source)} » : les années ${valueText(d.debut)} et ${valueText(d.fin)} de la période ne sont pas toutes présentes (années lues : ${valueText(d.annees) || 'aucune'}). Les évolutions utilisent la première et la dernière année disponibles dans la période.`,
    en: (d) =>
      `Source "${valueText(d.source)}": the period's years ${valueText(d.debut)} and ${valueText(d.fin)} are not both present (years read: ${valueText(d.annees) || 'none'}). Changes use the first and last years available within the period.`,
  }),
  'GTEC-I407': entry<{ composante: ComposanteTension }>({
    severity: 'info',
    title: 'Score de tension normalisé sur la distribution locale',
    exemple: { composante: 'ecoulement' },
    fr: (d) =>
      `Score composite de tension : pas de valeurs de référence pour « ${locales.fr.typology.composantes[d.composante] ?? valueText(d.composante)} » ; ses z-scores sont calculés sur la distribution des métiers du territoire lui-même (les petits territoires s’auto-normalisent, à lire avec prudence).`,
    en: (d) =>
      `Composite tension score: no reference values for "${locales.en.typology.composantes[d.composante] ?? valueText(d.composante)}"; its z-scores use the distribution of the territory's own occupations (small territories normalise themselves, read with care).`,
  }),
  'GTEC-I408': entry({
    severity: 'info',
    title: 'TCAM de référence indisponible',
    exemple: {},
    fr: () => `Pas de TCAM de référence (territoire de référence absent ou sans effectifs) : les règles « en crise » et « en croissance » n’appliquent que leur seuil absolu.`,
    en: () => `No reference CAGR (no reference territory, or no employment data for it): the "declining" and "growing" rules apply their absolute threshold only.`,
  }),
  'GTEC-I409': entry<{ codes: string; value: string[] }>({
    severity: 'info',
    title: 'Métiers hors du référentiel : pas de passerelle',
    exemple: { codes: 'X0001, X0002', value: ['X0001', 'X0002'] },
    fr: (d) => `Métiers absents du référentiel, exclus du calcul des passerelles : ${valueText(d.codes)}.`,
    en: (d) => `Occupations missing from the referential, left out of the pathways: ${valueText(d.codes)}.`,
  }),
  'GTEC-W411': entry<{ source: string; de: string; vers: string; nombre: number; codes: string; value: string[] }>({
    severity: 'warning',
    title: 'Codes d’une source sans correspondance dans la nomenclature d’analyse',
    exemple: { source: 'tension', de: 'rome3', vers: 'rome4', nombre: 2, codes: 'K1234, Z9999', value: ['K1234', 'Z9999'] },
    fr: (d) => `Source « ${valueText(d.source)} » : ${valueText(d.nombre)} code(s) ${valueText(d.de)} sans correspondance ${valueText(d.vers)} (${valueText(d.codes)}) ; leurs lignes sont laissées de côté.`,
    en: (d) => `Source "${valueText(d.source)}": ${valueText(d.nombre)} ${valueText(d.de)} code(s) with no ${valueText(d.vers)} correspondence (${valueText(d.codes)}); their rows are left out.`,
  }),
  'GTEC-I412': entry<{ source: string; perimetre: string; type: string; codes: string }>({
    severity: 'info',
    title: 'Aucune ligne d’une source pour le territoire de référence',
    exemple: { source: 'tension', perimetre: 'Grand Est', type: 'region', codes: '44' },
    fr: (d) =>
      `Source « ${valueText(d.source)} » : aucune ligne pour le territoire de référence ${valueText(d.perimetre)} (${valueText(d.type)}, codes ${valueText(d.codes) || 'aucun'}) ; les comparaisons à la référence tirées de cette source ne sont pas calculées.`,
    en: (d) =>
      `Source "${valueText(d.source)}": no row for the reference territory ${valueText(d.perimetre)} (${valueText(d.type)}, codes ${valueText(d.codes) || 'none'}); comparisons with the reference drawn from this source are not computed.`,
  }),
  'GTEC-I417': entry<{ source: string; presentes: ComposanteTension[]; manquantes: ComposanteTension[]; minimum: number }>({
    severity: 'info',
    title: 'Score composite de tension non calculé : composantes manquantes',
    exemple: { source: 'tension-2020', presentes: ['ratioOffresDemandeurs'], manquantes: ['ecoulement', 'partDifficiles'], minimum: 2 },
    fr: (d) =>
      `Score composite de tension non calculé (il faut au moins ${valueText(d.minimum)} composantes pour un métier) : la source « ${valueText(d.source)} » ne fournit que ${liste(d.presentes, 'fr')}` +
      (d.manquantes.length ? ` ; aucune source ne fournit ${liste(d.manquantes, 'fr')}` : '') +
      ` (méthode DARES : offres/demandeurs 30 %, écoulement 20 %, part de projets BMO difficiles 50 %).`,
    en: (d) =>
      `Composite tension score not computed (an occupation needs at least ${valueText(d.minimum)} components): source "${valueText(d.source)}" only gives ${liste(d.presentes, 'en')}` +
      (d.manquantes.length ? `; no source gives ${liste(d.manquantes, 'en')}` : '') +
      ` (DARES method: offers/job seekers 30 %, outflow rate 20 %, share of difficult BMO projects 50 %).`,
  }),
  'GTEC-W420': entry<{ source: string; metiers: number; codes: string; value: string[] }>({
    severity: 'warning',
    title: 'Verdicts fondés sur des bornes inférieures BMO',
    exemple: { source: 'bmo-2024', metiers: 3, codes: 'D1X33, T2A60, S1X20', value: ['D1X33', 'T2A60', 'S1X20'] },
    fr: (d) =>
      `Source « ${valueText(d.source)} » : ${valueText(d.metiers)} métier(s) classé(s) en tension par la part de projets difficiles reposent sur des cellules masquées par la source (${valueText(d.codes)}) : leurs projets sont des bornes inférieures (somme des valeurs publiées) et leur part est calculée sur les valeurs publiées seulement.`,
    en: (d) =>
      `Source "${valueText(d.source)}": ${valueText(d.metiers)} occupation(s) classified as in shortage by the share of difficult projects rest on cells withheld by the source (${valueText(d.codes)}): their projects are lower bounds (sum of the published values) and their share is computed on the published values only.`,
  }),
  'GTEC-W421': entry<{ seuil: number }>({
    severity: 'warning',
    title: 'Seuil BMO relatif sans part de référence',
    exemple: { seuil: 0.5 },
    fr: (d) =>
      `Règle « en tension » : le seuil de la part de projets difficiles est relatif au territoire de référence (part_difficiles_seuil: reference), mais la part de référence est inconnue (pas de territoire de référence ou pas de ligne BMO pour lui) ; le seuil absolu ${valueText(d.seuil)} (part_difficiles_minimum) est appliqué.`,
    en: (d) =>
      `Rule "in shortage": the threshold of the share of difficult projects is relative to the reference territory (part_difficiles_seuil: reference), but the reference share is unknown (no reference territory, or no BMO row for it); the absolute threshold ${valueText(d.seuil)} (part_difficiles_minimum) is applied.`,
  }),
  'GTEC-I430': entry<{ source: string; niveau: string; ramenes: number; familles: number; ecartes: number }>({
    severity: 'info',
    title: 'Codes FAP 2009 lus à un autre niveau',
    exemple: { source: 'ages-fap225', niveau: 'fap87', ramenes: 225, familles: 87, ecartes: 0 },
    fr: (d) =>
      `Source « ${d.source} » lue au niveau ${d.niveau}` +
      (d.ramenes > 0 ? ` : ${d.ramenes} code(s) FAP 225 ramené(s) à leur famille (3 premiers caractères), soit ${d.familles} famille(s) FAP 87 dont les effectifs sont additionnés` : '') +
      (d.ecartes > 0 ? ` ; ${d.ecartes} ligne(s) d’un autre niveau (domaines, ensemble, autre niveau FAP) laissée(s) de côté` : '') +
      '.',
    en: (d) =>
      `Source "${d.source}" read at level ${d.niveau}` +
      (d.ramenes > 0 ? `: ${d.ramenes} FAP 225 code(s) brought up to their family (first 3 characters), making ${d.familles} FAP 87 famil(y/ies) whose counts are summed` : '') +
      (d.ecartes > 0 ? `; ${d.ecartes} row(s) of another level (domains, total, other FAP level) left out` : '') +
      '.',
  }),
  'GTEC-I431': entry<{ source: string; perimetre: string }>({
    severity: 'info',
    title: 'Source de portée nationale',
    exemple: { source: 'emploi-national', perimetre: 'Pays de la Loire' },
    fr: (d) =>
      `Source « ${d.source} » de portée nationale : ses chiffres (France entière) sont pris pour le territoire « ${d.perimetre} » faute de série locale, sans comparaison à la référence ; le rapport les signale « série nationale ».`,
    en: (d) => `Source "${d.source}" has national scope: its figures (whole of France) stand for the territory "${d.perimetre}" for want of a local series, with no comparison to the reference; the report labels them "national series".`,
  }),
  'GTEC-I432': entry<{ fichiers: number }>({
    severity: 'info',
    title: 'Données non lues en mode restreint',
    exemple: { fichiers: 3 },
    fr: (d) =>
      `Données non lues en mode restreint : l’espace de travail n’est pas approuvé, les ${d.fichiers} fichier(s) de données déclaré(s) ne sont pas ouverts et le diagnostic est calculé sans eux. Faites confiance au dossier pour les lire.`,
    en: (d) => `Data not read in Restricted Mode: the workspace is not trusted, so the ${d.fichiers} declared data file(s) are not opened and the diagnostic is computed without them. Trust the folder to read them.`,
  }),
  'GTEC-E410': entry<EchecEtape>({
    severity: 'error',
    title: 'Étape de l’analyse impossible',
    exemple: { etape: 'passerelles', raison: 'referentiel-absent' },
    fr: (d) => `Analyse : l’étape « ${etape(d, 'fr')} » n’a pas pu être menée (${raison(d, 'fr')}) ; le reste du diagnostic est calculé.`,
    en: (d) => `Analysis: step "${etape(d, 'en')}" could not be carried out (${raison(d, 'en')}); the rest of the diagnostic is computed.`,
  }),
});

export type AnalysisCode = CodeOf<typeof Catalogue>;
export type AnalysisData<K extends AnalysisCode> = DataOf<typeof Catalogue, K>;

export const analysisProblem = problemFactory(Catalogue);
