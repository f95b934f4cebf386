/**
 * `npm run schema`: writes schemas/gtec-diagnostic.schema.json (French descriptions) and
 * schemas/gtec-diagnostic.schema.en.json (English) from the zod schema (the single source of truth).
 * tests/format/generated.test.ts fails when a committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Diagnostic } from '../core/format/schema.js';
import { defaultSnippetBody, gtecSnippets } from '../core/init/snippets.js';

export const SCHEMA_PATH = 'schemas/gtec-diagnostic.schema.json';
export const SCHEMA_PATHS = { fr: SCHEMA_PATH, en: 'schemas/gtec-diagnostic.schema.en.json' } as const;

/** The JSON Schema text in a language, stable: same input, same bytes. */
export function schemaJson(lang: 'fr' | 'en' = 'fr'): string {
  const schema = z.toJSONSchema(Diagnostic, {
    io: 'input',
    // The metadata carries both texts: keep the one of `lang` as the standard `description`.
    override: ({ jsonSchema }) => {
      const s = jsonSchema as Record<string, unknown>;
      if (lang === 'en' && typeof s.description_en === 'string') s.description = s.description_en;
      delete s.description_en;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  const out = {
    $schema,
    $id: lang === 'fr' ? 'urn:gtec:schema:diagnostic:1' : 'urn:gtec:schema:diagnostic:1:en',
    title: 'Diagnostic GTEC',
    ...rest,
  };
  if (lang === 'en') out.title = 'GTEC diagnostic';
  addDefaultSnippets(out, lang);
  return JSON.stringify(out, null, 2) + '\n';
}

/**
 * The format's snippets as `defaultSnippets` (the schema extension that yaml-language-server and
 * VS Code's JSON service offer in completion): the whole diagnostic at the root (an empty file gets
 * the skeleton), an item on the `items` of its list.
 */
function addDefaultSnippets(schema: Record<string, unknown>, lang: 'fr' | 'en'): void {
  for (const s of gtecSnippets(lang)) {
    let at = schema;
    for (const key of s.place) at = (at.properties as Record<string, Record<string, unknown>>)[key]!;
    if (s.place.length) at = at.items as Record<string, unknown>;
    at.defaultSnippets = [{ label: s.label, description: s.description, body: defaultSnippetBody(s.body) }];
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const lang of ['fr', 'en'] as const) {
    writeFileSync(path.join(root, SCHEMA_PATHS[lang]), schemaJson(lang));
    console.log(`écrit : ${SCHEMA_PATHS[lang]}`);
  }
}
