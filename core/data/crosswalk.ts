/**
 * Crosswalk tables between nomenclatures (`correspondances`): a CSV or xlsx file with an origin
 * code column and a destination code column, one pair per line (a code may have several).
 */
import type { CorrespondanceDoc } from '../format/schema.js';
import type { FileHost } from '../host.js';
import { parsePointer, pointer as ptr, type Problem } from '../problems.js';
import { readDeclaredFile } from './open-source.js';
import { dataProblem } from './problems-data.js';
import type { CrosswalkTable } from './records.js';
import { ProblemSink } from './sink.js';
import { closest } from '../suggest.js';
import { columnLetters } from './column-letters.js';
import { readTable } from './table.js';
import { familleFap } from './niveau-fap.js';

export async function loadCorrespondance(decl: CorrespondanceDoc, host: FileHost, pointer: string): Promise<{ table?: CrosswalkTable; problems: Problem[] }> {
  const at = (...k: string[]) => ptr(...parsePointer(pointer), ...k);
  const read = await readDeclaredFile(decl.chemin, host, at('chemin'));
  if (!read.bytes || !read.path) return { problems: read.problems };
  const res = await readTable(read.bytes, { file: read.path, pointer: at('chemin') });
  const problems = [...res.problems];
  const t = res.table;
  if (!t) return { problems };
  const where = t.sheet ? { sheet: t.sheet } : {};
  const idx: number[] = [];
  for (const key of ['de', 'vers'] as const) {
    const header = decl.colonnes[key];
    const i = t.headers.indexOf(header);
    if (i < 0) {
      problems.push(dataProblem('GTEC-E210', at('colonnes', key), { ...where, file: t.file, field: key, value: header, headers: t.headers, suggestion: closest(header, t.headers) }, { location: { file: t.file, ...where } }));
    }
    idx.push(i);
  }
  const [iDe, iVers] = idx as [number, number];
  if (iDe < 0 || iVers < 0) return { problems };

  const sink = new ProblemSink(t.file, at('chemin'));
  const map = new Map<string, string[]>();
  for (const row of t.rows) {
    const lu = (row.cells[iDe] ?? '').trim();
    // niveau_de fap87: a FAP 225 code counts for its family (its ROME codes join the family's).
    const de = decl.niveau_de === 'fap87' ? (familleFap(lu) ?? lu) : lu;
    const vers = (row.cells[iVers] ?? '').trim();
    if (!de || !vers) {
      const col = de ? iVers : iDe;
      const header = t.headers[col] ?? '';
      sink.at('GTEC-W210', t.sheet ? { sheet: t.sheet, line: row.line, cell: `${columnLetters(col + 1)}${row.line}`, header } : { line: row.line, column: col + 1, header });
      continue;
    }
    const list = map.get(de);
    if (!list) map.set(de, [vers]);
    else if (!list.includes(vers)) list.push(vers);
  }
  return { table: { de: decl.de, vers: decl.vers, map }, problems: [...problems, ...sink.finish()] };
}
