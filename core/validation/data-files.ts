/**
 * The declared files exist and fit (asynchronous: asks the host). Sources are inspected by the
 * data loaders (`inspectSource`: file, sheet, columns; GTEC-E2xx), the referential by its loader
 * (validate.ts, GTEC-E3xx); crosswalk files are checked for existence here. Only paths that passed `checkPaths` reach the host,
 * and `$donnees/…` paths only when the host declares a data folder.
 * Without a host (an untrusted workspace), these checks are skipped.
 */
import { inspectSource } from '../data/inspect.js';
import { makeFormatProblem } from '../format/problems-format.js';
import type { DiagnosticDoc } from '../format/schema.js';
import type { FileHost } from '../host.js';
import { readablePath } from '../paths.js';
import { pointer, pushAll, type Problem } from '../problems.js';

export async function checkDataFiles(doc: DiagnosticDoc, host: FileHost): Promise<Problem[]> {
  const out: Problem[] = [];
  const tasks: Array<Promise<void>> = [];
  doc.sources.forEach((source, i) => {
    if (readablePath(source.chemin, host) === undefined) return;
    tasks.push(inspectSource(source, host, pointer('sources', i)).then((r) => void pushAll(out, r.problems)));
  });
  const others = doc.correspondances.map((c, i) => ({ chemin: c.chemin, ptr: pointer('correspondances', i, 'chemin'), folder: false, cible: 'correspondance' as const }));
  for (const f of others) {
    const safe = readablePath(f.chemin, host);
    if (safe === undefined) continue;
    tasks.push(
      exists(host, safe, f.folder).then((found) => {
        if (!found) out.push(makeFormatProblem('GTEC-E113', f.ptr, { value: f.chemin, cible: f.cible }));
      }),
    );
  }
  await Promise.all(tasks);
  return out;
}

async function exists(host: FileHost, path: string, folder: boolean): Promise<boolean> {
  try {
    if (folder && host.listDirectory) return (await host.listDirectory(path)) !== undefined;
    if (host.listDirectory) {
      // Listing the parent folder is cheaper than reading a large file to learn it exists.
      const cut = path.lastIndexOf('/');
      const names = await host.listDirectory(cut < 0 ? '.' : path.slice(0, cut));
      return names?.includes(path.slice(cut + 1)) ?? false;
    }
    return (await host.readFile(path)) !== undefined;
  } catch {
    // Unreadable (permissions…): the loader that reads it will say why.
    return true;
  }
}
