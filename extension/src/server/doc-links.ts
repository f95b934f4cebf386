/**
 * Links from problem codes to their section of docs/erreurs.md, shipped beside the server bundle
 * (extension/dist/erreurs.md): `file:///…/erreurs.md#L<line>` opens the page at the code's heading.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocLink } from '../service/diagnostics.js';

export function errorDocLinks(file = path.join(__dirname, 'erreurs.md')): DocLink | undefined {
  if (!existsSync(file)) return undefined;
  const lines = new Map<string, number>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const code = /^#{2,4}\s+(GTEC-[EWI]\d{3})\b/.exec(l)?.[1];
      if (code && !lines.has(code)) lines.set(code, i + 1);
    });
  const url = pathToFileURL(file).href;
  return (code) => (lines.has(code) ? `${url}#L${lines.get(code)}` : undefined);
}
