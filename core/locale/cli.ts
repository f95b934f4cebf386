/**
 * The words of the command line (cli/): help texts, user-facing failures and summaries. Arguments
 * are already formatted; the commands never choose a language themselves.
 */
export interface CliWords {
  /** Prefix of a message printed on stderr: « gtec : », "gtec: ". */
  prefixe: string;
  /** An integer with the language's digit grouping. */
  entier(n: number): string;
  /** A progress line (without the terminal control codes). */
  progres(titre: string, pourcent: number, faits: number, total: number): string;
  erreurInattendue(message: string): string;
  lectureImpossible(fichier: string, raison: string): string;
  dossierIllisible(dossier: string): string;
  creationImpossible(dossier: string, raison: string): string;
  ecritureImpossible(fichier: string, raison: string): string;
  /** `attendus` lists the accepted formats, already in the language (« texte, json ou junit »). */
  formatSortieInconnu(format: string, attendus: string): string;
  /** `--limites` or GTEC_LIMITES holds an item that is not `nom=valeur` with a known name. */
  limitesInvalides(item: string, noms: string): string;
  formatInconnu(format: string, attendus: string): string;
  /** « a, b ou c » / "a, b or c". */
  ou(valeurs: readonly string[]): string;
  /** The name of the text output format (`--format texte`, which also accepts `text`). */
  formatTexte: string;
  cheminIntrouvable(chemin: string): string;
  aucunDiagnostic(chemins: string): string;
  /** « 2 fichiers vérifiés : 1 erreur, 2 avertissements, 0 info. » */
  resume(fichiers: number, erreurs: number, avertissements: number, infos: number): string;
  aucunRapport: string;
  ecrit(fichier: string, taille: string): string;
  taille: { octets(n: number): string; kio(n: string): string; mio(n: string): string };
  topInvalide(valeur: string): string;
  metierAbsent(code: string): string;
  vouliezVousDire(codes: string): string;
  titreProgresPasserelles: string;
  /** stderr: the score used, expert-aware with `listes` official lists, or content-only. */
  modePasserellesExpert: (listes: number) => string;
  modePasserellesContenu: string;
  /** stderr: the engine's cache could not be written in `dossier` (the run went on without it). */
  cacheNonEcrit(dossier: string, raison: string): string;
  referentielIntrouvable(chemin: string): string;
  referentielIllisible(chemin: string): string;
  /** The lines of `gtec referentiel info` after the label. */
  infoReferentiel: {
    type(kind: string, version: string): string;
    metiers(n: string): string;
    competences(total: string, savoirFaire: string, savoirEtre: string, savoirs: string): string;
    liens(total: string, savoirFaire: string, savoirEtre: string, savoirs: string, coeur: string): string;
    macros(n: string): string;
    domaines(domaines: string, grandsDomaines: string): string;
    appellations(n: string): string;
    contextes(n: string): string;
    mobilites(n: string): string;
  };
  toleranceInvalide(valeur: string): string;
  tropDeVersions(versions: string): string;
  niCheminsNiRevisions(versions: string): string;
  revisionInconnue(revision: string, depot: string): string;
  /** `sous` is empty or lists the paths named on the command line. */
  aucunDiagnosticRevisions(sous: string, ancien: string, nouveau: string): string;
  copieDeTravail: string;
  fichiersOuDossiers(a: string, b: string): string;
  fichierBinaire(fichier: string): string;
  /** A file of a git revision above the size the CLI reads. */
  fichierTropGros(mio: string, limite: string): string;
  /** The declared data folder and the outputs of `gtec diagnostic` (docs/donnees.md). */
  fichiers: {
    donneesIntrouvable(dossier: string): string;
    tailleInvalide(valeur: string): string;
    sortieDansDiagnostic(sortie: string): string;
    nonEcritParGtec(fichier: string): string;
    lien(fichier: string, cible: string): string;
    dossier(fichier: string): string;
    rienEcrit: string;
  };
  /** Help texts of the program, its commands, arguments and options. */
  aide: {
    donnees: string;
    diagnosticForce: string;
    diagnosticTailleMax: string;
    programme: string;
    version: string;
    lang: string;
    limites: string;
    aide: string;
    check: string;
    checkChemins: string;
    checkFormat: string;
    diagnostic: string;
    diagnosticFichier: string;
    diagnosticSortie: string;
    diagnosticFormat: string;
    diff: string;
    diffVersions: string;
    diffFormat: string;
    diffTolerance: string;
    diffTextconv: string;
    passerelles: string;
    passerellesReferentiel: string;
    passerellesTop: string;
    passerellesFormat: string;
    passerellesSource: string;
    passerellesDetails: string;
    passerellesContenuSeul: string;
    passerellesSansCache: string;
    referentiel: string;
    referentielInfo: string;
    referentielArgument: string;
    referentielFormat: string;
  };
}
