/**
 * Safety of the paths a diagnostic declares: data files must stay inside the diagnostic's folder,
 * or inside the data folder the user declared (`$donnees/…`), whatever the host (a shared folder,
 * a VS Code workspace, files picked in Excel).
 */

/** The first segment of a path that starts in the declared data folder: `$donnees/bmo/x.xlsx`. */
export const DONNEES = '$donnees';

/** True when a declared path starts in the declared data folder (`$donnees` or `$donnees/…`). */
export function inDonnees(p: string): boolean {
  return /^\$donnees(?:[\\/]|$)/.test(p);
}

export type PathRefusal = 'vide' | 'absolu' | 'remonte' | 'invalide';

/**
 * Normalises a relative path to POSIX form (`a\b\..\c` → `a/c`), or says why it is refused:
 * `vide` (nothing), `absolu` (`/x`, `C:\x`, `\\serveur\x`, `~/x`, or a URL such as `file:` or
 * `http:`), `remonte` (a `..` that leaves the folder), `invalide` (NUL, control character, `:`).
 * The folder itself normalises to `.`. A path that starts with `$donnees/` stays rooted there:
 * `$donnees/a/../b` → `$donnees/b`, and a `..` that leaves `$donnees` is `remonte`.
 */
export function checkRelativePath(p: string): { ok: true; path: string } | { ok: false; reason: PathRefusal } {
  if (p.trim() === '') return { ok: false, reason: 'vide' };
  // A scheme of two letters or more is a URL; one letter followed by ':' is a Windows drive.
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(p)) return { ok: false, reason: 'absolu' };
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s) || s === '~' || s.startsWith('~/')) return { ok: false, reason: 'absolu' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused on purpose.
  if (/[\u0000-\u001f:]/.test(s)) return { ok: false, reason: 'invalide' };
  const segments = s.split('/');
  const donnees = segments[0] === DONNEES;
  const kept: string[] = [];
  for (const seg of donnees ? segments.slice(1) : segments) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (kept.length === 0) return { ok: false, reason: 'remonte' };
      kept.pop();
    } else kept.push(seg);
  }
  if (donnees) return { ok: true, path: [DONNEES, ...kept].join('/') };
  return { ok: true, path: kept.length ? kept.join('/') : '.' };
}

/**
 * The normalised path a host may be asked for, or undefined: refused by `checkRelativePath`, or a
 * `$donnees/…` path while no data folder is declared (`donnees` unset).
 */
export function readablePath(p: string, host: { donnees?: string }): string | undefined {
  const checked = checkRelativePath(p);
  if (!checked.ok) return undefined;
  return inDonnees(checked.path) && host.donnees === undefined ? undefined : checked.path;
}
