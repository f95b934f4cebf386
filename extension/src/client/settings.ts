/** Reads the `gtec.*` settings and workspace trust into what the server needs. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isLang, type Lang } from '../../../core/index.js';
import type { ServerSettings } from '../protocol.js';

export function resolveLang(setting: string | undefined, displayLanguage: string): Lang {
  if (isLang(setting)) return setting;
  return displayLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function readSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('gtec');
  const folder = config.get<string>('referentiel.dossier', '').trim();
  const donnees = config.get<string>('donnees', '').trim();
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return {
    lang: resolveLang(config.get<string>('langue'), vscode.env.language),
    trusted: vscode.workspace.isTrusted,
    referentielFolder: folder && root && !path.isAbsolute(folder) ? path.resolve(root, folder) : folder,
    delay: Math.max(0, config.get<number>('validation.delai', 250)),
    donnees: donnees && root && !path.isAbsolute(donnees) ? path.resolve(root, donnees) : donnees,
    portee: config.get<string>('diagnostics.portee') === 'fichiers-ouverts' ? 'fichiers-ouverts' : 'espace',
  };
}
