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
  moteurIndisponible: string;
  erreurInterne: string;
  referentielAbsent(exige: string, actif: string): string;
  entetesTension(seuils: boolean): readonly string[];
  significatif: string;
  nonSignificatif(minimum: number): string;
  baseTension(composantes: readonly string[], toutes: boolean, minimum: number): string;
  composantesTension: { od: string; ecoulement: string; difficiles: string };
  seuilsClasses: string;
  entetesBmo: readonly string[];
  bmoNote(masques: number, minimum: number, significatif: boolean): string;
  entetesRomeV3: readonly string[];
  entetesRome4: readonly string[];
  aucunEnfant(code: string): string;
  pasDeParent(code: string): string;
  aucuneFamille: string;
  aucuneFamilleRaison(colonnes: readonly string[]): string;
  entetesReferentiel: readonly string[];
  enregistre: string;
  nonEnregistre: string;
  nomenclatureNonChargee(sorte: 'fap2009' | 'fap2021' | 'bassins' | 'fap2009Rome3'): string;
  nomenclaturesAbsentes(exigees: string, actives: string | undefined): string;
  codeNomenclatureInconnu(sorte: 'fap2009' | 'fap2021' | 'bassins' | 'fap2009Rome3', code: string): string;
  entetesFapRome: readonly string[];
}

const NOMS_NOMENCLATURES = {
  fr: { fap2009: 'FAP 2009', fap2021: 'FAP 2021 (code métier BMO)', bassins: 'bassins BMO', fap2009Rome3: 'correspondance FAP 2009 → ROME v3' },
  en: { fap2009: 'FAP 2009', fap2021: 'FAP 2021 (BMO occupation code)', bassins: 'BMO employment areas', fap2009Rome3: 'FAP 2009 → ROME v3 crosswalk' },
} as const;
const CODE_NOMENCLATURE = {
  fr: { fap2009: 'Code FAP 2009', fap2021: 'Code FAP 2021 / métier BMO', bassins: 'Code de bassin BMO', fap2009Rome3: 'Code FAP 2009' },
  en: { fap2009: 'FAP 2009 code', fap2021: 'FAP 2021 / BMO occupation code', bassins: 'BMO employment area code', fap2009Rome3: 'FAP 2009 code' },
} as const;
/** The files that give each nomenclature. */
const FICHIERS = {
  fr: {
    fap2009: 'fap2009_nomenclature.csv (DARES)',
    fap2021: 'fap2021_nomenclature.csv (DARES), bmo_2024_metiers.csv ou le classeur BMO officiel',
    bassins: 'bmo_2024_bassins.csv ou le classeur BMO officiel',
    fap2009Rome3: 'fap2009_rome_v3.csv (DARES)',
  },
  en: {
    fap2009: 'fap2009_nomenclature.csv (DARES)',
    fap2021: 'fap2021_nomenclature.csv (DARES), bmo_2024_metiers.csv or the official BMO workbook',
    bassins: 'bmo_2024_bassins.csv or the official BMO workbook',
    fap2009Rome3: 'fap2009_rome_v3.csv (DARES)',
  },
} as const;

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
    moteurIndisponible: 'Le moteur de passerelles n’a pas été construit : sa construction a été annulée dans le volet GTEC. Choisissez de nouveau le référentiel dans le volet pour recalculer.',
    erreurInterne: 'Erreur interne de GTEC : calcul impossible pour ces arguments',
    referentielAbsent: (e, a) => `Ce classeur utilise le référentiel ${e}, qui n’est pas chargé sur ce poste (actif : ${a}). Chargez-le dans le volet GTEC pour recalculer ; aucun autre n’est utilisé à sa place.`,
    entetesTension: (s) => ['Score composite (DARES 30/20/50)', s ? 'Classe (seuils donnés)' : 'Classe relative (quintile des lignes)', 'Publication', 'Base du score'],
    significatif: 'significatif',
    nonSignificatif: (n) => `non significatif : moins de ${n} offres ou demandeurs (règle de publication des ${n})`,
    baseTension: (c, toutes, n) => `${c.join(' + ')} ; z-scores sur ${toutes ? `toutes les lignes (moins de deux lignes d’au moins ${n} offres et demandeurs)` : `les lignes d’au moins ${n} offres et demandeurs`}`,
    composantesTension: { od: 'offres/demandeurs', ecoulement: 'écoulement', difficiles: 'part de projets difficiles' },
    seuilsClasses: 'seuils_classes : quatre seuils croissants du score attendus (bornes des classes 2 à 5)',
    entetesBmo: ['Projets', 'Projets difficiles', 'Projets saisonniers', 'Part difficiles', 'Part saisonniers', 'Note'],
    bmoNote: (m, n, sig) =>
      [m > 0 ? `au moins : ${m} cellule${m > 1 ? 's' : ''} masquée${m > 1 ? 's' : ''} « * » (sommes des valeurs publiées, parts sur cette base)` : 'toutes les valeurs publiées', sig ? '' : `non significatif : moins de ${n} projets`]
        .filter(Boolean)
        .join(' ; '),
    entetesRomeV3: ['Code ROME v3'],
    entetesRome4: ['Code ROME 4.0', 'Libellé'],
    aucunEnfant: (c) => `Aucune fiche ROME 4.0 ne descend du code ROME v3 « ${c} » dans le référentiel actif`,
    pasDeParent: (c) => `La fiche « ${c} » n’indique pas de code ROME v3 parent dans le référentiel actif`,
    aucuneFamille: 'aucune famille',
    aucuneFamilleRaison: (c) => `aucune règle de famille n’est remplie avec les colonnes données (${c.join(', ')})`,
    entetesReferentiel: ['Référentiel', 'Version', 'Source', 'Fiches', 'Classeur'],
    enregistre: 'enregistré dans le classeur',
    nonEnregistre: 'non enregistré (le volet l’enregistre quand vous choisissez un référentiel)',
    nomenclatureNonChargee: (s) => `Nomenclature ${NOMS_NOMENCLATURES.fr[s]} non chargée sur ce poste : chargez ${FICHIERS.fr[s]} dans le volet GTEC (section « Nomenclatures publiques »)`,
    nomenclaturesAbsentes: (e, a) =>
      `Ce classeur utilise les nomenclatures ${e}, qui ne sont pas chargées sur ce poste${a ? ` (chargées : ${a})` : ''}. Chargez ces fichiers dans le volet GTEC pour recalculer ; aucune autre n’est utilisée à leur place.`,
    codeNomenclatureInconnu: (s, c) => `${CODE_NOMENCLATURE.fr[s]} inconnu « ${c} » dans la nomenclature ${NOMS_NOMENCLATURES.fr[s]} chargée`,
    entetesFapRome: ['Code FAP 2009', 'Code ROME v3', 'Libellé ROME v3', 'Code ROME 4.0', 'Libellé ROME 4.0'],
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
    moteurIndisponible: 'The pathway engine was not built: its build was cancelled in the GTEC pane. Choose the referential again in the pane to recalculate.',
    erreurInterne: 'GTEC internal error: cannot compute for these arguments',
    referentielAbsent: (e, a) => `This workbook uses the referential ${e}, which is not loaded on this machine (active: ${a}). Load it in the GTEC pane to recalculate; no other one is used in its place.`,
    entetesTension: (s) => ['Composite score (DARES 30/20/50)', s ? 'Class (given thresholds)' : 'Relative class (quintile of the rows)', 'Publication', 'Score basis'],
    significatif: 'significant',
    nonSignificatif: (n) => `not significant: fewer than ${n} offers or job seekers (publication rule of ${n})`,
    baseTension: (c, toutes, n) => `${c.join(' + ')}; z-scores over ${toutes ? `all rows (fewer than two rows with at least ${n} offers and job seekers)` : `the rows with at least ${n} offers and job seekers`}`,
    composantesTension: { od: 'offers/job seekers', ecoulement: 'outflow rate', difficiles: 'share of difficult projects' },
    seuilsClasses: 'class_thresholds: four increasing score thresholds expected (lower bounds of classes 2 to 5)',
    entetesBmo: ['Projects', 'Difficult projects', 'Seasonal projects', 'Difficult share', 'Seasonal share', 'Note'],
    bmoNote: (m, n, sig) =>
      [m > 0 ? `at least: ${m} withheld cell${m > 1 ? 's' : ''} "*" (sums of the published values, shares on that basis)` : 'all values published', sig ? '' : `not significant: fewer than ${n} projects`].filter(Boolean).join('; '),
    entetesRomeV3: ['ROME v3 code'],
    entetesRome4: ['ROME 4.0 code', 'Label'],
    aucunEnfant: (c) => `No ROME 4.0 record descends from the ROME v3 code "${c}" in the active referential`,
    pasDeParent: (c) => `Record "${c}" gives no parent ROME v3 code in the active referential`,
    aucuneFamille: 'no family',
    aucuneFamilleRaison: (c) => `no family rule is met with the given columns (${c.join(', ')})`,
    entetesReferentiel: ['Referential', 'Version', 'Source', 'Records', 'Workbook'],
    enregistre: 'recorded in the workbook',
    nonEnregistre: 'not recorded (the pane records it when you choose a referential)',
    nomenclatureNonChargee: (s) => `Nomenclature ${NOMS_NOMENCLATURES.en[s]} not loaded on this machine: load ${FICHIERS.en[s]} in the GTEC pane (section "Public nomenclatures")`,
    nomenclaturesAbsentes: (e, a) => `This workbook uses the nomenclatures ${e}, which are not loaded on this machine${a ? ` (loaded: ${a})` : ''}. Load these files in the GTEC pane to recalculate; no other one is used in their place.`,
    codeNomenclatureInconnu: (s, c) => `Unknown ${CODE_NOMENCLATURE.en[s]} "${c}" in the loaded ${NOMS_NOMENCLATURES.en[s]} nomenclature`,
    entetesFapRome: ['FAP 2009 code', 'ROME v3 code', 'ROME v3 label', 'ROME 4.0 code', 'ROME 4.0 label'],
  },
};
