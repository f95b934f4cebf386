/**
 * Go to definition and find references for ids (actors, funding lines, indicators) and métier
 * codes (F12 from `plan_action[].metiers` to the `metiers` entry declaring the code), and go to a
 * data file from its `chemin`.
 */
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { scalarText } from './code-actions.js';
import { isScalar, type Node } from 'yaml';
import type { DocumentContext } from './context.js';
import { DECLARATIONS, declarationKindAt, declared, refKindAt, referencesTo, type RefKind } from './references.js';
import { joinUri, folderOf } from './workspace.js';
import { locate, nodeAt, type Segment } from './yaml-ast.js';

type IdKind = Exclude<RefKind, 'metier'>;

function idUnderCursor(ctx: DocumentContext, position: Position): { kind: IdKind; id: string } | { metier: string } | { chemin: string } | undefined {
  const at = locate(ctx.yaml, ctx.doc.offsetAt(position));
  const node = at.node as Node | undefined;
  if (at.kind !== 'value' || !isScalar(node) || node.value === null) return undefined;
  const value = String(node.value);
  const ref = refKindAt(at.path);
  if (ref === 'metier') return { metier: value };
  if (ref) return { kind: ref, id: value };
  const decl = declarationKindAt(at.path);
  if (decl) return { kind: decl, id: value };
  if (at.path[at.path.length - 1] === 'chemin') return { chemin: value };
  return undefined;
}

function locationOf(ctx: DocumentContext, path: Segment[]): Location | undefined {
  const n = nodeAt(ctx.yaml, path);
  if (!n?.range) return undefined;
  return { uri: ctx.doc.uri, range: { start: ctx.doc.positionAt(n.range[0]), end: ctx.doc.positionAt(n.range[1]) } };
}

const listOf = (v: unknown, key: string): unknown[] => {
  const l = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return Array.isArray(l) ? l : [];
};

/** Where a métier code is declared (`metiers[i].code`) and used (`plan_action[j].metiers[k]`). */
function metierPaths(ctx: DocumentContext, code: string): { declaration?: Segment[]; uses: Segment[][] } {
  const i = listOf(ctx.value, 'metiers').findIndex((m) => (m as { code?: unknown } | null)?.code === code);
  const uses = listOf(ctx.value, 'plan_action').flatMap((f, j) => listOf(f, 'metiers').flatMap((c, k) => (c === code ? [['plan_action', j, 'metiers', k] as Segment[]] : [])));
  return { ...(i >= 0 ? { declaration: ['metiers', i, 'code'] } : {}), uses };
}

function declarationPath(ctx: DocumentContext, kind: IdKind, id: string): Segment[] | undefined {
  const d = declared(ctx.value, kind).find((x) => x.id === id);
  return d ? [...DECLARATIONS[kind], d.index, 'id'] : undefined;
}

export function definition(ctx: DocumentContext, position: Position): Location | null {
  const target = idUnderCursor(ctx, position);
  if (!target) return null;
  if ('chemin' in target) {
    const uri = joinUri(folderOf(ctx.doc.uri), target.chemin);
    return { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
  const path = 'metier' in target ? metierPaths(ctx, target.metier).declaration : declarationPath(ctx, target.kind, target.id);
  return (path && locationOf(ctx, path)) ?? null;
}

export function references(ctx: DocumentContext, position: Position, includeDeclaration: boolean): Location[] {
  const target = idUnderCursor(ctx, position);
  if (!target || 'chemin' in target) return [];
  if ('metier' in target) {
    const m = metierPaths(ctx, target.metier);
    return [...(includeDeclaration && m.declaration ? [m.declaration] : []), ...m.uses].flatMap((p) => locationOf(ctx, p) ?? []);
  }
  const paths = referencesTo(ctx.value, target.kind, target.id);
  const decl = includeDeclaration ? declarationPath(ctx, target.kind, target.id) : undefined;
  return [...(decl ? [decl] : []), ...paths].flatMap((p) => locationOf(ctx, p) ?? []);
}

/** Rename Symbol: the range of the id or métier code under the cursor, if it is one. */
export function prepareRename(ctx: DocumentContext, position: Position): Range | null {
  const target = idUnderCursor(ctx, position);
  if (!target || 'chemin' in target) return null;
  const node = locate(ctx.yaml, ctx.doc.offsetAt(position)).node as Node | undefined;
  return node?.range ? { start: ctx.doc.positionAt(node.range[0]), end: ctx.doc.positionAt(node.range[1]) } : null;
}

/** Rename Symbol: the declaration and every reference of the id under the cursor, each written in its own syntax. */
export function rename(ctx: DocumentContext, position: Position, newName: string): WorkspaceEdit | null {
  if (!prepareRename(ctx, position)) return null;
  const edits: TextEdit[] = references(ctx, position, true).map((l) => ({ range: l.range, newText: scalarText(newName, ctx.doc.getText(l.range)) }));
  return edits.length ? { changes: { [ctx.doc.uri]: edits } } : null;
}
