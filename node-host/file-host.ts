/** The Node `FileHost` shared by the CLI and the VS Code language server: files under one folder (the diagnostic's), read with `fs`. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileHost } from '../core/index.js';

export function nodeFileHost(rootDir: string): FileHost {
  const resolve = (p: string) => path.resolve(rootDir, ...p.split('/'));
  return {
    async readFile(p) {
      try {
        return new Uint8Array(await readFile(resolve(p)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async listDirectory(p) {
      try {
        return (await readdir(resolve(p))).sort();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
  };
}
