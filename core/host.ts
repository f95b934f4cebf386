/**
 * What the core needs from its host, passed in (never imported): reading the data files a
 * diagnostic declares. The CLI implements it over `fs`, the VS Code extension over its workspace,
 * the Excel add-in over files the user picked, tests over an in-memory map.
 *
 * Paths are POSIX-style, relative to the diagnostic's folder, or starting with `$donnees/` for the
 * data folder the user declared (`donnees`); the core refuses absolute paths and `..` escapes
 * before it ever calls the host, and never asks for a `$donnees/` path when `donnees` is unset.
 */
export interface FileHost {
  /**
   * The bytes of a file, or `undefined` when it does not exist. May throw for an unreadable file;
   * throws a `FileRefusedError` for a file it refuses to read (a link out of the allowed folders,
   * not a regular file).
   */
  readFile(relativePath: string): Promise<Uint8Array | undefined>;
  /** Names of the entries of a folder, or `undefined` when it does not exist. */
  listDirectory?(relativePath: string): Promise<string[] | undefined>;
  /**
   * The data folder the user declared (`--donnees`, `GTEC_DONNEES`, setting `gtec.donnees`), as the
   * user wrote it (shown in messages): `$donnees/…` paths are read from it. Unset: not declared.
   */
  donnees?: string;
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

/**
 * Why a host refuses a file: `hors-dossier`, its real path (after symbolic links) lies outside the
 * diagnostic's folder and the declared data folder; `pas-un-fichier`, it is a FIFO, a device, a
 * socket or a folder; `lien-git`, a symbolic link stored in a git revision. `link` is the path
 * (as the diagnostic names it) of the link that leads away, `target` where it points.
 * `what: 'lien'`: a host that cannot tell where a symbolic link leads (the web extension) refuses it.
 * `trop-gros`: a host that knows a file's size before reading it (the web extension, through
 * `vscode.workspace.fs.stat`) refuses one larger than the `taille` limit without transferring it.
 */
export type FileRefusal =
  | { kind: 'hors-dossier'; file: string; link: string; target: string }
  | { kind: 'pas-un-fichier'; file: string; what: 'fifo' | 'peripherique' | 'socket' | 'dossier' | 'lien' | 'autre' }
  | { kind: 'lien-git'; file: string; link: string; target: string }
  | { kind: 'trop-gros'; file: string; size: number; max: number };

/** Thrown by a host that refuses a file; the core turns it into a problem (GTEC-E230, E231, E233). */
export class FileRefusedError extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(`${refusal.kind}: ${refusal.file}`);
    this.name = 'FileRefusedError';
  }
}

/** The refusal an error carries, if it is one (by shape, so that it survives two copies of the core). */
export function refusalOf(e: unknown): FileRefusal | undefined {
  const r = (e as { refusal?: FileRefusal } | null)?.refusal;
  return r && typeof r === 'object' && typeof r.kind === 'string' && typeof r.file === 'string' ? r : undefined;
}

/**
 * An in-memory host, for tests and for hosts that already hold the files (Excel task pane).
 * `donnees` declares a data folder: files under `$donnees/…` keys are then readable.
 */
export function memoryHost(files: Record<string, Uint8Array | string>, donnees?: string): FileHost {
  const enc = new TextEncoder();
  const norm = (p: string) => p.replace(/^\.\//, '');
  const map = new Map(Object.entries(files).map(([k, v]) => [norm(k), typeof v === 'string' ? enc.encode(v) : v]));
  return {
    ...(donnees !== undefined ? { donnees } : {}),
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
