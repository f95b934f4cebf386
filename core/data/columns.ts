/**
 * Which column of a table holds each field a source type needs: the source's `colonnes`, then
 * its preset, then a header named like the field (accents and case aside).
 */
import { COLONNES_SOURCE, type SourceDoc } from '../format/schema.js';
import { parsePointer, pointer as ptr, type Problem } from '../problems.js';
import { dataProblem } from './problems-data.js';
import type { Preset } from './presets.js';
import { ProblemSink } from './sink.js';
import { closest, normalizeName } from '../suggest.js';
import type { Table } from './table.js';

/** Fields a loader reads beyond COLONNES_SOURCE (DARES `emploi_moyen` for tension). */
const EXTRA: Partial<Record<SourceDoc['type'], string[]>> = { tension: ['emploi'] };

/** Every field a source of this type may map, required ones first. */
export function fieldsOf(type: SourceDoc['type']): { requis: string[]; tous: string[] } {
  const c = COLONNES_SOURCE[type];
  return { requis: c.requis, tous: [...new Set([...c.requis, ...c.optionnels, 'departement', 'region', ...(EXTRA[type] ?? [])])] };
}

export interface ColumnMap {
  /** Field → 0-based column index. */
  index: Map<string, number>;
  /** True when every required field has a column. */
  complete: boolean;
}

function findHeader(headers: readonly string[], wanted: string | RegExp): number {
  if (wanted instanceof RegExp) return headers.findIndex((h) => wanted.test(h));
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const n = normalizeName(wanted);
  return n === '' ? -1 : headers.findIndex((h) => normalizeName(h) === n);
}

/**
 * Resolves the fields of `source` against `table`'s headers. Problems: a field of `colonnes`
 * unknown for the type (W204), a declared header missing from the file (E210, with the closest
 * header), a required field with no column (E209).
 */
export function resolveColumns(source: SourceDoc, table: Table, preset: Preset | undefined, pointer: string): { map: ColumnMap; problems: Problem[] } {
  const sink = new ProblemSink(table.file, pointer);
  const at = (...segments: string[]) => ptr(...parsePointer(pointer), ...segments);
  const { requis, tous } = fieldsOf(source.type);
  const where = table.sheet ? { sheet: table.sheet } : {};
  const index = new Map<string, number>();
  // A field the preset fixes for the whole file needs no column (a national file has no zone).
  const fixes = new Set(Object.keys(preset?.fixes ?? {}).filter((f) => source.colonnes[f] === undefined));
  const declared = new Map<string, { header: string | RegExp; fromUser: boolean }>();
  for (const [f, h] of Object.entries(preset?.colonnes ?? {})) declared.set(f, { header: h, fromUser: false });
  for (const [f, h] of Object.entries(source.colonnes)) {
    if (!tous.includes(f)) {
      sink.add(dataProblem('GTEC-W204', at('colonnes', f), { value: f, type: source.type, fields: tous, suggestion: closest(f, tous) }));
      continue;
    }
    declared.set(f, { header: h, fromUser: true });
  }
  for (const f of tous) {
    if (fixes.has(f)) continue;
    const d = declared.get(f);
    if (d) {
      const i = findHeader(table.headers, d.header);
      if (i >= 0) index.set(f, i);
      else {
        const name = typeof d.header === 'string' ? d.header : d.header.source;
        sink.at('GTEC-E210', where, { field: f, value: name, headers: table.headers, suggestion: closest(name, table.headers) }, d.fromUser ? at('colonnes', f) : at('preset'));
      }
      continue;
    }
    const i = findHeader(table.headers, f);
    if (i >= 0) index.set(f, i);
    else if (requis.includes(f)) {
      sink.at('GTEC-E209', where, { field: f, headers: table.headers, suggestion: closest(f, table.headers), missingKey: f }, at('colonnes'));
    }
  }
  return { map: { index, complete: requis.every((f) => index.has(f) || fixes.has(f)) }, problems: sink.finish() };
}
