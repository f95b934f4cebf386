/**
 * The format's snippets (core/init/snippets.ts) are valid as inserted: each expansion, with its
 * defaults and with every value of each choice, validated by the core (YAML and JSON, French and
 * English), the item snippets inside the minimal diagnostic at their list. The choices are the
 * schema's enum values.
 */
import { describe, expect, test } from 'vitest';
import { Cible, TypeSource, TypeTerritoire } from '../../core/format/schema.js';
import { defaultSnippetBody, gtecSnippets, snippetJson, snippetYaml, type GtecSnippet } from '../../core/init/snippets.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';

const referential = demoReferentiel();

/** Tab stops replaced by their default, or choice `n` by the value `pick[n]` (else its first). */
export function expand(snippet: string, pick: Record<number, string> = {}): string {
  return snippet
    .replace(/\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/g, (_, n: string, list: string) => {
      const values = list.split(/(?<!\\),/).map((v) => v.replace(/\\(.)/g, '$1'));
      return pick[Number(n)] ?? values[0]!;
    })
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, d: string) => d.replace(/\\(.)/g, '$1'))
    .replace(/\$\d+/g, '');
}

/** The choices of a snippet: tab stop → its values. */
function choicesOf(snippet: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of snippet.matchAll(/\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/g)) out.set(Number(m[1]), m[2]!.split(/(?<!\\),/));
  return out;
}

const errors = (text: string, fileName: string) => validateDiagnosticSync(text, { fileName, referential }).problems.filter((p) => p.severity === 'error');

/** A whole document: the minimal diagnostic, and an item snippet inserted in its list. */
function documentYaml(s: GtecSnippet, all: GtecSnippet[], pick: Record<number, string>): string {
  const base = expand(snippetYaml(all.find((x) => x.id === 'diagnostic')!), s.id === 'diagnostic' ? pick : {});
  if (!s.place.length) return base;
  const item = expand(snippetYaml(s), pick);
  const indent = '  '.repeat(s.place.length - 1);
  const keys = s.place.map((k, i) => `${'  '.repeat(i)}${k}:`).join('\n');
  return `${base}${keys}\n${item.replace(/^(?=.)/gm, `${indent}  `)}`;
}

function documentJson(s: GtecSnippet, all: GtecSnippet[], pick: Record<number, string>): string {
  const base = expand(snippetJson(all.find((x) => x.id === 'diagnostic')!), s.id === 'diagnostic' ? pick : {});
  if (!s.place.length) return base;
  // The item's own text must be JSON as inserted.
  const item = JSON.parse(expand(snippetJson(s), pick));
  const doc = JSON.parse(base);
  let at = doc;
  for (const k of s.place.slice(0, -1)) at = at[k] ??= {};
  at[s.place[s.place.length - 1]!] = [item];
  return JSON.stringify(doc, null, 2);
}

for (const lang of ['fr', 'en'] as const) {
  describe(`snippets (${lang})`, () => {
    const all = gtecSnippets(lang);
    test('a whole diagnostic, a source, a métier, a fiche action and an indicateur', () => {
      expect(all.map((s) => s.id)).toEqual(['diagnostic', 'source', 'metier', 'fiche-action', 'indicateur']);
      for (const s of all) expect(s.label.length * s.description.length).toBeGreaterThan(0);
    });
    for (const s of all) {
      test(`${s.prefix}: valid as inserted in YAML and JSON, with every choice`, () => {
        const cases: Array<Record<number, string>> = [{}];
        for (const [n, values] of choicesOf(snippetYaml(s))) for (const v of values) cases.push({ [n]: v });
        for (const pick of cases) {
          const yaml = documentYaml(s, all, pick);
          expect({ pick, yaml, problems: errors(yaml, 'd.gtec.yaml') }).toEqual({ pick, yaml, problems: [] });
          const json = documentJson(s, all, pick);
          expect({ pick, json, problems: errors(json, 'd.gtec.json') }).toEqual({ pick, json, problems: [] });
        }
      });
    }
    test('the choices are the schema’s enum values', () => {
      const choices = (id: string) => [...choicesOf(snippetYaml(all.find((s) => s.id === id)!)).values()];
      expect(choices('diagnostic')[0]!.slice().sort()).toEqual([...TypeTerritoire.options].sort());
      expect(choices('source')[0]!.slice().sort()).toEqual([...TypeSource.options].sort());
      expect(choices('fiche-action')[0]!.slice().sort()).toEqual([...Cible.options].sort());
    });
    test('the JSON text of the whole diagnostic is the YAML one (same values)', () => {
      const d = all.find((s) => s.id === 'diagnostic')!;
      expect(JSON.parse(expand(snippetJson(d)))).toMatchObject({ gtec: 1, territoire: { codes: ['5225'] }, periode: { debut: 2019, fin: 2024 } });
    });
    test('defaultSnippets bodies: codes stay text, numbers raw', () => {
      const d = defaultSnippetBody(all[0]!.body) as { gtec: string; territoire: { codes: string[] }; periode: { fin: string } };
      expect(d.gtec).toBe('^1');
      // Snippet text, not template strings: `$` and `{` are the snippet syntax.
      expect(d.territoire.codes).toEqual([`^"$\{4:5225}"`]);
      expect(d.periode.fin).toBe(`^$\{6:2024}`);
    });
  });
}
