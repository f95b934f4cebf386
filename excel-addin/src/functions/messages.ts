/**
 * Every message of the GTEC.* functions' errors (shown by Excel with #VALUE! and #N/A), in French
 * and English: the functions name a message, the call site (call.ts) picks the language.
 */
import type { Lang } from '../../../core/index.js';

export interface MessagesFonctions {
  nombreInvalide(nom: string): string;
  booleenPasNombre(nom: string): string;
  valeurMasquee(nom: string, valeur: string): string;
  pasUnNombre(nom: string, valeur: string): string;
  taillesIncompatibles(nom: string, taille: string, attendu: string): string;
  argumentManquant(nom: string): string;
  seuilsDeuxColonnes: string;
  longueursDifferentes(n: number): string;
  tensionNonCalculable: string;
  tranchesAttendues: string;
  trancheInconnue(tranche: string): string;
  effectifsParLigne(valeurs: number, tranches: number): string;
  plageMetiers: string;
  aucuneColonne: string;
  codeAttendu(nom: string): string;
  codeInconnu(code: string, referentiel: string, proches: readonly string[]): string;
  texteAttendu: string;
  auMoinsUn(nom: string): string;
  aucunMetierTrouve(texte: string): string;
  deuxCodes: string;
  memeMetier(a: string, b: string): string;
  aucunePasserelle: string;
  erreurInterne: string;
  referentielAbsent(exige: string, actif: string): string;
  entetesReferentiel: readonly string[];
  enregistre: string;
  nonEnregistre: string;
}

export const MESSAGES: Record<Lang, MessagesFonctions> = {
  fr: {
    nombreInvalide: (n) => `${n} : nombre invalide`,
    booleenPasNombre: (n) => `${n} : nombre attendu, VRAI/FAUX trouvé`,
    valeurMasquee: (n, c) => `${n} : valeur masquée (« ${c} »)`,
    pasUnNombre: (n, c) => `${n} : « ${c} » n’est pas un nombre (attendu par exemple 12,5)`,
    taillesIncompatibles: (n, t, a) => `Plages de tailles incompatibles : ${n} a ${t} cellules, attendu ${a} ou une seule cellule`,
    argumentManquant: (n) => `Argument manquant : ${n}`,
    seuilsDeuxColonnes: 'seuils : plage de deux colonnes attendue (règle ; valeur)',
    longueursDifferentes: (n) => `Plages de longueurs différentes (attendu ${n} cellules chacune)`,
    tensionNonCalculable: 'Score de tension non calculable : il faut au moins deux composantes (offres/demandeurs, écoulement, part de projets difficiles) et au moins deux lignes qui varient',
    tranchesAttendues: 'tranches : plage des tranches d’âge attendue (ex. 15-29, 30-49, 50-54, 55+)',
    trancheInconnue: (l) => `Tranche d’âge « ${l} » non reconnue (attendu par exemple 15-29, 50-54, 55+, 55 ans et plus)`,
    effectifsParLigne: (v, t) => `effectifs : ${v} valeurs par ligne pour ${t} tranches`,
    plageMetiers: 'plage : une ligne d’en-têtes puis une ligne par métier attendues',
    aucuneColonne:
      'Aucune colonne d’indicateur reconnue dans la ligne d’en-têtes (attendu par exemple : code, effectif_debut, effectif_fin, annee_debut, annee_fin, tcam_reference, classe_tension, projets, difficiles, indice_specificite, part_55_plus, strategique)',
    codeAttendu: (n) => `${n} : code métier attendu (ex. H2913)`,
    codeInconnu: (c, r, p) => `Code métier inconnu « ${c} » dans ${r}${p.length ? ` ; vouliez-vous dire ${p.join(', ')} ?` : ''}`,
    texteAttendu: 'texte : un libellé ou une appellation à chercher est attendu',
    auMoinsUn: (n) => `${n} : au moins 1`,
    aucunMetierTrouve: (q) => `Aucun métier trouvé pour « ${q} »`,
    deuxCodes: 'Deux codes métier attendus',
    memeMetier: (a, b) => `${a} et ${b} sont le même métier`,
    aucunePasserelle: 'Aucune passerelle parmi les cibles données',
    erreurInterne: 'Erreur interne de GTEC : calcul impossible pour ces arguments',
    referentielAbsent: (e, a) => `Ce classeur utilise le référentiel ${e}, qui n’est pas chargé sur ce poste (actif : ${a}). Chargez-le dans le volet GTEC pour recalculer ; aucun autre n’est utilisé à sa place.`,
    entetesReferentiel: ['Référentiel', 'Version', 'Source', 'Fiches', 'Classeur'],
    enregistre: 'enregistré dans le classeur',
    nonEnregistre: 'non enregistré (le volet l’enregistre quand vous choisissez un référentiel)',
  },
  en: {
    nombreInvalide: (n) => `${n}: invalid number`,
    booleenPasNombre: (n) => `${n}: number expected, TRUE/FALSE found`,
    valeurMasquee: (n, c) => `${n}: withheld value ("${c}")`,
    pasUnNombre: (n, c) => `${n}: "${c}" is not a number (expected e.g. 12.5)`,
    taillesIncompatibles: (n, t, a) => `Ranges of incompatible sizes: ${n} has ${t} cells, expected ${a} or a single cell`,
    argumentManquant: (n) => `Missing argument: ${n}`,
    seuilsDeuxColonnes: 'thresholds: a two-column range expected (rule; value)',
    longueursDifferentes: (n) => `Ranges of different lengths (expected ${n} cells each)`,
    tensionNonCalculable: 'Tension score not computable: at least two components (offers/job seekers, outflow rate, share of difficult projects) and at least two varying rows are needed',
    tranchesAttendues: 'tranches: a range of age bands expected (e.g. 15-29, 30-49, 50-54, 55+)',
    trancheInconnue: (l) => `Age band "${l}" not recognised (expected e.g. 15-29, 50-54, 55+)`,
    effectifsParLigne: (v, t) => `effectifs: ${v} values per row for ${t} bands`,
    plageMetiers: 'range: a header row then one row per occupation expected',
    aucuneColonne:
      'No indicator column recognised in the header row (expected e.g. code, effectif_debut, effectif_fin, annee_debut, annee_fin, tcam_reference, classe_tension, projets, difficiles, indice_specificite, part_55_plus, strategique)',
    codeAttendu: (n) => `${n}: an occupation code expected (e.g. H2913)`,
    codeInconnu: (c, r, p) => `Unknown occupation code "${c}" in ${r}${p.length ? `; did you mean ${p.join(', ')}?` : ''}`,
    texteAttendu: 'text: a label or job title to search for is expected',
    auMoinsUn: (n) => `${n}: at least 1`,
    aucunMetierTrouve: (q) => `No occupation found for "${q}"`,
    deuxCodes: 'Two occupation codes expected',
    memeMetier: (a, b) => `${a} and ${b} are the same occupation`,
    aucunePasserelle: 'No pathway among the given targets',
    erreurInterne: 'GTEC internal error: cannot compute for these arguments',
    referentielAbsent: (e, a) => `This workbook uses the referential ${e}, which is not loaded on this machine (active: ${a}). Load it in the GTEC pane to recalculate; no other one is used in its place.`,
    entetesReferentiel: ['Referential', 'Version', 'Source', 'Records', 'Workbook'],
    enregistre: 'recorded in the workbook',
    nonEnregistre: 'not recorded (the pane records it when you choose a referential)',
  },
};
