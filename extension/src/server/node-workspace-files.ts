/** The diagnostic files of a workspace folder on disk, for workspace diagnostics (workspace-files.ts). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GTEC_FILE, MAX_WORKSPACE_FILES as MAX_FILES, SKIPPED_FOLDERS as SKIPPED } from './workspace-files.js';

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
