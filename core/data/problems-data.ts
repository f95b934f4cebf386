/**
 * Problems found in data files (codes GTEC-E2xx / GTEC-W2xx). Every message names the file and,
 * when there is one, the line or cell, the column, the value found and what was expected. The
 * place is also given as `location` on the problem for hosts (go to the cell).
 */
import { defineCatalogue, entry, formatLocation, problemFactory, valueText, type CodeOf, type DataOf, type PlaceInFile } from '../problems.js';
import type { PathRefusal } from '../paths.js';

/** The place of a problem in a data file, also part of its data (the sink adds it). */
export type Place = PlaceInFile & { file: string };

const placeFr = (l: PlaceInFile) => formatLocation(l, 'fr');
const placeEn = (l: PlaceInFile) => formatLocation(l, 'en');

const RAISONS: Record<PathRefusal, [string, string]> = {
  vide: ['le chemin est vide', 'the path is empty'],
  absolu: ['un chemin absolu ou une URL est refusé', 'an absolute path or a URL is refused'],
  remonte: ['le chemin sort du dossier du diagnostic (« .. »)', 'the path leaves the diagnostic’s folder (“..”)'],
  invalide: ['le chemin contient un caractère interdit (NUL, caractère de contrôle ou « : »)', 'the path holds a forbidden character (NUL, control character or “:”)'],
};

const QUOI: Record<'fifo' | 'peripherique' | 'socket' | 'dossier' | 'lien' | 'autre', [string, string]> = {
  fifo: ['c’est un tube nommé (FIFO)', 'it is a named pipe (FIFO)'],
  peripherique: ['c’est un périphérique', 'it is a device'],
  socket: ['c’est une socket', 'it is a socket'],
  dossier: ['c’est un dossier', 'it is a folder'],
  lien: ['c’est un lien symbolique, que VS Code sur le web ne suit pas', 'it is a symbolic link, which VS Code for the Web does not follow'],
  autre: ['ce n’est pas un fichier ordinaire', 'it is not a regular file'],
};

/** Bytes in MiB, one decimal at most (`virgule`: the language's decimal separator). */
const mio = (octets: number, virgule: string) => String(Math.round((octets / 1048576) * 10) / 10).replace('.', virgule);

const alt = (d: { suggestion?: string }, fr: boolean) => (d.suggestion ? (fr ? ` Vouliez-vous dire « ${valueText(d.suggestion)} » ?` : ` Did you mean '${valueText(d.suggestion)}'?`) : '');
/** A size in bytes for a message: « 256 Mio » / '256 MiB'. */
const unite = (n: number): [number, string] => (n >= 1024 ** 3 ? [n / 1024 ** 3, 'G'] : n >= 1024 ** 2 ? [n / 1024 ** 2, 'M'] : n >= 1024 ? [n / 1024, 'K'] : [n, '']);
const tailleFr = (n: number) => {
  const [x, u] = unite(n);
  return `${String(Math.round(x * 10) / 10).replace('.', ',')}\u00a0${u ? `${u}io` : 'octets'}`;
};
const tailleEn = (n: number) => {
  const [x, u] = unite(n);
  return `${Math.round(x * 10) / 10} ${u ? `${u}iB` : 'bytes'}`;
};
const list = (xs: readonly string[]) => xs.map((x) => `« ${valueText(x)} »`).join(', ');
const listEn = (xs: readonly string[]) => xs.map((x) => `'${valueText(x)}'`).join(', ');
const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

export const Catalogue = defineCatalogue({
  'GTEC-E201': entry<{ value: string; reason: PathRefusal }>({
    severity: 'error',
    title: 'Chemin de fichier refusé (absolu, URL, « .. » qui sort du dossier, caractère interdit).',
    exemple: { value: '../donnees/bmo.csv', reason: 'remonte' },
    fr: (d) => `Chemin « ${valueText(d.value)} » refusé : ${RAISONS[d.reason][0]}. Attendu : un chemin relatif au dossier du fichier de diagnostic, par exemple « donnees/bmo.xlsx ».`,
    en: (d) => `Path '${valueText(d.value)}' refused: ${RAISONS[d.reason][1]}. Expected: a path relative to the diagnostic file’s folder, e.g. 'donnees/bmo.xlsx'.`,
  }),
  'GTEC-E202': entry<{ file: string }>({
    severity: 'error',
    title: 'Fichier de données introuvable.',
    exemple: { file: 'donnees/bmo.csv' },
    fr: (d) => `Fichier « ${d.file} » introuvable (chemin relatif au dossier du fichier de diagnostic).`,
    en: (d) => `File '${d.file}' not found (path relative to the diagnostic file’s folder).`,
  }),
  'GTEC-E203': entry<Place & { detail: string; raison?: 'xlsx' | 'sans-feuille' }>({
    severity: 'error',
    title: 'Fichier de données illisible.',
    exemple: { file: 'donnees/bmo.xlsx', detail: 'EACCES: permission denied' },
    fr: (d) =>
      d.raison === 'sans-feuille'
        ? `Classeur « ${d.file} » illisible : il n’a aucune feuille de calcul. Attendu : un classeur avec au moins une feuille de données.`
        : d.raison === 'xlsx'
          ? `Fichier « ${d.file} » illisible : ce n’est pas un classeur xlsx valide (${valueText(d.detail)}). Attendu : un classeur Excel .xlsx (les anciens .xls doivent être réenregistrés en .xlsx).`
          : `Fichier « ${d.file} » illisible : ${valueText(d.detail)}. Attendu : un fichier CSV ou xlsx lisible.`,
    en: (d) =>
      d.raison === 'sans-feuille'
        ? `Workbook '${d.file}' cannot be read: it has no worksheet. Expected: a workbook with at least one data sheet.`
        : d.raison === 'xlsx'
          ? `File '${d.file}' cannot be read: it is not a valid xlsx workbook (${valueText(d.detail)}). Expected: an Excel .xlsx workbook (old .xls files must be saved again as .xlsx).`
          : `File '${d.file}' cannot be read: ${valueText(d.detail)}. Expected: a readable CSV or xlsx file.`,
  }),
  'GTEC-E230': entry<{ file: string; link: string; target: string }>({
    severity: 'error',
    title: 'Fichier refusé : un lien symbolique mène hors du dossier du diagnostic et du dossier de données déclaré.',
    exemple: { file: 'donnees/effectifs.csv', link: 'donnees/effectifs.csv', target: '/etc/passwd' },
    fr: (d) =>
      `Fichier « ${d.file} » non lu : « ${d.link} » est un lien symbolique vers « ${d.target} », hors du dossier du diagnostic et du dossier de données déclaré. Attendu : un fichier dans l’un de ces dossiers ; pour lire des données ailleurs, déclarez leur dossier (option --donnees, variable GTEC_DONNEES ou réglage gtec.donnees) et écrivez « $donnees/… ».`,
    en: (d) =>
      `File '${d.file}' not read: '${d.link}' is a symbolic link to '${d.target}', outside the diagnostic’s folder and the declared data folder. Expected: a file in one of these folders; to read data elsewhere, declare its folder (option --donnees, variable GTEC_DONNEES or setting gtec.donnees) and write '$donnees/…'.`,
  }),
  'GTEC-E231': entry<{ file: string; what: 'fifo' | 'peripherique' | 'socket' | 'dossier' | 'lien' | 'autre' }>({
    severity: 'error',
    title: 'Fichier refusé : ce n’est pas un fichier ordinaire (tube, périphérique, socket, dossier).',
    exemple: { file: 'donnees/effectifs.csv', what: 'peripherique' },
    fr: (d) => `« ${d.file} » non lu : ${QUOI[d.what][0]}, pas un fichier ordinaire. Attendu : un fichier CSV ou xlsx.`,
    en: (d) => `'${d.file}' not read: ${QUOI[d.what][1]}, not a regular file. Expected: a CSV or xlsx file.`,
  }),
  'GTEC-E232': entry<{ file: string; folder: string }>({
    severity: 'error',
    title: 'Fichier introuvable dans le dossier de données déclaré ($donnees).',
    exemple: { file: '$donnees/bmo-officiel/Base_open_data_BMO_2024.xlsx', folder: '../shared/data' },
    fr: (d) =>
      `Fichier « ${d.file} » introuvable dans le dossier de données déclaré « ${d.folder} » ($donnees). Attendu : le fichier sous ce nom dans ce dossier, ou un autre dossier déclaré (option --donnees, variable GTEC_DONNEES ou réglage gtec.donnees).`,
    en: (d) =>
      `File '${d.file}' not found in the declared data folder '${d.folder}' ($donnees). Expected: the file under that name in that folder, or another declared folder (option --donnees, variable GTEC_DONNEES or setting gtec.donnees).`,
  }),
  'GTEC-E233': entry<{ file: string; link: string; target: string }>({
    severity: 'error',
    title: 'Fichier refusé : lien symbolique enregistré dans une révision git.',
    exemple: { file: 'donnees/effectifs.csv', link: 'donnees/effectifs.csv', target: '/etc/passwd' },
    fr: (d) =>
      `Fichier « ${d.file} » non lu dans la révision : « ${d.link} » y est un lien symbolique vers « ${d.target} », et les liens d’une révision ne sont pas suivis. Attendu : un fichier ordinaire versionné, ou un chemin « $donnees/… » vers le dossier de données déclaré.`,
    en: (d) =>
      `File '${d.file}' not read in the revision: '${d.link}' is a symbolic link to '${d.target}' there, and links of a revision are not followed. Expected: a regular versioned file, or a '$donnees/…' path to the declared data folder.`,
  }),
  'GTEC-I230': entry<{ file: string; count: number }>({
    severity: 'info',
    title: 'Dossier de données non déclaré : les fichiers « $donnees/… » ne sont pas lus.',
    exemple: { file: '$donnees/bmo-officiel/Base_open_data_BMO_2024.xlsx', count: 2 },
    fr: (d) =>
      `${d.count > 1 ? `${d.count} chemins` : 'Un chemin'} de ce diagnostic (dont « ${d.file} ») ${d.count > 1 ? 'désignent' : 'désigne'} le dossier de données ($donnees), qui n’est pas déclaré : ${d.count > 1 ? 'ces fichiers ne sont pas lus' : 'ce fichier n’est pas lu'}. Pour ${d.count > 1 ? 'les' : 'le'} lire, déclarez le dossier : gtec check --donnees <dossier> (de même pour gtec diagnostic et gtec diff), la variable d’environnement GTEC_DONNEES ou, dans VS Code, le réglage gtec.donnees.`,
    en: (d) =>
      `${d.count > 1 ? `${d.count} paths` : 'A path'} of this diagnostic (including '${d.file}') ${d.count > 1 ? 'name' : 'names'} the data folder ($donnees), which is not declared: ${d.count > 1 ? 'these files are' : 'this file is'} not read. To read ${d.count > 1 ? 'them' : 'it'}, declare the folder: gtec check --donnees <folder> (likewise for gtec diagnostic and gtec diff), the environment variable GTEC_DONNEES or, in VS Code, the setting gtec.donnees.`,
  }),
  'GTEC-E234': entry<{ file: string; size: number; limit: number }>({
    severity: 'error',
    title: 'Sortie trop volumineuse : elle n’est pas écrite.',
    exemple: { file: 'rapport.html', size: 312 * 1048576, limit: 256 * 1048576 },
    fr: (d) =>
      `Sortie « ${d.file} » non écrite : ${mio(d.size, ',')} Mio, au-delà de la limite de ${mio(d.limit, ',')} Mio. Attendu : une sortie plus petite (moins de métiers ou de sources), ou une limite relevée avec --taille-max-sortie <Mio> (ou GTEC_TAILLE_MAX_SORTIE).`,
    en: (d) =>
      `Output '${d.file}' not written: ${mio(d.size, '.')} MiB, above the limit of ${mio(d.limit, '.')} MiB. Expected: a smaller output (fewer occupations or sources), or a higher limit with --taille-max-sortie <MiB> (or GTEC_TAILLE_MAX_SORTIE).`,
  }),
  'GTEC-E204': entry<{ file: string; value: string }>({
    severity: 'error',
    title: 'Format de fichier non reconnu.',
    exemple: { file: 'donnees/bmo.ods', value: 'ods' },
    fr: (d) => `Format du fichier « ${d.file} » non reconnu (extension « ${valueText(d.value)} »). Attendu : .csv, .txt, .tsv ou .xlsx, ou la clé « format » (csv ou xlsx).`,
    en: (d) => `Format of file '${d.file}' not recognised (extension '${valueText(d.value)}'). Expected: .csv, .txt, .tsv or .xlsx, or the key 'format' (csv or xlsx).`,
  }),
  'GTEC-E205': entry<Place & { value: string; sheets: string[]; suggestion?: string }>({
    severity: 'error',
    title: 'Feuille inconnue dans le classeur.',
    exemple: { file: 'bmo.xlsx', value: 'BMO_2024', sheets: ['BMO_2024_open_data', 'Description des variables'], suggestion: 'BMO_2024_open_data' },
    fr: (d) => `Le classeur « ${d.file} » n’a pas de feuille « ${valueText(d.value)} ». Feuilles présentes : ${list(d.sheets)}.${alt(d, true)}`,
    en: (d) => `Workbook '${d.file}' has no sheet '${valueText(d.value)}'. Sheets: ${listEn(d.sheets)}.${alt(d, false)}`,
  }),
  'GTEC-E206': entry<Place>({
    severity: 'error',
    title: 'Fichier de données vide : pas de ligne d’en-tête.',
    exemple: { file: 'effectifs.csv' },
    fr: (d) => `${placeFr(d)} : aucune ligne d’en-tête trouvée (fichier ou feuille vide). Attendu : une première ligne non vide avec les noms des colonnes.`,
    en: (d) => `${placeEn(d)}: no header line found (empty file or sheet). Expected: a first non-empty line with the column names.`,
  }),
  'GTEC-E207': entry<Place & { value: number; expected: number }>({
    severity: 'error',
    title: 'Ligne avec un nombre de champs différent de l’en-tête ; la ligne est ignorée.',
    exemple: { file: 'effectifs.csv', line: 12, value: 5, expected: 4 },
    fr: (d) => `${placeFr(d)} : ${d.value} champ(s) trouvé(s), ${d.expected} attendu(s) comme dans l’en-tête ; ligne ignorée. Un séparateur dans une valeur non entourée de guillemets ?`,
    en: (d) => `${placeEn(d)}: ${d.value} field(s) found, ${d.expected} expected as in the header; line skipped. A separator inside an unquoted value?`,
  }),
  'GTEC-E208': entry<Place>({
    severity: 'error',
    title: 'Guillemet jamais refermé : la fin du fichier est illisible.',
    exemple: { file: 'effectifs.csv', line: 12 },
    fr: (d) =>
      `${placeFr(d)} : un guillemet ouvert dans cet enregistrement n’est jamais refermé ; la suite du fichier n’a pas pu être lue. Attendu : chaque valeur entre guillemets se termine par un guillemet (« "" » pour un guillemet dans la valeur).`,
    en: (d) => `${placeEn(d)}: a quote opened in this record is never closed; the rest of the file could not be read. Expected: every quoted value ends with a quote ('""' for a quote inside the value).`,
  }),
  'GTEC-E209': entry<Place & { field: string; headers: string[]; suggestion?: string; missingKey: string }>({
    severity: 'error',
    title: 'Colonne requise non trouvée dans le fichier.',
    exemple: { file: 'effectifs.csv', field: 'metier', headers: ['code_metier', 'zone', 'annee', 'effectif'], suggestion: 'code_metier', missingKey: 'metier' },
    fr: (d) => `${placeFr(d)} : pas de colonne pour le champ requis « ${d.field} » (ni dans « colonnes », ni en-tête « ${d.field} »). En-têtes présents : ${list(d.headers)}.${alt(d, true)}`,
    en: (d) => `${placeEn(d)}: no column for the required field '${d.field}' (neither in 'colonnes' nor a header '${d.field}'). Headers: ${listEn(d.headers)}.${alt(d, false)}`,
  }),
  'GTEC-E210': entry<Place & { field: string; value: string; headers: string[]; suggestion?: string }>({
    severity: 'error',
    title: 'Colonne déclarée absente du fichier.',
    exemple: { file: 'bmo.xlsx', sheet: 'BMO_2024_open_data', field: 'difficiles', value: 'xmett', headers: ['met', 'xmet', 'smet'], suggestion: 'xmet' },
    fr: (d) => `${placeFr(d)} : la colonne « ${valueText(d.value)} » déclarée pour le champ « ${d.field} » n’existe pas.${alt(d, true)} En-têtes présents : ${list(d.headers)}.`,
    en: (d) => `${placeEn(d)}: column '${valueText(d.value)}' declared for field '${d.field}' does not exist.${alt(d, false)} Headers: ${listEn(d.headers)}.`,
  }),
  'GTEC-E211': entry<Place & { value: string; field: string }>({
    severity: 'error',
    title: 'Valeur numérique illisible dans une cellule ; la ligne est ignorée si le champ est requis.',
    exemple: { file: 'effectifs.csv', line: 12, column: 4, header: 'effectif', value: 'douze', field: 'effectif' },
    fr: (d) => `${placeFr(d)} : « ${valueText(d.value)} » n’est pas un nombre (champ « ${d.field} »). Attendu : un nombre (12 ; 12,5 ; 1 234,5), vide, ou « * » pour une valeur masquée.`,
    en: (d) => `${placeEn(d)}: '${valueText(d.value)}' is not a number (field '${d.field}'). Expected: a number (12; 12,5; 1 234,5), empty, or '*' for a withheld value.`,
  }),
  'GTEC-E212': entry<Place & { value: string; field: string }>({
    severity: 'error',
    title: 'Code vide dans un champ requis ; la ligne est ignorée.',
    exemple: { file: 'effectifs.csv', line: 12, column: 2, header: 'zone', value: '', field: 'zone' },
    fr: (d) => `${placeFr(d)} : valeur vide pour le champ requis « ${d.field} » ; ligne ignorée. Attendu : un code (métier, zone…).`,
    en: (d) => `${placeEn(d)}: empty value for the required field '${d.field}'; line skipped. Expected: a code (occupation, zone…).`,
  }),
  'GTEC-E213': entry<Place & { value: string; field: string }>({
    severity: 'error',
    title: 'Année illisible ; la ligne est ignorée.',
    exemple: { file: 'effectifs.csv', line: 12, column: 3, header: 'annee', value: '20x0', field: 'annee' },
    fr: (d) => `${placeFr(d)} : « ${valueText(d.value)} » n’est pas une année. Attendu : une année sur quatre chiffres (ex. 2024).`,
    en: (d) => `${placeEn(d)}: '${valueText(d.value)}' is not a year. Expected: a four-digit year (e.g. 2024).`,
  }),
  'GTEC-E214': entry<{ value: string; expected: string; type: string }>({
    severity: 'error',
    title: 'Préréglage de fichier officiel incompatible avec le type de la source.',
    exemple: { value: 'bmo-officiel', expected: 'bmo', type: 'tension' },
    fr: (d) => `Le préréglage « ${d.value} » décrit un fichier de type « ${d.expected} », mais la source est de type « ${d.type} ».`,
    en: (d) => `Preset '${d.value}' describes a file of type '${d.expected}', but the source has type '${d.type}'.`,
  }),
  'GTEC-E215': entry<Place & { value: number; field: string; min: number; max: number }>({
    severity: 'error',
    title: 'Valeur hors des bornes attendues ; la ligne est ignorée.',
    exemple: { file: 'tension.csv', line: 7, column: 9, header: 'classe_tension', value: 6, field: 'classe', min: 1, max: 5 },
    fr: (d) => `${placeFr(d)} : ${d.value} hors des bornes du champ « ${d.field} ». Attendu : un nombre entre ${d.min} et ${d.max}.`,
    en: (d) => `${placeEn(d)}: ${d.value} is out of range for field '${d.field}'. Expected: a number between ${d.min} and ${d.max}.`,
  }),
  'GTEC-E216': entry<Place & { value: unknown }>({
    severity: 'error',
    title: 'Niveau géographique d’une ligne inconnu ou incomplet ; la ligne est ignorée.',
    exemple: { file: 'dares.csv', line: 6, column: 2, header: 'niveau_geo', value: 'com' },
    fr: (d) => `${placeFr(d)} : niveau géographique « ${valueText(d.value)} » inconnu ou sans code de zone. Attendu : « nat », « reg » avec un code région ou « dep » avec un code département.`,
    en: (d) => `${placeEn(d)}: geographic level '${valueText(d.value)}' unknown or without a zone code. Expected: 'nat', 'reg' with a region code or 'dep' with a department code.`,
  }),
  'GTEC-E220': entry<Place & { value: number; max: number }>({
    severity: 'error',
    title: 'Fichier de données plus gros que la limite « taille » ; il n’est pas lu.',
    exemple: { file: 'donnees/bmo.csv', value: 300 * 1024 * 1024, max: 256 * 1024 * 1024 },
    fr: (d) => `Fichier « ${d.file} » non lu : ${tailleFr(d.value)}, plus que la limite « taille » (${tailleFr(d.max)}). Attendu : un fichier plus petit, ou une limite relevée (gtec --limites taille=…).`,
    en: (d) => `File '${d.file}' not read: ${tailleEn(d.value)}, more than the 'taille' limit (${tailleEn(d.max)}). Expected: a smaller file, or a higher limit (gtec --limites taille=…).`,
  }),
  'GTEC-E221': entry<Place & { value: number; max: number }>({
    severity: 'error',
    title: 'Classeur xlsx refusé : trop d’entrées dans l’archive (limite « entrees »).',
    exemple: { file: 'donnees/bmo.xlsx', value: 65_535, max: 10_000 },
    fr: (d) => `Classeur « ${d.file} » non lu : son archive zip a ${d.value} entrées, plus que la limite « entrees » (${d.max}). Un classeur ordinaire en a quelques dizaines.`,
    en: (d) => `Workbook '${d.file}' not read: its zip archive has ${d.value} entries, more than the 'entrees' limit (${d.max}). An ordinary workbook has a few dozen.`,
  }),
  'GTEC-E222': entry<Place & { max: number }>({
    severity: 'error',
    title: 'Classeur xlsx refusé : il se décompresse au-delà de la limite « decompresse » (bombe zip ?).',
    exemple: { file: 'donnees/bmo.xlsx', max: 1024 * 1024 * 1024 },
    fr: (d) => `Classeur « ${d.file} » non lu : décompressé, il dépasse la limite « decompresse » (${tailleFr(d.max)}). Attendu : un classeur plus petit (bombe zip ?), ou une limite relevée (gtec --limites decompresse=…).`,
    en: (d) => `Workbook '${d.file}' not read: inflated, it goes over the 'decompresse' limit (${tailleEn(d.max)}). Expected: a smaller workbook (zip bomb?), or a higher limit (gtec --limites decompresse=…).`,
  }),
  'GTEC-E223': entry<Place & { value: number; max: number }>({
    severity: 'error',
    title: 'Classeur xlsx refusé : taux de compression anormal (limite « taux », bombe zip ?).',
    exemple: { file: 'donnees/bmo.xlsx', value: 1000, max: 100 },
    fr: (d) => `Classeur « ${d.file} » non lu : une partie se décompresse à plus de ${d.value} fois sa taille, plus que la limite « taux » (${d.max}) ; c’est la marque d’une bombe zip. Une feuille ordinaire se décompresse de 5 à 20 fois.`,
    en: (d) => `Workbook '${d.file}' not read: one part inflates to more than ${d.value} times its size, more than the 'taux' limit (${d.max}); this is the mark of a zip bomb. An ordinary sheet inflates 5 to 20 times.`,
  }),
  'GTEC-E224': entry<Place & { value: number; length: number; max: number }>({
    severity: 'error',
    title: 'Cellule plus longue que la limite « cellule » ; elle est coupée.',
    exemple: { file: 'donnees/bmo.csv', line: 12, column: 2, value: 1, length: 104_857_600, max: 32_767 },
    fr: (d) => `${placeFr(d)} : cellule de ${d.length} caractères, plus que la limite « cellule » (${d.max}) ; coupée à ${d.max} caractères (${d.value} cellule(s) dans ce cas dans le fichier, celle-ci est la première).`,
    en: (d) => `${placeEn(d)}: cell of ${d.length} characters, more than the 'cellule' limit (${d.max}); cut to ${d.max} characters (${d.value} such cell(s) in the file, this is the first).`,
  }),
  'GTEC-E225': entry<Place & { max: number }>({
    severity: 'error',
    title: 'Fichier de données plus long que la limite « lignes » ; la suite n’est pas lue.',
    exemple: { file: 'donnees/bmo.xlsx', sheet: 'BMO_2024_open_data', line: 2_000_001, max: 2_000_000 },
    fr: (d) => `${placeFr(d)} : au-delà de la limite « lignes » (${d.max}) ; la suite du fichier n’est pas lue. Attendu : un fichier plus court, ou une limite relevée (gtec --limites lignes=…).`,
    en: (d) => `${placeEn(d)}: beyond the 'lignes' limit (${d.max}); the rest of the file is not read. Expected: a shorter file, or a higher limit (gtec --limites lignes=…).`,
  }),
  'GTEC-E226': entry<Place & { value: number; max: number }>({
    severity: 'error',
    title: 'Cellules au-delà de la limite « colonnes » ; elles sont ignorées.',
    exemple: { file: 'donnees/bmo.xlsx', sheet: 'Feuil1', cell: 'XFE2', value: 3, max: 16_384 },
    fr: (d) => `${placeFr(d)} : ${d.value} cellule(s) au-delà de la limite « colonnes » (${d.max}), ignorée(s) (celle-ci est la première).`,
    en: (d) => `${placeEn(d)}: ${d.value} cell(s) beyond the 'colonnes' limit (${d.max}), ignored (this is the first).`,
  }),
  'GTEC-W201': entry<Place>({
    severity: 'warning',
    title: 'Encodage UTF-8 déclaré mais le fichier n’est pas en UTF-8.',
    exemple: { file: 'effectifs.csv', line: 3 },
    fr: (d) => `${placeFr(d)} : octet invalide en UTF-8 alors que « encodage: utf-8 » est déclaré ; les caractères accentués seront faux. Attendu : un fichier UTF-8, ou « encodage: windows-1252 » (ou auto).`,
    en: (d) => `${placeEn(d)}: byte not valid in UTF-8 although 'encodage: utf-8' is declared; accented characters will be wrong. Expected: a UTF-8 file, or 'encodage: windows-1252' (or auto).`,
  }),
  'GTEC-W202': entry<Place>({
    severity: 'warning',
    title: 'Colonne sans en-tête.',
    exemple: { file: 'effectifs.csv', line: 1, column: 5 },
    fr: (d) => `${placeFr(d)} : la colonne n’a pas d’en-tête ; elle ne peut être utilisée que si elle est nommée.`,
    en: (d) => `${placeEn(d)}: the column has no header; it cannot be used unless named.`,
  }),
  'GTEC-W203': entry<Place & { value: string; first: number }>({
    severity: 'warning',
    title: 'En-tête en double : seule la première colonne de ce nom est utilisée.',
    exemple: { file: 'effectifs.csv', line: 1, column: 5, value: 'zone', first: 2 },
    fr: (d) => `${placeFr(d)} : l’en-tête « ${valueText(d.value)} » apparaît aussi en colonne ${d.first} ; seule la colonne ${d.first} sera utilisée.`,
    en: (d) => `${placeEn(d)}: header '${valueText(d.value)}' also appears in column ${d.first}; only column ${d.first} will be used.`,
  }),
  'GTEC-W204': entry<{ value: string; type: string; fields: string[]; suggestion?: string }>({
    severity: 'warning',
    title: 'Champ inconnu dans « colonnes » pour ce type de source.',
    exemple: { value: 'efectif', type: 'effectifs', fields: ['metier', 'zone', 'annee', 'effectif'], suggestion: 'effectif' },
    fr: (d) => `Champ « ${valueText(d.value)} » inconnu pour une source de type « ${d.type} » ; il est ignoré. Champs possibles : ${list(d.fields)}.${alt(d, true)}`,
    en: (d) => `Unknown field '${valueText(d.value)}' for a source of type '${d.type}'; ignored. Possible fields: ${listEn(d.fields)}.${alt(d, false)}`,
  }),
  'GTEC-W205': entry<{ file: string; code: string; value: number }>({
    severity: 'warning',
    title: 'Problèmes supplémentaires du même code non détaillés.',
    exemple: { file: 'effectifs.csv', code: 'GTEC-E211', value: 1200 },
    fr: (d) => `« ${d.file} » : ${d.value} autre(s) problème(s) ${d.code} non détaillé(s).`,
    en: (d) => `'${d.file}': ${d.value} more problem(s) ${d.code} not listed.`,
  }),
  'GTEC-W206': entry<{ preset: string; expected: string; value: string; suggestion?: string }>({
    severity: 'warning',
    title: 'Nomenclature déclarée différente de celle du fichier officiel.',
    exemple: { preset: 'bmo-officiel', expected: 'fap2021', value: 'rome4', suggestion: 'fap2021' },
    fr: (d) => `Le préréglage « ${d.preset} » donne des codes en nomenclature « ${d.expected} », mais la source déclare « ${d.value} ».`,
    en: (d) => `Preset '${d.preset}' gives codes in nomenclature '${d.expected}', but the source declares '${d.value}'.`,
  }),
  'GTEC-W207': entry<Place & { value: number; field: string }>({
    severity: 'warning',
    title: 'Effectif ou nombre négatif.',
    exemple: { file: 'effectifs.csv', line: 5, column: 4, header: 'effectif', value: -3, field: 'effectif' },
    fr: (d) => `${placeFr(d)} : valeur négative ${d.value} pour le champ « ${d.field} ». Attendu : un nombre positif ou nul.`,
    en: (d) => `${placeEn(d)}: negative value ${d.value} for field '${d.field}'. Expected: zero or more.`,
  }),
  'GTEC-W208': entry<Place>({
    severity: 'warning',
    title: 'Aucune ligne de données après l’en-tête.',
    exemple: { file: 'effectifs.csv' },
    fr: (d) => `${placeFr(d)} : aucune ligne de données après l’en-tête.`,
    en: (d) => `${placeEn(d)}: no data line after the header.`,
  }),
  'GTEC-W209': entry<Place & { value: number; first: string }>({
    severity: 'warning',
    title: 'Cellules remplies à droite de la dernière colonne nommée (ignorées).',
    exemple: { file: 'bmo.xlsx', sheet: 'Feuil1', value: 3, first: 'P12' },
    fr: (d) => `${placeFr(d)} : ${d.value} cellule(s) remplie(s) au-delà de la dernière colonne d’en-tête, ignorée(s) (première : ${d.first}).`,
    en: (d) => `${placeEn(d)}: ${d.value} filled cell(s) beyond the last header column, ignored (first: ${d.first}).`,
  }),
  'GTEC-W210': entry<Place & { header: string }>({
    severity: 'warning',
    title: 'Ligne de table de correspondance sans code ; ignorée.',
    exemple: { file: 'fap_rome.csv', line: 5, column: 1, header: 'code_fap2009' },
    fr: (d) => `${placeFr(d)} : code vide dans la colonne « ${d.header} » ; ligne ignorée.`,
    en: (d) => `${placeEn(d)}: empty code in column '${d.header}'; line skipped.`,
  }),
  'GTEC-W220': entry<Place & { byte: number }>({
    severity: 'warning',
    title: '« encodage: auto » : le fichier n’est pas en UTF-8, il est lu en Windows-1252.',
    exemple: { file: 'effectifs.csv', line: 3, byte: 0xe9 },
    fr: (d) =>
      `${placeFr(d)} : octet 0x${hex(d.byte)} invalide en UTF-8 ; le fichier est lu en Windows-1252 (« encodage: auto »). Vérifiez les accents ; si le fichier est bien en Windows-1252, déclarez « encodage: windows-1252 » pour ne plus voir cet avertissement.`,
    en: (d) =>
      `${placeEn(d)}: byte 0x${hex(d.byte)} is not valid UTF-8; the file is read as Windows-1252 ('encodage: auto'). Check the accented letters; if the file is indeed Windows-1252, declare 'encodage: windows-1252' to silence this warning.`,
  }),
  'GTEC-W221': entry<Place & { field: string; nomenclature: string; value: number; exemples: string[]; pattern: string }>({
    severity: 'warning',
    title: 'Codes d’une colonne qui n’ont pas la forme des codes de la nomenclature déclarée.',
    exemple: { file: 'effectifs.csv', line: 7, column: 1, header: 'metier', field: 'metier', nomenclature: 'rome4', value: 2, exemples: ['H24ÿþ02', 'total'], pattern: 'A1234' },
    fr: (d) =>
      `${placeFr(d)} : ${d.value} code(s) du champ « ${d.field} » n’ont pas la forme des codes « ${d.nomenclature} » (attendu : ${d.pattern}) : ${list(d.exemples)} (celui-ci est le premier). Une ligne de total, un mauvais encodage ou une autre nomenclature ?`,
    en: (d) =>
      `${placeEn(d)}: ${d.value} code(s) of field '${d.field}' do not have the form of '${d.nomenclature}' codes (expected: ${d.pattern}): ${listEn(d.exemples)} (this is the first). A total line, a wrong encoding or another nomenclature?`,
  }),
});

export type DataCode = CodeOf<typeof Catalogue>;
export type DataData<K extends DataCode> = DataOf<typeof Catalogue, K>;

export const dataProblem = problemFactory(Catalogue);
