/** The language service's workspace over the file system (file: URIs), for the language server. */
import { fileURLToPath } from 'node:url';
import { nodeFileHost } from '../../../node-host/file-host.js';
import type { ServiceWorkspace } from '../service/workspace.js';

/** `donnees`: the declared data folder (setting `gtec.donnees`), '' when none. */
export function nodeWorkspace(isTrusted: () => boolean, donnees: () => string = () => ''): ServiceWorkspace {
  return {
    folder(folderUri) {
      if (!folderUri.startsWith('file:')) return undefined;
      return nodeFileHost(fileURLToPath(folderUri), donnees() || undefined);
    },
    isTrusted,
  };
}
