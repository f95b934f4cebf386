/**
 * Where a problem is underlined: never a whole section. A problem whose range would span several
 * lines (a mapping, a list, the whole document) is shown on one token instead: the key the section
 * is written under (`metiers:`), or for a list item its `id` (or `code`) value — a whole-source
 * problem sits on the source's declaration — or, for the document, its first key.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parsePointer } from '../../../core/index.js';
import { keyText } from './yaml-ast.js';

export interface OffsetRange {
  start: number;
  end: number;
}

const rangeOf = (n: Node | null | undefined): OffsetRange | undefined => (n?.range ? { start: n.range[0], end: n.range[1] } : undefined);

/** The one-line place of `pointer`'s deepest existing node. */
export function focusRange(yaml: Document, pointer: string): OffsetRange | undefined {
  let node = yaml.contents as Node | null;
  let key: Node | undefined;
  for (const seg of parsePointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === seg);
      if (!pair?.value) break;
      [node, key] = [pair.value as Node, isScalar(pair.key) ? pair.key : undefined];
    } else if (isSeq(node) && /^\d+$/.test(seg) && node.items[Number(seg)]) {
      [node, key] = [node.items[Number(seg)] as Node, undefined];
    } else break;
  }
  if (!node) return undefined;
  if (isScalar(node)) return rangeOf(node);
  if (key) return rangeOf(key);
  if (isMap(node)) {
    const named = node.items.find((p) => keyText(p.key) === 'id') ?? node.items.find((p) => keyText(p.key) === 'code');
    if (named && isScalar(named.value)) return rangeOf(named.value);
    return rangeOf(node.items[0]?.key as Node | undefined);
  }
  return rangeOf(isSeq(node) ? (node.items[0] as Node | undefined) : node);
}

/**
 * `range` itself when it fits on one line of `text` (a range ending on a line's end, such as a
 * syntax error at the end of the file, fits), else the focus of `pointer`.
 */
export function problemRange(yaml: Document, text: string, pointer: string, range: OffsetRange | undefined): OffsetRange | undefined {
  if (range && !text.slice(range.start, Math.max(range.start, range.end - 1)).includes('\n')) return range;
  return focusRange(yaml, pointer) ?? range;
}
