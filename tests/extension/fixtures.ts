/** Fixture documents with a cursor marker `|`, and an in-memory workspace for the language service. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { memoryHost, type FileHost } from '../../core/host.js';
import type { ServiceWorkspace } from '../../extension/src/service/workspace.js';

export const FOLDER = 'file:///ws';
export const URI = `${FOLDER}/test.gtec.yaml`;

/** A valid diagnostic without data (sources come with each test). */
export const BASE = `# Diagnostic de test
gtec: 1
titre: Bassin de test   # le titre
territoire:
  nom: Bassin test
  type: zone-emploi
  codes: ['9901']
periode:
  debut: 2019
  fin: 2024
`;

let version = 0;

/** The document and, if the text holds `|`, the cursor position there (the marker is removed). */
export function fixture(text: string, uri = URI) {
  const offset = text.indexOf('|');
  const clean = offset < 0 ? text : text.slice(0, offset) + text.slice(offset + 1);
  const doc = TextDocument.create(uri, uri.endsWith('.json') ? 'gtec-json' : 'gtec', ++version, clean);
  return { doc, position: doc.positionAt(Math.max(offset, 0)) };
}

export function applyEdits(doc: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(doc, edits);
}

/** Files by path relative to FOLDER; `files` stays mutable so tests can change a file "on disk". */
export function memoryWorkspace(files: Record<string, string>, trusted = true) {
  const reads: string[] = [];
  const state = { trusted };
  const workspace: ServiceWorkspace = {
    folder(folderUri) {
      if (!folderUri.startsWith(FOLDER)) return undefined;
      const prefix = folderUri.slice(FOLDER.length).replace(/^\//, '');
      const host = (): FileHost => memoryHost(Object.fromEntries(Object.entries(files).flatMap(([k, v]) => (prefix && !k.startsWith(prefix + '/') ? [] : [[prefix ? k.slice(prefix.length + 1) : k, v]]))));
      return {
        async readFile(p) {
          reads.push(p);
          return host().readFile(p);
        },
        listDirectory: (p) => host().listDirectory!(p),
      };
    },
    isTrusted: () => state.trusted,
  };
  return { workspace, reads, state };
}
