/**
 * The declared files exist (asynchronous: asks the host). Only paths that passed `checkPaths`
 * reach the host. Without a host (an untrusted workspace), these checks are skipped.
 */
import { checkRelativePath } from '../../data/paths.js';
import type { FileHost } from '../../host.js';
import type { Problem } from '../../problems.js';
import { makeFormatProblem } from '../problems-format.js';
import type { DiagnosticDoc } from '../schema.js';
import { declaredPaths } from './paths.js';

const WHAT = {
  source: { quoi: 'Fichier de données', what: 'Data file' },
  correspondance: { quoi: 'Table de correspondance', what: 'Crosswalk file' },
  referentiel: { quoi: 'Référentiel', what: 'Referential' },
};

export async function checkDataFiles(doc: DiagnosticDoc, host: FileHost): Promise<Problem[]> {
  const out: Problem[] = [];
  const listings = new Map<string, Promise<string[] | undefined>>();
  const exists = async (path: string, folder: boolean): Promise<boolean> => {
    if (folder) return (await host.listDirectory?.(path)) !== undefined || (await host.readFile(path)) !== undefined;
    if (!host.listDirectory) return (await host.readFile(path)) !== undefined;
    // Listing the parent folder is cheaper than reading a large workbook to learn it exists.
    const cut = path.lastIndexOf('/');
    const dir = cut < 0 ? '.' : path.slice(0, cut);
    if (!listings.has(dir)) listings.set(dir, host.listDirectory(dir));
    return (await listings.get(dir))?.includes(path.slice(cut + 1)) ?? false;
  };
  await Promise.all(
    declaredPaths(doc).map(async (p) => {
      const safe = checkRelativePath(p.chemin);
      if (!safe.ok) return;
      const folder = p.kind === 'referentiel' && doc.referentiel.type === 'rome-officiel';
      let found: boolean;
      try {
        found = await exists(safe.path, folder);
      } catch {
        // Unreadable (permissions…): the loader that reads it will say why.
        found = true;
      }
      if (!found) out.push(makeFormatProblem('GTEC-E113', p.pointer, { value: p.chemin, ...WHAT[p.kind] }));
    }),
  );
  return out;
}
