/**
 * Safety of the paths a diagnostic declares: data files must stay inside the diagnostic's folder,
 * whatever the host (a shared folder, a VS Code workspace, files picked in Excel).
 */

export type PathRefusal = 'vide' | 'absolu' | 'remonte' | 'invalide';

/**
 * Normalises a relative path to POSIX form (`a\b\..\c` → `a/c`), or says why it is refused:
 * `vide` (nothing), `absolu` (`/x`, `C:\x`, `\\serveur\x`, `~/x`, or a URL such as `file:` or
 * `http:`), `remonte` (a `..` that leaves the folder), `invalide` (NUL, control character, `:`).
 * The folder itself normalises to `.`.
 */
export function checkRelativePath(p: string): { ok: true; path: string } | { ok: false; reason: PathRefusal } {
  if (p.trim() === '') return { ok: false, reason: 'vide' };
  // A scheme of two letters or more is a URL; one letter followed by ':' is a Windows drive.
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(p)) return { ok: false, reason: 'absolu' };
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s) || s === '~' || s.startsWith('~/')) return { ok: false, reason: 'absolu' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused on purpose.
  if (/[\u0000-\u001f:]/.test(s)) return { ok: false, reason: 'invalide' };
  const kept: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (kept.length === 0) return { ok: false, reason: 'remonte' };
      kept.pop();
    } else kept.push(seg);
  }
  return { ok: true, path: kept.length ? kept.join('/') : '.' };
}
