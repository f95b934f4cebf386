/**
 * A lean CSV scanner for the common case of the referential exports (France Travail quotes every
 * field, separates by commas, ends lines with \n): one pass of `indexOf` and `charCodeAt`, no
 * per-character state machine. It delivers the same records and start lines as `parseCsvRows`
 * (core/data/csv-rows.ts) on the texts it accepts, and gives up (returns false, having delivered
 * nothing) on anything else — a lone \r, a quote inside an unquoted value, text after a closing
 * quote — so that the caller forgets the records delivered and falls back to the general reader.
 *
 * `keep` (optional) says which columns the caller reads: the other cells are delivered as '' (no
 * substring kept), which saves the memory of the columns nobody looks at.
 *
 * The cells array given to `onRow` is the scanner's, reused two rows later: keep its strings, not
 * the array.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A cell that owns its characters: a long substring would otherwise keep the whole file's text
 * alive as long as the value is used (the referential keeps its labels for the whole run).
 */
const own = (s: string): string => (s.length < 13 ? s : s.padEnd(s.length + 1).slice(0, -1));

export function scanLeanCsv(text: string, delimiter: string, onRow: (cells: string[], line: number) => void, keep?: (header: string[]) => boolean[]): boolean {
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return false;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let kept: boolean[] | undefined;
  let pos = 0;
  let line = 1;
  /** Position of the next \n at or after some earlier position (n: none). */
  const nextBreak = (from: number) => {
    const i = text.indexOf('\n', from);
    return i < 0 ? n : i;
  };
  let nl = -1;
  let previous: string[] | undefined;
  // Two arrays in turn (this row's, the previous row's): no array per row.
  const spare: [string[], string[]] = [[], []];
  while (pos < n) {
    const recordLine = line;
    const cells = spare[previous === spare[0] ? 1 : 0];
    let col = 0;
    for (;;) {
      const wanted = kept === undefined || kept[col] === true;
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted: up to the next quote not doubled.
        let from = pos + 1;
        let parts: string | undefined;
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close < 0) return false;
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          if (wanted) parts = (parts ?? '') + text.slice(from, close + 1);
          from = close + 2;
        }
        if (!wanted) value = '';
        else if (parts !== undefined) value = parts + text.slice(from, close);
        else {
          // Sorted exports repeat a value on consecutive rows (the code of the fiche): the previous
          // row's string is reused, neither allocated again nor hashed again as a key.
          const prev = previous?.[col];
          value = prev !== undefined && prev.length === close - pos - 1 && text.startsWith(prev, pos + 1) ? prev : own(text.slice(pos + 1, close));
        }
        // Line breaks inside the value: the next break is searched once, not once per cell.
        if (nl < pos) nl = nextBreak(pos);
        while (nl < close) {
          line++;
          nl = nextBreak(nl + 1);
        }
        pos = close + 1;
        const c = pos < n ? text.charCodeAt(pos) : LF;
        if (c !== d && c !== LF && !(c === CR && text.charCodeAt(pos + 1) === LF)) return false;
      } else {
        // Unquoted: up to the delimiter or the end of the line; no quote allowed inside.
        let end = pos;
        for (; end < n; end++) {
          const c = text.charCodeAt(end);
          if (c === d || c === LF) break;
          if (c === QUOTE) return false;
        }
        let stop = end;
        if (stop > pos && text.charCodeAt(stop - 1) === CR && (end === n || text.charCodeAt(end) === LF)) stop--;
        value = wanted ? own(text.slice(pos, stop)) : '';
        pos = end;
      }
      cells[col++] = value;
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      if (c === d) {
        pos++;
        if (pos >= n) {
          cells[col++] = '';
          break;
        }
        continue;
      }
      // End of the record: \n or \r\n.
      pos += c === CR ? 2 : 1;
      line++;
      break;
    }
    if (cells.length !== col) cells.length = col;
    if (kept === undefined && keep && !(cells.length === 1 && cells[0] === '')) kept = keep(cells);
    onRow(cells, recordLine);
    previous = cells;
  }
  // As the general reader: a final line break ends with an empty record.
  if (n > 0 && text.charCodeAt(n - 1) === LF) onRow([''], line);
  return true;
}
