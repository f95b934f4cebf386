/** Finding the zod schema that applies at a path of the document (for allowed keys, hover text). */
import type { z } from 'zod';

type AnySchema = z.core.$ZodType;
type Def = { type: string; [k: string]: unknown };

const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Removes optional/default/prefault/nullable/pipe wrappers. */
export function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (;;) {
    const def = defOf(cur);
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional'].includes(def.type)) cur = def.innerType as AnySchema;
    else if (def.type === 'pipe') cur = def.in as AnySchema;
    else return cur;
  }
}

/** The schema at `path` (object keys and array indices), or undefined when the path leaves it. */
export function schemaAt(root: AnySchema, path: ReadonlyArray<PropertyKey>): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    const def = defOf(unwrap(cur));
    if (def.type === 'object') cur = (def.shape as Record<string, AnySchema>)[String(seg)];
    else if (def.type === 'array') cur = def.element as AnySchema;
    else if (def.type === 'record') cur = def.valueType as AnySchema;
    else return undefined;
  }
  return cur;
}

/** Keys an object schema allows, in declaration order ([] when not an object). */
export function allowedKeys(s: AnySchema | undefined): string[] {
  if (!s) return [];
  const def = defOf(unwrap(s));
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** The regular expression of a string schema's first regex check. */
export function regexOf(s: AnySchema): RegExp | undefined {
  const checks = (defOf(unwrap(s)).checks ?? []) as Array<{ _zod: { def: { format?: string; pattern?: RegExp } } }>;
  return checks.find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
}
