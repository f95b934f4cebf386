/**
 * Checks a declared source without loading its records, for `gtec check`: the path is safe, the
 * file exists and decodes, the sheet exists, and every required field has a column.
 */
import type { FileHost } from '../host.js';
import type { SourceDoc } from '../format/schema.js';
import type { Problem } from '../problems.js';
import { resolveColumns } from './columns.js';
import { openSource } from './open-source.js';

export async function inspectSource(source: SourceDoc, host: FileHost, pointer: string): Promise<{ headers?: string[]; problems: Problem[] }> {
  const opened = await openSource(source, host, pointer, true);
  if (!opened.table) return { problems: opened.problems };
  const { problems } = resolveColumns(source, opened.table, opened.preset, pointer);
  return { headers: opened.table.headers, problems: [...opened.problems, ...problems] };
}
