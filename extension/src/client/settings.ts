/** Reads the `gtec.*` settings and workspace trust into what the server needs. */
import * as vscode from 'vscode';
import { isLang, type Lang } from '../../../core/index.js';
import type { ServerSettings } from '../protocol.js';

export function resolveLang(setting: string | undefined, displayLanguage: string): Lang {
  if (isLang(setting)) return setting;
  return displayLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const ABSOLUTE = /^([a-zA-Z]:)?[\\/]/;
const URI = /^[a-zA-Z][\w+.-]+:\/\//;

/**
 * A folder setting as the server receives it: relative to the first workspace folder, or absolute.
 * Node: a path. Web (`web`): a URI, since the web server reads through the client's
 * `vscode.workspace.fs` (an absolute path stays on the workspace's scheme; a URI is kept).
 */
export function folderSetting(value: string, root: vscode.Uri | undefined, web = false): string {
  if (!value) return '';
  if (!web) return root && !ABSOLUTE.test(value) ? vscode.Uri.joinPath(root, value).fsPath : value;
  if (URI.test(value)) return vscode.Uri.parse(value).toString();
  if (!root) return ABSOLUTE.test(value) ? vscode.Uri.file(value).toString() : '';
  return (ABSOLUTE.test(value) ? root.with({ path: value.replace(/\\/g, '/') }) : vscode.Uri.joinPath(root, value)).toString();
}

export function readSettings(web = false): ServerSettings {
  const config = vscode.workspace.getConfiguration('gtec');
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return {
    lang: resolveLang(config.get<string>('langue'), vscode.env.language),
    trusted: vscode.workspace.isTrusted,
    referentielFolder: folderSetting(config.get<string>('referentiel.dossier', '').trim(), root, web),
    delay: Math.max(0, config.get<number>('validation.delai', 250)),
    donnees: folderSetting(config.get<string>('donnees', '').trim(), root, web),
    portee: config.get<string>('diagnostics.portee') === 'fichiers-ouverts' ? 'fichiers-ouverts' : 'espace',
  };
}
