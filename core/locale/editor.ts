/**
 * The words of the editor's language service (extension/src/service, host-free): hovers,
 * completion details, code action titles and the text those actions insert.
 */
export interface EditorWords {
  /** Separator between a label and its value. */
  dp: string;
  /** Number formatting of the hover's figures (BCP 47 tag). */
  nombres: string;
  codeAbsent(code: string, referentiel: string): string;
  domaine: string;
  appellations: string;
  competences: string;
  familles: string;
  entreeAbsente(id: string): string;
  references(n: number): string;
  valeurs: string;
  clesObligatoires: string;
  obligatoire: string;
  /** Title of a new action sheet for a fragile métier (`libelle` is the métier's label). */
  titreFiche(libelle: string): string;
  /** Title a quick fix gives a diagnostic, from its territory's name when there is one. */
  titreDiagnostic(territoire?: string): string;
  /** Name a quick fix gives a territory that has none. */
  territoireANommer: string;
  /** Code lens above a métier that has passerelles. */
  voirPasserelles(n: number): string;
  objectifAPreciser: string;
  remplacerPar(valeur: string): string;
  creerFiche(code: string): string;
  ajouterCle(cle: string): string;
}
