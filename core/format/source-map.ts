/**
 * From a JSON pointer to the place in the diagnostic's text it comes from, so that every problem
 * can be underlined. Lookup is lazy (a walk down the YAML node tree per problem): a valid document
 * pays nothing for positions it never needs.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { parsePointer } from '../problems.js';

export interface Range {
  start: number;
  end: number;
}

interface Step {
  node: Node;
  /** The key node when the step went through a mapping. */
  key?: Node;
}

export class SourceMap {
  constructor(
    private readonly doc?: Document.Parsed,
    private readonly text = '',
  ) {}

  /** Range of the value at `pointer`, or of its nearest existing ancestor. */
  valueRange(pointer: string): Range | undefined {
    const steps = this.walk(pointer);
    const last = steps[steps.length - 1];
    return last ? rangeOf(last.node) : undefined;
  }

  /** Range of the key of the entry at `pointer` (unknown keys), else of the nearest ancestor value. */
  keyRange(pointer: string): Range | undefined {
    const segs = parsePointer(pointer);
    const steps = this.walk(pointer);
    const last = steps[steps.length - 1];
    if (steps.length === segs.length + 1 && last?.key) return rangeOf(last.key);
    return last ? rangeOf(last.node) : undefined;
  }

  /**
   * For a key that is missing at `pointer`: the key under which its parent mapping is written
   * (`territoire:` for `/territoire/nom`), or the parent's first key when the parent is a list item
   * or the root.
   */
  missingKeyRange(pointer: string): Range | undefined {
    const segs = parsePointer(pointer);
    const steps = this.walk(pointer);
    if (steps.length === segs.length + 1) return this.keyRange(pointer);
    const parent = steps[steps.length - 1];
    if (!parent) return undefined;
    if (parent.key) return rangeOf(parent.key);
    if (isMap(parent.node) && parent.node.items[0]?.key && isNode(parent.node.items[0].key)) {
      return rangeOf(parent.node.items[0].key);
    }
    return rangeOf(parent.node);
  }

  /** The source text of the value at `pointer` (e.g. `01` for what YAML read as the number 1). */
  sourceText(pointer: string): string | undefined {
    const segs = parsePointer(pointer);
    const steps = this.walk(pointer);
    if (steps.length !== segs.length + 1) return undefined;
    const r = rangeOf(steps[steps.length - 1]!.node);
    return r ? this.text.slice(r.start, r.end) : undefined;
  }

  /** The nodes from the root down `pointer`, as far as they exist. */
  private walk(pointer: string): Step[] {
    const root = this.doc?.contents;
    if (!root) return [];
    const steps: Step[] = [{ node: root }];
    let node: Node = root;
    for (const seg of parsePointer(pointer)) {
      const target = this.deref(node);
      if (isMap(target)) {
        const pair = (target.items as Pair<unknown, unknown>[]).find((p) => isScalar(p.key) && String(p.key.value) === seg);
        if (!pair || !isNode(pair.value) || isEmpty(pair.value)) {
          // `key:` with no value: point at the key rather than at an empty spot after it.
          if (pair && isNode(pair.key)) steps.push({ node: pair.key, key: pair.key });
          break;
        }
        node = pair.value;
        steps.push({ node, key: pair.key as Node });
      } else if (isSeq(target)) {
        const item = /^\d+$/.test(seg) ? target.items[Number(seg)] : undefined;
        if (!isNode(item)) break;
        node = item;
        steps.push({ node });
      } else break;
    }
    return steps;
  }

  private deref(node: Node): Node {
    if (isAlias(node) && this.doc) {
      const target = node.resolve(this.doc);
      return target ?? node;
    }
    return node;
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && 'range' in v;
}

function isEmpty(node: Node): boolean {
  return isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1]);
}

function rangeOf(node: Node): Range | undefined {
  const r = node.range;
  return r ? { start: r[0], end: Math.max(r[0], r[1]) } : undefined;
}
