/**
 * Code lens above each declared métier: its families as the last full run diagnosed them and the
 * number of references to it in the file (a title only: no command); when the run found
 * passerelles from it, "voir les passerelles" (`gtec.passerelles.voir`: the preview at that métier's
 * passerelles).
 */
import type { CodeLens } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { familleName, locales } from '../../../core/index.js';
import type { DocumentContext } from './context.js';
import { nodeAt } from './yaml-ast.js';

/** The client's command behind "voir les passerelles": (document URI, métier code). */
export const VOIR_PASSERELLES = 'gtec.passerelles.voir';

export function codeLenses(ctx: DocumentContext): CodeLens[] {
  const list = nodeAt(ctx.yaml, ['metiers']);
  if (!isSeq(list)) return [];
  const w = locales[ctx.lang].editor;
  const fiches = (ctx.value as { plan_action?: Array<{ metiers?: unknown }> } | undefined)?.plan_action ?? [];
  return list.items.flatMap((item) => {
    const code = isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === 'code')?.value : undefined;
    if (!isScalar(code) || typeof code.value !== 'string' || !(code as Node).range) return [];
    const c = code.value;
    const start = ctx.doc.positionAt((code as Node).range![0]);
    const d = ctx.diagnosed?.(c);
    const n = fiches.filter((f) => Array.isArray(f?.metiers) && f.metiers.includes(c)).length;
    const parts = [...(d ? [`${w.familles}${w.dp}${d.familles.length ? d.familles.map((f) => familleName(f, ctx.lang)).join(', ') : '—'}`] : []), w.references(n)];
    const lenses: CodeLens[] = [{ range: { start, end: start }, command: { title: parts.join(' · '), command: '' } }];
    const bridges = ctx.passerellesDepuis?.(c) ?? 0;
    if (bridges > 0) lenses.push({ range: { start, end: start }, command: { title: w.voirPasserelles(bridges), command: VOIR_PASSERELLES, arguments: [ctx.doc.uri, c] } });
    return lenses;
  });
}
