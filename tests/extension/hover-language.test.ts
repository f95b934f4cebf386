/**
 * Hover and completion docs follow the message language: the schema carries every description in
 * French and English, and no English hover or completion doc holds French words (nor the reverse
 * fallback: an English description for every French one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { schemaJson } from '../../scripts/generate-schema.js';
import { frenchIn } from '../problems/language-words.js';
import { fixture, memoryWorkspace } from './fixtures.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
const examples = readdirSync(EXAMPLES).flatMap((d) =>
  readdirSync(path.join(EXAMPLES, d))
    .filter((f) => f.endsWith('.gtec.yaml'))
    .map((f) => path.join(EXAMPLES, d, f)),
);

/** Every `description` of a JSON schema, deeply. */
function descriptions(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(descriptions);
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => (k === 'description' && typeof x === 'string' ? [x] : descriptions(x)));
}

/** The prose of a hover or a doc: without code spans and the bold key path (French identifiers). */
const prose = (markdown: string) => markdown.replace(/`[^`]*`/g, 'X').replace(/^\*\*[^*]*\*\*$/gm, '');

const hoverText = (h: unknown) => {
  const c = (h as { contents?: { value?: string } } | null)?.contents;
  return c?.value ?? '';
};

describe('schema descriptions in both languages', () => {
  const fr = descriptions(JSON.parse(schemaJson('fr')));
  const en = descriptions(JSON.parse(schemaJson('en')));

  test('the English JSON schema has as many descriptions as the French one, none French', () => {
    expect(fr.length).toBeGreaterThan(120);
    expect(en.length).toBe(fr.length);
    const french = en.map((t) => ({ t, found: frenchIn(t) })).filter((x) => x.found.length);
    expect(french).toEqual([]);
  });
});

describe('hover and completion docs follow the language', () => {
  const en = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'en' } });
  const fr = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' } });

  test('on titre: English under en, French under fr', async () => {
    const { doc, position } = fixture('gtec: 1\nti|tre: x\n');
    expect(hoverText(await en.hover(doc, position))).toContain('Title of the diagnostic.');
    expect(hoverText(await fr.hover(doc, position))).toContain('Titre du diagnostic.');
  });

  test.each(examples.map((f) => [path.relative(EXAMPLES, f), f]))('no French word in an English hover on any key of %s', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const { doc } = fixture(text);
    const bad: Array<{ line: number; key: string; found: string[]; text: string }> = [];
    let hovers = 0;
    for (const [i, line] of text.split('\n').entries()) {
      const m = /^(\s*(?:- )?)([a-z_]+):/.exec(line);
      if (!m) continue;
      const h = hoverText(await en.hover(doc, { line: i, character: m[1]!.length + 1 }));
      if (!h) continue;
      hovers++;
      const found = frenchIn(prose(h));
      if (found.length) bad.push({ line: i + 1, key: m[2]!, found, text: h });
    }
    expect(hovers).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });

  test('key completion docs are English under en', async () => {
    const { doc, position } = fixture('gtec: 1\n|');
    const list = await en.complete(doc, position);
    const docs = list.items.map((i) => (typeof i.documentation === 'object' ? i.documentation.value : (i.documentation ?? '')));
    expect(docs.join('\n')).toContain('Title of the diagnostic.');
    expect(docs.flatMap((d) => frenchIn(prose(d)))).toEqual([]);
  });
});
