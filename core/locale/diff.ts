/**
 * The words of `gtec diff` (core/diff/render.ts) and of the semantic digest of one version
 * (core/diff/digest.ts). Arguments are already formatted (numbers, code spans in markdown).
 */
export interface DiffWords {
  /** Separator between a label and its value. */
  dp: string;
  titre(fichier: string, ancien: string, nouveau: string): string;
  reste(n: number): string;
  absent: string;
  oui: string;
  non: string;
  euros(montant: string): string;
  sections: {
    remarques: string;
    cadre: string;
    familles: string;
    passerelles: string;
    scores(tolerance: string): string;
    plan: string;
    evaluation: string;
    problemes: string;
    sources: string;
  };
  aucunChangement: string;
  nombreMetiers(fleche: string): string;
  /** `famille` is the family's name. */
  entre(code: string, libelle: string, famille: string): string;
  sort(code: string, libelle: string, famille: string): string;
  seuil(comparaison: string, valeur: string): string;
  passerelleNouvelle(source: string, cible: string, libelle: string, score: string): string;
  passerellePerdue(source: string, cible: string, libelle: string, score: string): string;
  passerelleModifiee(source: string, cible: string, libelle: string, fleche: string): string;
  budgetTotal(fleche: string, ecart: string): string;
  financeur(nom: string, fleche: string): string;
  nomFiche(id: string, titre: string): string;
  ficheAjoutee(fiche: string, budget: string): string;
  ficheSupprimee(fiche: string, budget: string): string;
  /** `lignes` is empty when the lost lines are not known. */
  financementPerdu(fiche: string, lignes: string, nombreLignes: number, fleche: string): string;
  ficheBudget(fiche: string, fleche: string): string;
  ficheMetiers(fiche: string, changements: string): string;
  sansActionNouveaux(codes: string): string;
  sansActionCouverts(codes: string): string;
  indicateurAjoute(nom: string, avancement: string): string;
  indicateurSupprime(nom: string): string;
  avancement(nom: string, fleche: string): string;
  etat: { atteint: string; enRetard: string; enCours: string };
  problemeNouveau(gravite: string, code: string, message: string): string;
  problemeCorrige(code: string, message: string): string;
  typeSource: { ajoutee: string; supprimee: string; chemin: string; contenu: string };
  notes: {
    absent(fichier: string, revision: string, ajoute: boolean): string;
    binaire(fichier: string, version: string): string;
    volumineux(fichier: string, version: string, mio: string, limite: string): string;
    illisible(fichier: string, version: string, raison: string): string;
    versionFormat(ancienne: string, nouvelle: string): string;
    sansResultat(fichier: string, version: string): string;
    renomme(version: string, ancien: string, nouveau: string): string;
    horsGit(fichiers: string): string;
  };
  digest: {
    titre(fichier: string): string;
    donnees(dossier: string): string;
    problemes(erreurs: number, avertissements: number, infos: number): string;
    nonCalcule: string;
    champs: { titre: string; territoire: string; periode: string; referentiel: string; rang: string; budgetTotal: string; financeur: string; fiche: string; fragilesSansAction: string };
    /** Keys of a métier's line. */
    metier: { effectif: string; tcam: string; classe: string; score: string; difficiles: string; plus55: string };
    titres: { familles: string; metiers: string; passerelles: string; plan: string; evaluation: string };
  };
}
