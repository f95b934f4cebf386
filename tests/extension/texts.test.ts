/** The client's interface texts follow gtec.langue, from the l10n bundle, and every text has its French. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { uiText } from '../../extension/src/client/texts.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('status and preview texts in the language of gtec.langue', () => {
  expect(uiText('fr', 'restricted')).toBe('mode restreint');
  expect(uiText('en', 'restricted')).toBe('restricted');
  expect(uiText('fr', 'Preview {0}', 'd.gtec.yaml')).toBe('Aperçu d.gtec.yaml');
  expect(uiText('en', '{0} error(s), {1} warning(s)', 2, 0)).toBe('2 error(s), 0 warning(s)');
});

test('every text the client shows has its French in the bundle', () => {
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'extension/l10n/bundle.l10n.fr.json'), 'utf8'));
  const dir = path.join(ROOT, 'extension/src/client');
  const used = readdirSync(dir).flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/(?:\bt\(|uiText\([^,']+,\s*)'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
  expect(used.length).toBeGreaterThan(5);
  expect(used.filter((u) => !(u in bundle))).toEqual([]);
});
