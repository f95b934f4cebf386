/**
 * Bytes → text for data files as French offices save them: UTF-8 with or without BOM (LibreOffice,
 * recent Excel "CSV UTF-8"), Windows-1252 (Excel "CSV (séparateur : point-virgule)"), and UTF-16
 * when a BOM says so ("Texte Unicode").
 */

export type Encodage = 'auto' | 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  bom: boolean;
  /** Set when UTF-8 was imposed but the bytes are not valid UTF-8: where the first bad byte is
   * (0-based offset, 1-based line). The text then holds U+FFFD in its place. */
  invalide?: { offset: number; line: number };
  /** Set when `auto` fell back to Windows-1252 because the bytes are not valid UTF-8: where the
   * first bad byte is and its value. */
  repli?: { offset: number; line: number; byte: number };
}

/**
 * Decodes a data file. A BOM always wins (it cannot be an accident). Without one, `auto` reads
 * UTF-8 when the bytes are valid UTF-8 and Windows-1252 otherwise (a Windows-1252 é is the byte
 * 0xE9, never valid UTF-8 on its own).
 */
export function decodeText(bytes: Uint8Array, encodage: Encodage = 'auto'): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ...utf8(bytes.subarray(3)), bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (encodage === 'windows-1252') return { text: cp1252(bytes), encoding: 'windows-1252', bom: false };
  if (encodage === 'utf-8') return { ...utf8(bytes), bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { text: cp1252(bytes), encoding: 'windows-1252', bom: false, repli: { offset, line: lineOf(bytes, offset), byte: bytes[offset] ?? 0 } };
  }
}

/** 1-based line of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// Windows-1252 differs from ISO-8859-1 on 0x80–0x9F (€, ’, œ, …). Some runtimes (Node 20) decode
// the `windows-1252` label as ISO-8859-1, so those 32 bytes are mapped here; 0x81, 0x8D, 0x8F,
// 0x90 and 0x9D have no character and stay as the C1 code points.
const C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function cp1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80]!);
}

function utf8(bytes: Uint8Array): Omit<DecodedText, 'bom'> {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
      invalide: { offset, line: lineOf(bytes, offset) },
    };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let min = 0x80;
    let max = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) min = 0xa0; // no overlong forms
      if (c === 0xed) max = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) min = 0x90;
      if (c === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (x < lo || x > hi) return i;
    }
    i += n + 1;
  }
  return b.length;
}
