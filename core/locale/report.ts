/** The words of the reports (HTML and xlsx): what fr/report.ts and en/report.ts implement. */
import type { FamilleId } from '../format/schema.js';

export interface ReportWords {
  /** Name of each family, as a title. */
  nomsFamilles: Record<FamilleId, string>;
  /** One-sentence definition of each family. */
  definitions: Record<FamilleId, string>;
  /** Names of the workbook's sheets. */
  feuilles: Record<'synthese' | 'metiers' | 'familles' | 'passerelles' | 'ecarts' | 'plan' | 'couverture' | 'financements' | 'evaluation' | 'problemes' | 'sources', string>;
  /** An amount in euros, already formatted as a number: « 45 000 € », "€45,000". */
  euros(montant: string): string;
  /** Title of the passerelle network chart. */
  grReseau: string;
  /** Age groups of the pyramid chart's colours. */
  seniorite: Record<'plus55' | 'de50a54' | 'moins50', string>;
  rapport: string;
  /** Colon with the typography of the language. */
  dp: string;
  /** Semicolon between items, with the typography of the language. */
  pv: string;
  raison: string;
  raisons: string;
  aucuneCompetenceAAcquerir: string;
  methodeTitre: string;
  sommaire: string;
  synthese: string;
  territoire: string;
  reference: string;
  periode: string;
  referentiel: string;
  nomenclature: string;
  codes: string;
  metiersAnalyses: string;
  metiersParFamille: string;
  nombreMetiers: string;
  famille: string;
  familles: string;
  definition: string;
  pointsAttention: string;
  aucunPoint: string;
  fragilesSansActionMsg: (n: number) => string;
  problemesNombre: (e: number, w: number) => string;
  /** A family decided on codes of another nomenclature: « 66 codes ROME v3, couvrant 275 métiers ». */
  cellulesSource: (cellules: number, nomenclature: string, metiers: number) => string;
  aucunMetier: string;
  code: string;
  libelle: string;
  groupe: string;
  effectif: string;
  effectifDebut: string;
  effectifFin: string;
  evolution: string;
  tcam: string;
  tcamReference: string;
  indiceSpecificite: string;
  part50: string;
  part55: string;
  part55Reference: string;
  indiceRenouvellement: string;
  vieillissant: string;
  departs: string;
  postesAPourvoir: string;
  postesParEmploi: string;
  bmoProjets: string;
  bmoDifficiles: string;
  bmoSaisonniers: string;
  partDifficiles: string;
  partSaisonniers: string;
  classeTension: string;
  offres: string;
  demandeurs: string;
  ratioOffresDemandeurs: string;
  scoreComposite: string;
  detailMetiers: string;
  pourquoi: string;
  aucuneFamille: string;
  note: string;
  masque: string;
  masqueTitre: string;
  nonSignificatif: string;
  nonSignificatifTitre: string;
  /** Mark of a value from a national-scope source, and its tooltip. */
  nationale: string;
  nationaleTitre: string;
  absent: string;
  graphiques: string;
  grMetiersParFamille: string;
  grPyramides: string;
  grTcam: string;
  grBmo: string;
  grBudget: string;
  tranche: string;
  territoireLocal: string;
  significatif: string;
  oui: string;
  non: string;
  passerelles: string;
  passerellesIntro: string;
  aucunePasserelle: string;
  depuis: string;
  source: string;
  cible: string;
  rang: string;
  score: string;
  acquises: string;
  ecart: string;
  coeur: string;
  mobiliteOfficielle: string;
  aucunEcart: string;
  competence: string;
  type: string;
  macro: string;
  planAction: string;
  fiches: string;
  fiche: string;
  titre: string;
  metiers: string;
  budget: string;
  indicateurs: string;
  aucuneFiche: string;
  couverture: string;
  couvertPar: string;
  sansAction: string;
  sansActionAlerte: string;
  budgetTotal: string;
  financements: string;
  financeur: string;
  montant: string;
  partBudget: string;
  total: string;
  aucunFinancement: string;
  evaluation: string;
  indicateur: string;
  base: string;
  valeur: string;
  cibleValeur: string;
  unite: string;
  avancement: string;
  echeance: string;
  dateMesure: string;
  atteint: string;
  enRetard: string;
  nonMesure: string;
  aucunIndicateur: string;
  problemes: string;
  aucunProbleme: string;
  gravite: string;
  message: string;
  emplacement: string;
  sourcesMethode: string;
  sourcesUtilisees: string;
  annees: string;
  utiliseePour: string;
  aucuneSource: string;
  methode: readonly string[];
  secteurs: string;
  etablissements: string;
  taille: string;
  nombreEtablissements: string;
  herfindahl: string;
  genere: string;
  savoirFaire: string;
  savoirEtre: string;
  savoir: string;
  typesIndicateur: Record<string, string>;
  explication: string;
  seuil: string;
  comparaison: string;
  annee: string;
  masqueColonne: string;
  nsColonne: string;
  pointeur: string;
  /** A lower bound: « ≥ 1 234 ». */
  auMoins: (valeur: string) => string;
  auMoinsTitre: string;
  /** BMO totals at the top of the report. */
  totauxBmo: string;
  totauxBmoAnnee: (annee: number) => string;
  perimetre: string;
  cellulesMasquees: string;
  lignesSommees: string;
  /** How the totals and shares are computed (withheld cells, basis of the shares). */
  baseBmo: (masques: number, masquesTexte: string) => string;
  /** Where the total employment comes from (`result.emploi`): source, codes summed, the reference's total. */
  baseEmploi: (e: { source: string; producteur?: string; annee?: number; codes: string; nomenclature: string; reference?: { nom: string; total: string } }) => string;
}
