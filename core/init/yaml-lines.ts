/** Pieces of YAML text shared by the drafts of a new diagnostic (draft.ts, draft-dares.ts). */

/** A YAML scalar: plain when it reads back as the same text, else double-quoted. */
export function yamlTexte(s: string): string {
  const plain = /^[\p{L}\d$][\p{L}\d$_ .,'’()/-]*$/u.test(s) && !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(s) && !/\s$/.test(s);
  return plain ? s : JSON.stringify(s);
}

/** A line padded for its comment at `col`, at least two spaces apart (a `#` glued to a value would be part of it). */
export const commentee = (line: string, col: number) => (line.length + 2 > col ? `${line}  ` : line.padEnd(col));
