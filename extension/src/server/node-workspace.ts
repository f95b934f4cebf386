/** The language service's workspace over the file system (file: URIs), for the language server. */
import { fileURLToPath } from 'node:url';
import { nodeFileHost } from '../../../node-host/file-host.js';
import type { ServiceWorkspace } from '../service/workspace.js';

export function nodeWorkspace(isTrusted: () => boolean): ServiceWorkspace {
  return {
    folder(folderUri) {
      if (!folderUri.startsWith('file:')) return undefined;
      return nodeFileHost(fileURLToPath(folderUri));
    },
    isTrusted,
  };
}
