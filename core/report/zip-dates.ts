/**
 * exceljs zips the workbook with JSZip, which stamps every entry with the current time: two runs
 * differ in those bytes only. This rewrites the DOS date/time of every entry (local headers and
 * central directory) to one fixed instant, walking the zip structure from its end record rather
 * than searching for signatures inside compressed data.
 */

const FIN_REPERTOIRE = 0x06054b50;
const ENTREE_REPERTOIRE = 0x02014b50;
const ENTETE_LOCAL = 0x04034b50;

/** DOS time and date words for a date (UTC parts; DOS dates start in 1980). */
function dos(date: Date): { heure: number; jour: number } {
  const annee = Math.max(1980, date.getUTCFullYear());
  return {
    heure: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    jour: ((annee - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A copy of `zip` whose entries all carry `date`; the input unchanged if it is not a plain zip. */
export function figerDatesZip(zip: Uint8Array, date: Date): Uint8Array {
  const octets = zip.slice();
  const vue = new DataView(octets.buffer, octets.byteOffset, octets.byteLength);
  // The end record has no comment in JSZip output, but look back over the 64 KiB a comment may take.
  let fin = -1;
  for (let i = octets.length - 22; i >= Math.max(0, octets.length - 22 - 0xffff); i--) {
    if (vue.getUint32(i, true) === FIN_REPERTOIRE) {
      fin = i;
      break;
    }
  }
  if (fin < 0) return zip;
  const entrees = vue.getUint16(fin + 10, true);
  let pos = vue.getUint32(fin + 16, true);
  const { heure, jour } = dos(date);
  for (let n = 0; n < entrees; n++) {
    if (pos + 46 > octets.length || vue.getUint32(pos, true) !== ENTREE_REPERTOIRE) return zip;
    vue.setUint16(pos + 12, heure, true);
    vue.setUint16(pos + 14, jour, true);
    const local = vue.getUint32(pos + 42, true);
    if (local + 30 > octets.length || vue.getUint32(local, true) !== ENTETE_LOCAL) return zip;
    vue.setUint16(local + 10, heure, true);
    vue.setUint16(local + 12, jour, true);
    pos += 46 + vue.getUint16(pos + 28, true) + vue.getUint16(pos + 30, true) + vue.getUint16(pos + 32, true);
  }
  return octets;
}
