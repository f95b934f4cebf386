/**
 * What the language service needs from its host, passed in (the server implements it over the
 * file system and the client's settings; tests over memory). Folder URIs have no trailing slash.
 */
import type { FileHost, Lang } from '../../../core/index.js';

export interface ServiceWorkspace {
  /** The files of a folder, by paths relative to it; undefined when the folder cannot be read. */
  folder(folderUri: string): FileHost | undefined;
  /** Workspace trust: when false, no data file and no referential folder is read. */
  isTrusted(): boolean;
}

export interface ServiceSettings {
  lang: Lang;
  /** Folder URI of the official ROME export used for `rome-officiel` without `chemin`. */
  referentielFolder?: string;
}

/** The folder of a document URI (`file:///a/b/x.gtec.yaml` → `file:///a/b`). */
export function folderOf(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i > 0 ? uri.slice(0, i) : uri;
}

/** `folder` + relative POSIX path → URI, without `..` resolution (the core refuses escapes). */
export function joinUri(folderUri: string, relative: string): string {
  return `${folderUri}/${relative.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')}`;
}
