/**
 * File bytes and folder listings cached per URI until the file changes on disk, so that validating
 * on each keystroke never re-reads data files. Values are kept by identity: the same bytes object
 * comes back until an invalidation, which makes "did this input change?" a pointer comparison.
 */
import type { FileHost, SourceCache } from '../../../core/index.js';
import { joinUri, type ServiceWorkspace } from './workspace.js';

const norm = (uri: string) => decodeURIComponent(uri).replace(/\/+$/, '');
const DONNEES = '$donnees/';

export class FileCache {
  private readonly files = new Map<string, Promise<Uint8Array | undefined>>();
  private readonly listings = new Map<string, Promise<string[] | undefined>>();

  constructor(private readonly workspace: ServiceWorkspace) {}

  /** A FileHost for a folder that reads through the cache; undefined when the folder is unreadable. */
  host(folderUri: string): FileHost | undefined {
    const inner = this.workspace.folder(folderUri);
    if (!inner) return undefined;
    const host: FileHost = {
      readFile: (p) => this.memo(this.files, this.key(folderUri, p), () => inner.readFile(p)),
      ...(inner.donnees !== undefined ? { donnees: inner.donnees } : {}),
    };
    const list = inner.listDirectory?.bind(inner);
    if (list) host.listDirectory = (p) => this.memo(this.listings, norm(joinUri(folderUri, p)), () => list(p));
    return host;
  }

  /**
   * The cache key of a file: its URI; for a `$donnees/…` file, `$donnees/…` itself (the declared
   * folder is the host's, and the service does not know its URI), matched by its end on change.
   */
  private key(folderUri: string, p: string): string {
    return p.startsWith(DONNEES) ? norm(p) : norm(joinUri(folderUri, p));
  }

  /** Forget changed files (and the listings of their folders). Returns true when something was cached. */
  invalidate(uris: readonly string[]): boolean {
    let hit = false;
    for (const u of uris.map(norm)) {
      hit = this.files.delete(u) || hit;
      // A file of the declared data folder: every `$donnees/…` key the changed URI ends with.
      for (const k of [...this.files.keys()]) if (k.startsWith(DONNEES) && u.endsWith(k.slice(DONNEES.length - 1))) hit = this.files.delete(k) || hit;
      const parent = u.slice(0, u.lastIndexOf('/'));
      hit = this.listings.delete(parent) || hit;
      hit = this.listings.delete(u) || hit;
    }
    return hit;
  }

  clear(): void {
    this.files.clear();
    this.listings.clear();
  }

  private memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let p = map.get(key);
    if (!p) {
      p = load();
      map.set(key, p);
      // A read error is not cached: the next validation tries again.
      p.catch(() => map.delete(key));
    }
    return p;
  }
}

/** Loaded sources kept: those of the few documents being edited (a parsed source weighs several times its bytes). */
const SOURCES_KEPT = 16;

/**
 * Loaded sources by declaration and by the bytes they were read from (the FileCache's objects:
 * identity until the file changes on disk): a full run after an edit elsewhere in the document does
 * not parse its data files again. The most recently used are kept.
 */
export function sourcesByBytes(max = SOURCES_KEPT): SourceCache {
  const m = new Map<string, { bytes: Uint8Array; loaded: Parameters<SourceCache['set']>[2] }>();
  return {
    get(key, bytes) {
      const e = m.get(key);
      if (!e || e.bytes !== bytes) return undefined;
      m.delete(key);
      m.set(key, e);
      return e.loaded;
    },
    set(key, bytes, loaded) {
      m.delete(key);
      m.set(key, { bytes, loaded });
      while (m.size > max) m.delete(m.keys().next().value as string);
    },
  };
}
