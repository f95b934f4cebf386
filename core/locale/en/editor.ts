/** The words of the editor's language service, in English. */
import type { EditorWords } from '../editor.js';

export const editor: EditorWords = {
  dp: ': ',
  nombres: 'en-GB',
  codeAbsent: (c, r) => `Code **${c}** is not in the referential ${r}.`,
  domaine: 'Professional domain',
  appellations: 'Job titles',
  competences: 'Competences',
  familles: 'Families',
  entreeAbsente: (id) => `No entry "${id}" is declared.`,
  references: (n) => `${n} reference(s) in this file`,
  valeurs: 'Values',
  clesObligatoires: 'Required keys',
  obligatoire: 'required',
  titreFiche: (l) => `Secure the occupation ${l}`,
  objectifAPreciser: 'To be defined',
  titreDiagnostic: (t) => (t ? `Jobs and skills diagnostic — ${t}` : 'Jobs and skills diagnostic'),
  territoireANommer: 'Territory to be named',
  voirPasserelles: (n) => `See the career bridges (${n})`,
  remplacerPar: (v) => `Replace with "${v}"`,
  creerFiche: (c) => `Create an action sheet for ${c}`,
  ajouterCle: (k) => `Add the key "${k}"`,
};
