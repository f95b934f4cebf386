/** extension/src/server/doc-lines.ts: the Problems panel's link of each code to its section of docs/erreurs.md (Node and web servers). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogues } from '../../core/catalogues.js';
import { docLinkOf, errorDocLines } from '../../extension/src/server/doc-lines.js';

const markdown = readFileSync(path.resolve(import.meta.dirname, '../../docs/erreurs.md'), 'utf8');

describe('links to the error catalogue', () => {
  test('every code of the catalogues has its heading line', () => {
    const lines = errorDocLines(markdown);
    const text = markdown.split('\n');
    const codes = Object.keys(catalogues);
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) {
      expect(lines[code], code).toBeGreaterThan(0);
      expect(text[lines[code]! - 1]).toMatch(new RegExp(`^#{2,4}\\s+${code}\\b`));
    }
  });

  test('url#L<line> for a known code, nothing for an unknown one', () => {
    const link = docLinkOf('file:///x/erreurs.md', { 'GTEC-E012': 42 });
    expect(link('GTEC-E012')).toBe('file:///x/erreurs.md#L42');
    expect(link('GTEC-E999')).toBeUndefined();
    expect(link('constructor')).toBeUndefined();
  });
});
