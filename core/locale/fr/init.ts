/** The words of creating a new diagnostic, in French. */
import type { InitWords } from '../init.js';

export const init: InitWords = {
  niveaux: { bassin: 'Bassin BMO', departement: 'Département', region: 'Région', france: 'France entière' },
  aide: {
    init: 'crée un fichier de diagnostic valide, relié au classeur BMO et aux autres fichiers de données (ne remplace jamais un fichier existant)',
    fichier: 'fichier de diagnostic à créer (*.gtec.yaml)',
    bassin: 'bassin BMO : code (colonne BE24, ex. 5225) ou nom (« saint nazaire »)',
    departement: 'département : code (ex. 44) ou nom',
    region: 'région : code INSEE (ex. 52) ou nom',
    france: 'la France entière',
    bmo: 'classeur BMO de France Travail (Base_open_data_BMO_AAAA.xlsx)',
    rome: 'dossier de l’export ROME 4.0 (fichiers unix_*_utf8.csv) : analyse en ROME 4.0, passerelles',
    tension: 'fichier de tension (France Travail par ROME v3 et bassin, ou DARES par FAP 2009)',
    dares:
      'dossier des fichiers du Portrait statistique des métiers de la DARES (input_carte1.csv, effectifs_3niv.csv, age_agrege_…fap225.csv) : analyse en FAP 2009, emploi, évolution et âges ; avec --rome, fiches ROME 4.0 par la table FAP 2009 → ROME v3',
    donnees: 'dossier de données déclaré : un fichier qui s’y trouve est écrit « $donnees/… » (défaut : GTEC_DONNEES)',
  },
  questionNiveau: (c) => `Territoire du diagnostic : ${c} ? `,
  questionTerritoire: (n) => `${n} (code ou nom) : `,
  questionFichier: 'Fichier de diagnostic à créer (ex. saint-nazaire.gtec.yaml) : ',
  questionBmo: 'Classeur BMO (Base_open_data_BMO_AAAA.xlsx) : ',
  questionRome: 'Dossier de l’export ROME 4.0 (Entrée : aucun) : ',
  questionTension: 'Fichier de tension (Entrée : aucun) : ',
  questionDares: 'Dossier des fichiers DARES du Portrait statistique des métiers (Entrée : aucun) : ',
  choixDares: { titre: 'Dossier DARES (Portrait statistique des métiers)', detail: 'Emploi, évolution et âges par famille professionnelle FAP 2009 (input_carte1.csv, effectifs_3niv.csv…)' },
  questionNumero: 'Numéro (Entrée : abandonner) : ',
  niveauManquant: 'territoire manquant : indiquez --bassin <code|nom>, --departement <code>, --region <code> ou --france',
  plusieursNiveaux: (o) => `un seul territoire à la fois : ${o} donnés ensemble`,
  fichierManquant: 'fichier à créer manquant : gtec init <fichier.gtec.yaml> …',
  fichierNom: (f) => `« ${f} » : le fichier à créer doit finir par .gtec.yaml (ou .gtec.yml), le nom que gtec check et l’éditeur reconnaissent`,
  bmoManquant: 'classeur BMO manquant : indiquez --bmo <fichier.xlsx>',
  lectureClasseur: (f) => `lecture du classeur « ${f} » (quelques secondes)…`,
  ecrit: (f) => `écrit : ${f}`,
  ensuite: (c, d) => `ensuite : ${c}\n          ${d}`,
  abandon: 'abandon : aucun fichier écrit',
};
