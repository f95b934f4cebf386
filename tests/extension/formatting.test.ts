/** Format Document: comments survive in YAML, JSON gets 2 spaces, formatting twice changes nothing. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { applyEdits, fixture, memoryWorkspace } from './fixtures.js';

const ls = createLanguageService({ workspace: memoryWorkspace({}).workspace, settings: { lang: 'fr' } });
const format = (text: string, uri?: string) => {
  const { doc } = fixture(text, uri);
  return applyEdits(doc, ls.format(doc));
};

const MESSY = `# Diagnostic de test
gtec:   1
titre:    Bassin de test   # le titre
territoire:
    nom: Bassin test
    type: zone-emploi     # un type
    codes: ['9901']
periode:
    debut: 2019
    fin: 2024
metiers:
-   code: H2913
    # une note
    note: "soudure"
`;

describe('format document', () => {
  test('YAML: 2-space indent, comments and quotes kept', () => {
    const out = format(MESSY);
    expect(out).toBe(`# Diagnostic de test
gtec: 1
titre: Bassin de test # le titre
territoire:
  nom: Bassin test
  type: zone-emploi # un type
  codes: ['9901']
periode:
  debut: 2019
  fin: 2024
metiers:
  - code: H2913
    # une note
    note: "soudure"
`);
  });

  test('YAML: idempotent on every example, every comment kept', () => {
    const root = path.resolve(import.meta.dirname, '../../examples');
    for (const f of ['demo/diagnostic.gtec.yaml', 'saint-nazaire/diagnostic.gtec.yaml', 'pays-de-langres/diagnostic.gtec.yaml']) {
      const text = readFileSync(path.join(root, f), 'utf8');
      const once = format(text);
      expect(format(once), f).toBe(once);
      const comments = (t: string) => t.match(/#[^\n'"]*$/gm)?.map((c) => c.trim()) ?? [];
      expect(comments(once).sort(), f).toEqual(comments(text).sort());
    }
  });

  test('YAML: a long value stays on its line (no folding)', () => {
    const long = 'Diagnostic emplois-compétences du bassin de test, avec un titre bien plus long que quatre-vingts caractères';
    expect(format(`gtec: 1\ntitre: ${long}\n`)).toBe(`gtec: 1\ntitre: ${long}\n`);
  });

  test('JSON: 2 spaces, idempotent', () => {
    const out = format('{"gtec":1,"titre":"x","territoire":{"nom":"t","codes":["01"]}}', 'file:///ws/t.gtec.json');
    expect(out).toBe('{\n  "gtec": 1,\n  "titre": "x",\n  "territoire": {\n    "nom": "t",\n    "codes": [\n      "01"\n    ]\n  }\n}\n');
    expect(format(out, 'file:///ws/t.gtec.json')).toBe(out);
  });

  test('a file that does not parse is left alone', () => {
    const { doc } = fixture('gtec: 1\ntitre: [x\n');
    expect(ls.format(doc)).toEqual([]);
    const { doc: json } = fixture('{"gtec": 1,', 'file:///ws/t.gtec.json');
    expect(ls.format(json)).toEqual([]);
  });
});
