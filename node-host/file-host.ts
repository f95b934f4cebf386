/**
 * The Node `FileHost` shared by the CLI and the VS Code language server: files under one folder
 * (the diagnostic's), and `$donnees/…` files under the data folder the user declared, each read
 * through the one guarded path (guarded-read.ts: real path inside one of these two folders,
 * regular files only).
 */
import path from 'node:path';
import type { FileHost, LimitesDonnees } from '../core/index.js';
import { listGuarded, readGuarded, realFolders, type GuardedPath } from './guarded-read.js';

const DONNEES = '$donnees';

/**
 * `donnees`: the declared data folder as the user wrote it (relative to the current folder, or
 * absolute); shown in messages as written. `limites`: the size limits on data files (`--limites`,
 * GTEC_LIMITES), the defaults for those not set.
 */
export function nodeFileHost(rootDir: string, donnees?: string, limites?: Partial<LimitesDonnees>): FileHost {
  const root = path.resolve(rootDir);
  const dataDir = donnees !== undefined ? path.resolve(donnees) : undefined;
  let allowed: Promise<string[]> | undefined;
  const folders = () => (allowed ??= realFolders(dataDir ? [root, dataDir] : [root]));
  const locate = (p: string): GuardedPath | undefined => {
    const segs = p.split('/').filter((s) => s !== '' && s !== '.');
    if (segs[0] !== DONNEES) return { full: path.resolve(root, ...segs), base: root, shown: segs.join('/') || '.' };
    // The core asks for `$donnees/…` only when a data folder is declared.
    if (!dataDir) return undefined;
    return { full: path.resolve(dataDir, ...segs.slice(1)), base: dataDir, shown: segs.join('/') };
  };
  return {
    ...(donnees !== undefined ? { donnees } : {}),
    ...(limites ? { limites } : {}),
    async readFile(p) {
      const at = locate(p);
      return at ? readGuarded(at, await folders()) : undefined;
    },
    async listDirectory(p) {
      const at = locate(p);
      return at ? listGuarded(at, await folders()) : undefined;
    },
  };
}
