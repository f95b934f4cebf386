/**
 * CSV records and the line each one starts on, parsed by papaparse's low-level `Parser`: pure JS
 * (the browser build that bundlers pick for browser hosts has no Node built-in) and about as fast
 * as a plain split. The CSV tokenizer of the data readers, for any loader that needs line numbers.
 */
import Papa from 'papaparse';

export interface CsvRowsEnd {
  /** Lines where a record starts whose quote is never closed: that record and the rest of the
   * file are not delivered. */
  badQuoteLines: number[];
}

/**
 * Calls `onRow` with the cells of each record of `text` and the 1-based line where it starts;
 * `onRow` returns false to stop there. A blank line is a record of one empty cell. Line breaks
 * are \r\n, \n or \r, mixed or not; quoted values may hold the delimiter, doubled quotes and
 * line breaks. A value that opens a quote and goes on after closing it (`"Le Bon" coin`) is kept
 * as written, as csv-parse's `relax_quotes` did.
 */
export function parseCsvRows(
  text: string,
  delimiter: string,
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback returns nothing, or false to stop.
  onRow: (cells: string[], line: number) => boolean | void,
): CsvRowsEnd {
  const lf = text.includes('\n');
  // papaparse splits records on one kind of line break. It is given \n whenever the text has one,
  // and the \r of a \r\n is cut from an unquoted last cell (papaparse already skips it after a
  // closing quote), so that \r\n and \n may be mixed. A lone \r besides (old Mac lines next to
  // others) sends the whole text through the slower relaxed reader, which knows all three.
  const allRelaxed = lf && /\r(?!\n)/.test(text);
  const newline = lf || !text.includes('\r') ? '\n' : '\r';
  if (lf && text.endsWith('\r')) text = text.slice(0, -1);
  const relaxed = relaxedReader(text, delimiter);
  const lineBreaks = lineBreakCounter(text);
  const badQuoteLines: number[] = [];
  let line = 1;
  let start = 0;
  let stopped = false;
  // Only a record holding a quote can span lines: the others advance the line by one unscanned.
  let nextQuote = text.indexOf('"');
  // papaparse also takes `"x"  ;` as `x`, where csv-parse kept `"x"  `: a quote followed by
  // spaces and a delimiter or line break sends its record to the relaxed reader too (a false
  // alarm inside a quoted value only costs that record a slower read).
  const spacedQuote = new RegExp(`"[^\\S\\r\\n${delimiter === '\t' ? '\\t' : ''}]+(?=${delimiter}|[\\r\\n]|$)`, 'g');
  let nextSpaced = -1;

  const deliver = (cells: string[], recordLine: number) => {
    if (onRow(cells, recordLine) === false) stopped = true;
  };

  while (start < text.length && !stopped) {
    if (!allRelaxed) {
      let malformed = false;
      const parser: InstanceType<typeof Papa.Parser> = new Papa.Parser({
        delimiter,
        newline,
        // Not the split-everything shortcut papaparse takes on a text without quotes: a caller
        // that stops after a few records must not pay for the whole file.
        fastMode: false,
        step: ({ data, errors, meta }) => {
          const recordLine = line;
          const end = meta.cursor;
          if (nextQuote >= 0 && nextQuote < end) {
            if (nextSpaced < start) {
              spacedQuote.lastIndex = start;
              nextSpaced = spacedQuote.exec(text)?.index ?? text.length;
            }
            // papaparse reads `"Le Bon" coin` as a quote closed too early and swallows the text
            // up to the next quote: that record is read again below by the relaxed reader.
            if (nextSpaced < end || errors.some((e) => e.code === 'InvalidQuotes')) {
              malformed = true;
              parser.abort();
              return;
            }
            line += lineBreaks(start, end);
            nextQuote = text.indexOf('"', end);
          } else line++;
          start = end;
          if (errors.length) badQuoteLines.push(recordLine);
          else {
            const cells = data[0]!;
            const last = cells.length - 1;
            const v = cells[last]!;
            // The \r of \r\n ends an unquoted last cell (the raw text before the \n is the cell);
            // a quoted one keeps a \r written inside its quotes.
            if (lf && v.charCodeAt(v.length - 1) === 13 && text.startsWith(v, end - 1 - v.length)) cells[last] = v.slice(0, -1);
            deliver(cells, recordLine);
            if (stopped) parser.abort();
          }
        },
      });
      parser.parse(start ? text.slice(start) : text, start, false);
      if (!malformed) break;
    }
    const rec = relaxed(start);
    const recordLine = line;
    line += lineBreaks(start, rec.end);
    start = rec.end;
    nextQuote = text.indexOf('"', start);
    if (rec.cells) deliver(rec.cells, recordLine);
    else {
      badQuoteLines.push(recordLine);
      break;
    }
  }
  return { badQuoteLines };
}

/**
 * Counter of the line breaks in text[from, to) for successive, increasing ranges: \r\n, \n and \r,
 * as editors count them. The next \n and \r are remembered, so that a text without \r (or
 * without \n) is not searched to its end for every record.
 */
function lineBreakCounter(text: string): (from: number, to: number) => number {
  const len = text.length;
  const find = (c: string, i: number) => {
    const j = text.indexOf(c, i);
    return j < 0 ? len : j;
  };
  let lf = -1;
  let cr = -1;
  return (from, to) => {
    let n = 0;
    if (lf < from) lf = find('\n', from);
    for (; lf < to; lf = find('\n', lf + 1)) n++;
    if (cr < from) cr = find('\r', from);
    for (; cr < to; cr = find('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== 10) n++;
    return n;
  };
}

/**
 * Reads one record at a given offset as csv-parse's `relax_quotes` did, on \r\n, \n or \r: a
 * quoted value whose closing quote is followed by more text is kept with its quotes (doubled
 * ones made single) and that text, up to the next delimiter or line break. No cells when a quote
 * is never closed. The next delimiter and line breaks are remembered between calls, so that
 * reading a whole text record by record stays linear.
 */
function relaxedReader(text: string, d: string): (start: number) => { cells?: string[]; end: number } {
  const len = text.length;
  const next = { d: -1, lf: -1, cr: -1 };
  const find = (k: 'd' | 'lf' | 'cr', c: string, i: number) => {
    if (next[k] < i && next[k] !== len) {
      const j = text.indexOf(c, i);
      next[k] = j < 0 ? len : j;
    }
    return next[k];
  };
  const nextStop = (i: number) => Math.min(find('d', d, i), find('lf', '\n', i), find('cr', '\r', i));
  return (start) => {
    const cells: string[] = [];
    let i = start;
    for (;;) {
      let stop: number;
      if (text.charCodeAt(i) === 34) {
        let j = text.indexOf('"', i + 1);
        while (j >= 0 && text.charCodeAt(j + 1) === 34) j = text.indexOf('"', j + 2);
        if (j < 0) return { end: len };
        const value = text.slice(i + 1, j).replaceAll('""', '"');
        const c = text.charCodeAt(j + 1);
        if (j + 1 === len || c === 10 || c === 13 || text.startsWith(d, j + 1)) {
          cells.push(value);
          stop = j + 1;
        } else {
          stop = nextStop(j + 1);
          cells.push('"' + value + text.slice(j, stop));
        }
      } else {
        stop = nextStop(i);
        cells.push(text.slice(i, stop));
      }
      if (stop < len && text.startsWith(d, stop)) {
        i = stop + d.length;
        continue;
      }
      const crlf = text.charCodeAt(stop) === 13 && text.charCodeAt(stop + 1) === 10;
      return { cells, end: Math.min(len, stop + (crlf ? 2 : 1)) };
    }
  };
}
