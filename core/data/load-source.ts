/**
 * Loads a declared source into typed records (core/data/records.ts). Codes stay text as the file
 * shows them (leading zeros kept; a number cell of a workbook, such as bassin 101, becomes "101").
 * Numbers go through `parseNombre`: withheld values stay withheld, never zero. A bad cell is a
 * problem with its place; the row is skipped when the field is required, the other rows are kept.
 */
import type { FileHost } from '../host.js';
import type { SourceDoc } from '../format/schema.js';
import { parsePointer, pointer as ptr, type DataLocation, type Problem } from '../problems.js';
import { fieldsOf, resolveColumns } from './columns.js';
import { parseNombre } from './numbers.js';
import { openSource } from './open-source.js';
import type { LoadedSource } from './records.js';
import { ProblemSink } from './sink.js';
import { columnLetters } from './column-letters.js';
import { CODE_FORMS, CodeFormCheck } from './code-forms.js';

/** Fields holding numbers; the others are codes or labels (text). */
const NOMBRES = new Set(['effectif', 'projets', 'difficiles', 'saisonniers', 'classe', 'offres', 'demandeurs', 'sorties', 'etablissements', 'emploi']);
/** Official tension classes run from 1 (low) to 5 (very high). */
const BORNES: Record<string, [number, number]> = { classe: [1, 5] };

/**
 * Sources loaded by earlier runs, by declaration (and its place) and by the bytes read: a host that
 * runs the same diagnostic again and again (the editor, on each pause in typing) passes the same
 * cache, and a source whose declaration and file did not change is not parsed again. The host
 * owns it (how it compares bytes, how many it keeps); the core only reads and fills it.
 */
export interface SourceCache {
  get(key: string, bytes: Uint8Array): { loaded?: LoadedSource; problems: Problem[] } | undefined;
  set(key: string, bytes: Uint8Array, loaded: { loaded?: LoadedSource; problems: Problem[] }): unknown;
}

export async function loadSource(source: SourceDoc, host: FileHost, pointer: string): Promise<{ loaded?: LoadedSource; problems: Problem[] }> {
  const opened = await openSource(source, host, pointer, false);
  const preset = opened.preset;
  const table = opened.table;
  if (!table) return { problems: opened.problems };
  const cols = resolveColumns(source, table, opened.preset, pointer);
  if (!cols.map.complete) return { problems: [...opened.problems, ...cols.problems] };

  const sink = new ProblemSink(table.file, ptr(...parsePointer(pointer), 'chemin'));
  const requis = new Set(fieldsOf(source.type).requis);
  const columns = [...cols.map.index].map(([field, col]) => ({
    field,
    col,
    header: table.headers[col] ?? '',
    letters: columnLetters(col + 1),
    nombre: NOMBRES.has(field),
    requis: requis.has(field),
  }));
  const zoneOf = preset?.zone;
  const manquants = new Set(preset?.manquants ?? []);
  const fixes = Object.entries(preset?.fixes ?? {}).filter(([f]) => !cols.map.index.has(f));
  const records: Array<Record<string, unknown>> = [];
  const form = CODE_FORMS[source.nomenclature];
  const metierCol = columns.find((c) => c.field === 'metier');
  const formes = form && metierCol ? new CodeFormCheck<Partial<DataLocation> & { header: string }>(form) : undefined;

  for (const row of table.rows) {
    const place = (c: (typeof columns)[number]): Partial<DataLocation> & { header: string } => {
      // A reshaped wide file: the cell's own column in the file.
      const col = row.colonnes?.[c.col];
      if (col !== undefined) return table.sheet ? { sheet: table.sheet, line: row.line, cell: `${columnLetters(col + 1)}${row.line}`, header: c.header } : { line: row.line, column: col + 1, header: c.header };
      return table.sheet ? { sheet: table.sheet, line: row.line, cell: `${c.letters}${row.line}`, header: c.header } : { line: row.line, column: c.col + 1, header: c.header };
    };
    const rec: Record<string, unknown> = {};
    let ok = true;
    for (const [f, v] of fixes) rec[f] = f === 'annee' ? Number(v) : v;
    for (const c of columns) {
      const lu0 = row.cells[c.col] ?? '';
      const texte = preset?.textes?.[c.field];
      const raw = manquants.has(lu0.trim()) ? '' : texte ? texte(lu0) : lu0;
      if (c.field === 'annee') {
        if (raw.trim() === '') continue;
        const lu = parseNombre(raw);
        const v = lu.ok ? lu.value.valeur : null;
        if (v === null || !Number.isInteger(v) || v < 1950 || v > 2100) {
          sink.at('GTEC-E213', place(c), { value: raw, field: c.field });
          ok = false;
        } else rec.annee = v;
      } else if (c.nombre) {
        const lu = parseNombre(raw);
        if (!lu.ok) {
          sink.at('GTEC-E211', place(c), { value: raw, field: c.field });
          if (c.requis) ok = false;
          continue;
        }
        const v = lu.value.valeur;
        const bornes = BORNES[c.field];
        if (v !== null && bornes && (v < bornes[0] || v > bornes[1])) {
          sink.at('GTEC-E215', place(c), { value: v, field: c.field, min: bornes[0], max: bornes[1] });
          ok = false;
          continue;
        }
        if (v !== null && v < 0) sink.at('GTEC-W207', place(c), { value: v, field: c.field });
        const echelle = preset?.echelles?.[c.field];
        rec[c.field] = echelle !== undefined && v !== null ? { ...lu.value, valeur: v * echelle } : lu.value;
      } else {
        const t = raw.trim();
        if (t !== '' && formes && c === metierCol && !preset?.totaux?.includes(t)) formes.add(t, () => place(c));
        if (t !== '') rec[c.field] = t;
        else if (c.requis) {
          sink.at('GTEC-E212', place(c), { value: raw, field: c.field });
          ok = false;
        }
      }
    }
    if (!ok) continue;
    if (zoneOf) {
      const z = zoneOf({ zone: rec.zone as string, region: rec.region as string | undefined, departement: rec.departement as string | undefined });
      if (!z) {
        const c = columns.find((k) => k.field === 'zone')!;
        sink.at('GTEC-E216', place(c), { value: rec.zone });
        continue;
      }
      delete rec.region;
      delete rec.departement;
      Object.assign(rec, z);
    }
    if (rec.annee === undefined && source.annee !== undefined) rec.annee = source.annee;
    rec.origine = table.sheet ? { file: table.file, sheet: table.sheet, line: row.line } : { file: table.file, line: row.line };
    records.push(rec);
  }
  if (formes?.first) sink.at('GTEC-W221', formes.first, { field: 'metier', nomenclature: source.nomenclature, value: formes.count, exemples: formes.exemples, pattern: formes.form.pattern });
  // Every required field was checked above (mapped, non-empty or a number), so each record has
  // the shape of its type's record.
  const loaded = { type: source.type, source, records } as unknown as LoadedSource;
  return { loaded, problems: [...opened.problems, ...cols.problems, ...sink.finish()] };
}
