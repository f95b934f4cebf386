/**
 * Workspace diagnostics: every `*.gtec.yaml` / `*.gtec.yml` / `*.gtec.json` of the workspace
 * folders has its problems in the Problems panel, open or not (setting `gtec.diagnostics.portee`:
 * `espace`, the default, or `fichiers-ouverts`). Closed files are read from disk and validated in
 * the validation worker one after the other (deep pass: what an open file shows once idle).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';

export const GTEC_FILE = /\.gtec\.(ya?ml|json)$/i;
const SKIPPED = new Set(['node_modules', '.git', '.cache', 'dist', 'sortie']);
/** Enough for a repository of diagnostics; a folder holding more is not walked further. */
const MAX_FILES = 2000;

/** The diagnostic files under `folder` (URIs), in a stable order. */
export async function findGtecFiles(folderUri: string): Promise<string[]> {
  if (!folderUri.startsWith('file:')) return [];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (found.length >= MAX_FILES) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.isDirectory() && !SKIPPED.has(e.name) && !e.name.startsWith('.')) await walk(path.join(dir, e.name));
      else if (e.isFile() && GTEC_FILE.test(e.name) && found.length < MAX_FILES) found.push(pathToFileURL(path.join(dir, e.name)).href);
    }
  };
  await walk(fileURLToPath(folderUri));
  return found;
}

/** A closed file as a document (its text from disk), or undefined when it cannot be read. */
export async function diskDocument(uri: string): Promise<TextDocument | undefined> {
  const text = await readFile(fileURLToPath(uri), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : TextDocument.create(uri, /\.json$/i.test(uri) ? 'gtec-json' : 'gtec', 0, text);
}

export interface WorkspaceDiagnostics {
  /** Validates the closed files given (all when omitted), one after the other. */
  refresh(uris?: readonly string[]): Promise<void>;
  /** Drops a file's diagnostics (deleted, or the scope is open files only). */
  forget(uri: string): void;
  readonly known: ReadonlySet<string>;
}

export function workspaceDiagnostics(o: {
  folders: () => string[];
  enabled: () => boolean;
  isOpen: (uri: string) => boolean;
  validate: (doc: TextDocument) => Promise<Diagnostic[]>;
  publish: (uri: string, diagnostics: Diagnostic[]) => void;
}): WorkspaceDiagnostics {
  const known = new Set<string>();
  let run = Promise.resolve();
  const validateClosed = async (uri: string) => {
    if (o.isOpen(uri) || !o.enabled()) return;
    const doc = await diskDocument(uri);
    if (!doc) return;
    const diagnostics = await o.validate(doc).catch(() => undefined);
    // Opened meanwhile: the editor's own validation publishes.
    if (diagnostics && !o.isOpen(uri) && o.enabled()) o.publish(uri, diagnostics);
  };
  return {
    known,
    refresh(uris) {
      run = run.then(async () => {
        if (!o.enabled()) {
          for (const u of known) if (!o.isOpen(u)) o.publish(u, []);
          known.clear();
          return;
        }
        const list = uris ?? (await Promise.all(o.folders().map(findGtecFiles))).flat();
        for (const u of list) known.add(u);
        for (const u of list) await validateClosed(u);
      });
      return run;
    },
    forget(uri) {
      known.delete(uri);
      o.publish(uri, []);
    },
  };
}
