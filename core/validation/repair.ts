/**
 * A stand-in for a document the schema refused, so that the semantic rules (references, dates,
 * métier codes) can run on the rest of it and every problem shows at once: unknown keys are dropped,
 * missing or wrong scalars get a value of the right kind (the original text for a string), numbers
 * out of range their bound, enums their first value. The schema's own problems are already
 * reported; semantic problems in the entries of the repaired places are left out (core/validation/validate.ts). Undefined when the document
 * cannot be repaired in a few rounds (a wrong list item, a missing number).
 */
import type { z } from 'zod';
import { Diagnostic, type DiagnosticDoc } from '../format/schema.js';

type Issue = z.core.$ZodIssue;

export interface Repaired {
  doc: DiagnosticDoc;
  /** JSON pointers of the places changed: semantic problems there are the stand-in's, not the user's. */
  changed: string[];
}

const ROUNDS = 4;
const pointerOf = (path: readonly PropertyKey[]) => path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

export function repairForSemantic(value: unknown, issues: readonly Issue[]): Repaired | undefined {
  // The parsed value is plain data (YAML or JSON): a JSON round trip copies it.
  const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
  const changed: string[] = [];
  let todo = issues;
  for (let round = 0; round < ROUNDS; round++) {
    for (const issue of todo) if (!repairIssue(copy, issue, changed)) return undefined;
    const res = Diagnostic.safeParse(copy, { jitless: true });
    if (res.success) return { doc: res.data, changed };
    todo = res.error.issues;
  }
  return undefined;
}

function parentOf(root: unknown, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let node = root;
  for (const seg of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[String(seg)];
  }
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

function repairIssue(root: unknown, issue: Issue, changed: string[]): boolean {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const target = parentOf(root, [...path, '']);
    if (!target) return false;
    for (const k of issue.keys) delete target[k];
    return true;
  }
  // A problem in a union (the shape of a source…) or about a whole list item is not repaired here.
  const parent = parentOf(root, path);
  const key = path[path.length - 1];
  if (!parent || typeof key !== 'string') return false;
  const original = parent[key];
  let next: unknown;
  if (issue.code === 'invalid_type' && issue.expected === 'string') next = typeof original === 'number' || typeof original === 'boolean' ? String(original) : '…';
  else if (issue.code === 'invalid_value' && issue.values.length) next = issue.values[0];
  else if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') next = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  else if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'string') next = '…';
  else if (original !== undefined) next = undefined;
  else return false;
  if (next === undefined) delete parent[key];
  else parent[key] = next;
  changed.push(pointerOf(path));
  return true;
}
