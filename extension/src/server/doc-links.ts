/**
 * Links from problem codes to their section of docs/erreurs.md, shipped beside the server bundle
 * (extension/dist/erreurs.md): `file:///…/erreurs.md#L<line>` opens the page at the code's heading.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocLink } from '../service/diagnostics.js';
import { docLinkOf, errorDocLines } from './doc-lines.js';

export function errorDocLinks(file = path.join(__dirname, 'erreurs.md')): DocLink | undefined {
  if (!existsSync(file)) return undefined;
  return docLinkOf(pathToFileURL(file).href, errorDocLines(readFileSync(file, 'utf8')));
}
