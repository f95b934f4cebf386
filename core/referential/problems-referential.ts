/**
 * Problem catalogue of the referential loaders (codes GTEC-E3xx / GTEC-W3xx, stable).
 * Data-file problems carry a `location` (file, line); messages say what was found, where, and
 * what was expected.
 */
import { problemFactory, type Catalogue as CatalogueType } from '../problems.js';

export const Catalogue: CatalogueType = {
  'GTEC-E301': {
    severity: 'error',
    title: 'Dossier du référentiel introuvable ou vide',
    fr: (d) => `Le dossier du référentiel « ${d.value} » est introuvable ou ne contient aucun fichier lisible. Attendu : le dossier de l’export ROME 4.0 de France Travail (fichiers unix_<table>_v<NNN>_utf8.csv).`,
    en: (d) => `The referential folder "${d.value}" does not exist or contains no readable file. Expected: the folder of France Travail's ROME 4.0 export (files unix_<table>_v<NNN>_utf8.csv).`,
  },
  'GTEC-E302': {
    severity: 'error',
    title: 'Table obligatoire absente de l’export ROME',
    fr: (d) => `Fichier obligatoire absent : ${d.file} (table « ${d.table} » de l’export ROME 4.0) dans « ${d.dir} ».`,
    en: (d) => `Required file missing: ${d.file} (table "${d.table}" of the ROME 4.0 export) in "${d.dir}".`,
  },
  'GTEC-E303': {
    severity: 'error',
    title: 'Colonne obligatoire absente',
    fr: (d) => `Colonne « ${d.missingKey} » absente de ${d.file}. Colonnes trouvées : ${d.found}. Colonnes attendues : ${d.expected}.`,
    en: (d) => `Column "${d.missingKey}" missing from ${d.file}. Columns found: ${d.found}. Expected columns: ${d.expected}.`,
  },
  'GTEC-E304': {
    severity: 'error',
    title: 'Fichier CSV illisible',
    fr: (d) => `Le fichier ${d.file} n’a pas pu être lu comme un CSV : ${d.reason}.`,
    en: (d) => `The file ${d.file} could not be read as CSV: ${d.reason}.`,
  },
  'GTEC-E305': {
    severity: 'error',
    title: 'Aucun métier dans le référentiel',
    fr: (d) => `Le référentiel lu depuis « ${d.file} » ne contient aucun métier utilisable.`,
    en: (d) => `The referential read from "${d.file}" contains no usable métier.`,
  },
  'GTEC-E306': {
    severity: 'error',
    title: 'Type de référentiel inconnu ou chemin manquant',
    fr: (d) => `Référentiel de type « ${d.value} » : ${d.reason}.`,
    en: (d) => `Referential of type "${d.value}": ${d.reasonEn}.`,
  },
  'GTEC-W301': {
    severity: 'warning',
    title: 'Ligne ignorée',
    fr: (d) => `Ligne ${d.line} de ${d.file} ignorée : ${d.reason}.`,
    en: (d) => `Line ${d.line} of ${d.file} skipped: ${d.reasonEn}.`,
  },
  'GTEC-W302': {
    severity: 'warning',
    title: 'Référence à un élément inconnu',
    fr: (d) => `Ligne ${d.line} de ${d.file} : ${d.kind} « ${d.value} » inconnu(e) du référentiel ; lien ignoré.`,
    en: (d) => `Line ${d.line} of ${d.file}: unknown ${d.kindEn} "${d.value}"; link skipped.`,
  },
  'GTEC-W303': {
    severity: 'warning',
    title: 'Version du référentiel différente de la version attendue',
    fr: (d) => `Version du référentiel lue : « ${d.value} » ; version attendue dans le diagnostic : « ${d.expected} ».`,
    en: (d) => `Referential version read: "${d.value}"; version expected by the diagnostic: "${d.expected}".`,
  },
  'GTEC-W304': {
    severity: 'info',
    title: 'Fichier décodé en Windows-1252',
    fr: (d) => `${d.file} n’est pas en UTF-8 malgré son nom : décodé en Windows-1252.`,
    en: (d) => `${d.file} is not UTF-8 despite its name: decoded as Windows-1252.`,
  },
  'GTEC-W305': {
    severity: 'warning',
    title: 'Numéro de version introuvable',
    fr: (d) => `Numéro de version introuvable dans ${d.file} ; la version « ${d.value} » du nom des fichiers est utilisée.`,
    en: (d) => `No version number found in ${d.file}; the version "${d.value}" from the file names is used.`,
  },
};

export const problem = problemFactory(Catalogue);
