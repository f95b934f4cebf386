/** Outline: sections of the diagnostic and their entries, named by id, code or title. */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { keyText } from './yaml-ast.js';

const NAME_KEYS = ['id', 'code', 'titre', 'nom', 'libelle'];
const DETAIL_KEYS = ['titre', 'nom', 'libelle', 'type'];

function field(node: unknown, keys: string[]): string | undefined {
  if (!isMap(node)) return undefined;
  for (const k of keys) {
    const pair = node.items.find((p) => keyText(p.key) === k);
    if (isScalar(pair?.value) && pair.value.value !== null) return String(pair.value.value);
  }
  return undefined;
}

function kindOf(node: unknown): SymbolKind {
  if (isMap(node)) return SymbolKind.Object;
  if (isSeq(node)) return SymbolKind.Array;
  if (isScalar(node)) return typeof node.value === 'number' ? SymbolKind.Number : typeof node.value === 'boolean' ? SymbolKind.Boolean : SymbolKind.String;
  return SymbolKind.Null;
}

export function documentSymbols(yaml: Document, doc: TextDocument, maxDepth = 4): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const children = (node: unknown, depth: number): DocumentSymbol[] => {
    if (depth >= maxDepth) return [];
    const out: DocumentSymbol[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = keyText(pair.key);
        const k = pair.key as Node | null;
        if (name === undefined || !k?.range) continue;
        const v = pair.value as Node | null;
        const end = v?.range?.[1] ?? k.range[1];
        out.push({
          name,
          detail: isScalar(v) && v.value !== null ? String(v.value) : undefined,
          kind: depth === 0 ? SymbolKind.Module : kindOf(v),
          range: range(k.range[0], end),
          selectionRange: range(k.range[0], k.range[1]),
          children: children(v, depth + 1),
        });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const n = item as Node | null;
        if (!n?.range || isScalar(n)) return;
        const name = field(n, NAME_KEYS) ?? `[${i}]`;
        const detail = field(
          n,
          DETAIL_KEYS.filter((k) => k !== NAME_KEYS.find((nk) => field(n, [nk]) === name)),
        );
        out.push({
          name,
          detail,
          kind: SymbolKind.Object,
          range: range(n.range[0], n.range[1]),
          selectionRange: range(n.range[0], n.range[1]),
          children: children(n, depth + 1),
        });
      });
    }
    return out;
  };
  return children(yaml.contents, 0);
}
