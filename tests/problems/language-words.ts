/**
 * Word lists that tell French text of ours from English text of ours, for the wording tests:
 * `frenchIn(text, sample)` lists French words, guillemets, elisions, accents or a space before
 * punctuation found in an English text; `englishIn` lists English words found in a French text.
 * The sample's own strings and quoted identifiers are left out of the scan.
 */

/** The strings of a value, deeply (the user's values of a sample). */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() ? [v] : [];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

const FR_WORDS = [
  'métier',
  'métiers',
  'fiche',
  'fiches',
  'passerelle',
  'passerelles',
  'référentiel',
  'correspondance',
  'crise',
  'croissance',
  'mutation',
  'stratégique',
  'porteur',
  'fichier',
  'ligne',
  'colonne',
  'feuille',
  'cellule',
  'valeur',
  'valeurs',
  'attendu',
  'trouvé',
  'introuvable',
  'illisible',
  'inconnu',
  'inconnue',
  'ignoré',
  'ignorée',
  'clé',
  'liste',
  'texte',
  'nombre',
  'chemin',
  'dossier',
  'écoulement',
  'offres',
  'demandeurs',
  'le',
  'la',
  'les',
  'des',
  'du',
  'une',
  'et',
  'est',
  'pas',
  'dans',
  'pour',
  'avec',
  'sans',
  'sur',
  'aucun',
  'aucune',
  'ou',
  'au',
  'aux',
  'ce',
  'cette',
  'qui',
  'que',
  'non',
  'chargé',
  'étape',
  'de',
];
const EN_WORDS = [
  'the',
  'of',
  'and',
  'is',
  'are',
  'not',
  'found',
  'expected',
  'missing',
  'unknown',
  'file',
  'line',
  'column',
  'sheet',
  'cell',
  'with',
  'without',
  'skipped',
  'ignored',
  'key',
  'value',
  'values',
  'should',
  'must',
  'from',
  'did',
  'mean',
  'least',
  'most',
  'empty',
  'text',
  'number',
  'list',
  'path',
  'folder',
  'quote',
  'occupation',
  'pathways',
  'referential',
  'step',
  'loaded',
  'error',
];
const word = (w: string) => new RegExp(`(?<![\\p{L}-])${w}(?![\\p{L}-])`, 'iu');

/** The message without the sample's own values and without quoted identifiers. */
function scanned(text: string, sample: unknown, lang: 'fr' | 'en'): string {
  let t = text;
  // Replaced by a neutral token, not removed, so that the punctuation around them is still seen.
  for (const s of strings(sample).sort((a, b) => b.length - a.length)) t = t.split(s).join('X');
  return lang === 'en' ? t.replace(/"[^"]*"/g, 'X').replace(/'[^']*'/g, 'X') : t.replace(/«[^»]*»/g, 'X');
}

export function frenchIn(text: string, sample: unknown = {}): string[] {
  const t = scanned(text, sample, 'en');
  const found = FR_WORDS.filter((w) => word(w).test(t));
  if (/[«»]/.test(text)) found.push('« »');
  if (/(?<!\p{L})[dln]’\p{L}/u.test(t)) found.push('élision');
  if (/[àâçéèêëîïôûùœ]/i.test(t)) found.push('accent');
  if (/\s[:;!?](\s|$)/.test(t)) found.push('espace avant ponctuation');
  return found;
}

export function englishIn(text: string, sample: unknown = {}): string[] {
  const t = scanned(text, sample, 'fr');
  return EN_WORDS.filter((w) => word(w).test(t));
}
