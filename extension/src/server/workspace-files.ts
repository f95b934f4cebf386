/**
 * Workspace diagnostics: every `*.gtec.yaml` / `*.gtec.yml` / `*.gtec.json` of the workspace
 * folders has its problems in the Problems panel, open or not (setting `gtec.diagnostics.portee`:
 * `espace`, the default, or `fichiers-ouverts`). Closed files are read by the host (Node: from
 * disk, node-workspace-files.ts; web: through the client's `vscode.workspace.fs`) and validated one
 * after the other (deep pass: what an open file shows once idle).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';

export const GTEC_FILE = /\.gtec\.(ya?ml|json)$/i;
/** Folders never searched for diagnostics (dependencies, tools' caches, build outputs). */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.cache', 'dist', 'sortie']);
/** Enough for a repository of diagnostics; a folder holding more is not walked further. */
export const MAX_WORKSPACE_FILES = 2000;

export interface WorkspaceDiagnostics {
  /** Validates the closed files given (all when omitted), one after the other. */
  refresh(uris?: readonly string[]): Promise<void>;
  /** Drops a file's diagnostics (deleted, or the scope is open files only). */
  forget(uri: string): void;
  readonly known: ReadonlySet<string>;
}

export function workspaceDiagnostics(o: {
  folders: () => string[];
  /** The diagnostic files of a workspace folder (URIs), in a stable order. */
  find: (folderUri: string) => Promise<string[]>;
  /** A closed file as a document, or undefined when it cannot be read. */
  read: (uri: string) => Promise<TextDocument | undefined>;
  enabled: () => boolean;
  isOpen: (uri: string) => boolean;
  validate: (doc: TextDocument) => Promise<Diagnostic[]>;
  publish: (uri: string, diagnostics: Diagnostic[]) => void;
}): WorkspaceDiagnostics {
  const known = new Set<string>();
  let run = Promise.resolve();
  const validateClosed = async (uri: string) => {
    if (o.isOpen(uri) || !o.enabled()) return;
    const doc = await o.read(uri);
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
        const list = uris ?? (await Promise.all(o.folders().map(o.find))).flat();
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
