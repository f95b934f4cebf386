/** What extension/package.json contributes to the editor for gtec files (defaults a user gets without settings). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../extension/package.json'), 'utf8'));

describe('editor defaults for gtec and gtec-json', () => {
  for (const lang of ['gtec', 'gtec-json']) {
    test(`${lang}: new files indent with 2 spaces, suggestions open while typing a value`, () => {
      const d = manifest.contributes.configurationDefaults?.[`[${lang}]`] ?? {};
      expect(d['editor.tabSize']).toBe(2);
      expect(d['editor.insertSpaces']).toBe(true);
      // YAML plain scalars and JSON strings are "strings" for VS Code: ROME search by label needs them on.
      expect(d['editor.quickSuggestions']?.strings).toBe(true);
    });
  }
});
