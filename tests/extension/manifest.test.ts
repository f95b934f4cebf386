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

describe('snippets and the getting-started walkthrough', () => {
  const ext = path.resolve(import.meta.dirname, '../../extension');
  const nls = { en: JSON.parse(readFileSync(path.join(ext, 'package.nls.json'), 'utf8')), fr: JSON.parse(readFileSync(path.join(ext, 'package.nls.fr.json'), 'utf8')) };
  /** A manifest value in a language: `%key%` looked up in package.nls(.fr).json. */
  const text = (v: string, lang: 'fr' | 'en') => (/^%(.+)%$/.test(v) ? nls[lang][v.slice(1, -1)] : v) as string | undefined;

  test('snippet files for gtec and gtec-json, in French and English', () => {
    const snippets = manifest.contributes.snippets as Array<{ language: string; path: string }>;
    expect(snippets.map((s) => s.language)).toEqual(['gtec', 'gtec-json']);
    for (const s of snippets)
      for (const lang of ['fr', 'en'] as const) {
        const file = text(s.path, lang);
        expect(file, `${s.path} (${lang})`).toMatch(new RegExp(`^\\./snippets/${s.language}\\.${lang}\\.json$`));
        const prefixes = Object.values(JSON.parse(readFileSync(path.join(ext, file!), 'utf8')) as Record<string, { prefix: string }>).map((x) => x.prefix);
        expect(prefixes).toEqual(['gtec-diagnostic', 'gtec-source', 'gtec-metier', 'gtec-fiche-action', 'gtec-indicateur']);
      }
  });

  test('walkthrough: create, declare the data folder, preview, fix, export; media in both languages', () => {
    const [w] = manifest.contributes.walkthroughs as Array<{ id: string; title: string; steps: Array<{ id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }> }>;
    expect(w!.steps.map((s) => s.id.replace('gtec.demarrer.', ''))).toEqual(['nouveau', 'donnees', 'apercu', 'problemes', 'exporter']);
    for (const lang of ['fr', 'en'] as const) {
      expect(text(w!.title, lang)).toBeTruthy();
      for (const s of w!.steps) {
        expect(text(s.title, lang), `${s.title} (${lang})`).toBeTruthy();
        expect(text(s.description, lang), `${s.description} (${lang})`).toMatch(/\]\(command:/);
        const media = text(s.media.markdown, lang)!;
        expect(media).toContain(`/${lang}/`);
        expect(readFileSync(path.join(ext, media), 'utf8')).toMatch(/^# /);
      }
    }
    const events = w!.steps.flatMap((s) => s.completionEvents);
    expect(events).toEqual(expect.arrayContaining(['onCommand:gtec.nouveauDiagnostic', 'onSettingChanged:gtec.donnees', 'onCommand:gtec.preview.open', 'onContext:gtec.diagnosticSansErreur', 'onCommand:gtec.export']));
  });

  test('every %key% of the manifest has its French and English text', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    for (const k of keys) for (const lang of ['fr', 'en'] as const) expect(nls[lang][k], `${k} (${lang})`).toBeTruthy();
  });

  test('the packaged extension carries the snippet files and the walkthrough media', () => {
    const ignore = readFileSync(path.join(ext, '.vscodeignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['!snippets/**', '!walkthrough/**']));
  });
});
