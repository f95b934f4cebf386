/**
 * Referentiels loaded once and reused across keystrokes, keyed by what they were read from: the
 * declaration, the folder, and the bytes of every file the loader read. A file that changes on
 * disk (FileCache invalidation) gives new bytes, so the next request reloads.
 */
import { type FileHost, type Problem, demoReferentiel, loadReferentiel, ReferentielIndex, type Referentiel, type DiagnosticDoc } from '../../../core/index.js';
import type { MetierLookup } from './context.js';
import type { FileCache } from './file-cache.js';

export interface LoadedReferentiel {
  referential?: Referentiel;
  lookup?: MetierLookup;
  problems: Problem[];
}

interface Entry {
  loaded: Promise<LoadedReferentiel>;
  /** Files the loader read, with the exact bytes (or listing) it got. */
  reads: Array<{ path: string; kind: 'file' | 'dir'; got: unknown }>;
}

function lookupOf(ref: Referentiel): MetierLookup {
  const index = new ReferentielIndex(ref);
  return {
    label: ref.label,
    metier: (code) => index.metier(code),
    search: (text, limit) =>
      index.search(text, limit).flatMap((hit) => {
        const metier = index.metier(hit.code);
        return metier ? [{ metier, trouve: hit.trouve }] : [];
      }),
  };
}

/** A host that remembers what it returned, for the content key of a cache entry. */
function recording(host: FileHost, reads: Entry['reads']): FileHost {
  const rec: FileHost = {
    async readFile(path) {
      const got = await host.readFile(path);
      reads.push({ path, kind: 'file', got });
      return got;
    },
  };
  if (host.listDirectory) {
    rec.listDirectory = async (path) => {
      const got = await host.listDirectory!(path);
      reads.push({ path, kind: 'dir', got });
      return got;
    };
  }
  return rec;
}

export class ReferentielCache {
  private readonly entries = new Map<string, Entry>();
  private demo?: LoadedReferentiel;

  constructor(private readonly files: FileCache) {}

  /**
   * The referential a document declares. `folderUri` is the document's folder; `fallbackFolderUri`
   * the setting used for `rome-officiel` without a `chemin`. Untrusted: only the built-in demo.
   */
  async get(decl: DiagnosticDoc['referentiel'], folderUri: string, trusted: boolean, fallbackFolderUri?: string): Promise<LoadedReferentiel> {
    if (decl.type === 'demo') {
      if (!this.demo) {
        const referential = demoReferentiel();
        this.demo = { referential, lookup: lookupOf(referential), problems: [] };
      }
      return this.demo;
    }
    if (!trusted) return { problems: [] };
    const useSetting = !decl.chemin && fallbackFolderUri;
    const base = useSetting ? fallbackFolderUri : folderUri;
    const effective = useSetting ? { ...decl, chemin: '.' } : decl;
    const host = this.files.host(base);
    if (!host) return { problems: [] };
    const key = `${base}\n${JSON.stringify(effective)}`;
    const old = this.entries.get(key);
    if (old && (await this.unchanged(old, host))) return old.loaded;
    const reads: Entry['reads'] = [];
    const loaded = loadReferentiel(effective, recording(host, reads), '/referentiel').then((r) => ({
      ...r,
      ...(r.referential ? { lookup: lookupOf(r.referential) } : {}),
    }));
    this.entries.set(key, { loaded, reads });
    return loaded;
  }

  private async unchanged(entry: Entry, host: FileHost): Promise<boolean> {
    await entry.loaded;
    for (const r of entry.reads) {
      const now = r.kind === 'file' ? await host.readFile(r.path) : await host.listDirectory?.(r.path);
      if (!sameContent(now, r.got)) return false;
    }
    return true;
  }
}

function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}
