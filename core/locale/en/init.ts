/** The words of creating a new diagnostic, in English. */
import type { InitWords } from '../init.js';

export const init: InitWords = {
  niveaux: { bassin: 'BMO employment area', departement: 'Département', region: 'Region', france: 'All of France' },
  aide: {
    init: 'create a valid diagnostic file wired to the BMO workbook and the other data files (never replaces an existing file)',
    fichier: 'diagnostic file to create (*.gtec.yaml)',
    bassin: 'BMO employment area: code (BE24 column, e.g. 5225) or name ("saint nazaire")',
    departement: 'département: code (e.g. 44) or name',
    region: 'region: INSEE code (e.g. 52) or name',
    france: 'all of France',
    bmo: "France Travail's BMO workbook (Base_open_data_BMO_YYYY.xlsx)",
    rome: 'ROME 4.0 export folder (unix_*_utf8.csv files): analysis in ROME 4.0, pathways',
    tension: 'tension file (France Travail by ROME v3 and area, or DARES by FAP 2009)',
    dares:
      'folder of the DARES "Portrait statistique des métiers" files (input_carte1.csv, effectifs_3niv.csv, age_agrege_…fap225.csv): analysis on FAP 2009 families, employment, trend and ages; with --rome, ROME 4.0 occupations through the FAP 2009 → ROME v3 table',
    donnees: 'declared data folder: a file inside it is written "$donnees/…" (default: GTEC_DONNEES)',
  },
  questionNiveau: (c) => `Territory of the diagnostic: ${c}? `,
  questionTerritoire: (n) => `${n} (code or name): `,
  questionFichier: 'Diagnostic file to create (e.g. saint-nazaire.gtec.yaml): ',
  questionBmo: 'BMO workbook (Base_open_data_BMO_YYYY.xlsx): ',
  questionRome: 'ROME 4.0 export folder (Enter: none): ',
  questionTension: 'Tension file (Enter: none): ',
  questionDares: 'Folder of the DARES "Portrait statistique des métiers" files (Enter: none): ',
  choixDares: { titre: 'DARES folder (Portrait statistique des métiers)', detail: 'Employment, trend and ages by FAP 2009 occupational family (input_carte1.csv, effectifs_3niv.csv…)' },
  questionNumero: 'Number (Enter: give up): ',
  niveauManquant: 'missing territory: give --bassin <code|name>, --departement <code>, --region <code> or --france',
  plusieursNiveaux: (o) => `one territory at a time: ${o} given together`,
  fichierManquant: 'missing file to create: gtec init <file.gtec.yaml> …',
  fichierNom: (f) => `'${f}': the file to create must end in .gtec.yaml (or .gtec.yml), the name gtec check and the editor recognise`,
  bmoManquant: 'missing BMO workbook: give --bmo <file.xlsx>',
  lectureClasseur: (f) => `reading the workbook '${f}' (a few seconds)…`,
  ecrit: (f) => `written: ${f}`,
  ensuite: (c, d) => `next: ${c}\n      ${d}`,
  abandon: 'given up: no file written',
};
