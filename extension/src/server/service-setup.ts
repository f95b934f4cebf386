/**
 * The language service as the server runs it, in its main thread (editor features) and in its
 * validation worker alike: the file system as workspace, today's date, links to the error docs,
 * and the client's settings applied the same way in both.
 */
import { pathToFileURL } from 'node:url';
import type { ServerSettings } from '../protocol.js';
import { createLanguageService, type LanguageService } from '../service/language-service.js';
import { errorDocLinks } from './doc-links.js';
import { nodeWorkspace } from './node-workspace.js';

export const DEFAULT_SETTINGS: ServerSettings = { lang: 'fr', trusted: true, referentielFolder: '', delay: 250 };

export interface ServerService {
  service: LanguageService;
  settings(): ServerSettings;
  apply(next: Partial<ServerSettings>): void;
}

export function serverService(): ServerService {
  let settings = DEFAULT_SETTINGS;
  const service = createLanguageService({
    workspace: nodeWorkspace(
      () => settings.trusted,
      () => settings.donnees ?? '',
    ),
    settings: { lang: settings.lang },
    today: () => new Date().toISOString().slice(0, 10),
    docLink: errorDocLinks(),
  });
  return {
    service,
    settings: () => settings,
    apply(next) {
      settings = { ...settings, ...next };
      service.updateSettings({
        lang: settings.lang,
        ...(settings.referentielFolder ? { referentielFolder: pathToFileURL(settings.referentielFolder).href } : { referentielFolder: undefined }),
      });
    },
  };
}
