/**
 * Which fields hold references (a métier code, or the id of an actor, a funding line, an indicator)
 * and where the referenced entries are declared. Shared by hover, completion and go-to-definition.
 */
import type { Segment } from './yaml-ast.js';

export type RefKind = 'metier' | 'acteur' | 'financement' | 'indicateur';

/** Paths with `*` for any index or key. */
const REFERENCE_FIELDS: Array<[string[], RefKind]> = [
  [['metiers', '*', 'code'], 'metier'],
  [['plan_action', '*', 'metiers', '*'], 'metier'],
  [['plan_action', '*', 'acteurs', '*', 'acteur'], 'acteur'],
  [['gouvernance', 'porteur'], 'acteur'],
  [['gouvernance', 'comites', '*', 'membres', '*'], 'acteur'],
  [['financements', '*', 'financeur'], 'acteur'],
  [['plan_action', '*', 'financements', '*', 'financement'], 'financement'],
  [['plan_action', '*', 'indicateurs', '*'], 'indicateur'],
];

/** Where the entries of each id kind are declared (a list of objects with an `id`). */
export const DECLARATIONS: Record<Exclude<RefKind, 'metier'>, string[]> = {
  acteur: ['acteurs'],
  financement: ['financements'],
  indicateur: ['evaluation', 'indicateurs'],
};

const matches = (pattern: string[], path: readonly Segment[]) => pattern.length === path.length && pattern.every((p, i) => p === '*' || p === String(path[i]));

export function refKindAt(path: readonly Segment[]): RefKind | undefined {
  return REFERENCE_FIELDS.find(([p]) => matches(p, path))?.[1];
}

/** The id field of a declaration (`acteurs/2/id`) → its kind. */
export function declarationKindAt(path: readonly Segment[]): Exclude<RefKind, 'metier'> | undefined {
  for (const [kind, base] of Object.entries(DECLARATIONS) as Array<[Exclude<RefKind, 'metier'>, string[]]>) {
    if (matches([...base, '*', 'id'], path)) return kind;
  }
  return undefined;
}

export interface Declared {
  id: string;
  index: number;
  entry: Record<string, unknown>;
}

/** Entries declared for a kind in the plain document value. */
export function declared(value: unknown, kind: Exclude<RefKind, 'metier'>): Declared[] {
  let list: unknown = value;
  for (const k of DECLARATIONS[kind]) list = (list as Record<string, unknown> | undefined)?.[k];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => (entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? [{ id: (entry as { id: string }).id, index, entry: entry as Record<string, unknown> }] : []));
}

/** Every path in the plain document that references `id` of `kind`. */
export function referencesTo(value: unknown, kind: RefKind, id: string): Segment[][] {
  const out: Segment[][] = [];
  const visit = (v: unknown, path: Segment[]) => {
    if (typeof v === 'string' || typeof v === 'number') {
      if (String(v) === id && refKindAt(path) === kind) out.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
  };
  visit(value, []);
  return out;
}
