/**
 * Formula-injection neutralisation for every text a report exports to a spreadsheet or a CSV file
 * (OWASP "CSV Injection"). A text that a spreadsheet would read as a formula — it starts with
 * `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed, or their full-width forms, which
 * LibreOffice also accepts — gets a leading apostrophe so that it stays text.
 *
 * In xlsx, string cells are never evaluated, but a user who re-saves the sheet as CSV would write
 * the raw text, and reopening that CSV would run it: so the xlsx writer neutralises too. exceljs
 * 4.4 has no `quotePrefix` style (the hidden apostrophe of Excel), hence the visible one.
 */

const DECLENCHEURS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** True when a spreadsheet could read `texte` as a formula. */
export function estFormulePotentielle(texte: string): boolean {
  return texte.length > 0 && DECLENCHEURS.has(texte[0]!);
}

/** `texte`, prefixed with `'` when a spreadsheet could read it as a formula. */
export function neutralise(texte: string): string {
  return estFormulePotentielle(texte) ? "'" + texte : texte;
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
