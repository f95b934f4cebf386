/**
 * The diagnostic result as JSON, deterministic: keys sorted at every level (the analysis may build
 * objects in any order), 2-space indent, trailing newline, no timestamp. Arrays keep their order
 * (the result contract already orders them).
 */
import type { DiagnosticResult } from '../analysis/result.js';

export function renderJson(result: DiagnosticResult): string {
  return JSON.stringify(trier(result), null, 2) + '\n';
}

function trier(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(trier);
  if (v === null || typeof v !== 'object') return typeof v === 'number' && Object.is(v, -0) ? 0 : v;
  const sortie: Record<string, unknown> = {};
  for (const cle of Object.keys(v).sort()) {
    const valeur = (v as Record<string, unknown>)[cle];
    if (valeur !== undefined) sortie[cle] = trier(valeur);
  }
  return sortie;
}
