/**
 * Reads the text of a diagnostic file (YAML, or JSON for `*.json`) into a plain value, keeping
 * the node tree for positions. Never throws: syntax errors and hostile input become problems.
 *
 * YAML 1.2 core schema: `2024-01-01`, `yes`, `no` stay text; `08` is the number 8.
 */
import { isCollection, isPair, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../problems.js';
import { checkJsonSyntax } from './json-syntax.js';
import { makeFormatProblem, type FormatData } from './problems-format.js';
import { SourceMap } from './source-map.js';

/** Limits against hostile or accidental input; a real diagnostic is far below each. */
export const LIMITES = {
  /** Characters of the file (≈ 5 MB). */
  caracteres: 5 * 1024 * 1024,
  /** Nesting levels of mappings and lists. */
  profondeur: 64,
  /** Alias uses (`*nom`) allowed by YAML's own guard. */
  alias: 100,
  /** Values after alias expansion. */
  valeurs: 2_000_000,
};

export interface ParseResult {
  /** The plain value (objects, arrays, strings, numbers…), `undefined` when it cannot be used. */
  value: unknown;
  problems: Problem[];
  sourceMap: SourceMap;
  /** The YAML node tree (absent when the text was refused before parsing): editors walk it for
   * completion, hover and symbols, so that one parse serves every feature. */
  document?: Document.Parsed;
}

export type Limites = typeof LIMITES;

export function parseDiagnosticText(text: string, fileName: string, limites: Partial<Limites> = {}): ParseResult {
  const L: Limites = { ...LIMITES, ...limites };
  const problems: Problem[] = [];
  const refused = (p: Problem): ParseResult => ({ value: undefined, problems: [p], sourceMap: new SourceMap() });

  if (text.length > L.caracteres) {
    return refused(makeFormatProblem('GTEC-E003', '', { taille: text.length, limite: L.caracteres }, { range: { start: 0, end: 0 } }));
  }
  // Deep flow nesting (`[[[[…`) makes the YAML parser recurse: refuse it before parsing.
  const deep = flowDepthExceeded(text, L.profondeur);
  if (deep !== undefined) {
    return refused(makeFormatProblem('GTEC-E005', '', { limite: L.profondeur }, { range: { start: deep, end: deep + 1 } }));
  }
  if (/\.json$/i.test(fileName)) {
    const e = checkJsonSyntax(text);
    if (e) {
      const data: FormatData<'GTEC-E002'> = { attendu: e.expected };
      if (e.found !== undefined) data.caractere = e.found;
      if (e.close) data.fermeture = e.close;
      return refused(makeFormatProblem('GTEC-E002', '', data, { range: { start: e.offset, end: Math.min(e.offset + 1, text.length) } }));
    }
  }

  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error', uniqueKeys: true, version: '1.2', schema: 'core' });
  const sourceMap = new SourceMap(doc, text);
  let blocking = false;
  for (const e of doc.errors) {
    // yaml reports an error at the end of the text as [length, length + 1]: shown on the last character.
    const start = Math.min(e.pos[0], Math.max(0, text.length - 1));
    const range = { start, end: Math.min(Math.max(e.pos[1], start), text.length) };
    if (e.code === 'DUPLICATE_KEY') {
      problems.push(makeFormatProblem('GTEC-E006', '', { value: keyAt(doc, e.pos[0]) ?? text.slice(e.pos[0], e.pos[1]) }, { range: keyRangeAt(doc, e.pos[0]) ?? range }));
      continue;
    }
    blocking = true;
    if (e.code === 'MULTIPLE_DOCS') problems.push(makeFormatProblem('GTEC-E007', '', {}, { range }));
    else if (e.code === 'RESOURCE_EXHAUSTION') problems.push(makeFormatProblem('GTEC-E005', '', { limite: L.profondeur }, { range }));
    else problems.push(makeFormatProblem('GTEC-E001', '', { yaml: e.code, detail: e.message }, { range }));
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = /tag: (\S+)/.exec(w.message)?.[1] ?? text.slice(w.pos[0], w.pos[1]);
      problems.push(makeFormatProblem('GTEC-W001', '', { value: tag }, { range: { start: w.pos[0], end: w.pos[1] } }));
    }
  }
  if (blocking) return { value: undefined, problems, sourceMap, document: doc };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    problems.push(makeFormatProblem('GTEC-E008', '', {}, { range: { start: 0, end: 0 } }));
    return { value: undefined, problems, sourceMap, document: doc };
  }

  const shape = checkTree(doc.contents, L.profondeur);
  if (shape.tooDeep) {
    problems.push(makeFormatProblem('GTEC-E005', '', { limite: L.profondeur }, { range: shape.tooDeep }));
    return { value: undefined, problems, sourceMap, document: doc };
  }
  for (const range of shape.collectionKeys) problems.push(makeFormatProblem('GTEC-E009', '', {}, { range }));
  if (shape.collectionKeys.length) return { value: undefined, problems, sourceMap, document: doc };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: L.alias });
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand beyond `maxAliasCount`.
    const first = firstAlias(text);
    problems.push(makeFormatProblem('GTEC-E004', '', { limite: L.alias, mesure: 'alias', cause: (e as Error).message }, { range: { start: first, end: first + 1 } }));
    return { value: undefined, problems, sourceMap, document: doc };
  }
  // Within the alias budget, shared sub-trees are still walked once per use by the schema: bound
  // the expanded size too.
  if (expandedSizeExceeds(value, L.valeurs)) {
    const first = firstAlias(text);
    problems.push(makeFormatProblem('GTEC-E004', '', { limite: L.valeurs, mesure: 'valeurs' }, { range: { start: first, end: first + 1 } }));
    return { value: undefined, problems, sourceMap, document: doc };
  }
  return { value, problems, sourceMap, document: doc };
}

/** Offset where `[`/`{` nesting first exceeds `limit`, ignoring quoted text and comments. */
function flowDepthExceeded(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      else if (c === '\n' && depth === 0) quote = '';
      continue;
    }
    if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '"' || (c === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      while (i < text.length && text[i] !== '\n') i++;
    }
  }
  return undefined;
}

/** Block nesting depth and keys that are collections, in one iterative walk. */
function checkTree(root: Node, maxDepth: number): { tooDeep?: { start: number; end: number }; collectionKeys: Array<{ start: number; end: number }> } {
  const collectionKeys: Array<{ start: number; end: number }> = [];
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (!isCollection(n)) continue;
    if (depth > maxDepth) {
      const r = n.range ?? [0, 0];
      return { tooDeep: { start: r[0], end: r[0] + 1 }, collectionKeys };
    }
    for (const item of n.items) {
      if (isPair(item)) {
        if (isCollection(item.key) && item.key.range) collectionKeys.push({ start: item.key.range[0], end: item.key.range[1] });
        stack.push([item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return { collectionKeys };
}

function expandedSizeExceeds(value: unknown, budget: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (++count > budget) return true;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return false;
}

function firstAlias(text: string): number {
  const m = /(^|[\s[{,:])\*[^\s,\]}]/.exec(text);
  return m ? m.index + m[1]!.length : 0;
}

/** The duplicated key at an error offset (yaml points at the second occurrence). */
function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  const node = findKey(doc.contents, offset);
  return node && isScalar(node) ? String(node.value) : undefined;
}

function keyRangeAt(doc: Document.Parsed, offset: number): { start: number; end: number } | undefined {
  const r = findKey(doc.contents, offset)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

function findKey(root: unknown, offset: number): Node | undefined {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!isCollection(n)) continue;
    for (const item of n.items) {
      if (isPair(item)) {
        const k = item.key as Node | null;
        if (k?.range && k.range[0] <= offset && offset < Math.max(k.range[1], k.range[0] + 1)) return k;
        stack.push(item.value);
      } else stack.push(item);
    }
  }
  return undefined;
}
