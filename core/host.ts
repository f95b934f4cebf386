/**
 * What the core needs from its host, passed in (never imported): reading the data files a
 * diagnostic declares. The CLI implements it over `fs`, the VS Code extension over its workspace,
 * the Excel add-in over files the user picked, tests over an in-memory map.
 *
 * Paths are POSIX-style, relative to the diagnostic's folder; the core refuses absolute paths and
 * `..` escapes before it ever calls the host.
 */
export interface FileHost {
  /** The bytes of a file, or `undefined` when it does not exist. May throw for an unreadable file. */
  readFile(relativePath: string): Promise<Uint8Array | undefined>;
  /** Names of the entries of a folder, or `undefined` when it does not exist. */
  listDirectory?(relativePath: string): Promise<string[] | undefined>;
  /** Size limits on the data files read through this host (core/data/limits.ts); defaults for what is not set. */
  limites?: Partial<LimitesDonnees>;
}

/** Size limits on data files (defaults and their use: core/data/limits.ts, docs/donnees.md). */
export interface LimitesDonnees {
  /** Bytes of one data file (CSV or xlsx, as stored). */
  taille: number;
  /** Bytes inflated from one xlsx workbook, all parts read together. */
  decompresse: number;
  /** Entries in one xlsx archive. */
  entrees: number;
  /** Inflated bytes per compressed byte of one xlsx part (checked past its first MiB), as Apache POI does. */
  taux: number;
  /** Characters in one cell; longer cells are cut. */
  cellule: number;
  /** Data rows of one file (xlsx: row number). */
  lignes: number;
  /** Columns of one file. */
  colonnes: number;
}

/** An in-memory host, for tests and for hosts that already hold the files (Excel task pane). */
export function memoryHost(files: Record<string, Uint8Array | string>): FileHost {
  const enc = new TextEncoder();
  const norm = (p: string) => p.replace(/^\.\//, '');
  const map = new Map(Object.entries(files).map(([k, v]) => [norm(k), typeof v === 'string' ? enc.encode(v) : v]));
  return {
    async readFile(p) {
      return map.get(norm(p));
    },
    async listDirectory(p) {
      const prefix = norm(p).replace(/\/?$/, '/');
      const names = new Set<string>();
      for (const k of map.keys()) {
        const rest = prefix === '/' ? k : k.startsWith(prefix) ? k.slice(prefix.length) : undefined;
        if (rest !== undefined) names.add(rest.split('/')[0]!);
      }
      return names.size ? [...names].sort() : undefined;
    },
  };
}
