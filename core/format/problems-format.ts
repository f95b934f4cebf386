/**
 * Problem catalogue of the diagnostic file format: syntax and schema (GTEC-E0xx / W0xx) and
 * semantic rules (GTEC-E1xx / W1xx / I1xx). Codes are stable: never renumber, only add.
 * Each entry declares its data type and carries `exemple`, sample data used by docs/erreurs.md to
 * show the rendered message and by the tests to render every code in both languages. Data holds
 * codes, numbers, tokens and the user's values; every word of a message is here.
 */
import { defineCatalogue, entry, problemFactory, valueText, type CodeOf, type DataOf } from '../problems.js';

/** Why a declared path is refused (the reasons of `checkRelativePath`). */
type RaisonChemin = 'vide' | 'absolu' | 'remonte' | 'invalide';

const list = (v: readonly unknown[]) => v.map((x) => `« ${valueText(x)} »`).join(', ');
const listEn = (v: readonly unknown[]) => v.map((x) => `"${valueText(x)}"`).join(', ');
const suggestFr = (d: { suggestion?: string }) => (d.suggestion !== undefined ? ` Vouliez-vous dire « ${valueText(d.suggestion)} » ?` : '');
const suggestEn = (d: { suggestion?: string }) => (d.suggestion !== undefined ? ` Did you mean "${valueText(d.suggestion)}"?` : '');
const nombre = (n: number) => n.toLocaleString('fr-FR');
const euros = (n: number) => `${nombre(n)} €`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The entry a pointer designates, counted from 1 (`/acteurs/0/id` → 1): users count entries, not pointers. */
const entryNumber = (pointer: string) => Number(/\/(\d+)(?:\/|$)/.exec(pointer)?.[1] ?? 0) + 1;

/** French explanation of yaml's error codes; in English, yaml's own message is shown. */
const YAML_FR: Record<string, string> = {
  BAD_INDENT: 'indentation incorrecte : les éléments d’une même table ou liste doivent commencer à la même colonne, et un crochet ou une accolade ouverts doivent être refermés.',
  TAB_AS_INDENT: 'tabulation utilisée pour l’indentation : YAML n’accepte que des espaces.',
  MISSING_CHAR: 'caractère manquant (guillemet, crochet ou accolade non refermé, ou « : » attendu).',
  UNEXPECTED_TOKEN: 'élément inattendu à cet endroit.',
  BAD_SCALAR_START: 'une valeur ne peut pas commencer par ce caractère sans guillemets (mettez-la entre guillemets).',
  MULTILINE_IMPLICIT_KEY: 'une clé doit tenir sur une seule ligne (souvent : un « : » manquant ou une valeur mal indentée à la ligne précédente).',
  BLOCK_AS_IMPLICIT_KEY: 'un bloc ne peut pas servir de clé (souvent : un « : » manquant).',
  BLOCK_IN_FLOW: 'un bloc indenté ne peut pas se trouver entre crochets ou accolades.',
  BAD_DQ_ESCAPE: 'séquence d’échappement invalide dans un texte entre guillemets doubles (utilisez « \\\\ » pour une barre oblique inverse, ou des guillemets simples).',
  BAD_ALIAS: 'alias vers une ancre inexistante (« *nom » sans « &nom » avant).',
  BAD_DIRECTIVE: 'directive YAML invalide (ligne commençant par « % »).',
  KEY_OVER_1024_CHARS: 'clé de plus de 1 024 caractères.',
  MULTIPLE_ANCHORS: 'plusieurs ancres sur une même valeur.',
  MULTIPLE_TAGS: 'plusieurs étiquettes sur une même valeur.',
  BAD_PROP_ORDER: 'ancre ou étiquette mal placée.',
  ALIAS_PROPS: 'un alias ne peut pas porter d’ancre ni d’étiquette.',
  BAD_COLLECTION_TYPE: 'type de collection incorrect pour cette étiquette.',
};

/** What the JSON grammar expected where it stopped (tokens of `checkJsonSyntax`). */
export type JsonAttendu = 'echappement' | 'fin-texte-ligne' | 'fin-texte' | 'fin-fichier' | 'cle-virgule' | 'valeur-virgule' | 'virgule-ou-fermeture' | 'cle' | 'deux-points' | 'valeur';
const JSON_ATTENDU: Record<JsonAttendu, { fr: (close: string) => string; en: (close: string) => string }> = {
  echappement: { fr: () => 'un échappement valide (\\", \\\\, \\n, \\uXXXX…)', en: () => 'a valid escape (\\", \\\\, \\n, \\uXXXX…)' },
  'fin-texte-ligne': { fr: () => 'la fin du texte « " » (pas de retour à la ligne dans un texte)', en: () => 'the closing quote (no line break inside a string)' },
  'fin-texte': { fr: () => 'la fin du texte « " »', en: () => 'the closing quote' },
  'fin-fichier': { fr: () => 'la fin du fichier', en: () => 'the end of the file' },
  'cle-virgule': { fr: () => 'une clé entre guillemets (pas de virgule finale)', en: () => 'a quoted key (no trailing comma)' },
  'valeur-virgule': { fr: () => 'une valeur (pas de virgule finale)', en: () => 'a value (no trailing comma)' },
  'virgule-ou-fermeture': { fr: (c) => `« , » ou « ${c} »`, en: (c) => `"," or "${c}"` },
  cle: { fr: () => 'une clé entre guillemets', en: () => 'a quoted key' },
  'deux-points': { fr: () => '« : » après la clé', en: () => '":" after the key' },
  valeur: { fr: () => 'une valeur (texte entre guillemets, nombre, true, false, null, { ou [)', en: () => 'a value (quoted string, number, true, false, null, { or [)' },
};

/** Types of the schema (zod's names) as people say them. */
const TYPES: Record<string, { fr: string; en: string }> = {
  string: { fr: 'texte', en: 'text' },
  number: { fr: 'nombre', en: 'number' },
  int: { fr: 'nombre entier', en: 'whole number' },
  boolean: { fr: 'booléen (true ou false)', en: 'boolean (true or false)' },
  object: { fr: 'table (clé: valeur)', en: 'mapping (key: value)' },
  array: { fr: 'liste (éléments précédés de « - »)', en: 'list (items starting with "-")' },
  record: { fr: 'table (clé: valeur)', en: 'mapping (key: value)' },
};
const typeFr = (t: string) => TYPES[t]?.fr ?? t;
const typeEn = (t: string) => TYPES[t]?.en ?? t;

/** A value found in the file, described: `texte « abc »`, `nombre 01`, `liste de 2 élément(s)`… */
function describe(v: unknown, src: string | undefined, fr: boolean): string {
  if (v === null) return fr ? 'valeur vide' : 'empty value';
  if (typeof v === 'string') return fr ? `texte « ${valueText(v, 60)} »` : `text "${valueText(v, 60)}"`;
  if (typeof v === 'number') return `${fr ? 'nombre' : 'number'} ${src && /^[\d.+-]/.test(src) ? valueText(src, 60) : v}`;
  if (typeof v === 'boolean') return `${fr ? 'booléen' : 'boolean'} ${v}`;
  if (Array.isArray(v)) return fr ? `liste de ${v.length} élément(s)` : `list of ${v.length} item(s)`;
  if (typeof v === 'object') return fr ? 'table (clé: valeur)' : 'mapping (key: value)';
  return valueText(v);
}

/** A hint for the usual mistakes of YAML writers (GTEC-E010), chosen by `schema-problems.ts`. */
export type ConseilType = { type: 'zeros'; texte: string } | { type: 'guillemets'; texte: string } | { type: 'booleen'; texte: string; valeur: boolean } | { type: 'nombre'; nombre: string } | { type: 'liste'; texte: string };
const CONSEIL: { [K in ConseilType['type']]: { fr: (c: Extract<ConseilType, { type: K }>) => string; en: (c: Extract<ConseilType, { type: K }>) => string } } = {
  zeros: {
    fr: (c) => ` Mettez-le entre guillemets (« "${valueText(c.texte)}" ») : sans guillemets, YAML lit un nombre et perd les zéros initiaux.`,
    en: (c) => ` Quote it ("${valueText(c.texte)}"): unquoted, YAML reads a number and drops the leading zeros.`,
  },
  guillemets: { fr: (c) => ` Mettez la valeur entre guillemets (« "${valueText(c.texte)}" »).`, en: (c) => ` Quote the value ("${valueText(c.texte)}").` },
  booleen: { fr: (c) => ` Écrivez ${valueText(c.valeur)} (YAML 1.2 ne lit pas « ${valueText(c.texte)} » comme un booléen).`, en: (c) => ` Write ${valueText(c.valeur)} (YAML 1.2 does not read "${valueText(c.texte)}" as a boolean).` },
  nombre: {
    fr: (c) => ` Écrivez le nombre sans guillemets, espaces ni symbole, avec un point décimal : ${valueText(c.nombre)}.`,
    en: (c) => ` Write the number without quotes, spaces or symbol, with a decimal point: ${valueText(c.nombre)}.`,
  },
  liste: {
    fr: (c) => ` Pour une liste d’un seul élément : « [${valueText(c.texte)}] » ou « - ${valueText(c.texte)} » à la ligne.`,
    en: (c) => ` For a one-item list: "[${valueText(c.texte)}]" or "- ${valueText(c.texte)}" on the next line.`,
  },
};
const conseil = (c: ConseilType | undefined, lang: 'fr' | 'en') => (c ? (CONSEIL[c.type][lang] as (c: ConseilType) => string)(c) : '');

/** A bound of the schema (GTEC-E014, E015): the size or value found and the bound expected. */
type Borne = {
  value: unknown;
  limite: number;
  /** What is bounded (zod's `origin`): `string` (length), `array` (items), else a number. */
  origine: string;
  inclusive: boolean;
};
function borne(d: Borne, small: boolean, fr: boolean): string {
  const cmp = fr ? (small ? (d.inclusive ? 'au moins' : 'strictement plus que') : d.inclusive ? 'au plus' : 'strictement moins que') : small ? (d.inclusive ? 'at least' : 'more than') : d.inclusive ? 'at most' : 'less than';
  const sep = fr ? ' ; attendu : ' : '; expected ';
  if (d.origine === 'string') {
    if (small && d.limite === 1) return fr ? `Texte vide${sep}un texte non vide.` : `Empty text${sep}a non-empty text.`;
    const len = typeof d.value === 'string' ? d.value.length : 0;
    return fr ? `Texte de ${len} caractère(s)${sep}${cmp} ${valueText(d.limite)} caractère(s).` : `Text of ${len} character(s)${sep}${cmp} ${valueText(d.limite)} character(s).`;
  }
  if (d.origine === 'array') {
    const len = Array.isArray(d.value) ? d.value.length : 0;
    if (fr) return `${len ? `Liste de ${len} élément(s)` : 'Liste vide'}${sep}${cmp} ${valueText(d.limite)} élément(s).`;
    return `${len ? `List of ${len} item(s)` : 'Empty list'}${sep}${cmp} ${valueText(d.limite)} item(s).`;
  }
  return fr ? `Nombre ${valueText(d.value)}${sep}${cmp} ${String(d.limite).replace('.', ',')}.` : `Number ${valueText(d.value)}${sep}${cmp} ${valueText(d.limite)}.`;
}

/** Formats of the schema's regular expressions (GTEC-E016); `autre` shows zod's own message. */
export type FormatAttendu = 'identifiant' | 'date' | 'autre';
const FORMATS: Record<Exclude<FormatAttendu, 'autre'>, { fr: string; en: string }> = {
  identifiant: {
    fr: 'identifiant commençant par une lettre ou un chiffre, puis lettres, chiffres, « _ », « - » ou « . » (sans espace ni accent)',
    en: 'an id starting with a letter or digit, then letters, digits, "_", "-" or "." (no spaces or accents)',
  },
  date: { fr: 'date AAAA-MM-JJ, mois AAAA-MM ou année AAAA (mois 01 à 12, jour 01 à 31)', en: 'date YYYY-MM-DD, month YYYY-MM or year YYYY (month 01 to 12, day 01 to 31)' },
};

const RAISONS_CHEMIN: Record<RaisonChemin, { fr: string; en: string }> = {
  vide: { fr: 'il est vide', en: 'it is empty' },
  absolu: { fr: 'c’est un chemin absolu ou une adresse (URL)', en: 'it is an absolute path or a URL' },
  remonte: { fr: 'il sort du dossier du diagnostic (« .. »)', en: 'it leaves the diagnostic’s folder ("..")' },
  invalide: { fr: 'il contient un caractère interdit (« : » ou caractère de contrôle)', en: 'it contains a forbidden character (":" or a control character)' },
};

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Which quality of a declared métier (GTEC-I102). */
export type QualiteMetier = 'strategique' | 'en-mutation' | 'strategique-en-mutation';
const QUALITES: Record<QualiteMetier, { fr: string; en: string }> = {
  strategique: { fr: 'stratégique', en: 'strategic' },
  'en-mutation': { fr: 'en mutation', en: 'changing' },
  'strategique-en-mutation': { fr: 'stratégique et en mutation', en: 'strategic and changing' },
};

/** What a declared path designates (GTEC-E112, E113). */
export type CibleChemin = 'export-rome' | 'referentiel-csv' | 'correspondance';
const CIBLES: Record<CibleChemin, { fr: string; en: string; Fr: string; En: string }> = {
  'export-rome': { fr: 'dossier de l’export ROME 4.0', en: 'folder of the ROME 4.0 export', Fr: 'Dossier de l’export ROME 4.0', En: 'Folder of the ROME 4.0 export' },
  'referentiel-csv': { fr: 'fichier CSV du référentiel', en: 'CSV file of the referential', Fr: 'Fichier CSV du référentiel', En: 'CSV file of the referential' },
  correspondance: { fr: 'table de correspondance', en: 'crosswalk file', Fr: 'Table de correspondance', En: 'Crosswalk file' },
};

type Valeur = { value: string };
type ValeurSuggeree = { value: string; suggestion?: string };

export const Catalogue = defineCatalogue({
  // ───────────── Syntax (E001–E009) ─────────────
  'GTEC-E001': entry<{ yaml: string; detail: string }>({
    severity: 'error',
    title: 'Erreur de syntaxe YAML',
    fr: (d) => `Syntaxe YAML invalide : ${YAML_FR[d.yaml] ?? `${valueText(d.detail)}.`}`,
    en: (d) => `Invalid YAML syntax: ${valueText(d.detail)}`,
    exemple: { yaml: 'BAD_INDENT', detail: 'All mapping items must start at the same column' },
  }),
  'GTEC-E002': entry<{ caractere?: string; attendu: JsonAttendu; fermeture?: '}' | ']' }>({
    severity: 'error',
    title: 'Erreur de syntaxe JSON',
    fr: (d) => `Syntaxe JSON invalide : ${d.caractere === undefined ? 'fin du fichier' : `« ${valueText(d.caractere)} »`} trouvé, ${JSON_ATTENDU[d.attendu].fr(d.fermeture ?? '')} attendu.`,
    en: (d) => `Invalid JSON syntax: found ${d.caractere === undefined ? 'end of file' : `"${valueText(d.caractere)}"`}, expected ${JSON_ATTENDU[d.attendu].en(d.fermeture ?? '')}.`,
    exemple: { caractere: ']', attendu: 'valeur' },
  }),
  'GTEC-E003': entry<{ taille: number; limite: number }>({
    severity: 'error',
    title: 'Fichier trop volumineux',
    fr: (d) => `Le fichier fait ${valueText(d.taille)} caractères ; un diagnostic est limité à ${valueText(d.limite)} caractères. Les données volumineuses vont dans des fichiers de données (« sources »), pas dans le diagnostic.`,
    en: (d) => `The file has ${valueText(d.taille)} characters; a diagnostic is limited to ${valueText(d.limite)} characters. Large data belongs in data files ("sources"), not in the diagnostic.`,
    exemple: { taille: 10485760, limite: 5242880 },
  }),
  'GTEC-E004': entry<{ limite: number; mesure: 'alias' | 'valeurs'; cause?: string }>({
    severity: 'error',
    title: 'Trop d’alias YAML (expansion excessive)',
    fr: (d) =>
      `Les alias YAML (« *nom ») de ce fichier se développent en une structure excessive (${d.mesure === 'alias' ? `plus de ${valueText(d.limite)} alias` : `plus de ${valueText(d.limite)} valeurs une fois développé`}) : fichier refusé. Attendu : quelques alias tout au plus.`,
    en: (d) =>
      `The YAML aliases ("*name") of this file expand to an excessive structure (${d.mesure === 'alias' ? `more than ${valueText(d.limite)} aliases` : `more than ${valueText(d.limite)} values once expanded`}): file refused. Expected: a few aliases at most.`,
    exemple: { limite: 100, mesure: 'alias' },
  }),
  'GTEC-E005': entry<{ limite: number }>({
    severity: 'error',
    title: 'Imbrication trop profonde',
    fr: (d) => `Le document est imbriqué sur plus de ${valueText(d.limite)} niveaux : fichier refusé. Un diagnostic GTEC ne dépasse pas une dizaine de niveaux.`,
    en: (d) => `The document is nested more than ${valueText(d.limite)} levels deep: file refused. A GTEC diagnostic needs about ten levels at most.`,
    exemple: { limite: 64 },
  }),
  'GTEC-E006': entry<Valeur>({
    severity: 'error',
    title: 'Clé en double',
    fr: (d) => `La clé « ${valueText(d.value)} » apparaît deux fois dans la même table : seule une occurrence est permise.`,
    en: (d) => `Key "${valueText(d.value)}" appears twice in the same mapping: only one is allowed.`,
    exemple: { value: 'titre' },
  }),
  'GTEC-E007': entry({
    severity: 'error',
    title: 'Plusieurs documents dans le fichier',
    fr: () => `Le fichier contient plusieurs documents YAML (séparateur « --- ») : un fichier de diagnostic n’en contient qu’un.`,
    en: () => `The file contains several YAML documents ("---" separator): a diagnostic file holds exactly one.`,
    exemple: {},
  }),
  'GTEC-E008': entry({
    severity: 'error',
    title: 'Document vide',
    fr: () => `Le fichier est vide. Attendu : au moins « gtec: 1 », « titre », « territoire » et « periode ».`,
    en: () => `The file is empty. Expected at least "gtec: 1", "titre", "territoire" and "periode".`,
    exemple: {},
  }),
  'GTEC-E009': entry({
    severity: 'error',
    title: 'Clé non textuelle',
    fr: () => `Une clé de table doit être un simple texte (ici : une liste ou une table sert de clé).`,
    en: () => `A mapping key must be plain text (here a list or a mapping is used as a key).`,
    exemple: {},
  }),
  'GTEC-W001': entry<Valeur>({
    severity: 'warning',
    title: 'Étiquette YAML inconnue',
    fr: (d) => `Étiquette YAML inconnue « ${valueText(d.value)} » : elle est ignorée et la valeur est lue comme du texte.`,
    en: (d) => `Unknown YAML tag "${valueText(d.value)}": it is ignored and the value is read as text.`,
    exemple: { value: '!date' },
  }),
  'GTEC-W002': entry<{ value: number; limite: number; erreurs: number; avertissements: number; infos: number }>({
    severity: 'warning',
    title: 'Problèmes non affichés au-delà de la limite par fichier',
    fr: (d) =>
      `${nombre(d.value)} autre(s) problème(s) non affiché(s) : au plus ${nombre(d.limite)} problèmes sont signalés par fichier, les erreurs d’abord (non affichés : ${nombre(d.erreurs)} erreur(s), ${nombre(d.avertissements)} avertissement(s), ${nombre(d.infos)} info(s)). Corrigez les premiers puis vérifiez à nouveau.`,
    en: (d) =>
      `${d.value} more problem(s) not shown: at most ${d.limite} problems are reported per file, errors first (not shown: ${d.erreurs} error(s), ${d.avertissements} warning(s), ${d.infos} info(s)). Fix the first ones, then check again.`,
    exemple: { value: 129001, limite: 1000, erreurs: 129001, avertissements: 0, infos: 0 },
  }),
  // ───────────── Schema (E010–E019) ─────────────
  'GTEC-E010': entry<{ value: unknown; expected: string; source?: string; conseil?: ConseilType; suggestion?: string }>({
    severity: 'error',
    title: 'Type de valeur incorrect',
    fr: (d) => `${capital(describe(d.value, d.source, true))} trouvé ; attendu : ${typeFr(d.expected)}.${conseil(d.conseil, 'fr')}`,
    en: (d) => `Found ${describe(d.value, d.source, false)}; expected ${typeEn(d.expected)}.${conseil(d.conseil, 'en')}`,
    exemple: { value: 1, expected: 'string', source: '01', conseil: { type: 'zeros', texte: '01' }, suggestion: '"01"' },
  }),
  'GTEC-E011': entry<{ missingKey: string; parent?: string; expected?: string; valeurs?: string[] }>({
    severity: 'error',
    title: 'Clé obligatoire absente',
    fr: (d) => `Clé obligatoire « ${valueText(d.missingKey)} » absente${d.parent ? ` dans « ${valueText(d.parent)} »` : ''} ; attendu : ${d.valeurs ? `une des valeurs ${list(d.valeurs)}` : typeFr(d.expected ?? '')}.`,
    en: (d) => `Required key "${valueText(d.missingKey)}" missing${d.parent ? ` in "${valueText(d.parent)}"` : ''}; expected ${d.valeurs ? `one of ${listEn(d.valeurs)}` : typeEn(d.expected ?? '')}.`,
    exemple: { missingKey: 'titre', expected: 'string' },
  }),
  'GTEC-E012': entry<{ value: string; suggestion?: string; permises: string[] }>({
    severity: 'error',
    title: 'Clé inconnue',
    fr: (d) => `clé inconnue « ${valueText(d.value)} »${d.suggestion !== undefined ? `: vouliez-vous dire « ${valueText(d.suggestion)} » ?` : `. Clés permises ici : ${list(d.permises)}.`}`,
    en: (d) => `unknown key "${valueText(d.value)}"${d.suggestion !== undefined ? `: did you mean "${valueText(d.suggestion)}"?` : `. Keys allowed here: ${listEn(d.permises)}.`}`,
    exemple: { value: 'titr', suggestion: 'titre', permises: ['gtec', 'titre'] },
  }),
  'GTEC-E013': entry<{ value: unknown; permises: string[]; suggestion?: string }>({
    severity: 'error',
    title: 'Valeur non permise',
    fr: (d) => `Valeur « ${valueText(d.value)} » non permise ; valeurs possibles : ${list(d.permises)}.${suggestFr(d)}`,
    en: (d) => `Value "${valueText(d.value)}" is not allowed; possible values: ${listEn(d.permises)}.${suggestEn(d)}`,
    exemple: { value: 'regio', permises: ['departement', 'region'], suggestion: 'region' },
  }),
  'GTEC-E014': entry<Borne>({
    severity: 'error',
    title: 'Valeur trop petite',
    fr: (d) => borne(d, true, true),
    en: (d) => borne(d, true, false),
    exemple: { value: -1, limite: 0, origine: 'number', inclusive: true },
  }),
  'GTEC-E015': entry<Borne>({
    severity: 'error',
    title: 'Valeur trop grande',
    fr: (d) => borne(d, false, true),
    en: (d) => borne(d, false, false),
    exemple: { value: 7, limite: 5, origine: 'number', inclusive: true },
  }),
  'GTEC-E016': entry<{ value: unknown; format: FormatAttendu; detail?: string; suggestion?: string }>({
    severity: 'error',
    title: 'Format de texte incorrect',
    fr: (d) => `« ${valueText(d.value)} » n’a pas le format attendu : ${d.format === 'autre' ? valueText(d.detail) : FORMATS[d.format].fr}.`,
    en: (d) => `"${valueText(d.value)}" does not have the expected format: ${d.format === 'autre' ? valueText(d.detail) : FORMATS[d.format].en}.`,
    exemple: { value: '2024-13', format: 'date' },
  }),
  'GTEC-E017': entry<{ value: unknown }>({
    severity: 'error',
    title: 'Version du format non prise en charge',
    fr: (d) => `Version de format « gtec: ${valueText(d.value)} » non prise en charge : cet outil lit la version 1 (« gtec: 1 »).`,
    en: (d) => `Format version "gtec: ${valueText(d.value)}" is not supported: this tool reads version 1 ("gtec: 1").`,
    exemple: { value: 2 },
  }),
  'GTEC-E018': entry<{ value: number }>({
    severity: 'error',
    title: 'Nombre entier attendu',
    fr: (d) => `Nombre ${valueText(d.value)} trouvé ; attendu : un nombre entier.`,
    en: (d) => `Number ${valueText(d.value)} found; expected a whole number.`,
    exemple: { value: 2019.5 },
  }),
  // zod's code and message for an issue the schema does not produce today: opaque technical detail.
  'GTEC-E019': entry<{ value: unknown; zod: string; detail: string }>({
    severity: 'error',
    title: 'Valeur refusée par le schéma',
    fr: (d) => `Valeur refusée : ${valueText(d.detail)}.`,
    en: (d) => `Value refused: ${valueText(d.detail)}.`,
    exemple: { value: 'x', zod: 'custom', detail: 'Invalid input' },
  }),
  // ───────────── Internal (E090) ─────────────
  'GTEC-E090': entry<{ detail: string }>({
    severity: 'error',
    title: 'Erreur interne en vérifiant le fichier',
    fr: (d) => `Erreur interne de GTEC en vérifiant ce fichier (${valueText(d.detail)}) : il n’a pas pu être vérifié entièrement ; les autres fichiers le sont. C’est un défaut de l’outil, pas du fichier : signalez-le avec ce fichier.`,
    en: (d) => `Internal GTEC error while checking this file (${valueText(d.detail)}): it could not be checked completely; the other files are. This is a defect of the tool, not of the file: please report it with this file.`,
    exemple: { detail: 'Maximum call stack size exceeded' },
  }),
  // ───────────── References (E101–E105, W101–W103) ─────────────
  'GTEC-E101': entry<ValeurSuggeree>({
    severity: 'error',
    title: 'Acteur inconnu',
    fr: (d) => `Acteur « ${valueText(d.value)} » inconnu : aucun acteur de la section « acteurs » n’a cet identifiant.${suggestFr(d)}`,
    en: (d) => `Unknown actor "${valueText(d.value)}": no actor of the "acteurs" section has this id.${suggestEn(d)}`,
    exemple: { value: 'regoin', suggestion: 'region' },
  }),
  'GTEC-E102': entry<ValeurSuggeree>({
    severity: 'error',
    title: 'Ligne de financement inconnue',
    fr: (d) => `Financement « ${valueText(d.value)} » inconnu : aucune ligne de la section « financements » n’a cet identifiant.${suggestFr(d)}`,
    en: (d) => `Unknown financing line "${valueText(d.value)}": no line of the "financements" section has this id.${suggestEn(d)}`,
    exemple: { value: 'fse-2024', suggestion: 'fse-2025' },
  }),
  'GTEC-E103': entry<ValeurSuggeree>({
    severity: 'error',
    title: 'Indicateur inconnu',
    fr: (d) => `Indicateur « ${valueText(d.value)} » inconnu : aucun indicateur de « evaluation.indicateurs » n’a cet identifiant.${suggestFr(d)}`,
    en: (d) => `Unknown indicator "${valueText(d.value)}": no indicator of "evaluation.indicateurs" has this id.${suggestEn(d)}`,
    exemple: { value: 'nb-forme', suggestion: 'nb-formes' },
  }),
  'GTEC-E104': entry<{ value: string; section: string; premier: string }>({
    severity: 'error',
    title: 'Identifiant en double',
    fr: (d) => `« ${valueText(d.value)} » est déjà utilisé dans « ${valueText(d.section)} » par l’entrée n° ${entryNumber(d.premier)} : chaque identifiant doit être unique dans sa section.`,
    en: (d) => `"${valueText(d.value)}" is already used in "${valueText(d.section)}" by entry ${entryNumber(d.premier)}: each id must be unique in its section.`,
    exemple: { value: 'opco', section: 'acteurs', premier: '/acteurs/0/id' },
  }),
  // `referentiel` is the referential's label; `demo` marks the built-in demo referential, whose French label English words itself.
  'GTEC-E105': entry<{ value: string; referentiel: string; demo?: true; suggestion?: string; suggestions: string[]; libelles: string[] }>({
    severity: 'error',
    title: 'Code métier absent du référentiel',
    fr: (d) =>
      `Code métier « ${valueText(d.value)} » absent du référentiel ${valueText(d.referentiel)}.${d.suggestions.length ? ` Vouliez-vous dire ${d.suggestions.map((s, i) => `« ${valueText(s)} » (${valueText(d.libelles[i])})`).join(' ou ')} ?` : ''}`,
    en: (d) =>
      `Occupation code "${valueText(d.value)}" is not in ${d.demo ? 'the GTEC demo referential (40 ROME 4.0 occupations, skills written for the example)' : `the referential ${valueText(d.referentiel)}`}.${d.suggestions.length ? ` Did you mean ${d.suggestions.map((s) => `"${valueText(s)}"`).join(' or ')}?` : ''}`,
    exemple: { value: 'H2193', referentiel: 'ROME 4.0 v460', suggestion: 'H2913', suggestions: ['H2913'], libelles: ['Soudage manuel'] },
  }),
  'GTEC-W101': entry<{ value: string; ligne: string; roles: string[] }>({
    severity: 'warning',
    title: 'Financeur sans le rôle financement',
    fr: (d) => `L’acteur « ${valueText(d.value)} » finance la ligne « ${valueText(d.ligne)} » mais n’a pas le rôle « financement » (rôles : ${list(d.roles)}).`,
    en: (d) => `Actor "${valueText(d.value)}" finances line "${valueText(d.ligne)}" but lacks the "financement" role (roles: ${listEn(d.roles)}).`,
    exemple: { value: 'region', ligne: 'fse-2024', roles: ['pilotage'] },
  }),
  'GTEC-W102': entry<{ value: string; roles: string[] }>({
    severity: 'warning',
    title: 'Structure porteuse sans le rôle pilotage',
    fr: (d) => `La structure porteuse « ${valueText(d.value)} » n’a pas le rôle « pilotage » (rôles : ${list(d.roles)}).`,
    en: (d) => `The lead organisation "${valueText(d.value)}" lacks the "pilotage" role (roles: ${listEn(d.roles)}).`,
    exemple: { value: 'mde', roles: ['diagnostic'] },
  }),
  'GTEC-W103': entry<ValeurSuggeree>({
    severity: 'warning',
    title: 'Code qui ne ressemble pas à un code ROME 4',
    fr: (d) => `« ${valueText(d.value)} » ne ressemble pas à un code ROME 4.0 (une lettre A à N puis quatre chiffres, ex. H2913).${suggestFr(d)}`,
    en: (d) => `"${valueText(d.value)}" does not look like a ROME 4.0 code (a letter A to N then four digits, e.g. H2913).${suggestEn(d)}`,
    exemple: { value: 'h2913', suggestion: 'H2913' },
  }),
  'GTEC-W104': entry<{ value: string; role: string; roles: string[] }>({
    severity: 'warning',
    title: 'Acteur d’une fiche dans un rôle qu’il n’a pas',
    fr: (d) => `L’acteur « ${valueText(d.value)} » intervient dans la fiche comme « ${valueText(d.role)} » mais ce rôle n’est pas dans ses rôles (${list(d.roles)}).`,
    en: (d) => `Actor "${valueText(d.value)}" takes part in the action sheet as "${valueText(d.role)}" but this role is not among its roles (${listEn(d.roles)}).`,
    exemple: { value: 'opco', role: 'financement', roles: ['mise-en-oeuvre'] },
  }),
  // ───────────── Dates (E106–E109, W105) ─────────────
  'GTEC-E106': entry<{ debut: number; fin: number }>({
    severity: 'error',
    title: 'Période d’observation incohérente',
    fr: (d) => `Période d’observation incohérente : début ${valueText(d.debut)}, fin ${valueText(d.fin)}. Attendu : une année de début strictement antérieure à l’année de fin.`,
    en: (d) => `Inconsistent observation period: start ${valueText(d.debut)}, end ${valueText(d.fin)}. Expected a start year strictly before the end year.`,
    exemple: { debut: 2024, fin: 2019 },
  }),
  'GTEC-E107': entry<{ value: string; debut: string; fin: string }>({
    severity: 'error',
    title: 'Financement qui finit avant de commencer',
    fr: (d) => `La ligne de financement « ${valueText(d.value)} » finit (${valueText(d.fin)}) avant de commencer (${valueText(d.debut)}).`,
    en: (d) => `Financing line "${valueText(d.value)}" ends (${valueText(d.fin)}) before it starts (${valueText(d.debut)}).`,
    exemple: { value: 'fse', debut: '2025-01', fin: '2024-12' },
  }),
  'GTEC-E108': entry<{ value: string; debut: string; fin: string }>({
    severity: 'error',
    title: 'Calendrier de fiche qui finit avant de commencer',
    fr: (d) => `Le calendrier de la fiche « ${valueText(d.value)} » finit (${valueText(d.fin)}) avant de commencer (${valueText(d.debut)}).`,
    en: (d) => `The calendar of action sheet "${valueText(d.value)}" ends (${valueText(d.fin)}) before it starts (${valueText(d.debut)}).`,
    exemple: { value: 'fa1', debut: '2025-06', fin: '2025-01' },
  }),
  'GTEC-E109': entry<{ value: string; annee: number; mois: number; jours: number }>({
    severity: 'error',
    title: 'Date inexistante',
    fr: (d) => `La date « ${valueText(d.value)} » n’existe pas (${MOIS[d.mois - 1]} ${valueText(d.annee)} a ${valueText(d.jours)} jours).`,
    en: (d) => `Date "${valueText(d.value)}" does not exist (${MONTHS[d.mois - 1]} ${valueText(d.annee)} has ${valueText(d.jours)} days).`,
    exemple: { value: '2023-02-29', annee: 2023, mois: 2, jours: 28 },
  }),
  'GTEC-W105': entry<{ value: string; date: string; debut: string; fin: string }>({
    severity: 'warning',
    title: 'Étape hors du calendrier de la fiche',
    fr: (d) => `L’étape « ${valueText(d.value)} » (${valueText(d.date)}) est hors du calendrier de la fiche (${valueText(d.debut)} → ${valueText(d.fin)}).`,
    en: (d) => `Step "${valueText(d.value)}" (${valueText(d.date)}) falls outside the action sheet's calendar (${valueText(d.debut)} → ${valueText(d.fin)}).`,
    exemple: { value: 'Bilan', date: '2027-01', debut: '2025-01', fin: '2026-12' },
  }),
  // ───────────── Amounts (E110) ─────────────
  'GTEC-E110': entry<{ value: string; total: number; montant: number; depassement: number; fiches: string[] }>({
    severity: 'error',
    title: 'Ligne de financement dépassée',
    fr: (d) => `Les fiches action prennent ${euros(d.total)} sur la ligne « ${valueText(d.value)} », qui n’a que ${euros(d.montant)} (dépassement de ${euros(d.depassement)}). Fiches : ${list(d.fiches)}.`,
    en: (d) => `The action sheets take ${valueText(d.total)} € from line "${valueText(d.value)}", which only has ${valueText(d.montant)} € (over by ${valueText(d.depassement)} €). Action sheets: ${listEn(d.fiches)}.`,
    exemple: { value: 'fse', total: 120000, montant: 100000, depassement: 20000, fiches: ['fa1', 'fa2'] },
  }),
  // ───────────── Coverage (W106, I101, I102) ─────────────
  'GTEC-W106': entry<Valeur>({
    severity: 'warning',
    title: 'Fiche action sans indicateur',
    fr: (d) => `La fiche action « ${valueText(d.value)} » n’a aucun indicateur : son évaluation sera impossible. Ajoutez des identifiants d’indicateurs dans « indicateurs ».`,
    en: (d) => `Action sheet "${valueText(d.value)}" has no indicator: it cannot be evaluated. Add indicator ids to "indicateurs".`,
    exemple: { value: 'fa1' },
  }),
  'GTEC-I101': entry<Valeur>({
    severity: 'info',
    title: 'Indicateur utilisé par aucune fiche',
    fr: (d) => `L’indicateur « ${valueText(d.value)} » n’est cité par aucune fiche action.`,
    en: (d) => `Indicator "${valueText(d.value)}" is not used by any action sheet.`,
    exemple: { value: 'satisfaction' },
  }),
  'GTEC-I102': entry<{ value: string; qualite: QualiteMetier }>({
    severity: 'info',
    title: 'Métier déclaré stratégique ou en mutation sans fiche action',
    fr: (d) => `Le métier ${valueText(d.value)}, déclaré ${QUALITES[d.qualite].fr}, n’est cité par aucune fiche action.`,
    en: (d) => `Occupation ${valueText(d.value)}, declared ${QUALITES[d.qualite].en}, is not listed by any action sheet.`,
    exemple: { value: 'H2913', qualite: 'strategique' },
  }),
  // ───────────── Data files and referential (E111–E113) ─────────────
  'GTEC-E111': entry<{ value: string; raison: RaisonChemin }>({
    severity: 'error',
    title: 'Chemin de fichier refusé',
    fr: (d) => `Chemin « ${valueText(d.value)} » refusé : ${RAISONS_CHEMIN[d.raison].fr}. Attendu : un chemin relatif au dossier du diagnostic, sans « .. » qui en sorte (ex. « donnees/effectifs.csv »).`,
    en: (d) => `Path "${valueText(d.value)}" refused: ${RAISONS_CHEMIN[d.raison].en}. Expected a path relative to the diagnostic's folder, without ".." leaving it (e.g. "donnees/effectifs.csv").`,
    exemple: { value: '../../etc/passwd', raison: 'remonte' },
  }),
  'GTEC-E112': entry<{ value: string; missingKey: 'chemin'; cible: CibleChemin }>({
    severity: 'error',
    title: 'Chemin du référentiel manquant',
    fr: (d) => `Le référentiel de type « ${valueText(d.value)} » demande un « chemin » (${CIBLES[d.cible].fr}).`,
    en: (d) => `A referential of type "${valueText(d.value)}" needs a "chemin" (${CIBLES[d.cible].en}).`,
    exemple: { value: 'rome-officiel', missingKey: 'chemin', cible: 'export-rome' },
  }),
  'GTEC-E113': entry<{ value: string; cible: CibleChemin }>({
    severity: 'error',
    title: 'Fichier ou dossier introuvable',
    fr: (d) => `${CIBLES[d.cible].Fr} « ${valueText(d.value)} » introuvable (chemin relatif au dossier du diagnostic).`,
    en: (d) => `${CIBLES[d.cible].En} "${valueText(d.value)}" not found (path relative to the diagnostic's folder).`,
    exemple: { value: 'donnees/fap_rome.csv', cible: 'correspondance' },
  }),
});

export type FormatCode = CodeOf<typeof Catalogue>;
export type FormatData<K extends FormatCode> = DataOf<typeof Catalogue, K>;

export const makeFormatProblem = problemFactory(Catalogue);
