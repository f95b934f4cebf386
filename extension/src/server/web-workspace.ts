/**
 * The language service's workspace in the web build: the server (a Web Worker) has no file system,
 * so each file the core asks for is read by the client through `vscode.workspace.fs`, which also
 * enforces the rules of the Node host (client/web-files.ts). Files come back as base64.
 */
import { FileRefusedError, type FileHost } from '../../../core/index.js';
import { fromBase64 } from '../base64.js';
import type { ReadDataParams, ReadDataResult } from '../protocol-web.js';
import type { ServiceWorkspace } from '../service/workspace.js';

export type AskClient = (params: ReadDataParams) => Promise<ReadDataResult>;

/** `donnees`: the declared data folder as the client resolved it (a URI), '' when none. */
export function webWorkspace(ask: AskClient, isTrusted: () => boolean, donnees: () => string): ServiceWorkspace {
  return {
    folder(folderUri) {
      // An untitled document has no folder: nothing to read, as in the Node build.
      if (!/^[\w+.-]+:\/\//.test(folderUri)) return undefined;
      const asked = async (path: string, list: boolean) => {
        const r = await ask({ folder: folderUri, path, ...(list ? { list } : {}) });
        if (r.kind === 'refused') throw new FileRefusedError(r.refusal);
        if (r.kind === 'error') throw new Error(r.message);
        return r;
      };
      const declared = donnees();
      return {
        ...(declared ? { donnees: declared } : {}),
        async readFile(path) {
          const r = await asked(path, false);
          return r.kind === 'file' ? fromBase64(r.base64) : undefined;
        },
        async listDirectory(path) {
          const r = await asked(path, true);
          return r.kind === 'dir' ? r.names : undefined;
        },
      } satisfies FileHost;
    },
    isTrusted,
  };
}
