/**
 * Quick fixes from the data of a problem: replace a value or key by the suggestion (`suggestion`,
 * `suggestions`), add a missing required key (`missingKey`). Edits touch only the range they fix or
 * insert a line, so comments and formatting stay as they are.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { isMap, isSeq, type Node } from 'yaml';
import { parsePointer, locales } from '../../../core/index.js';
import type { DocumentContext } from './context.js';
import type { GtecDiagnosticData } from './diagnostics.js';
import { validValueFor } from './valid-values.js';
import { nodeAt, parseYaml } from './yaml-ast.js';

/**
 * `value` written where `replaced` was, in the same syntax: quoted as it was (`"titr"` → `"titre"`
 * in JSON, `'…'` in YAML), plain when YAML reads it back as the same string, else double-quoted.
 */
export function scalarText(value: string, replaced: string): string {
  if (replaced.startsWith('"')) return JSON.stringify(value);
  if (replaced.startsWith("'")) return `'${value.replaceAll("'", "''")}'`;
  return parseYaml(value).contents?.toJSON() === value && !/[\n#]/.test(value) ? value : JSON.stringify(value);
}

const isGtecData = (d: unknown): d is GtecDiagnosticData => !!d && typeof (d as GtecDiagnosticData).pointer === 'string';

/** Text edit adding `key: value` to the mapping at `path`, in its style (block or flow). */
export function addKeyEdit(ctx: DocumentContext, path: string[], key: string): TextEdit | undefined {
  const map = nodeAt(ctx.yaml, path) as Node | undefined;
  const text = ctx.doc.getText();
  const json = ctx.doc.languageId.includes('json') || text.trimStart().startsWith('{');
  const value = validValueFor(ctx, [...path, key], json);
  if (isMap(map) && map.range) {
    if (map.flow) {
      // `{a: 1}` → `{a: 1, key: value}`; JSON documents get JSON quoting.
      const entry = json ? `"${key}": ${value}` : `${key}: ${value}`;
      const close = text.lastIndexOf('}', map.range[1]);
      const sep = map.items.length ? ', ' : '';
      return { range: { start: ctx.doc.positionAt(close), end: ctx.doc.positionAt(close) }, newText: sep + entry };
    }
    const first = map.items[0]?.key as Node | undefined;
    const last = map.items[map.items.length - 1];
    const lastEnd = ((last?.value as Node | null)?.range ?? (last?.key as Node | null)?.range)?.[1] ?? map.range[1];
    const firstStart = first?.range?.[0] ?? map.range[0];
    const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    // The first key of a list item sits after `- `: indent by its column.
    const indent = ' '.repeat(firstStart - lineStart);
    // Insert after the line holding the end of the last entry (and before any comment lines after it).
    const eol = text.indexOf('\n', Math.max(lastEnd - 1, 0));
    const at = eol < 0 ? text.length : eol;
    return { range: { start: ctx.doc.positionAt(at), end: ctx.doc.positionAt(at) }, newText: `\n${indent}${key}: ${value}` };
  }
  if (map === undefined && path.length === 0 && !text.trim()) {
    return { range: { start: ctx.doc.positionAt(0), end: ctx.doc.positionAt(0) }, newText: `${key}: ${value}\n` };
  }
  return undefined;
}

/** Text edit appending a fiche action for a fragile métier to `plan_action` (block YAML only). */
export function addFicheEdit(ctx: DocumentContext, code: string, libelle: string): TextEdit | undefined {
  const text = ctx.doc.getText();
  const plan = nodeAt(ctx.yaml, ['plan_action']) as Node | undefined;
  const ids = new Set(JSON.stringify(ctx.value).match(/"id":"[^"]*"/g) ?? []);
  let id = `fiche-${code.toLowerCase()}`;
  for (let n = 2; ids.has(`"id":"${id}"`); n++) id = `fiche-${code.toLowerCase()}-${n}`;
  const item = (indent: string) =>
    [`- id: ${id}`, `  titre: ${JSON.stringify(locales[ctx.lang].editor.titreFiche(libelle))}`, `  objectifs: [${JSON.stringify(locales[ctx.lang].editor.objectifAPreciser)}]`, `  metiers: [${code}]`].map((l) => indent + l).join('\n');
  if (isSeq(plan) && !plan.flow && plan.items.length && plan.range) {
    const first = plan.items[0] as Node;
    const lineStart = text.lastIndexOf('\n', first.range![0] - 1) + 1;
    // `- ` sits two columns before the item's first key.
    const indent = ' '.repeat(Math.max(0, first.range![0] - lineStart - 2));
    const lastEnd = (plan.items[plan.items.length - 1] as Node).range![1];
    const eol = text.indexOf('\n', Math.max(lastEnd - 1, 0));
    const at = eol < 0 ? text.length : eol;
    return { range: { start: ctx.doc.positionAt(at), end: ctx.doc.positionAt(at) }, newText: `\n${item(indent)}` };
  }
  if (plan === undefined && isMap(ctx.yaml.contents) && !ctx.yaml.contents.flow) {
    const end = ctx.doc.positionAt(text.length);
    return { range: { start: end, end }, newText: `${text.endsWith('\n') ? '' : '\n'}plan_action:\n${item('  ')}\n` };
  }
  return undefined;
}

export function codeActions(ctx: DocumentContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = ctx.doc.uri;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'gtec' || !isGtecData(diagnostic.data)) continue;
    const { pointer, data } = diagnostic.data;
    const replacements = [...new Set([data?.suggestion, ...(Array.isArray(data?.suggestions) ? data.suggestions : [])].filter((s): s is string => typeof s === 'string'))];
    replacements.forEach((s, i) => {
      actions.push({
        title: locales[ctx.lang].editor.remplacerPar(s),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: scalarText(s, ctx.doc.getText(diagnostic.range)) }] } },
      });
    });
    if (diagnostic.code === 'GTEC-W403' && typeof data?.code === 'string') {
      const edit = addFicheEdit(ctx, data.code, String(data.libelle ?? data.code));
      if (edit) {
        actions.push({
          title: locales[ctx.lang].editor.creerFiche(data.code),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [edit] } },
        });
      }
    }
    if (typeof data?.missingKey === 'string') {
      const segs = parsePointer(pointer);
      // The pointer designates either the mapping or the missing entry itself.
      const owner = segs[segs.length - 1] === data.missingKey ? segs.slice(0, -1) : segs;
      const node = nodeAt(ctx.yaml, owner);
      const edit = isSeq(node) ? undefined : addKeyEdit(ctx, owner, data.missingKey);
      if (edit) {
        actions.push({
          title: locales[ctx.lang].editor.ajouterCle(data.missingKey),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: replacements.length === 0,
          edit: { changes: { [uri]: [edit] } },
        });
      }
    }
  }
  return actions;
}
