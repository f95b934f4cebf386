/**
 * Problems of the analysis (GTEC-E4xx / W4xx / I4xx): what could not be computed, and why. None
 * of them stops the run: the analysis goes on with what it can use.
 */
import { problemFactory, type ProblemData, type ProblemDefinition } from '../problems.js';

export interface AnalysisProblemDefinition extends ProblemDefinition {
  /** Sample data, used by docs/erreurs.md to show the rendered message. */
  exemple: ProblemData;
}

export const Catalogue: Record<string, AnalysisProblemDefinition> = {
  'GTEC-W401': {
    severity: 'warning',
    title: 'Aucune correspondance entre la nomenclature d’une source et celle de l’analyse',
    exemple: { source: 'bmo', de: 'fap2021', vers: 'rome4' },
    fr: (d: { source: string; de: string; vers: string }) =>
      `La source « ${d.source} » est en nomenclature ${d.de}, l’analyse en ${d.vers}, et aucun passage n’existe entre les deux (ni référentiel, ni table déclarée dans « correspondances ») : la source est laissée de côté. Ajoutez une correspondance ${d.de} → ${d.vers}.`,
    en: (d: { source: string; de: string; vers: string }) =>
      `Source "${d.source}" uses the ${d.de} nomenclature, the analysis uses ${d.vers}, and there is no path between them (neither the referential nor a table declared in "correspondances"): the source is left out. Add a ${d.de} → ${d.vers} correspondance.`,
  },
  'GTEC-I402': {
    severity: 'info',
    title: 'Effectifs approximatifs : un code d’origine correspond à plusieurs métiers',
    exemple: { source: 'tension', de: 'rome3', vers: 'rome4', codes: 12 },
    fr: (d: { source: string; de: string; vers: string; codes: number }) =>
      `Source « ${d.source} » : ${d.codes} code(s) ${d.de} correspondent à plusieurs métiers ${d.vers}. Les effectifs ne pouvant être répartis, chaque métier reçoit l’effectif de son code d’origine : ces nombres sont approximatifs et ne s’additionnent pas ; les taux, parts et classes restent valables pour le groupe d’origine.`,
    en: (d: { source: string; de: string; vers: string; codes: number }) =>
      `Source "${d.source}": ${d.codes} ${d.de} code(s) map to several ${d.vers} métiers. Counts cannot be split, so each métier receives the count of its origin code: these numbers are approximate and not summable; rates, shares and classes remain valid for the origin group.`,
  },
  'GTEC-W403': {
    severity: 'warning',
    title: 'Métier fragile sans fiche action',
    exemple: { code: 'H2913', libelle: 'Soudage manuel' },
    fr: (d: { code: string; libelle: string }) =>
      `Le métier ${d.code} (${d.libelle}) est fragile mais aucune fiche du plan d’action ne le cite : ajoutez-le aux « metiers » d’une fiche action, ou expliquez ce choix dans sa déclaration.`,
    en: (d: { code: string; libelle: string }) =>
      `Métier ${d.code} (${d.libelle}) is fragile but no fiche of the action plan lists it: add it to the "metiers" of a fiche action, or explain this choice in its declaration.`,
  },
  'GTEC-W404': {
    severity: 'warning',
    title: 'Tranche d’âge non reconnue',
    exemple: { source: 'ages', tranche: 'seniors' },
    fr: (d: { source: string; tranche: string }) =>
      `Source « ${d.source} » : tranche d’âge « ${d.tranche} » non reconnue ; attendu par exemple « 15-29 », « 50-54 », « 55+ », « 55 ans et plus », « <25 ». Les lignes de cette tranche sont ignorées.`,
    en: (d: { source: string; tranche: string }) =>
      `Source "${d.source}": age band "${d.tranche}" not understood; expected e.g. "15-29", "50-54", "55+", "55 ans et plus", "<25". Rows of this band are ignored.`,
  },
  'GTEC-W405': {
    severity: 'warning',
    title: 'Aucune ligne d’une source pour le territoire',
    exemple: { source: 'effectifs', perimetre: 'Pays de Langres', type: 'epci', codes: '200069052' },
    fr: (d: { source: string; perimetre: string; type: string; codes: string }) =>
      `Source « ${d.source} » : aucune ligne pour ${d.perimetre} (${d.type}, codes ${d.codes || 'aucun'}). Vérifiez les codes du périmètre et la colonne de zone du fichier.`,
    en: (d: { source: string; perimetre: string; type: string; codes: string }) =>
      `Source "${d.source}": no row for ${d.perimetre} (${d.type}, codes ${d.codes || 'none'}). Check the perimeter's codes and the file's zone column.`,
  },
  'GTEC-W406': {
    severity: 'warning',
    title: 'Années de la période absentes des effectifs',
    exemple: { source: 'effectifs', debut: 2019, fin: 2024, annees: '2020, 2024' },
    fr: (d: { source: string; debut: number; fin: number; annees: string }) =>
      `Source « ${d.source} » : les années ${d.debut} et ${d.fin} de la période ne sont pas toutes présentes (années lues : ${d.annees || 'aucune'}). Les évolutions utilisent la première et la dernière année disponibles dans la période.`,
    en: (d: { source: string; debut: number; fin: number; annees: string }) =>
      `Source "${d.source}": the period's years ${d.debut} and ${d.fin} are not both present (years read: ${d.annees || 'none'}). Changes use the first and last years available within the period.`,
  },
  'GTEC-I407': {
    severity: 'info',
    title: 'Score de tension normalisé sur la distribution locale',
    exemple: { composante: 'écoulement' },
    fr: (d: { composante: string }) =>
      `Score composite de tension : pas de valeurs de référence pour « ${d.composante} » ; ses z-scores sont calculés sur la distribution des métiers du territoire lui-même (les petits territoires s’auto-normalisent, à lire avec prudence).`,
    en: (d: { composante: string }) =>
      `Composite tension score: no reference values for "${d.composante}"; its z-scores use the distribution of the territory's own métiers (small territories normalise themselves, read with care).`,
  },
  'GTEC-I408': {
    severity: 'info',
    title: 'TCAM de référence indisponible',
    exemple: {},
    fr: () =>
      `Pas de TCAM de référence (territoire de référence absent ou sans effectifs) : les règles « en crise » et « en croissance » n’appliquent que leur seuil absolu.`,
    en: () =>
      `No reference CAGR (no reference territory, or no employment data for it): the "en crise" and "en croissance" rules apply their absolute threshold only.`,
  },
  'GTEC-I409': {
    severity: 'info',
    title: 'Métiers hors du référentiel : pas de passerelle',
    exemple: { codes: 'X0001, X0002' },
    fr: (d: { codes: string }) =>
      `Métiers absents du référentiel, exclus du calcul des passerelles : ${d.codes}.`,
    en: (d: { codes: string }) => `Métiers missing from the referential, left out of the passerelles: ${d.codes}.`,
  },
  'GTEC-W411': {
    severity: 'warning',
    title: 'Codes d’une source sans correspondance dans la nomenclature d’analyse',
    exemple: { source: 'tension', de: 'rome3', vers: 'rome4', nombre: 2, codes: 'K1234, Z9999' },
    fr: (d: { source: string; de: string; vers: string; nombre: number; codes: string }) =>
      `Source « ${d.source} » : ${d.nombre} code(s) ${d.de} sans correspondance ${d.vers} (${d.codes}) ; leurs lignes sont laissées de côté.`,
    en: (d: { source: string; de: string; vers: string; nombre: number; codes: string }) =>
      `Source "${d.source}": ${d.nombre} ${d.de} code(s) with no ${d.vers} correspondence (${d.codes}); their rows are left out.`,
  },
  'GTEC-I412': {
    severity: 'info',
    title: 'Aucune ligne d’une source pour le territoire de référence',
    exemple: { source: 'tension', perimetre: 'Grand Est', type: 'region', codes: '44' },
    fr: (d: { source: string; perimetre: string; type: string; codes: string }) =>
      `Source « ${d.source} » : aucune ligne pour le territoire de référence ${d.perimetre} (${d.type}, codes ${d.codes || 'aucun'}) ; les comparaisons à la référence tirées de cette source ne sont pas calculées.`,
    en: (d: { source: string; perimetre: string; type: string; codes: string }) =>
      `Source "${d.source}": no row for the reference territory ${d.perimetre} (${d.type}, codes ${d.codes || 'none'}); comparisons with the reference drawn from this source are not computed.`,
  },
  'GTEC-E410': {
    severity: 'error',
    title: 'Étape de l’analyse impossible',
    exemple: { etape: 'passerelles', raison: 'référentiel non chargé' },
    fr: (d: { etape: string; raison: string }) => `Analyse : l’étape « ${d.etape} » n’a pas pu être menée (${d.raison}) ; le reste du diagnostic est calculé.`,
    en: (d: { etape: string; raison: string }) => `Analysis: step "${d.etape}" could not be carried out (${d.raison}); the rest of the diagnostic is computed.`,
  },
};

export const analysisProblem = problemFactory(Catalogue);
