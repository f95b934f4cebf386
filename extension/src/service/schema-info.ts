/**
 * Editor facts about the schema at a path of the document, on top of core/format/schema-walk.ts:
 * the field's description (hover), its keys with their descriptions (completion), its enum values
 * and a placeholder value for a missing field (quick fix).
 */
import type { z } from 'zod';
import { Diagnostic, allowedKeys, descriptionOf, schemaAt, unwrap, type Lang } from '../../../core/index.js';
import type { Segment } from './yaml-ast.js';

type AnySchema = z.core.$ZodType;
type Def = { type: string; innerType?: AnySchema; in?: AnySchema; entries?: Record<string, string>; values?: unknown[]; shape?: Record<string, AnySchema> };

const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;

export interface SchemaInfo {
  schema: AnySchema;
  /** The schema without optional/default wrappers. */
  bare: AnySchema;
  /** Outermost description, in `lang`: the field's own text wins over its type's. */
  description?: string;
  lang: Lang;
  /** The field may be left out (optional or defaulted). */
  optional: boolean;
}

export function describe(schema: AnySchema, lang: Lang = 'fr'): SchemaInfo {
  let description: string | undefined;
  let optional = false;
  for (let s: AnySchema | undefined = schema; s; ) {
    description ??= descriptionOf(s, lang);
    const def = defOf(s);
    if (['optional', 'default', 'prefault'].includes(def.type)) optional = true;
    s = ['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional'].includes(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
  }
  return { schema, bare: unwrap(schema), description, lang, optional };
}

/** Schema facts at a document path, or undefined when the path is not in the format. */
export function infoAt(path: readonly Segment[], lang: Lang = 'fr'): SchemaInfo | undefined {
  const s = schemaAt(Diagnostic, path);
  return s ? describe(s, lang) : undefined;
}

export interface KeyInfo {
  key: string;
  description?: string;
  required: boolean;
}

export function keysOf(info: SchemaInfo | undefined): KeyInfo[] {
  if (!info) return [];
  const shape = defOf(info.bare).shape ?? {};
  return allowedKeys(info.bare).map((key) => {
    const k = describe(shape[key]!, info.lang);
    return { key, description: k.description, required: !k.optional };
  });
}

export function typeOf(info: SchemaInfo | undefined): string | undefined {
  return info ? defOf(info.bare).type : undefined;
}

/** Allowed scalar values (enum, literal, boolean), or undefined for free values. */
export function valuesOf(info: SchemaInfo | undefined): Array<string | number | boolean> | undefined {
  if (!info) return undefined;
  const def = defOf(info.bare);
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'literal' && def.values) return def.values as Array<string | number>;
  if (def.type === 'boolean') return [true, false];
  return undefined;
}

/** A YAML value for a missing field: valid when the type allows one. */
export function placeholderFor(info: SchemaInfo | undefined): string {
  const values = valuesOf(info);
  if (values?.length) return String(values[0]);
  switch (typeOf(info)) {
    case 'number':
      return '0';
    case 'array':
      return '[]';
    case 'object':
    case 'record':
      return '{}';
    default:
      return '""';
  }
}
