/**
 * The cells of one worksheet, read straight from the workbook's XML parts (zip.ts): the sheet's
 * `<row>`/`<c>` elements scanned as the text inflates, without a DOM; shared strings read only as
 * far as the cells need them; date styles looked up. Cells are text, as exactly as the stored value
 * allows, the same text exceljs's object model gave: numbers as JavaScript writes them back
 * (`String(n)`), dates (a number with a date style) as `AAAA-MM-JJ` (with the time when there is
 * one), rich text joined, formulas as their cached result, booleans VRAI / FAUX, errors as shown
 * (`#N/A`), a merged range's value in each of its cells.
 */
import { entryString, entryText, InflateBudget, readZipDirectory, ZipRefusal, type ZipEntry, type ZipLimits } from './zip.js';

export interface SheetLimits extends ZipLimits {
  /** Characters in one cell; longer cells are cut. */
  cell: number;
  /** Rows read (by row number); the scan stops past it. */
  rows: number;
  /** Columns (by column number); cells further right are left out. */
  columns: number;
}

export interface SheetRows {
  /** Non-empty rows: 1-based row number, cells from column A. */
  rows: Array<{ line: number; cells: string[] }>;
  /** The first row past `limits.rows` holding something, when the scan stopped there. */
  tooManyRows?: number;
  /** Cells past `limits.columns`: how many, and the first one's reference. */
  tooManyColumns?: { count: number; first: string };
  /** Cells longer than `limits.cell`, cut: how many, the first one's reference and length. */
  tooLong?: { count: number; first: string; length: number };
}

export interface Workbook {
  /** Sheet names in the workbook's order. */
  sheets: string[];
  /** The rows of a sheet; `headerOnly`: only up to the first non-empty row. */
  readRows(name: string, headerOnly: boolean): Promise<SheetRows>;
}

/** Opens a workbook; throws `ZipRefusal` when the bytes are not an xlsx workbook or go over a limit. */
export async function openWorkbook(bytes: Uint8Array, limits: SheetLimits): Promise<Workbook> {
  const entries = readZipDirectory(bytes, limits);
  const budget = new InflateBudget(limits.decompressed, limits.ratio);
  const part = (path: string) => entries.get(path);
  const text = async (path: string) => {
    const e = part(path);
    return e ? entryString(bytes, e, budget) : undefined;
  };
  const wbXml = await text('xl/workbook.xml');
  if (wbXml === undefined) throw new ZipRefusal('invalide', 'xl/workbook.xml is missing');
  const rels = relations((await text('xl/_rels/workbook.xml.rels')) ?? '');
  const sheets: Array<{ name: string; path: string }> = [];
  for (const tag of wbXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const target = rels.get(attr(tag, 'r:id') ?? '');
    if (name !== undefined && target) sheets.push({ name: decodeXml(name), path: target });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(wbXml);
  const sharedEntry = part('xl/sharedStrings.xml');
  let shared: SharedStrings | undefined;
  let dateStyles: boolean[] | undefined;
  return {
    sheets: sheets.map((s) => s.name),
    async readRows(name, headerOnly) {
      const sheet = sheets.find((s) => s.name === name);
      const entry = sheet && part(sheet.path);
      if (!entry) return { rows: [] };
      shared ??= new SharedStrings(sharedEntry && entryText(bytes, sharedEntry, budget));
      dateStyles ??= readDateStyles((await text('xl/styles.xml')) ?? '');
      return new SheetScan(shared, dateStyles, date1904, limits, headerOnly).run(bytes, entry, budget);
    },
  };
}

/** Relationship id → part path under `xl/`. */
function relations(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of xml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id === undefined || target === undefined) continue;
    out.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return out;
}

function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const ENTITES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITES[e] ?? m;
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return n <= 0x10ffff ? String.fromCodePoint(n) : m;
    })
    .replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** The text of the `<t>` runs of a string item (phonetic runs `<rPh>` left out). */
function runsText(xml: string): string {
  const sansPhonetique = xml.indexOf('<rPh') < 0 ? xml : xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  if (sansPhonetique.startsWith('<t>') && sansPhonetique.indexOf('<', 3) === sansPhonetique.length - 4) return decodeXml(sansPhonetique.slice(3, -4));
  let out = '';
  for (const m of sansPhonetique.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1]!;
  return decodeXml(out);
}

/** The shared strings, read from their part only as far as the cells ask. */
class SharedStrings {
  readonly items: string[] = [];
  private buf = '';
  constructor(private source: AsyncGenerator<string> | undefined) {}

  /** Reads on until item `index` is known (or the part ends). */
  async ensure(index: number): Promise<void> {
    while (this.items.length <= index && this.source) {
      const next = await this.source.next();
      if (next.done) {
        this.source = undefined;
        this.scan(true);
      } else {
        this.buf += next.value;
        this.scan(false);
      }
    }
  }

  /** Stops reading the part (the sheet is done). */
  async close(): Promise<void> {
    await this.source?.return(undefined);
    this.source = undefined;
  }

  private scan(final: boolean): void {
    const b = this.buf;
    let p = 0;
    for (;;) {
      const s = b.indexOf('<si', p);
      if (s < 0) break;
      if (s + 3 >= b.length) {
        p = s;
        break;
      }
      const ch = b.charCodeAt(s + 3);
      if (ch === 47) {
        // <si/>
        const end = b.indexOf('>', s);
        if (end < 0) break;
        this.items.push('');
        p = end + 1;
        continue;
      }
      if (ch !== 62 && ch !== 32) {
        p = s + 3;
        continue;
      }
      const open = b.indexOf('>', s);
      const close = open < 0 ? -1 : b.indexOf('</si>', open);
      if (close < 0) {
        p = s;
        break;
      }
      this.items.push(runsText(b.slice(open + 1, close)));
      p = close + 5;
    }
    this.buf = final ? '' : b.slice(p);
  }
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30). */
const DATES_INTEGREES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const nu = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(nu) && !/^general$/i.test(nu.trim());
}

/** For each cell style (`s` index), whether its number format is a date. */
function readDateStyles(xml: string): boolean[] {
  const formats = new Map<number, string>();
  for (const tag of xml.match(/<numFmt\b[^>]*>/g) ?? []) formats.set(Number(attr(tag, 'numFmtId')), decodeXml(attr(tag, 'formatCode') ?? ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return (xfs.match(/<xf\b[^>]*>/g) ?? []).map((tag) => {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    const code = formats.get(id);
    return code !== undefined ? isDateFormat(code) : DATES_INTEGREES.has(id);
  });
}

/** Column and row of a cell reference: `C7` → [3, 7]; column 0 when there are no letters. */
function refOf(ref: string): [number, number] {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return [n, Number(ref.slice(i))];
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

const serialDate = (serial: number, date1904: boolean) => dateText(new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000)));

interface Pending {
  line: number;
  cols: number[];
  kinds: Array<string | undefined>;
  styles: Array<string | undefined>;
  raw: string[];
}

/** One pass over a sheet's XML, as it inflates. */
class SheetScan {
  private readonly out: SheetRows = { rows: [] };
  private readonly merges: string[] = [];
  private line = 0;
  private stop = false;
  /** The XML after </sheetData>, once reached. */
  private afterData: string | undefined;

  constructor(
    private readonly shared: SharedStrings,
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly limits: SheetLimits,
    private readonly headerOnly: boolean,
  ) {}

  async run(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<SheetRows> {
    let buf = '';
    let inData = false;
    try {
      for await (const piece of entryText(bytes, entry, budget)) {
        buf += piece;
        if (!inData) {
          const d = buf.indexOf('<sheetData');
          if (d < 0) {
            buf = buf.slice(Math.max(0, buf.length - 16));
            continue;
          }
          inData = true;
          buf = buf.slice(d);
        }
        buf = await this.rows(buf, false);
        if (this.stop) break;
      }
      if (!this.stop) await this.rows(buf, true);
    } finally {
      if (this.headerOnly || this.stop) await this.shared.close();
    }
    if (this.merges.length && !this.headerOnly) this.fillMerges();
    return this.out;
  }

  /** Reads the complete rows of `b`; returns what is left for the next piece. */
  private async rows(b: string, final: boolean): Promise<string> {
    if (this.afterData !== undefined) {
      this.afterData += b;
      if (final) this.readMerges();
      return '';
    }
    const end = b.indexOf('</sheetData>');
    const limit = end < 0 ? b.length : end;
    let p = 0;
    for (;;) {
      const r = b.indexOf('<row', p);
      if (r < 0 || r >= limit) break;
      if (r + 4 >= b.length) return final ? '' : b.slice(r);
      const ch = b.charCodeAt(r + 4);
      if (ch !== 32 && ch !== 62 && ch !== 47) {
        p = r + 4;
        continue;
      }
      const tagEnd = b.indexOf('>', r);
      if (tagEnd < 0 || tagEnd >= limit) {
        if (end >= 0 || final) break;
        return b.slice(r);
      }
      const selfClosing = b.charCodeAt(tagEnd - 1) === 47;
      const close = selfClosing ? tagEnd : b.indexOf('</row>', tagEnd);
      if (close < 0 || close > limit) {
        if (end >= 0 || final) break;
        return b.slice(r);
      }
      const n = attr(b.slice(r, tagEnd + 1), 'r');
      this.line = n !== undefined ? Number(n) : this.line + 1;
      p = selfClosing ? tagEnd + 1 : close + 6;
      if (selfClosing) continue;
      const pending = this.cells(b, tagEnd + 1, close);
      if (!pending.raw.length) continue;
      if (this.line > this.limits.rows) {
        this.out.tooManyRows = this.line;
        this.stop = true;
        return '';
      }
      await this.resolve(pending);
      if (this.stop) return '';
    }
    if (end >= 0) {
      // The merged ranges come after </sheetData>.
      this.afterData = b.slice(end);
      if (final) this.readMerges();
      return '';
    }
    if (final) return '';
    const last = b.lastIndexOf('<');
    return last >= p ? b.slice(last) : '';
  }

  private readMerges(): void {
    for (const m of (this.afterData ?? '').matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g)) this.merges.push(m[1]!);
    this.afterData = '';
  }

  /** The raw cells of one row body `b[from, to)`. */
  private cells(b: string, from: number, to: number): Pending {
    const pending: Pending = { line: this.line, cols: [], kinds: [], styles: [], raw: [] };
    let p = from;
    let col = 0;
    for (;;) {
      const c = b.indexOf('<c', p);
      if (c < 0 || c >= to) break;
      const ch = b.charCodeAt(c + 2);
      if (ch !== 32 && ch !== 62 && ch !== 47) {
        p = c + 2;
        continue;
      }
      const tagEnd = b.indexOf('>', c);
      const tag = b.slice(c, tagEnd + 1);
      const ref = attr(tag, 'r');
      col = ref !== undefined ? refOf(ref)[0] || col + 1 : col + 1;
      let inner = '';
      if (b.charCodeAt(tagEnd - 1) === 47) p = tagEnd + 1;
      else {
        const close = b.indexOf('</c>', tagEnd);
        inner = b.slice(tagEnd + 1, close);
        p = close + 4;
      }
      if (inner === '') continue;
      if (col > this.limits.columns) {
        const t = this.out.tooManyColumns;
        if (t) t.count++;
        else this.out.tooManyColumns = { count: 1, first: ref ?? `#${col}` };
        continue;
      }
      pending.cols.push(col);
      pending.kinds.push(attr(tag, 't'));
      pending.styles.push(attr(tag, 's'));
      pending.raw.push(inner);
    }
    return pending;
  }

  private async resolve(pending: Pending): Promise<void> {
    let maxShared = -1;
    for (let i = 0; i < pending.raw.length; i++) if (pending.kinds[i] === 's') maxShared = Math.max(maxShared, Number(value(pending.raw[i]!)));
    if (maxShared >= this.shared.items.length) await this.shared.ensure(maxShared);
    const cells: string[] = [];
    let any = false;
    for (let i = 0; i < pending.raw.length; i++) {
      let text = this.cellValue(pending.raw[i]!, pending.kinds[i], pending.styles[i]);
      if (text === '') continue;
      if (text.length > this.limits.cell) {
        const t = this.out.tooLong;
        const ref = `${letters(pending.cols[i]!)}${pending.line}`;
        if (t) t.count++;
        else this.out.tooLong = { count: 1, first: ref, length: text.length };
        text = text.slice(0, this.limits.cell);
      }
      const col = pending.cols[i]!;
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
      any = true;
    }
    if (!any) return;
    this.out.rows.push({ line: pending.line, cells });
    if (this.headerOnly && cells.some((c) => c.trim() !== '')) this.stop = true;
  }

  private cellValue(inner: string, t: string | undefined, s: string | undefined): string {
    if (t === 'inlineStr') {
      const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
      return is ? runsText(is[1]!) : '';
    }
    const v = value(inner);
    if (v === undefined) return '';
    switch (t) {
      case 's':
        return this.shared.items[Number(v)] ?? '';
      case 'str':
      case 'e':
        return decodeXml(v);
      case 'b':
        return v === '1' || v === 'true' ? 'VRAI' : 'FAUX';
      case 'd':
        return dateText(new Date(decodeXml(v)));
      default: {
        const x = Number(v);
        if (v.trim() === '' || Number.isNaN(x)) return decodeXml(v);
        return s !== undefined && this.dateStyles[Number(s)] ? serialDate(x, this.date1904) : String(x);
      }
    }
  }

  /** Each cell of a merged range shows the range's first cell, as Excel (and exceljs) show it. */
  private fillMerges(): void {
    const rows = this.out.rows;
    const byLine = new Map(rows.map((r) => [r.line, r]));
    let added = false;
    for (const m of this.merges) {
      const [a, b] = m.split(':') as [string, string];
      const [c1, r1] = refOf(a);
      const [c2, r2] = refOf(b);
      const master = byLine.get(r1)?.cells[c1 - 1] ?? '';
      if (master === '' || r2 > this.limits.rows || c2 > this.limits.columns || (r2 - r1 + 1) * (c2 - c1 + 1) > 1_000_000) continue;
      for (let r = r1; r <= r2; r++) {
        let row = byLine.get(r);
        if (!row) {
          row = { line: r, cells: [] };
          byLine.set(r, row);
          rows.push(row);
          added = true;
        }
        while (row.cells.length < c2) row.cells.push('');
        for (let c = c1; c <= c2; c++) row.cells[c - 1] = master;
      }
    }
    if (added) rows.sort((x, y) => x.line - y.line);
  }
}

/** The text of a cell's `<v>` element, undefined when it has none. */
function value(inner: string): string | undefined {
  const vs = inner.indexOf('<v');
  if (vs < 0) return undefined;
  const open = inner.indexOf('>', vs);
  if (inner.charCodeAt(open - 1) === 47) return undefined;
  return inner.slice(open + 1, inner.indexOf('</v>', open));
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
