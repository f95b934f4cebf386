/**
 * A JSON grammar check that says where and what: `JSON.parse` messages differ between runtimes and
 * often lack a position, and YAML (which reads our JSON, for positions) accepts trailing commas.
 * It validates only; values are read by YAML afterwards. Iterative, so depth cannot blow the stack.
 */
import type { JsonAttendu } from './problems-format.js';

export interface JsonSyntaxError {
  offset: number;
  /** The character found, absent at the end of the file. */
  found?: string;
  /** What was expected (the catalogue words it, GTEC-E002). */
  expected: JsonAttendu;
  /** The closing bracket expected, for `virgule-ou-fermeture`. */
  close?: '}' | ']';
}

export function checkJsonSyntax(text: string): JsonSyntaxError | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Array<'{' | '['> = [];
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const err = (expected: JsonAttendu, close?: '}' | ']'): JsonSyntaxError => {
    const e: JsonSyntaxError = { offset: i, expected };
    if (i < text.length) e.found = text[i];
    if (close) e.close = close;
    return e;
  };
  const str = (): JsonSyntaxError | undefined => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i++, err('echappement'));
      } else if (c.charCodeAt(0) < 0x20) return err('fin-texte-ligne');
      else i++;
    }
    return err('fin-texte');
  };
  // After a value: a comma or the closing bracket of the current container, or the end.
  const afterValue = (): JsonSyntaxError | 'done' | undefined => {
    ws();
    const top = stack[stack.length - 1];
    if (!top) {
      return i >= text.length ? 'done' : err('fin-fichier');
    }
    const close = top === '{' ? '}' : ']';
    if (text[i] === ',') {
      i++;
      ws();
      if (text[i] === close) return err(top === '{' ? 'cle-virgule' : 'valeur-virgule');
      if (top === '{') return key();
      return undefined;
    }
    if (text[i] === close) {
      i++;
      stack.pop();
      return afterValue();
    }
    return err('virgule-ou-fermeture', close);
  };
  const key = (): JsonSyntaxError | undefined => {
    ws();
    if (text[i] !== '"') return err('cle');
    const e = str();
    if (e) return e;
    ws();
    if (text[i] !== ':') return err('deux-points');
    i++;
    return undefined;
  };
  for (;;) {
    // Expecting a value.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        stack.pop();
      } else if (c === '{') {
        const e = key();
        if (e) return e;
        continue;
      } else continue;
    } else if (c === '"') {
      const e = str();
      if (e) return e;
    } else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) return err('valeur');
      i += m[0].length;
    }
    const next = afterValue();
    if (next === 'done') return undefined;
    if (next) return next;
  }
}
