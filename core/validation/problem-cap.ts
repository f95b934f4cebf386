/**
 * Bounds on what one file's check reports, whatever the input: at most `PROBLEMES_MAX` problems
 * (errors first, then warnings, then infos, each in the list's own order) and one last GTEC-W002
 * that counts the others; every source range inside the text; an internal failure as one
 * problem (GTEC-E090) rather than an exception that would hide the other files' results.
 */
import { makeFormatProblem, type FormatData } from '../format/problems-format.js';
import type { Problem, Severity } from '../problems.js';

/** Problems reported per file at most (documented in docs/format.md, « Limites »). */
export const PROBLEMES_MAX = 1000;

const CAP_CODE = 'GTEC-W002';
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * `problems` when there are at most `max`; else the `max` most severe (ties: earlier first), in
 * their original order, then one GTEC-W002 counting the rest by severity. A list already capped
 * may be capped again (with more problems appended): its GTEC-W002 counts are carried over.
 */
export function capProblems(problems: Problem[], max = PROBLEMES_MAX): Problem[] {
  const counted = problems.filter((p) => p.code === CAP_CODE);
  if (problems.length - counted.length <= max && counted.length <= 1) return problems;
  const list = counted.length ? problems.filter((p) => p.code !== CAP_CODE) : problems;
  const omitted = { error: 0, warning: 0, info: 0 };
  for (const c of counted) {
    const d = c.data as FormatData<typeof CAP_CODE>;
    omitted.error += d.erreurs;
    omitted.warning += d.avertissements;
    omitted.info += d.infos;
  }
  const order = list.map((_, i) => i).sort((a, b) => RANK[list[a]!.severity] - RANK[list[b]!.severity] || a - b);
  const kept = new Uint8Array(list.length);
  for (let i = 0; i < Math.min(max, list.length); i++) kept[order[i]!] = 1;
  const out: Problem[] = [];
  let firstOmitted: Problem | undefined;
  list.forEach((p, i) => {
    if (kept[i]) out.push(p);
    else {
      omitted[p.severity]++;
      firstOmitted ??= p;
    }
  });
  const range = firstOmitted?.range ? { start: firstOmitted.range.start, end: firstOmitted.range.start } : (counted[0]?.range ?? { start: 0, end: 0 });
  const total = omitted.error + omitted.warning + omitted.info;
  out.push(makeFormatProblem(CAP_CODE, '', { value: total, limite: max, erreurs: omitted.error, avertissements: omitted.warning, infos: omitted.info }, { range }));
  return out;
}

/** Every range within `[0, length]`, start before end, whatever produced it. */
export function clampRanges(problems: readonly Problem[], length: number): void {
  for (const p of problems) {
    if (!p.range) continue;
    const clamp = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), length) : 0);
    const start = clamp(p.range.start);
    p.range = { start, end: Math.max(start, clamp(p.range.end)) };
  }
}

/** An exception of the core (a defect) as the file's problem: its message only, never its stack. */
export function internalErrorProblem(e: unknown): Problem {
  let detail: string;
  try {
    detail = e instanceof Error ? `${e.name}: ${e.message}` : typeof e === 'string' ? e : 'exception';
  } catch {
    detail = 'exception';
  }
  return makeFormatProblem('GTEC-E090', '', { detail }, { range: { start: 0, end: 0 } });
}
