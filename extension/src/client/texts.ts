/**
 * The client's interface texts in the language of `gtec.langue` (not VS Code's display language,
 * which `vscode.l10n.t` follows): the English text is the key, the French one comes from the same
 * l10n bundle VS Code would use, so there is one place for each translation.
 */
import type { Lang } from '../../../core/index.js';
import fr from '../../l10n/bundle.l10n.fr.json';

const bundles: Record<Lang, Record<string, string>> = { fr, en: {} };

/** `message` (English, with `{0}`… placeholders) in `lang`. */
export function uiText(lang: Lang, message: string, ...args: Array<string | number>): string {
  const template = bundles[lang][message] ?? message;
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
