/**
 * Problems of drafting a new diagnostic (`gtec init`, VS Code « Nouveau diagnostic ») (GTEC-E5xx):
 * a territory not found or not unique, a file that already exists, a data file the new diagnostic
 * could not reach, a workbook or file that is not the one expected. Nothing is written when an error occurs; a
 * warning says what the written file lacks.
 */
import { defineCatalogue, entry, problemFactory, type CodeOf, type DataOf } from '../problems.js';
import type { NiveauTerritoire } from './territoires.js';

type Niveau = Exclude<NiveauTerritoire, 'france'>;
const NIVEAU: Record<Niveau, Record<'fr' | 'en', [un: string, plusieurs: string]>> = {
  bassin: { fr: ['bassin BMO', 'bassins BMO'], en: ['BMO employment area', 'BMO employment areas'] },
  departement: { fr: ['département', 'départements'], en: ['département', 'départements'] },
  region: { fr: ['région', 'régions'], en: ['region', 'regions'] },
};
const niveau = (n: Niveau, lang: 'fr' | 'en', pluriel = false) => NIVEAU[n]?.[lang][pluriel ? 1 : 0] ?? n;
const liste = (xs: readonly string[]) => xs.join(', ');

export const Catalogue = defineCatalogue({
  'GTEC-E501': entry<{ niveau: Niveau; saisie: string; fichier: string; suggestions: string[] }>({
    severity: 'error',
    title: 'Territoire introuvable dans le classeur BMO',
    exemple: { niveau: 'bassin', saisie: 'saint nazere', fichier: 'Base_open_data_BMO_2024.xlsx', suggestions: ['5225 SAINT NAZAIRE'] },
    fr: (d) =>
      `${d.niveau === 'region' ? 'Aucune' : 'Aucun'} ${niveau(d.niveau, 'fr')} « ${d.saisie} » dans « ${d.fichier} » (ni par son code, ni par son nom).${d.suggestions.length ? ` Vouliez-vous dire : ${liste(d.suggestions)} ?` : ' Donnez un code ou un nom tel que le classeur l’écrit.'}`,
    en: (d) => `No ${niveau(d.niveau, 'en')} "${d.saisie}" in '${d.fichier}' (neither by code nor by name).${d.suggestions.length ? ` Did you mean: ${liste(d.suggestions)}?` : ' Give a code or a name as the workbook writes it.'}`,
  }),
  'GTEC-E502': entry<{ niveau: Niveau; saisie: string; candidats: string[] }>({
    severity: 'error',
    title: 'Plusieurs territoires répondent au nom donné',
    exemple: { niveau: 'bassin', saisie: 'saint', candidats: ['2401 SAINT AMAND MONTROND', '5225 SAINT NAZAIRE'] },
    fr: (d) => `« ${d.saisie} » désigne ${d.candidats.length} ${niveau(d.niveau, 'fr', true)} : ${liste(d.candidats)}. Rien n’est écrit : précisez le nom ou donnez le code.`,
    en: (d) => `"${d.saisie}" matches ${d.candidats.length} ${niveau(d.niveau, 'en', true)}: ${liste(d.candidats)}. Nothing was written: give a more precise name or the code.`,
  }),
  'GTEC-E503': entry<{ fichier: string }>({
    severity: 'error',
    title: 'Le fichier de diagnostic à créer existe déjà',
    exemple: { fichier: 'saint-nazaire.gtec.yaml' },
    fr: (d) => `« ${d.fichier} » existe déjà : il n’est pas remplacé. Choisissez un autre nom, ou supprimez ce fichier vous-même.`,
    en: (d) => `'${d.fichier}' already exists: it is not replaced. Choose another name, or delete that file yourself.`,
  }),
  'GTEC-E504': entry<{ fichier: string; dossier: string; donnees?: string }>({
    severity: 'error',
    title: 'Fichier de données hors du dossier du diagnostic et du dossier de données déclaré',
    exemple: { fichier: '/home/moi/Téléchargements/Base_open_data_BMO_2024.xlsx', dossier: '/home/moi/diagnostics' },
    fr: (d) =>
      `« ${d.fichier} » n’est pas dans le dossier du nouveau diagnostic (« ${d.dossier} »)${d.donnees !== undefined ? `, ni dans le dossier de données déclaré (« ${d.donnees} »)` : ', et aucun dossier de données n’est déclaré'} : un diagnostic ne lit que son propre dossier et le dossier de données déclaré. Déplacez le fichier dans le dossier du diagnostic, ou déclarez le dossier qui le contient avec --donnees <dossier> (ou la variable GTEC_DONNEES) : le chemin sera alors écrit « $donnees/… ».`,
    en: (d) =>
      `'${d.fichier}' is not in the new diagnostic's folder ('${d.dossier}')${d.donnees !== undefined ? `, nor in the declared data folder ('${d.donnees}')` : ', and no data folder is declared'}: a diagnostic reads only its own folder and the declared data folder. Move the file into the diagnostic's folder, or declare the folder that holds it with --donnees <folder> (or the GTEC_DONNEES variable): the path is then written '$donnees/…'.`,
  }),
  'GTEC-E505': entry<{ fichier: string; colonnes: string[] }>({
    severity: 'error',
    title: 'Classeur BMO sans les colonnes de territoire attendues',
    exemple: { fichier: 'bmo.xlsx', colonnes: ['BE24', 'NOMBE24'] },
    fr: (d) =>
      `« ${d.fichier} » n’a pas les colonnes de territoire du classeur BMO de France Travail (il manque : ${liste(d.colonnes)}). Attendu : le classeur « Base open data BMO » tel que publié (colonnes REG, NOM_REG, Dept, NomDept, BE24, NOMBE24).`,
    en: (d) => `'${d.fichier}' lacks the territory columns of France Travail's BMO workbook (missing: ${liste(d.colonnes)}). Expected: the "Base open data BMO" workbook as published (columns REG, NOM_REG, Dept, NomDept, BE24, NOMBE24).`,
  }),
  'GTEC-E506': entry<{ fichier: string; entetes: string[] }>({
    severity: 'error',
    title: 'Fichier de tension non reconnu',
    exemple: { fichier: 'tension.csv', entetes: ['metier', 'classe'] },
    fr: (d) =>
      `« ${d.fichier} » n’est pas un fichier de tension connu (en-têtes lus : ${liste(d.entetes) || 'aucun'}). Attendu : la tension France Travail par ROME v3 et bassin (code_rome_v3, code_bassin_2019, classe_tension…) ou les indicateurs de tension DARES par FAP 2009 (code_fap2009, niveau_geo, categorie_tension…). Pour un autre fichier, déclarez la source à la main avec ses « colonnes ».`,
    en: (d) =>
      `'${d.fichier}' is not a known tension file (headers read: ${liste(d.entetes) || 'none'}). Expected: France Travail's tension by ROME v3 and area (code_rome_v3, code_bassin_2019, classe_tension…) or DARES's tension indicators by FAP 2009 (code_fap2009, niveau_geo, categorie_tension…). For another file, declare the source by hand with its "colonnes".`,
  }),
  'GTEC-E507': entry<{ dossier: string; attendus: string[] }>({
    severity: 'error',
    title: 'Dossier DARES sans fichier du Portrait statistique des métiers',
    exemple: { dossier: 'Téléchargements/dares', attendus: ['effectifs_3niv.csv', 'age_agrege_1982_1984_2017_2019_restructure_fap225.csv'] },
    fr: (d) =>
      `« ${d.dossier} » n’a aucun des fichiers du Portrait statistique des métiers de la DARES que ce territoire peut utiliser (attendus, sous leur nom publié : ${liste(d.attendus)}). Rien n’est écrit : donnez le dossier où ces fichiers ont été téléchargés, ou retirez --dares.`,
    en: (d) =>
      `'${d.dossier}' holds none of the DARES "Portrait statistique des métiers" files this territory can use (expected, under their published names: ${liste(d.attendus)}). Nothing was written: give the folder these files were downloaded to, or drop --dares.`,
  }),
  'GTEC-W508': entry<{ cherches: string[] }>({
    severity: 'warning',
    title: 'Table FAP 2009 → ROME v3 introuvable : diagnostic en FAP 2009, sans passerelles',
    exemple: { cherches: ['dares-portrait/fap2009_rome_v3.csv', 'correspondances/fap2009_rome_v3.csv'] },
    fr: (d) =>
      `Aucune table de passage FAP 2009 → ROME v3 de la DARES (fap2009_rome_v3.csv) n’a été trouvée (cherchée : ${liste(d.cherches)}) : les fichiers DARES ne peuvent pas être ramenés aux fiches ROME 4.0. Le diagnostic est écrit en FAP 2009, sans référentiel ni passerelles ; placez la table à l’un de ces endroits et relancez gtec init pour les avoir.`,
    en: (d) =>
      `No DARES FAP 2009 → ROME v3 crosswalk (fap2009_rome_v3.csv) was found (looked for: ${liste(d.cherches)}): the DARES files cannot be mapped to the ROME 4.0 occupations. The diagnostic is written in FAP 2009, without referential or pathways; put the table in one of those places and run gtec init again to get them.`,
  }),
});

export type InitCode = CodeOf<typeof Catalogue>;
export type InitData<K extends InitCode> = DataOf<typeof Catalogue, K>;

export const initProblem = problemFactory(Catalogue);
