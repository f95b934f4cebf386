/**
 * A place in a data file as running text, for the hosts that show a problem's data location next
 * to its message (editor, add-in): « donnees.csv, ligne 3 », "bmo.xlsx, Sheet!F12".
 */
import { locales } from '../locale/index.js';
import type { DataLocation, Lang } from '../problems.js';

export function texteEmplacement(l: DataLocation, lang: Lang): string {
  const ou = l.cell !== undefined ? (l.sheet ? `${l.sheet}!${l.cell}` : l.cell) : l.line !== undefined ? locales[lang].editor.ligne(l.line) : (l.sheet ?? '');
  return [l.file, ou].filter(Boolean).join(', ');
}
