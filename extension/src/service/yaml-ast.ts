/**
 * Where the cursor is in the YAML (or JSON) tree: the path of keys and indexes leading to it, and
 * whether it sits on a key or a value. Uses the `yaml` package's node ranges, so comments and
 * formatting never matter.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export type Segment = string | number;

export interface Located {
  path: Segment[];
  /** 'key' when the offset is on a mapping key, 'value' otherwise. */
  kind: 'key' | 'value';
  /** The node under the offset (the key scalar when kind is 'key'). */
  node?: Node;
}

export function parseYaml(text: string): Document {
  // Same reading as core/format/parse.ts (YAML 1.2 core schema); duplicates are the core's to report.
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent', version: '1.2', schema: 'core' });
}

const within = (range: readonly number[] | null | undefined, offset: number) => !!range && range[0]! <= offset && offset <= range[1]!;

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** The deepest node containing `offset`, with its path. */
export function locate(doc: Document, offset: number): Located {
  const walk = (node: unknown, path: Segment[]): Located => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = keyText(pair.key);
        if (k === undefined) continue;
        if (isScalar(pair.key) && within(pair.key.range, offset)) return { path: [...path, k], kind: 'key', node: pair.key };
        const v = pair.value as Node | null;
        if (v && within(v.range, offset)) return walk(v, [...path, k]);
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i] as Node | null;
        if (item && within(item.range, offset)) return walk(item, [...path, i]);
      }
    }
    return { path, kind: 'value', node: node as Node | undefined };
  };
  return walk(doc.contents, []);
}

/** The node at a path, or undefined. */
export function nodeAt(doc: Document, path: readonly Segment[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      node = pair?.value ?? undefined;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else if (isSeq(node) && /^\d+$/.test(String(seg))) {
      node = node.items[Number(seg)];
    } else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key scalar of the last segment of `path` when its parent is a map. */
export function keyNodeAt(doc: Document, path: readonly Segment[]): Node | undefined {
  const parent = nodeAt(doc, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => keyText(p.key) === String(path[path.length - 1]));
  return isPair(pair) && isScalar(pair.key) ? pair.key : undefined;
}

/** Plain JavaScript value of the document (for ids lists), never throwing on a broken file. */
export function plainValue(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}
