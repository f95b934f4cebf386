/** Document links from `chemin` values and the source range of a JSON pointer, in memory. */
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { BASE, fixture, memoryWorkspace } from './fixtures.js';

const ls = () => createLanguageService({ workspace: memoryWorkspace({}).workspace });

const TEXT = `${BASE}referentiel:
  type: csv
  chemin: "ref/métiers.csv"
sources:
  - id: emploi
    type: effectifs
    chemin: ./données/emploi 2024.csv
  - id: hors
    type: bmo
    chemin: ../ailleurs/bmo.xlsx
  - id: absolu
    type: bmo
    chemin: /etc/passwd
  - id: url
    type: bmo
    chemin: "https://exemple.org/x.csv"
correspondances:
  - id: fap
    de: fap2009
    vers: romev3
    chemin: tables/../passage.csv
    colonnes: { de: fap, vers: rome }
`;

describe('documentLinks', () => {
  it('links the chemin of sources, correspondances and referentiel; refuses absolute, URL and ..', () => {
    const { doc } = fixture(TEXT);
    const links = ls().documentLinks(doc);
    const shown = links.map((l) => [doc.getText(l.range), l.target]);
    // BASE has 10 lines (0-9): referentiel is line 10, its chemin line 12; the emploi source’s chemin line 16.
    expect(shown).toEqual([
      ['./données/emploi 2024.csv', 'file:///ws/donn%C3%A9es/emploi%202024.csv'],
      // `tables/../passage.csv` stays inside the folder: normalised to passage.csv.
      ['tables/../passage.csv', 'file:///ws/passage.csv'],
      // Quoted: the link covers the text between the quotes.
      ['ref/métiers.csv', 'file:///ws/ref/m%C3%A9tiers.csv'],
    ]);
    expect(links[2]!.range.start).toEqual({ line: 12, character: 11 });
    expect(links[0]!.range.start.line).toBe(16);
  });

  it('a document without chemin has no link', () => {
    expect(ls().documentLinks(fixture(BASE).doc)).toEqual([]);
  });
});

describe('sourceRange (click-to-source)', () => {
  it('gives the range of a pointer value; a pointer to nowhere falls back to its nearest parent', () => {
    const { doc } = fixture(TEXT);
    const s = ls();
    const r = s.sourceRange(doc, '/sources/1');
    // The second source's map starts at `id: hors`, line 17 column 4 (after "  - ").
    expect(r?.start).toEqual({ line: 17, character: 4 });
    expect(doc.getText(s.sourceRange(doc, '/sources/1/id')!)).toBe('hors');
    // No plan_action (the text changed since the preview): the core's SourceMap gives the document,
    // which starts at `gtec: 1` (line 1, after the comment).
    expect(s.sourceRange(doc, '/plan_action/3')?.start).toEqual({ line: 1, character: 0 });
  });
});
