/**
 * Problem catalogue of the referential loaders (codes GTEC-E3xx / GTEC-W3xx, stable).
 * Data-file problems carry a `location` (file, line); messages say what was found, where, and
 * what was expected. Each entry declares its data type and an `exemple` (docs/erreurs.md, tests).
 */
import { defineCatalogue, entry, problemFactory, valueText, type CodeOf, type DataOf } from '../problems.js';

/** Why a line of a referential file is skipped (GTEC-W301), with the value at fault. */
export type RaisonLigne =
  | { raison: 'codes-vides' }
  | { raison: 'type-inconnu'; value: string }
  | { raison: 'coeur-inconnu'; value: string }
  | { raison: 'code-rome'; value: string }
  | { raison: 'rubrique'; value: string }
  | { raison: 'champs'; trouve: number; attendu: number }
  | { raison: 'guillemet' };

function raisonLigne(r: RaisonLigne, fr: boolean): string {
  switch (r.raison) {
    case 'codes-vides':
      return fr ? 'code métier ou code compétence vide' : 'empty occupation or competence code';
    case 'type-inconnu':
      return fr ? `type « ${valueText(r.value)} » inconnu (attendu : savoir-faire, savoir-etre ou savoir)` : `unknown type "${valueText(r.value)}" (expected "savoir-faire", "savoir-etre" or "savoir")`;
    case 'coeur-inconnu':
      return fr ? `coeur « ${valueText(r.value)} » non reconnu (attendu : oui, non, principale ou emergente)` : `"coeur" value "${valueText(r.value)}" not recognised (expected "oui", "non", "principale" or "emergente")`;
    case 'code-rome':
      return fr ? `code ROME « ${valueText(r.value)} » invalide (attendu : une lettre et 4 chiffres)` : `invalid ROME code "${valueText(r.value)}" (expected a letter and 4 digits)`;
    case 'rubrique':
      return fr ? `rubrique « ${valueText(r.value)} » inconnue (attendu : 1, 2 ou 3)` : `unknown rubrique "${valueText(r.value)}" (expected 1, 2 or 3)`;
    case 'champs':
      return fr ? `${valueText(r.trouve)} champs au lieu de ${valueText(r.attendu)}` : `${valueText(r.trouve)} fields instead of ${valueText(r.attendu)}`;
    case 'guillemet':
      return fr ? 'guillemet jamais refermé' : 'quote never closed';
  }
}

/** What a referential file refers to that it does not hold (GTEC-W302). */
export type ElementReferentiel = 'fiche' | 'competence';
const ELEMENTS: Record<ElementReferentiel, { fr: string; en: string }> = {
  fiche: { fr: 'fiche', en: 'occupation' },
  competence: { fr: 'compétence', en: 'competence' },
};

/** Why a declared referential cannot be read (GTEC-E306). */
export type RaisonDeclaration = { raison: 'chemin-csv' | 'chemin-rome'; missingKey: 'chemin' } | { raison: 'introuvable'; chemin: string };
const RAISONS_DECLARATION = {
  'chemin-csv': { fr: () => 'le chemin du fichier CSV est obligatoire', en: () => 'the path of the CSV file is required' },
  'chemin-rome': { fr: () => 'le chemin du dossier de l’export ROME est obligatoire', en: () => 'the path of the ROME export folder is required' },
  introuvable: { fr: (c: string) => `fichier « ${valueText(c)} » introuvable`, en: (c: string) => `file "${valueText(c)}" not found` },
};
const raisonDeclaration = (r: RaisonDeclaration, lang: 'fr' | 'en') => RAISONS_DECLARATION[r.raison][lang](r.raison === 'introuvable' ? r.chemin : '');

export const Catalogue = defineCatalogue({
  'GTEC-E301': entry<{ value: string }>({
    severity: 'error',
    title: 'Dossier du référentiel introuvable ou vide',
    exemple: { value: 'donnees/rome' },
    fr: (d) => `Le dossier du référentiel « ${valueText(d.value)} » est introuvable ou ne contient aucun fichier lisible. Attendu : le dossier de l’export ROME 4.0 de France Travail (fichiers unix_<table>_v<NNN>_utf8.csv).`,
    en: (d) => `The referential folder "${valueText(d.value)}" does not exist or contains no readable file. Expected: the folder of France Travail's ROME 4.0 export (files unix_<table>_v<NNN>_utf8.csv).`,
  }),
  'GTEC-E302': entry<{ file: string; table: string; dir: string }>({
    severity: 'error',
    title: 'Table obligatoire absente de l’export ROME',
    exemple: { file: 'unix_referentiel_code_rome_v460_utf8.csv', table: 'referentiel_code_rome', dir: 'donnees/rome' },
    fr: (d) => `Fichier obligatoire absent : ${valueText(d.file)} (table « ${valueText(d.table)} » de l’export ROME 4.0) dans « ${valueText(d.dir)} ».`,
    en: (d) => `Required file missing: ${valueText(d.file)} (table "${valueText(d.table)}" of the ROME 4.0 export) in "${valueText(d.dir)}".`,
  }),
  'GTEC-E303': entry<{ file: string; missingKey: string; found: string; expected: string }>({
    severity: 'error',
    title: 'Colonne obligatoire absente',
    exemple: { file: 'unix_referentiel_code_rome_v460_utf8.csv', missingKey: 'code_rome', found: 'code, libelle', expected: 'code_rome, libelle_rome' },
    fr: (d) => `Colonne « ${valueText(d.missingKey)} » absente de ${valueText(d.file)}. Colonnes trouvées : ${valueText(d.found)}. Colonnes attendues : ${valueText(d.expected)}.`,
    en: (d) => `Column "${valueText(d.missingKey)}" missing from ${valueText(d.file)}. Columns found: ${valueText(d.found)}. Expected columns: ${valueText(d.expected)}.`,
  }),
  'GTEC-E304': entry<{ file: string; raison: 'vide' }>({
    severity: 'error',
    title: 'Fichier CSV illisible',
    exemple: { file: 'competences.csv', raison: 'vide' },
    fr: (d) => `Le fichier ${valueText(d.file)} n’a pas pu être lu comme un CSV : ${d.raison === 'vide' ? 'fichier vide' : d.raison}.`,
    en: (d) => `The file ${valueText(d.file)} could not be read as CSV: ${d.raison === 'vide' ? 'empty file' : d.raison}.`,
  }),
  'GTEC-E305': entry<{ file: string }>({
    severity: 'error',
    title: 'Aucun métier dans le référentiel',
    exemple: { file: 'competences.csv' },
    fr: (d) => `Le référentiel lu depuis « ${valueText(d.file)} » ne contient aucun métier utilisable.`,
    en: (d) => `The referential read from "${valueText(d.file)}" contains no usable occupation.`,
  }),
  'GTEC-E306': entry<{ value: string } & RaisonDeclaration>({
    severity: 'error',
    title: 'Type de référentiel inconnu ou chemin manquant',
    exemple: { value: 'csv', raison: 'introuvable', chemin: 'donnees/competences.csv' },
    fr: (d) => `Référentiel de type « ${valueText(d.value)} » : ${raisonDeclaration(d, 'fr')}.`,
    en: (d) => `Referential of type "${valueText(d.value)}": ${raisonDeclaration(d, 'en')}.`,
  }),
  'GTEC-W301': entry<{ file: string; line: number } & RaisonLigne>({
    severity: 'warning',
    title: 'Ligne ignorée',
    exemple: { file: 'competences.csv', line: 12, raison: 'coeur-inconnu', value: 'peut-être' },
    fr: (d) => `Ligne ${valueText(d.line)} de ${valueText(d.file)} ignorée : ${raisonLigne(d, true)}.`,
    en: (d) => `Line ${valueText(d.line)} of ${valueText(d.file)} skipped: ${raisonLigne(d, false)}.`,
  }),
  'GTEC-W302': entry<{ file: string; line: number; kind: ElementReferentiel; value: string }>({
    severity: 'warning',
    title: 'Référence à un élément inconnu',
    exemple: { file: 'unix_coherence_item_v460_utf8.csv', line: 8, kind: 'competence', value: '100123' },
    fr: (d) => `Ligne ${valueText(d.line)} de ${valueText(d.file)} : ${ELEMENTS[d.kind].fr} « ${valueText(d.value)} » inconnu(e) du référentiel ; lien ignoré.`,
    en: (d) => `Line ${valueText(d.line)} of ${valueText(d.file)}: unknown ${ELEMENTS[d.kind].en} "${valueText(d.value)}"; link skipped.`,
  }),
  'GTEC-W303': entry<{ value: string; expected: string }>({
    severity: 'warning',
    title: 'Version du référentiel différente de la version attendue',
    exemple: { value: '460', expected: '459' },
    fr: (d) => `Version du référentiel lue : « ${valueText(d.value)} » ; version attendue dans le diagnostic : « ${valueText(d.expected)} ».`,
    en: (d) => `Referential version read: "${valueText(d.value)}"; version expected by the diagnostic: "${valueText(d.expected)}".`,
  }),
  'GTEC-W304': entry<{ file: string }>({
    severity: 'info',
    title: 'Fichier décodé en Windows-1252',
    exemple: { file: 'unix_referentiel_code_rome_v460_utf8.csv' },
    fr: (d) => `${valueText(d.file)} n’est pas en UTF-8 malgré son nom : décodé en Windows-1252.`,
    en: (d) => `${valueText(d.file)} is not UTF-8 despite its name: decoded as Windows-1252.`,
  }),
  'GTEC-W305': entry<{ file: string; value: string }>({
    severity: 'warning',
    title: 'Numéro de version introuvable',
    exemple: { file: 'version.txt', value: '60' },
    fr: (d) => `Numéro de version introuvable dans ${valueText(d.file)} ; la version « ${valueText(d.value)} » du nom des fichiers est utilisée.`,
    en: (d) => `No version number found in ${valueText(d.file)}; the version "${valueText(d.value)}" from the file names is used.`,
  }),
});

export type ReferentielCode = CodeOf<typeof Catalogue>;
export type ReferentielData<K extends ReferentielCode> = DataOf<typeof Catalogue, K>;

export const problem = problemFactory(Catalogue);
