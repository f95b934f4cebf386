import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { BASE, fixture, FOLDER, memoryWorkspace } from './fixtures.js';

const service = (files: Record<string, string> = {}, trusted = true) => {
  const ws = memoryWorkspace(files, trusted);
  return { ...ws, ls: createLanguageService({ workspace: ws.workspace, settings: { lang: 'fr' } }) };
};

describe('validation', () => {
  test('a valid file has no error and names the demo referential', async () => {
    const { ls } = service();
    const r = await ls.validate(fixture(BASE).doc);
    expect(r.errors).toBe(0);
    expect(r.referential).toMatch(/démonstration/);
    expect(r.restricted).toBe(false);
  });

  test('unknown key: GTEC-E012 on the key itself, with the suggestion in data', async () => {
    const { ls } = service();
    const text = BASE.replace('titre:', 'titr:');
    const r = await ls.validate(fixture(text).doc);
    const d = r.diagnostics.find((x) => x.code === 'GTEC-E012');
    // `titr` is on line 3 (index 2), columns 0..4.
    expect(d?.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    expect(d?.severity).toBe(DiagnosticSeverity.Error);
    expect(d?.source).toBe('gtec');
    expect(d?.message).toContain('titre');
    expect(d?.data).toMatchObject({ pointer: '/titr', data: { suggestion: 'titre' } });
  });

  test('messages follow the language setting', async () => {
    const { ls } = service();
    ls.updateSettings({ lang: 'en' });
    const r = await ls.validate(fixture(BASE.replace('titre:', 'titr:')).doc);
    expect(r.diagnostics.find((x) => x.code === 'GTEC-E012')?.message).toContain('did you mean "titre"');
  });

  test('unknown métier code: GTEC-E105 with the referential’s suggestion', async () => {
    const { ls } = service();
    const r = await ls.validate(fixture(`${BASE}metiers:\n  - code: H2193\n`).doc);
    const d = r.diagnostics.find((x) => x.code === 'GTEC-E105');
    expect(d?.range.start.line).toBe(11);
    expect((d!.data as { data: { suggestions: string[] } }).data.suggestions).toContain('H2913');
  });

  const withSource = `${BASE}sources:\n  - id: emploi\n    type: effectifs\n    chemin: data/emploi.csv\n`;

  const missingFile = (r: { diagnostics: Array<{ code?: string | number; message: string }> }) => r.diagnostics.some((x) => x.code === 'GTEC-E202' && x.message.includes('data/emploi.csv'));

  test('a declared data file that does not exist: GTEC-E202 on its path', async () => {
    const { ls } = service();
    const r = await ls.validate(fixture(withSource).doc);
    const d = r.diagnostics.find((x) => x.code === 'GTEC-E202');
    // `chemin: data/emploi.csv` is line 14 (index 13); the value starts at column 12.
    expect(d?.range.start).toEqual({ line: 13, character: 12 });
  });

  test('a missing column of a data file is found while typing (fast pass)', async () => {
    const { ls } = service({ 'data/emploi.csv': 'metier;zone;an;effectif\nH2913;9901;2024;40\n' });
    const r = await ls.validate(fixture(withSource).doc);
    expect(r.diagnostics.find((x) => x.code === 'GTEC-E209')?.message).toContain('« annee »');
  });

  test('untrusted workspace: no data file is read, and the report says so', async () => {
    const { ls, reads } = service({}, false);
    const r = await ls.validate(fixture(withSource).doc);
    expect(missingFile(r)).toBe(false);
    expect(r.restricted).toBe(true);
    expect(reads).toEqual([]);
  });

  test('a file appearing on disk is seen after filesChanged, not before', async () => {
    const files: Record<string, string> = {};
    const { ls } = service(files);
    const doc = fixture(withSource).doc;
    expect(missingFile(await ls.validate(doc))).toBe(true);
    files['data/emploi.csv'] = 'metier;zone;annee;effectif\nH2913;9901;2024;40\n';
    // Cached: still missing until the host reports the change.
    expect(missingFile(await ls.validate(doc))).toBe(true);
    expect(ls.filesChanged([`${FOLDER}/data/emploi.csv`])).toBe(true);
    expect(missingFile(await ls.validate(doc))).toBe(false);
  });

  test('YAML syntax error: one diagnostic at the place of the error', async () => {
    const { ls } = service();
    const r = await ls.validate(fixture('gtec: 1\ntitre: [non fermé\n').doc);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.diagnostics[0]!.range.start.line).toBeGreaterThanOrEqual(1);
  });

  test('deep validation adds what only the full run finds (values in data rows, analysis)', async () => {
    const { ls } = service({ 'data/emploi.csv': 'metier;zone;annee;effectif\nH2913;9901;2024;40\nH2913;9901;2019;x\n' });
    const doc = fixture(withSource).doc;
    expect((await ls.validate(doc)).diagnostics).toEqual([]);
    const deep = await ls.validateDeep(doc);
    // Row 3 holds « x » as a number: the loader says where (file, line), the fast pass cannot know.
    const e211 = deep.diagnostics.find((d) => d.code === 'GTEC-E211');
    expect(e211?.message).toContain('ligne 3');
    // Shown on the source's path (`chemin: data/emploi.csv`, line 14, index 13).
    expect(e211?.range.start.line).toBe(13);
    // Each problem once.
    const keys = deep.diagnostics.map((d) => `${d.code}|${d.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the demo, deep validation (issue 12)', () => {
  const demoDir = path.resolve(import.meta.dirname, '../../examples/demo');
  const files = Object.fromEntries(
    readdirSync(demoDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.gtec.yaml'))
      .map((e) => [path.relative(demoDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  );
  const demo = () => fixture(readFileSync(path.join(demoDir, 'diagnostic.gtec.yaml'), 'utf8')).doc;

  test('Restricted Mode: one info « données non lues en mode restreint », no false GTEC-E202', async () => {
    const { ls, reads } = service(files, false);
    const r = await ls.validateDeep(demo());
    expect(r.diagnostics.filter((d) => d.code === 'GTEC-E202')).toEqual([]);
    const infos = r.diagnostics.filter((d) => d.code === 'GTEC-I432');
    expect(infos).toHaveLength(1);
    expect(infos[0]!.message).toContain('Données non lues en mode restreint');
    expect(infos[0]!.severity).toBe(DiagnosticSeverity.Information);
    expect(r.errors).toBe(0);
    expect(reads).toEqual([]);
  });

  test('every problem is underlined on one line (I407, W403: never a whole section)', async () => {
    const { ls } = service(files);
    const doc = demo();
    const r = await ls.validateDeep(doc);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) expect({ code: d.code, lines: d.range.end.line - d.range.start.line }).toEqual({ code: d.code, lines: 0 });
  });
});
