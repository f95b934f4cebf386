/**
 * The language service as a server runs it, whatever its host (Node process, Web Worker): today's
 * date, links to the error docs, and the client's settings applied the same way everywhere. The
 * host gives the workspace (how files are read) and how a folder setting becomes a folder URI.
 */
import type { ServerSettings } from '../protocol.js';
import type { DocLink } from '../service/diagnostics.js';
import { createLanguageService, type LanguageService } from '../service/language-service.js';
import type { ServiceWorkspace } from '../service/workspace.js';

export const DEFAULT_SETTINGS: ServerSettings = { lang: 'fr', trusted: true, referentielFolder: '', delay: 250 };

export interface ServerService {
  service: LanguageService;
  settings(): ServerSettings;
  apply(next: Partial<ServerSettings>): void;
}

export interface ServerServiceHost {
  /** The workspace, reading the current settings (trust, declared data folder) when asked. */
  workspace(settings: () => ServerSettings): ServiceWorkspace;
  /** The referential folder setting (`gtec.referentiel.dossier`, as the client sent it) as a folder URI. */
  folderUri(setting: string): string;
  docLink?: DocLink | undefined;
}

export function createServerService(host: ServerServiceHost): ServerService {
  let settings = DEFAULT_SETTINGS;
  const service = createLanguageService({
    workspace: host.workspace(() => settings),
    settings: { lang: settings.lang },
    today: () => new Date().toISOString().slice(0, 10),
    ...(host.docLink ? { docLink: host.docLink } : {}),
  });
  return {
    service,
    settings: () => settings,
    apply(next) {
      settings = { ...settings, ...next };
      service.updateSettings({
        lang: settings.lang,
        ...(settings.referentielFolder ? { referentielFolder: host.folderUri(settings.referentielFolder) } : { referentielFolder: undefined }),
      });
    },
  };
}
