/**
 * Hover: on a key or a value, the field's documentation from the zod schema (in the message
 * language); on a métier code, its label and appellations from the referential; on
 * an actor, funding line or indicator id, the entry it designates.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { isScalar, type Node } from 'yaml';
import { locales, familleName } from '../../../core/index.js';
import type { DocumentContext } from './context.js';
import { declarationKindAt, declared, refKindAt, referencesTo, type RefKind } from './references.js';
import { infoAt, keysOf, valuesOf } from './schema-info.js';
import { locate, type Segment } from './yaml-ast.js';

const pointerText = (path: readonly Segment[]) => (path.length ? path.join(' › ') : '(document)');

function metierHover(ctx: DocumentContext, code: string): string | undefined {
  const m = ctx.metiers?.metier(code);
  if (!ctx.metiers) return undefined;
  const w = locales[ctx.lang].editor;
  if (!m) return w.codeAbsent(code, ctx.metiers.label);
  const lines = [`**${m.code} — ${m.libelle}**`];
  if (m.domaine) lines.push(`${w.domaine}${w.dp}${m.domaine}`);
  if (m.appellations.length) {
    const shown = m.appellations.slice(0, 6).join(', ');
    lines.push(`${w.appellations}${w.dp}${shown}${m.appellations.length > 6 ? ' …' : ''}`);
  }
  lines.push(`${w.competences}${w.dp}${m.competences.length} · ${ctx.metiers.label}`);
  const d = ctx.diagnosed?.(code);
  if (d) {
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString(w.nombres, { maximumFractionDigits: 3 }));
    const i = d.indicateurs;
    const ind = locales[ctx.lang].indicators;
    lines.push(`${w.familles}${w.dp}${d.familles.length ? d.familles.map((f) => familleName(f, ctx.lang)).join(', ') : '—'}`);
    const facts = [i.effectifFin && `${ind.effectif} ${fmt(i.effectifFin.valeur)}`, i.tcam && `${ind.tcam} ${fmt(i.tcam.valeur)}`, i.indiceSpecificite && `${ind.indice_specificite} ${fmt(i.indiceSpecificite.valeur)}`].filter(Boolean);
    if (facts.length) lines.push(facts.join(' · '));
    for (const e of d.explications) lines.push(`- ${e.texte[ctx.lang]}`);
  }
  return lines.join('\n\n');
}

function entryHover(ctx: DocumentContext, kind: Exclude<RefKind, 'metier'>, id: string): string {
  const entry = declared(ctx.value, kind).find((d) => d.id === id);
  const w = locales[ctx.lang].editor;
  if (!entry) return w.entreeAbsente(id);
  const e = entry.entry;
  const facts = Object.entries(e)
    .filter(([k, v]) => k !== 'id' && (typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))))
    .map(([k, v]) => `- ${k}${w.dp}${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return [`**${id}**`, ...facts].join('\n');
}

export function hover(ctx: DocumentContext, position: Position): Hover | null {
  const offset = ctx.doc.offsetAt(position);
  const at = locate(ctx.yaml, offset);
  const node = at.node as Node | undefined;
  if (!node?.range || (at.kind === 'value' && !isScalar(node))) return null;
  const range = { start: ctx.doc.positionAt(node.range[0]), end: ctx.doc.positionAt(node.range[1]) };
  const value = isScalar(node) && node.value !== null ? String(node.value) : '';

  if (at.kind === 'value') {
    const ref = refKindAt(at.path);
    if (ref === 'metier') {
      const text = metierHover(ctx, value);
      if (text) return { contents: { kind: 'markdown', value: text }, range };
    } else if (ref) {
      return { contents: { kind: 'markdown', value: entryHover(ctx, ref, value) }, range };
    }
    const decl = declarationKindAt(at.path);
    if (decl) {
      const n = referencesTo(ctx.value, decl, value).length;
      return { contents: { kind: 'markdown', value: `**${value}** — ${locales[ctx.lang].editor.references(n)}` }, range };
    }
  }
  const info = infoAt(at.path, ctx.lang);
  if (!info) return null;
  const w = locales[ctx.lang].editor;
  const lines = [`**${pointerText(at.path)}**`];
  if (info.description) lines.push(info.description);
  const values = valuesOf(info);
  if (values && values.length > 2) lines.push(`${w.valeurs}${w.dp}${values.map((v) => `\`${v}\``).join(', ')}`);
  const required = keysOf(info)
    .filter((k) => k.required)
    .map((k) => `\`${k.key}\``);
  if (required.length) lines.push(`${w.clesObligatoires}${w.dp}${required.join(', ')}`);
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range };
}
