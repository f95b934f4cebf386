/**
 * Problem catalogue of the diagnostic file format: syntax and schema (GTEC-E0xx / W0xx) and
 * semantic rules (GTEC-E1xx / W1xx / I1xx). Codes are stable: never renumber, only add.
 * Each entry carries `exemple`, sample data used by docs/erreurs.md to show the rendered message.
 */
import { problemFactory, type ProblemData, type ProblemDefinition } from '../problems.js';

export interface FormatProblemDefinition extends ProblemDefinition {
  exemple: ProblemData;
}

const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => `« ${x} »`).join(', ') : String(v));
const listEn = (v: unknown) => (Array.isArray(v) ? v.map((x) => `"${x}"`).join(', ') : String(v));
const suggestFr = (d: ProblemData) => (d.suggestion !== undefined ? ` Vouliez-vous dire « ${d.suggestion} » ?` : '');
const suggestEn = (d: ProblemData) => (d.suggestion !== undefined ? ` Did you mean "${d.suggestion}"?` : '');
const euros = (n: unknown) => `${Number(n).toLocaleString('fr-FR')} €`;

export const Catalogue: Record<string, FormatProblemDefinition> = {
  // ───────────── Syntax (E001–E009) ─────────────
  'GTEC-E001': {
    severity: 'error',
    title: 'Erreur de syntaxe YAML',
    fr: (d) => `Syntaxe YAML invalide : ${d.explication}`,
    en: (d) => `Invalid YAML syntax: ${d.detail}`,
    exemple: { explication: 'les éléments d’une même table doivent commencer à la même colonne.', detail: 'All mapping items must start at the same column' },
  },
  'GTEC-E002': {
    severity: 'error',
    title: 'Erreur de syntaxe JSON',
    fr: (d) => `Syntaxe JSON invalide : ${d.trouve} trouvé, ${d.attendu} attendu.`,
    en: (d) => `Invalid JSON syntax: found ${d.found}, expected ${d.expected}.`,
    exemple: { trouve: '« ] »', attendu: 'une valeur', found: '"]"', expected: 'a value' },
  },
  'GTEC-E003': {
    severity: 'error',
    title: 'Fichier trop volumineux',
    fr: (d) => `Le fichier fait ${d.taille} caractères ; un diagnostic est limité à ${d.limite} caractères. Les données volumineuses vont dans des fichiers de données (« sources »), pas dans le diagnostic.`,
    en: (d) => `The file has ${d.taille} characters; a diagnostic is limited to ${d.limite} characters. Large data belongs in data files ("sources"), not in the diagnostic.`,
    exemple: { taille: 10485760, limite: 5242880 },
  },
  'GTEC-E004': {
    severity: 'error',
    title: 'Trop d’alias YAML (expansion excessive)',
    fr: (d) => `Les alias YAML (« *nom ») de ce fichier se développent en une structure excessive (${d.detail}) : fichier refusé. Attendu : quelques alias tout au plus.`,
    en: (d) => `The YAML aliases ("*name") of this file expand to an excessive structure (${d.detail}): file refused. Expected: a few aliases at most.`,
    exemple: { detail: 'plus de 100 alias' },
  },
  'GTEC-E005': {
    severity: 'error',
    title: 'Imbrication trop profonde',
    fr: (d) => `Le document est imbriqué sur plus de ${d.limite} niveaux : fichier refusé. Un diagnostic GTEC ne dépasse pas une dizaine de niveaux.`,
    en: (d) => `The document is nested more than ${d.limite} levels deep: file refused. A GTEC diagnostic needs about ten levels at most.`,
    exemple: { limite: 64 },
  },
  'GTEC-E006': {
    severity: 'error',
    title: 'Clé en double',
    fr: (d) => `La clé « ${d.value} » apparaît deux fois dans la même table : seule une occurrence est permise.`,
    en: (d) => `Key "${d.value}" appears twice in the same mapping: only one is allowed.`,
    exemple: { value: 'titre' },
  },
  'GTEC-E007': {
    severity: 'error',
    title: 'Plusieurs documents dans le fichier',
    fr: () => `Le fichier contient plusieurs documents YAML (séparateur « --- ») : un fichier de diagnostic n’en contient qu’un.`,
    en: () => `The file contains several YAML documents ("---" separator): a diagnostic file holds exactly one.`,
    exemple: {},
  },
  'GTEC-E008': {
    severity: 'error',
    title: 'Document vide',
    fr: () => `Le fichier est vide. Attendu : au moins « gtec: 1 », « titre », « territoire » et « periode ».`,
    en: () => `The file is empty. Expected at least "gtec: 1", "titre", "territoire" and "periode".`,
    exemple: {},
  },
  'GTEC-E009': {
    severity: 'error',
    title: 'Clé non textuelle',
    fr: () => `Une clé de table doit être un simple texte (ici : une liste ou une table sert de clé).`,
    en: () => `A mapping key must be plain text (here a list or a mapping is used as a key).`,
    exemple: {},
  },
  'GTEC-W001': {
    severity: 'warning',
    title: 'Étiquette YAML inconnue',
    fr: (d) => `Étiquette YAML inconnue « ${d.value} » : elle est ignorée et la valeur est lue comme du texte.`,
    en: (d) => `Unknown YAML tag "${d.value}": it is ignored and the value is read as text.`,
    exemple: { value: '!date' },
  },
  // ───────────── Schema (E010–E019) ─────────────
  'GTEC-E010': {
    severity: 'error',
    title: 'Type de valeur incorrect',
    fr: (d) => `${d.trouveFr} trouvé ; attendu : ${d.attenduFr}.${d.conseilFr ?? ''}`,
    en: (d) => `Found ${d.trouveEn}; expected ${d.attenduEn}.${d.conseilEn ?? ''}`,
    exemple: { trouveFr: 'nombre 1', attenduFr: 'texte', trouveEn: 'number 1', attenduEn: 'text', conseilFr: ' Mettez le code entre guillemets (« "01" ») : les zéros initiaux comptent.', conseilEn: ' Quote the code ("01"): leading zeros matter.' },
  },
  'GTEC-E011': {
    severity: 'error',
    title: 'Clé obligatoire absente',
    fr: (d) => `Clé obligatoire « ${d.missingKey} » absente${d.dansFr} ; attendu : ${d.attenduFr}.`,
    en: (d) => `Required key "${d.missingKey}" missing${d.dansEn}; expected ${d.attenduEn}.`,
    exemple: { missingKey: 'titre', dansFr: '', dansEn: '', attenduFr: 'texte', attenduEn: 'text' },
  },
  'GTEC-E012': {
    severity: 'error',
    title: 'Clé inconnue',
    fr: (d) => `clé inconnue « ${d.value} »${d.suggestion !== undefined ? `: vouliez-vous dire « ${d.suggestion} » ?` : `. Clés permises ici : ${list(d.permises)}.`}`,
    en: (d) => `unknown key "${d.value}"${d.suggestion !== undefined ? `: did you mean "${d.suggestion}"?` : `. Keys allowed here: ${listEn(d.permises)}.`}`,
    exemple: { value: 'titr', suggestion: 'titre', permises: ['gtec', 'titre'] },
  },
  'GTEC-E013': {
    severity: 'error',
    title: 'Valeur non permise',
    fr: (d) => `Valeur « ${d.value} » non permise ; valeurs possibles : ${list(d.permises)}.${suggestFr(d)}`,
    en: (d) => `Value "${d.value}" is not allowed; possible values: ${listEn(d.permises)}.${suggestEn(d)}`,
    exemple: { value: 'regio', permises: ['departement', 'region'], suggestion: 'region' },
  },
  'GTEC-E014': {
    severity: 'error',
    title: 'Valeur trop petite',
    fr: (d) => `${d.trouveFr} ; attendu : ${d.attenduFr}.`,
    en: (d) => `${d.trouveEn}; expected ${d.attenduEn}.`,
    exemple: { trouveFr: 'Nombre -1', attenduFr: 'au moins 0', trouveEn: 'Number -1', attenduEn: 'at least 0' },
  },
  'GTEC-E015': {
    severity: 'error',
    title: 'Valeur trop grande',
    fr: (d) => `${d.trouveFr} ; attendu : ${d.attenduFr}.`,
    en: (d) => `${d.trouveEn}; expected ${d.attenduEn}.`,
    exemple: { trouveFr: 'Nombre 7', attenduFr: 'au plus 5', trouveEn: 'Number 7', attenduEn: 'at most 5' },
  },
  'GTEC-E016': {
    severity: 'error',
    title: 'Format de texte incorrect',
    fr: (d) => `« ${d.value} » n’a pas le format attendu : ${d.formatFr}.`,
    en: (d) => `"${d.value}" does not have the expected format: ${d.formatEn}.`,
    exemple: { value: '2024-13', formatFr: 'date AAAA-MM-JJ, mois AAAA-MM ou année AAAA (mois 01 à 12, jour 01 à 31)', formatEn: 'date YYYY-MM-DD, month YYYY-MM or year YYYY (month 01 to 12, day 01 to 31)' },
  },
  'GTEC-E017': {
    severity: 'error',
    title: 'Version du format non prise en charge',
    fr: (d) => `Version de format « gtec: ${d.value} » non prise en charge : cet outil lit la version 1 (« gtec: 1 »).`,
    en: (d) => `Format version "gtec: ${d.value}" is not supported: this tool reads version 1 ("gtec: 1").`,
    exemple: { value: 2 },
  },
  'GTEC-E018': {
    severity: 'error',
    title: 'Nombre entier attendu',
    fr: (d) => `Nombre ${d.value} trouvé ; attendu : un nombre entier.`,
    en: (d) => `Number ${d.value} found; expected a whole number.`,
    exemple: { value: 2019.5 },
  },
  'GTEC-E019': {
    severity: 'error',
    title: 'Valeur refusée par le schéma',
    fr: (d) => `Valeur refusée : ${d.detail}.`,
    en: (d) => `Value refused: ${d.detail}.`,
    exemple: { detail: 'Invalid input' },
  },
  // ───────────── References (E101–E105, W101–W103) ─────────────
  'GTEC-E101': {
    severity: 'error',
    title: 'Acteur inconnu',
    fr: (d) => `Acteur « ${d.value} » inconnu : aucun acteur de la section « acteurs » n’a cet identifiant.${suggestFr(d)}`,
    en: (d) => `Unknown actor "${d.value}": no actor of the "acteurs" section has this id.${suggestEn(d)}`,
    exemple: { value: 'regoin', suggestion: 'region' },
  },
  'GTEC-E102': {
    severity: 'error',
    title: 'Ligne de financement inconnue',
    fr: (d) => `Financement « ${d.value} » inconnu : aucune ligne de la section « financements » n’a cet identifiant.${suggestFr(d)}`,
    en: (d) => `Unknown financing line "${d.value}": no line of the "financements" section has this id.${suggestEn(d)}`,
    exemple: { value: 'fse-2024', suggestion: 'fse-2025' },
  },
  'GTEC-E103': {
    severity: 'error',
    title: 'Indicateur inconnu',
    fr: (d) => `Indicateur « ${d.value} » inconnu : aucun indicateur de « evaluation.indicateurs » n’a cet identifiant.${suggestFr(d)}`,
    en: (d) => `Unknown indicator "${d.value}": no indicator of "evaluation.indicateurs" has this id.${suggestEn(d)}`,
    exemple: { value: 'nb-forme', suggestion: 'nb-formes' },
  },
  'GTEC-E104': {
    severity: 'error',
    title: 'Identifiant en double',
    fr: (d) => `« ${d.value} » est déjà utilisé dans « ${d.section} » (${d.premier}) : chaque identifiant doit être unique dans sa section.`,
    en: (d) => `"${d.value}" is already used in "${d.section}" (${d.premier}): each id must be unique in its section.`,
    exemple: { value: 'opco', section: 'acteurs', premier: '/acteurs/0/id' },
  },
  'GTEC-E105': {
    severity: 'error',
    title: 'Code métier absent du référentiel',
    fr: (d) => `Code métier « ${d.value} » absent du référentiel ${d.referentiel}.${d.suggestions && (d.suggestions as string[]).length ? ` Vouliez-vous dire ${(d.suggestions as string[]).map((s, i) => `« ${s} »${d.libelles ? ` (${(d.libelles as string[])[i]})` : ''}`).join(' ou ')} ?` : ''}`,
    en: (d) => `Métier code "${d.value}" is not in the referential ${d.referentiel}.${d.suggestions && (d.suggestions as string[]).length ? ` Did you mean ${(d.suggestions as string[]).map((s) => `"${s}"`).join(' or ')}?` : ''}`,
    exemple: { value: 'H2193', referentiel: 'ROME 4.0 v60', suggestion: 'H2913', suggestions: ['H2913'], libelles: ['Soudage manuel'] },
  },
  'GTEC-W101': {
    severity: 'warning',
    title: 'Financeur sans le rôle financement',
    fr: (d) => `L’acteur « ${d.value} » finance la ligne « ${d.ligne} » mais n’a pas le rôle « financement » (rôles : ${list(d.roles)}).`,
    en: (d) => `Actor "${d.value}" finances line "${d.ligne}" but lacks the "financement" role (roles: ${listEn(d.roles)}).`,
    exemple: { value: 'region', ligne: 'fse-2024', roles: ['pilotage'] },
  },
  'GTEC-W102': {
    severity: 'warning',
    title: 'Structure porteuse sans le rôle pilotage',
    fr: (d) => `La structure porteuse « ${d.value} » n’a pas le rôle « pilotage » (rôles : ${list(d.roles)}).`,
    en: (d) => `The lead organisation "${d.value}" lacks the "pilotage" role (roles: ${listEn(d.roles)}).`,
    exemple: { value: 'mde', roles: ['diagnostic'] },
  },
  'GTEC-W103': {
    severity: 'warning',
    title: 'Code qui ne ressemble pas à un code ROME 4',
    fr: (d) => `« ${d.value} » ne ressemble pas à un code ROME 4.0 (une lettre A à N puis quatre chiffres, ex. H2913).${suggestFr(d)}`,
    en: (d) => `"${d.value}" does not look like a ROME 4.0 code (a letter A to N then four digits, e.g. H2913).${suggestEn(d)}`,
    exemple: { value: 'h2913', suggestion: 'H2913' },
  },
  'GTEC-W104': {
    severity: 'warning',
    title: 'Acteur d’une fiche dans un rôle qu’il n’a pas',
    fr: (d) => `L’acteur « ${d.value} » intervient dans la fiche comme « ${d.role} » mais ce rôle n’est pas dans ses rôles (${list(d.roles)}).`,
    en: (d) => `Actor "${d.value}" takes part in the fiche as "${d.role}" but this role is not among its roles (${listEn(d.roles)}).`,
    exemple: { value: 'opco', role: 'financement', roles: ['mise-en-oeuvre'] },
  },
  // ───────────── Dates (E106–E109, W105) ─────────────
  'GTEC-E106': {
    severity: 'error',
    title: 'Période d’observation incohérente',
    fr: (d) => `Période d’observation incohérente : début ${d.debut}, fin ${d.fin}. Attendu : une année de début strictement antérieure à l’année de fin.`,
    en: (d) => `Inconsistent observation period: start ${d.debut}, end ${d.fin}. Expected a start year strictly before the end year.`,
    exemple: { debut: 2024, fin: 2019 },
  },
  'GTEC-E107': {
    severity: 'error',
    title: 'Financement qui finit avant de commencer',
    fr: (d) => `La ligne de financement « ${d.value} » finit (${d.fin}) avant de commencer (${d.debut}).`,
    en: (d) => `Financing line "${d.value}" ends (${d.fin}) before it starts (${d.debut}).`,
    exemple: { value: 'fse', debut: '2025-01', fin: '2024-12' },
  },
  'GTEC-E108': {
    severity: 'error',
    title: 'Calendrier de fiche qui finit avant de commencer',
    fr: (d) => `Le calendrier de la fiche « ${d.value} » finit (${d.fin}) avant de commencer (${d.debut}).`,
    en: (d) => `The calendar of fiche "${d.value}" ends (${d.fin}) before it starts (${d.debut}).`,
    exemple: { value: 'fa1', debut: '2025-06', fin: '2025-01' },
  },
  'GTEC-E109': {
    severity: 'error',
    title: 'Date inexistante',
    fr: (d) => `La date « ${d.value} » n’existe pas (${d.raison}).`,
    en: (d) => `Date "${d.value}" does not exist (${d.reason}).`,
    exemple: { value: '2023-02-29', raison: 'février 2023 a 28 jours', reason: 'February 2023 has 28 days' },
  },
  'GTEC-W105': {
    severity: 'warning',
    title: 'Étape hors du calendrier de la fiche',
    fr: (d) => `L’étape « ${d.value} » (${d.date}) est hors du calendrier de la fiche (${d.debut} → ${d.fin}).`,
    en: (d) => `Step "${d.value}" (${d.date}) falls outside the fiche's calendar (${d.debut} → ${d.fin}).`,
    exemple: { value: 'Bilan', date: '2027-01', debut: '2025-01', fin: '2026-12' },
  },
  // ───────────── Amounts (E110) ─────────────
  'GTEC-E110': {
    severity: 'error',
    title: 'Ligne de financement dépassée',
    fr: (d) => `Les fiches action prennent ${euros(d.total)} sur la ligne « ${d.value} », qui n’a que ${euros(d.montant)} (dépassement de ${euros(d.depassement)}). Fiches : ${list(d.fiches)}.`,
    en: (d) => `The fiches action take ${d.total} € from line "${d.value}", which only has ${d.montant} € (over by ${d.depassement} €). Fiches: ${listEn(d.fiches)}.`,
    exemple: { value: 'fse', total: 120000, montant: 100000, depassement: 20000, fiches: ['fa1', 'fa2'] },
  },
  // ───────────── Coverage (W106, I101, I102) ─────────────
  'GTEC-W106': {
    severity: 'warning',
    title: 'Fiche action sans indicateur',
    fr: (d) => `La fiche action « ${d.value} » n’a aucun indicateur : son évaluation sera impossible. Ajoutez des identifiants d’indicateurs dans « indicateurs ».`,
    en: (d) => `Fiche action "${d.value}" has no indicator: it cannot be evaluated. Add indicator ids to "indicateurs".`,
    exemple: { value: 'fa1' },
  },
  'GTEC-I101': {
    severity: 'info',
    title: 'Indicateur utilisé par aucune fiche',
    fr: (d) => `L’indicateur « ${d.value} » n’est cité par aucune fiche action.`,
    en: (d) => `Indicator "${d.value}" is not used by any fiche action.`,
    exemple: { value: 'satisfaction' },
  },
  'GTEC-I102': {
    severity: 'info',
    title: 'Métier déclaré stratégique ou en mutation sans fiche action',
    fr: (d) => `Le métier ${d.value}, déclaré ${d.qualite}, n’est cité par aucune fiche action.`,
    en: (d) => `Métier ${d.value}, declared ${d.quality}, is not listed by any fiche action.`,
    exemple: { value: 'H2913', qualite: 'stratégique', quality: 'strategic' },
  },
  // ───────────── Data files and referential (E111–E113) ─────────────
  'GTEC-E111': {
    severity: 'error',
    title: 'Chemin de fichier refusé',
    fr: (d) => `Chemin « ${d.value} » refusé : ${d.raisonFr}. Attendu : un chemin relatif au dossier du diagnostic, sans « .. » qui en sorte (ex. « donnees/effectifs.csv »).`,
    en: (d) => `Path "${d.value}" refused: ${d.raisonEn}. Expected a path relative to the diagnostic's folder, without ".." leaving it (e.g. "donnees/effectifs.csv").`,
    exemple: { value: '../../etc/passwd', raisonFr: 'il sort du dossier du diagnostic', raisonEn: 'it leaves the diagnostic’s folder' },
  },
  'GTEC-E112': {
    severity: 'error',
    title: 'Chemin du référentiel manquant',
    fr: (d) => `Le référentiel de type « ${d.value} » demande un « chemin » (${d.quoi}).`,
    en: (d) => `A referential of type "${d.value}" needs a "chemin" (${d.what}).`,
    exemple: { value: 'rome-officiel', quoi: 'dossier de l’export ROME 4.0', what: 'folder of the ROME 4.0 export' },
  },
  'GTEC-E113': {
    severity: 'error',
    title: 'Fichier ou dossier introuvable',
    fr: (d) => `${d.quoi} « ${d.value} » introuvable (chemin relatif au dossier du diagnostic).`,
    en: (d) => `${d.what} "${d.value}" not found (path relative to the diagnostic's folder).`,
    exemple: { value: 'donnees/effectifs.csv', quoi: 'Fichier de données', what: 'Data file' },
  },
};

export const makeFormatProblem = problemFactory(Catalogue);
