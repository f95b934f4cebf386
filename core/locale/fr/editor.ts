/** The words of the editor's language service, in French. */
import type { EditorWords } from '../editor.js';

export const editor: EditorWords = {
  dp: ' : ',
  nombres: 'fr-FR',
  codeAbsent: (c, r) => `Code **${c}** absent du référentiel ${r}.`,
  domaine: 'Domaine professionnel',
  appellations: 'Appellations',
  competences: 'Compétences',
  familles: 'Familles',
  entreeAbsente: (id) => `Aucune entrée « ${id} » n’est déclarée.`,
  references: (n) => `${n} référence(s) dans ce fichier`,
  valeurs: 'Valeurs',
  clesObligatoires: 'Clés obligatoires',
  obligatoire: 'obligatoire',
  titreFiche: (l) => `Sécuriser le métier ${l}`,
  objectifAPreciser: 'À préciser',
  titreDiagnostic: (t) => (t ? `Diagnostic emplois-compétences — ${t}` : 'Diagnostic emplois-compétences'),
  territoireANommer: 'Territoire à nommer',
  voirPasserelles: (n) => `Voir les passerelles (${n})`,
  remplacerPar: (v) => `Remplacer par « ${v} »`,
  creerFiche: (c) => `Créer une fiche action pour ${c}`,
  ajouterCle: (k) => `Ajouter la clé « ${k} »`,
};
