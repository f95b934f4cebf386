/**
 * Hand-built zip archives for tests: xlsx parts as given (deflated with node:zlib), and zip bombs
 * generated on the spot (never committed): a sheet that inflates to `size` bytes of one repeated
 * row from a few kilobytes, or an archive with many entries.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  name: string;
  data: Uint8Array | string;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** A zip of the parts, deflated, with a central directory (no ZIP64). */
export function zip(parts: readonly Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const deflated = new Map<string, Buffer>();
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? enc(p.data) : p.data;
    const key = typeof p.data === 'string' ? p.data : undefined;
    const data = (key !== undefined ? deflated.get(key) : undefined) ?? deflateRawSync(raw, { level: 9 });
    if (key !== undefined) deflated.set(key, data);
    const name = Buffer.from(p.name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(raw.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** A one-sheet workbook (sheet « Feuil1 ») whose sheetData is `rows` (inline XML). */
export function sheetWorkbook(rows: string, extra: Part[] = []): Uint8Array {
  return zip([
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: RELS },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>` },
    ...extra,
  ]);
}

/** A zip bomb: a valid workbook whose sheet inflates to about `size` bytes of rows without a value. */
export function bombWorkbook(size: number): Uint8Array {
  const row = '<row><c r="A1"/></row>';
  const body = Buffer.alloc(size, row);
  return sheetWorkbook(body.toString('latin1'));
}
