/**
 * Completion: keys of the mapping under the cursor, enum values, métier codes searched by label or
 * appellation ("soudeur" → H2913), and the ids of actors, funding lines and indicators declared in
 * the file. The cursor's place in an unfinished line is found by parsing a copy of the text with a
 * placeholder in place of the word being typed.
 */
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { isMap, isScalar, type Node } from 'yaml';
import { locales } from '../../../core/index.js';
import type { DocumentContext } from './context.js';
import { declared, refKindAt } from './references.js';
import { infoAt, keysOf, placeholderFor, typeOf, valuesOf } from './schema-info.js';
import { keyText, locate, nodeAt, parseYaml, type Segment } from './yaml-ast.js';

const MARK = '__gtec_cursor__';
const WORD = /[\p{L}\p{N}_.-]*$/u;
/** The value being typed on a line: after `: `, a list dash or a flow separator, up to the cursor. */
const VALUE = /(?:^\s*-\s+|:\s+|[[,]\s*)([^[\],:#]*)$/u;

interface Place {
  kind: 'key' | 'value';
  /** Key completion: the mapping's path. Value completion: the value's path. */
  path: Segment[];
}

/** Where the word under the cursor goes: a key of some mapping, or a value at some path. */
export function placeAt(text: string, offset: number): { place?: Place; wordStart: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const wordStart = offset - (WORD.exec(before)?.[0].length ?? 0);
  const found = placeFrom(text, offset, wordStart);
  if (found.place) return found;
  // A value of several words (« aide soignant »): the whole value typed so far, after `: `, `- ` or `,`.
  const value = VALUE.exec(before);
  const valueStart = value ? offset - value[1]!.length : wordStart;
  return valueStart < wordStart ? placeFrom(text, offset, valueStart) : found;
}

function placeFrom(text: string, offset: number, wordStart: number): { place?: Place; wordStart: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const before = text.slice(lineStart, offset);
  const flow = /[[{,]\s*[^\]}]*$/.test(before) && before.includes(':');
  const keyLike = !before.slice(0, wordStart - lineStart).includes(':') && !flow;
  // The placeholder replaces the whole word under the cursor (and, for a key, the rest of the line).
  const wordEnd = offset + (/^[\p{L}\p{N}_.-]*/u.exec(text.slice(offset, lineEnd))?.[0].length ?? 0);
  const copy = text.slice(0, wordStart) + (keyLike ? `${MARK}: 0` : MARK) + text.slice(keyLike ? lineEnd : wordEnd);
  // Only the top-level section around the cursor is parsed (a block `key:` at column 0 holds all
  // its content): on a 5 000-line file completion costs a section's parse, not the file's.
  const [from, to] = sectionAround(copy, wordStart, wordStart + (keyLike ? MARK.length + 3 : MARK.length));
  const yaml = parseYaml(copy.slice(from, to));
  const at = locate(yaml, wordStart - from + 1);
  if (keyLike) {
    if (at.kind !== 'key' || at.path[at.path.length - 1] !== MARK) return { wordStart };
    const owner = at.path.slice(0, -1);
    // `- H29` in a list of strings parses as a one-key mapping: it is a value of the list.
    const t = typeOf(infoAt(owner));
    if (t !== 'object' && t !== 'record' && typeof owner[owner.length - 1] === 'number') return { place: { kind: 'value', path: owner }, wordStart };
    return { place: { kind: 'key', path: owner }, wordStart };
  }
  const node = at.node as Node | undefined;
  if (!isScalar(node) || String(node.value) !== MARK) return { wordStart };
  return { place: { kind: 'value', path: at.path }, wordStart };
}

/** A top-level block key (`metiers:`) starting a line: where a section of the document starts. */
const TOP_KEY = /^[\p{L}\p{N}_"']/u;

/** The lines of the top-level block section holding [start, end) in `text`; the whole text for flow (JSON) documents. */
function sectionAround(text: string, start: number, end: number): [number, number] {
  if (/^\s*[[{]/.test(text)) return [0, text.length];
  let from = text.lastIndexOf('\n', start - 1) + 1;
  while (from > 0 && !TOP_KEY.test(text.slice(from, from + 1))) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = text.indexOf('\n', end);
  while (to >= 0 && to + 1 < text.length && !TOP_KEY.test(text.slice(to + 1, to + 2))) to = text.indexOf('\n', to + 1);
  return [from, to < 0 ? text.length : to + 1];
}

export function complete(ctx: DocumentContext, position: Position): CompletionList {
  const text = ctx.doc.getText();
  const offset = ctx.doc.offsetAt(position);
  const { place, wordStart } = placeAt(text, offset);
  const word = text.slice(wordStart, offset);
  const range = { start: ctx.doc.positionAt(wordStart), end: position };
  if (!place) return { isIncomplete: false, items: [] };

  if (place.kind === 'key') {
    const present = new Set<string>();
    const map = nodeAt(ctx.yaml, place.path);
    if (isMap(map)) for (const p of map.items) if (keyText(p.key) !== undefined && keyText(p.key) !== word) present.add(keyText(p.key)!);
    const items = keysOf(infoAt(place.path, ctx.lang))
      .filter((k) => !present.has(k.key))
      .map((k, i): CompletionItem => {
        const child = infoAt([...place.path, k.key]);
        const type = typeOf(child);
        const suffix = type === 'object' ? ':\n  ' : type === 'array' ? ':\n  - ' : ': ';
        return {
          label: k.key,
          kind: CompletionItemKind.Property,
          detail: k.required ? locales[ctx.lang].editor.obligatoire : undefined,
          documentation: k.description ? { kind: 'markdown', value: k.description } : undefined,
          // Required keys first, then declaration order.
          sortText: `${k.required ? 0 : 1}${String(i).padStart(3, '0')}`,
          textEdit: { range, newText: k.key + (type === 'object' || type === 'array' ? suffix : `: ${valuesOf(child)?.length === 1 ? placeholderFor(child) : ''}`) },
        };
      });
    return { isIncomplete: false, items };
  }

  const ref = refKindAt(place.path);
  if (ref === 'metier') {
    if (!ctx.metiers) return { isIncomplete: false, items: [] };
    const found = word.length ? ctx.metiers.search(word, 30) : [];
    return {
      // The list depends on the typed text (search by label): ask again on each keystroke.
      isIncomplete: true,
      items: found.map(({ metier: m, trouve }, i) => ({
        label: m.code,
        // The label on every row of the list, not only on the focused one.
        labelDetails: { description: m.libelle },
        kind: CompletionItemKind.Value,
        detail: m.libelle,
        documentation: trouve !== m.libelle ? trouve : m.appellations.slice(0, 8).join(' · ') || undefined,
        // What was typed, then the label: VS Code keeps the row while the user types on (its fuzzy
        // filter sees the next characters in the label) until the next answer replaces the list.
        filterText: `${word} ${m.libelle}`,
        sortText: String(i).padStart(3, '0'),
        textEdit: { range, newText: m.code },
      })),
    };
  }
  if (ref) {
    return {
      isIncomplete: false,
      items: declared(ctx.value, ref).map((d) => ({
        label: d.id,
        kind: CompletionItemKind.Reference,
        detail: String(d.entry.nom ?? d.entry.libelle ?? d.entry.dispositif ?? ''),
        textEdit: { range, newText: d.id },
      })),
    };
  }
  const values = valuesOf(infoAt(place.path));
  return {
    isIncomplete: false,
    items: (values ?? []).map((v) => ({
      label: String(v),
      kind: CompletionItemKind.EnumMember,
      textEdit: { range, newText: String(v) },
    })),
  };
}
