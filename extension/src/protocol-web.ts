/**
 * Custom messages of the web build only (the language server in a Web Worker has no file system):
 * the server asks the client for the files it needs, and the client reads them through
 * `vscode.workspace.fs` with the rules of node-host/guarded-read.ts (client/web-files.ts).
 */
import type { FileRefusal } from '../../core/index.js';

/** Server → client: a data file (or a folder's names) a diagnostic declares. */
export const ReadDataRequest = 'gtec/web/readData';
export interface ReadDataParams {
  /** URI of the diagnostic's folder (no trailing slash). */
  folder: string;
  /** The path as the core asks it: relative POSIX, or `$donnees/…` for the declared data folder. */
  path: string;
  /** True: the names in the folder `path` instead of a file's bytes. */
  list?: boolean;
}
export type ReadDataResult = { kind: 'file'; base64: string } | { kind: 'dir'; names: string[] } | { kind: 'absent' } | { kind: 'refused'; refusal: FileRefusal } | { kind: 'error'; message: string };

/** Server → client: the URIs of the workspace's diagnostics (`*.gtec.yaml`, `*.gtec.yml`, `*.gtec.json`). */
export const WorkspaceFilesRequest = 'gtec/web/workspaceFiles';

/** Server → client: the text of a closed diagnostic of the workspace, or null. */
export const ReadDiagnosticRequest = 'gtec/web/readDiagnostic';
export interface ReadDiagnosticParams {
  uri: string;
}

/** Server → client: the script of the validation worker (`dist/web/validation-worker.js`), or null; the server starts it from a blob. */
export const ValidationWorkerRequest = 'gtec/web/validationWorker';

/**
 * What the web client adds to the initialization options: the error catalogue's place (the
 * extension's `dist/erreurs.md`, which the worker cannot read) and the line of each code's section.
 */
export interface WebInitOptions {
  docs?: { url: string; lines: Record<string, number> };
}
