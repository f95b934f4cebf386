/**
 * The web client's side of file reading: the language server runs in a Web Worker without a file
 * system and asks for each file (protocol-web.ts); the client reads it through
 * `vscode.workspace.fs` with the rules of node-host/guarded-read.ts, as far as they apply there:
 * - the path is relative without `..` (the core's `checkRelativePath`), under the diagnostic's
 *   folder, or under the declared data folder for `$donnees/…` (from the client's own settings);
 * - regular files only: a folder, or anything that is not a file, is refused (GTEC-E231);
 * - symbolic links: `workspace.fs` cannot tell where a link leads (no realpath), so a path with a
 *   link anywhere in it is refused (GTEC-E231; Node follows it when it stays inside);
 * - the `taille` limit of core/data/limits.ts is checked on `stat` before the bytes are transferred
 *   (GTEC-E220); the core checks the other limits (xlsx inflation, rows, columns) as everywhere.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { checkRelativePath, DONNEES, type FileRefusal, LIMITES_DEFAUT } from '../../../core/index.js';
import { toBase64 } from '../base64.js';
import { ReadDataRequest, ReadDiagnosticRequest, WorkspaceFilesRequest, type ReadDataParams, type ReadDataResult, type ReadDiagnosticParams } from '../protocol-web.js';
import { GTEC_FILE, MAX_WORKSPACE_FILES, SKIPPED_FOLDERS } from '../server/workspace-files.js';
import { isGtecDocument } from './status.js';

/** The folders the server may read from besides a diagnostic's own: the declared data and referential folders (URIs). */
export interface WebFolders {
  donnees(): vscode.Uri | undefined;
  referentiel(): vscode.Uri | undefined;
}

export function registerWebFiles(client: BaseLanguageClient, folders: WebFolders): vscode.Disposable[] {
  return [
    client.onRequest(ReadDataRequest, (p: ReadDataParams) => readData(p, folders)),
    client.onRequest(WorkspaceFilesRequest, () => workspaceDiagnostics()),
    client.onRequest(ReadDiagnosticRequest, (p: ReadDiagnosticParams) => readDiagnostic(p.uri)),
  ];
}

const isLink = (s: vscode.FileStat) => (s.type & vscode.FileType.SymbolicLink) !== 0;
const refused = (refusal: FileRefusal): ReadDataResult => ({ kind: 'refused', refusal });
const same = (a: vscode.Uri, b: vscode.Uri) => a.toString().replace(/\/+$/, '') === b.toString().replace(/\/+$/, '');

/** A folder the server may read a diagnostic's files from: in the workspace, or the folder of an open GTEC document. */
function diagnosticFolder(folder: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(folder) !== undefined || vscode.workspace.textDocuments.some((d) => isGtecDocument(d) && same(vscode.Uri.joinPath(d.uri, '..'), folder));
}

export async function readData(p: ReadDataParams, folders: WebFolders): Promise<ReadDataResult> {
  const checked = checkRelativePath(p.path);
  // The core refuses such a path (GTEC-E201) before it asks: nothing to read.
  if (!checked.ok) return { kind: 'absent' };
  const shown = checked.path;
  const segs = shown.split('/').filter((s) => s !== '' && s !== '.');
  const inDonnees = segs[0] === DONNEES;
  const folder = vscode.Uri.parse(p.folder);
  const referentiel = folders.referentiel();
  const base = inDonnees ? folders.donnees() : folder;
  if (!base) return { kind: 'absent' };
  // The server asks only for these folders; anything else is a fault, reported as unreadable (GTEC-E203).
  if (!inDonnees && !diagnosticFolder(folder) && !(referentiel && same(referentiel, folder))) return { kind: 'error', message: `outside the allowed folders: ${folder.toString()}` };
  const rel = inDonnees ? segs.slice(1) : segs;
  try {
    let at = base;
    let st = await vscode.workspace.fs.stat(base);
    for (const seg of rel) {
      at = vscode.Uri.joinPath(at, seg);
      st = await vscode.workspace.fs.stat(at);
      if (isLink(st)) return refused({ kind: 'pas-un-fichier', file: shown, what: 'lien' });
    }
    if (p.list) {
      if (!(st.type & vscode.FileType.Directory)) return { kind: 'absent' };
      const names = (await vscode.workspace.fs.readDirectory(at)).map(([name]) => name).sort();
      return { kind: 'dir', names };
    }
    if (st.type & vscode.FileType.Directory) return refused({ kind: 'pas-un-fichier', file: shown, what: 'dossier' });
    if (!(st.type & vscode.FileType.File)) return refused({ kind: 'pas-un-fichier', file: shown, what: 'autre' });
    if (st.size > LIMITES_DEFAUT.taille) return refused({ kind: 'trop-gros', file: shown, size: st.size, max: LIMITES_DEFAUT.taille });
    return { kind: 'file', base64: toBase64(await vscode.workspace.fs.readFile(at)) };
  } catch (e) {
    if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileNotADirectory')) return { kind: 'absent' };
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/** The workspace's diagnostics (URIs), in a stable order, the same folders skipped as on disk. */
async function workspaceDiagnostics(): Promise<string[]> {
  const exclude = `{${[...SKIPPED_FOLDERS].map((f) => `**/${f}/**`).join(',')},**/.*/**}`;
  const found = await vscode.workspace.findFiles('**/*.{gtec.yaml,gtec.yml,gtec.json}', exclude, MAX_WORKSPACE_FILES);
  return found
    .map((u) => u.toString())
    .filter((u) => GTEC_FILE.test(u))
    .sort();
}

/** A closed diagnostic's text: only a `*.gtec.*` file of the workspace. */
async function readDiagnostic(uri: string): Promise<string | null> {
  const at = vscode.Uri.parse(uri);
  if (!GTEC_FILE.test(at.path) || !vscode.workspace.getWorkspaceFolder(at)) return null;
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(at));
  } catch {
    return null;
  }
}
