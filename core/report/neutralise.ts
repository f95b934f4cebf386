/**
 * Formula-injection neutralisation for every text a report exports to a spreadsheet or a CSV file
 * (OWASP "CSV Injection"). A text that a spreadsheet would read as a formula — it starts with
 * `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed, or their full-width forms, which
 * LibreOffice also accepts — gets a leading apostrophe so that it stays text.
 *
 * In xlsx, string cells are never evaluated, but a user who re-saves the sheet as CSV would write
 * the raw text, and reopening that CSV would run it: so the xlsx writer neutralises too. exceljs
 * 4.4 has no `quotePrefix` style (the hidden apostrophe of Excel), hence the visible one.
 *
 * Control characters are removed first (all but tab, CR and LF): exceljs drops them when it writes
 * a cell and spreadsheets skip them when they read one, so `\x01=HYPERLINK(…)` would otherwise be
 * stored as `=HYPERLINK(…)`. Invisible format characters (zero-width, bidirectional marks) are
 * skipped when deciding. Every CSV or TSV the toolkit writes goes through `ligneCsv`/`texteCsv`.
 */

const DECLENCHEURS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters to remove.
const CONTROLES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLES = /^[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+/;

/** True when a spreadsheet could read `texte` as a formula (control and invisible characters skipped). */
export function estFormulePotentielle(texte: string): boolean {
  const debut = texte.replace(CONTROLES, '').replace(INVISIBLES, '');
  return debut.length > 0 && DECLENCHEURS.has(debut[0]!);
}

/** `texte` without control characters (tab and line breaks kept), prefixed with `'` when a spreadsheet could read it as a formula. */
export function neutralise(texte: string): string {
  const propre = texte.replace(CONTROLES, '');
  return estFormulePotentielle(propre) ? "'" + propre : propre;
}

export type ValeurCsv = string | number | boolean | null | undefined;

/**
 * One CSV line (RFC 4180): text neutralised, then quoted when it holds the separator, a quote or a
 * line break; numbers written as-is (finite only), empty for null/undefined. No line terminator.
 */
export function ligneCsv(valeurs: readonly ValeurCsv[], separateur = ';'): string {
  return valeurs.map((v) => champCsv(v, separateur)).join(separateur);
}

/** A whole CSV text: one line per row, CRLF line ends (RFC 4180), final line end included. */
export function texteCsv(lignes: ReadonlyArray<readonly ValeurCsv[]>, separateur = ';'): string {
  return lignes.map((l) => ligneCsv(l, separateur) + '\r\n').join('');
}

function champCsv(v: ValeurCsv, separateur: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const texte = neutralise(v);
  return texte.includes(separateur) || /["\r\n]/.test(texte) ? '"' + texte.replace(/"/g, '""') + '"' : texte;
}
