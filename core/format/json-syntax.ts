/**
 * A JSON grammar check that says where and what: `JSON.parse` messages differ between runtimes and
 * often lack a position, and YAML (which reads our JSON, for positions) accepts trailing commas.
 * It validates only; values are read by YAML afterwards. Iterative, so depth cannot blow the stack.
 */
export interface JsonSyntaxError {
  offset: number;
  found: string;
  /** What was expected, in French and English. */
  expected: { fr: string; en: string };
}

const VALUE = { fr: 'une valeur (texte entre guillemets, nombre, true, false, null, { ou [)', en: 'a value (quoted string, number, true, false, null, { or [)' };

export function checkJsonSyntax(text: string): JsonSyntaxError | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Array<'{' | '['> = [];
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const err = (fr: string, en: string): JsonSyntaxError => ({
    offset: i,
    found: i >= text.length ? 'fin du fichier' : `« ${text[i]} »`,
    expected: { fr, en },
  });
  const str = (): JsonSyntaxError | undefined => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i++, err('un échappement valide (\\", \\\\, \\n, \\uXXXX…)', 'a valid escape (\\", \\\\, \\n, \\uXXXX…)'));
      } else if (c.charCodeAt(0) < 0x20) return err('la fin du texte « " » (pas de retour à la ligne dans un texte)', 'the closing quote (no line break inside a string)');
      else i++;
    }
    return err('la fin du texte « " »', 'the closing quote');
  };
  // After a value: a comma or the closing bracket of the current container, or the end.
  const afterValue = (): JsonSyntaxError | 'done' | undefined => {
    ws();
    const top = stack[stack.length - 1];
    if (!top) {
      return i >= text.length ? 'done' : err('la fin du fichier', 'the end of the file');
    }
    const close = top === '{' ? '}' : ']';
    if (text[i] === ',') {
      i++;
      ws();
      if (text[i] === close) return err(top === '{' ? 'une clé entre guillemets (pas de virgule finale)' : 'une valeur (pas de virgule finale)', top === '{' ? 'a quoted key (no trailing comma)' : 'a value (no trailing comma)');
      if (top === '{') return key();
      return undefined;
    }
    if (text[i] === close) {
      i++;
      stack.pop();
      return afterValue();
    }
    return err(`« , » ou « ${close} »`, `"," or "${close}"`);
  };
  const key = (): JsonSyntaxError | undefined => {
    ws();
    if (text[i] !== '"') return err('une clé entre guillemets', 'a quoted key');
    const e = str();
    if (e) return e;
    ws();
    if (text[i] !== ':') return err('« : » après la clé', '":" after the key');
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
      if (!m) return err(VALUE.fr, VALUE.en);
      i += m[0].length;
    }
    const next = afterValue();
    if (next === 'done') return undefined;
    if (next) return next;
  }
}
