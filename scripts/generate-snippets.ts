/**
 * `npm run snippets`: writes the VS Code snippet files of the extension from core/init/snippets.ts,
 * one per language id (`gtec` YAML, `gtec-json`) and per language (French, English), picked by
 * package.nls(.fr).json (`%snippets.gtec%`, `%snippets.gtec-json%`).
 * tests/format/generated.test.ts fails when a committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gtecSnippets, snippetJson, snippetYaml } from '../core/init/snippets.js';
import type { Lang } from '../core/problems.js';

export const SNIPPET_PATHS = {
  gtec: { fr: 'extension/snippets/gtec.fr.json', en: 'extension/snippets/gtec.en.json' },
  'gtec-json': { fr: 'extension/snippets/gtec-json.fr.json', en: 'extension/snippets/gtec-json.en.json' },
} as const;

/** A VS Code snippet file (label → prefix, body lines, description), stable: same input, same bytes. */
export function snippetFile(language: keyof typeof SNIPPET_PATHS, lang: Lang): string {
  const file: Record<string, { prefix: string; body: string[]; description: string }> = {};
  for (const s of gtecSnippets(lang)) {
    const text = language === 'gtec' ? snippetYaml(s) : snippetJson(s);
    file[s.label] = { prefix: s.prefix, body: text.replace(/\n$/, '').split('\n'), description: s.description };
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const language of ['gtec', 'gtec-json'] as const)
    for (const lang of ['fr', 'en'] as const) {
      writeFileSync(path.join(root, SNIPPET_PATHS[language][lang]), snippetFile(language, lang));
      console.log(`écrit : ${SNIPPET_PATHS[language][lang]}`);
    }
}
