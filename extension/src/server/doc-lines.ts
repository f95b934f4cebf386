/** Where each problem code's section starts in docs/erreurs.md (line from 1), for links to it: `<url>#L<line>`. */
import type { DocLink } from '../service/diagnostics.js';

export function errorDocLines(markdown: string): Record<string, number> {
  const lines: Record<string, number> = {};
  markdown.split('\n').forEach((l, i) => {
    const code = /^#{2,4}\s+(GTEC-[EWI]\d{3})\b/.exec(l)?.[1];
    if (code && lines[code] === undefined) lines[code] = i + 1;
  });
  return lines;
}

export function docLinkOf(url: string, lines: Readonly<Record<string, number>>): DocLink {
  return (code) => (Object.hasOwn(lines, code) ? `${url}#L${lines[code]}` : undefined);
}
