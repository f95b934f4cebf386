import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERREURS_PATH, errorDocs } from '../../scripts/generate-error-docs.js';
import { FORMAT_PATH, formatDocs } from '../../scripts/generate-format-docs.js';
import { SCHEMA_PATH, SCHEMA_PATHS, schemaJson } from '../../scripts/generate-schema.js';
import { SNIPPET_PATHS, snippetFile } from '../../scripts/generate-snippets.js';

const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

describe('generated files are current', () => {
  it(`${SCHEMA_PATH} (npm run schema)`, () => {
    expect(read(SCHEMA_PATH)).toBe(schemaJson());
    const s = JSON.parse(read(SCHEMA_PATH));
    expect(s.$id).toBe('urn:gtec:schema:diagnostic:1');
    expect(s.required).toEqual(['gtec', 'titre', 'territoire', 'periode']);
  });

  it(`${SCHEMA_PATHS.en} (npm run schema): English descriptions`, () => {
    expect(read(SCHEMA_PATHS.en)).toBe(schemaJson('en'));
    expect(JSON.parse(read(SCHEMA_PATHS.en)).properties.titre.description).toBe('Title of the diagnostic.');
  });

  it('the snippet files of the extension (npm run snippets), and the schema carries them as defaultSnippets', () => {
    for (const language of ['gtec', 'gtec-json'] as const) for (const lang of ['fr', 'en'] as const) expect(read(SNIPPET_PATHS[language][lang])).toBe(snippetFile(language, lang));
    const s = JSON.parse(read(SCHEMA_PATH));
    expect(s.defaultSnippets[0].label).toBe('Diagnostic GTEC minimal');
    expect(s.properties.sources.items.defaultSnippets[0].body.type).toMatch(/^\$\{2\|effectifs,/);
    expect(JSON.parse(read(SCHEMA_PATHS.en)).properties.evaluation.properties.indicateurs.items.defaultSnippets[0].label).toBe('Evaluation indicator');
  });

  it(`${ERREURS_PATH} lists every code of every catalogue (npx tsx scripts/generate-error-docs.ts)`, async () => {
    const text = read(ERREURS_PATH);
    expect(text).toBe(await errorDocs());
    for (const code of ['GTEC-E001', 'GTEC-E113', 'GTEC-I102']) expect(text).toContain(`### ${code} — `);
  });

  it(`${FORMAT_PATH} holds the current example and field tables (npx tsx scripts/generate-format-docs.ts)`, () => {
    const text = read(FORMAT_PATH);
    expect(text).toBe(formatDocs(text));
    expect(text).toContain('### `plan_action[].calendrier`');
  });
});
