/**
 * The language service as the Node server runs it, in its main thread (editor features) and in
 * its validation worker alike: the file system as workspace, links to the error docs
 * (service-common.ts does the rest, shared with the web build).
 */
import { pathToFileURL } from 'node:url';
import { errorDocLinks } from './doc-links.js';
import { nodeWorkspace } from './node-workspace.js';
import { createServerService, type ServerService } from './service-common.js';

export function serverService(): ServerService {
  return createServerService({
    workspace: (settings) =>
      nodeWorkspace(
        () => settings().trusted,
        () => settings().donnees ?? '',
      ),
    folderUri: (folder) => pathToFileURL(folder).href,
    docLink: errorDocLinks(),
  });
}
