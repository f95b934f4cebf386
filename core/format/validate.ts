/**
 * Validation of a diagnostic file: parse → schema → semantic rules (→ data files, with a host).
 * All problems are reported at once, sorted by position, each with a source range when possible.
 * `doc` is returned as soon as the schema passes, even with semantic errors, so that the analysis
 * can go on with what it can use.
 */
import type { FileHost } from '../host.js';
import { sortProblems, type Problem } from '../problems.js';
import type { Referential } from '../referential/model.js';
import { parseDiagnosticText } from './parse.js';
import { Diagnostic, type DiagnosticDoc } from './schema.js';
import { schemaProblems } from './schema-problems.js';
import { checkDataFiles, semanticProblems, type MetierLookup } from './semantic/index.js';
import type { SourceMap } from './source-map.js';
import { closest } from './suggest.js';

export interface ValidateOptions {
  /** Name or path of the file: `*.json` is read as JSON, anything else as YAML. */
  fileName: string;
  /** Reads the data files the diagnostic declares; without it, file checks are skipped. */
  host?: FileHost;
  /** Référentiel to check métier codes against (rome4 nomenclature). */
  referential?: Referential;
  /** Check the declared files through `host` (default: true when a host is given). */
  checkData?: boolean;
}

export interface ValidationResult {
  doc?: DiagnosticDoc;
  problems: Problem[];
}

/** Synchronous validation without data files: cheap enough for an editor, per keystroke. */
export function validateDiagnosticSync(text: string, options: Pick<ValidateOptions, 'fileName' | 'referential'>): ValidationResult {
  return finish(staticPhase(text, options));
}

export async function validateDiagnostic(text: string, options: ValidateOptions): Promise<ValidationResult> {
  const r = staticPhase(text, options);
  if (r.doc && options.host && options.checkData !== false) {
    const blocked = new Set(r.problems.filter((p) => p.code === 'GTEC-E111').map((p) => p.pointer));
    const files = await checkDataFiles(r.doc, options.host);
    r.problems.push(...files.filter((p) => !blocked.has(p.pointer)));
  }
  return finish(r);
}

interface Phase extends ValidationResult {
  sourceMap: SourceMap;
}

function staticPhase(text: string, options: Pick<ValidateOptions, 'fileName' | 'referential'>): Phase {
  const parsed = parseDiagnosticText(text, options.fileName);
  const problems = parsed.problems;
  if (parsed.value === undefined) return { problems, sourceMap: parsed.sourceMap };
  const res = Diagnostic.safeParse(parsed.value);
  if (!res.success) {
    problems.push(...schemaProblems(res.error.issues, parsed.value, parsed.sourceMap));
    return { problems, sourceMap: parsed.sourceMap };
  }
  const referential = options.referential ? lookupFor(options.referential) : undefined;
  problems.push(...semanticProblems(res.data, referential ? { referential } : {}));
  return { doc: res.data, problems, sourceMap: parsed.sourceMap };
}

function finish(r: Phase): ValidationResult {
  for (const p of r.problems) {
    if (p.range || p.location) continue;
    const range = r.sourceMap.valueRange(p.pointer);
    if (range) p.range = range;
  }
  sortProblems(r.problems);
  return r.doc ? { doc: r.doc, problems: r.problems } : { problems: r.problems };
}

// One index per referential object, reused across keystrokes.
const lookups = new WeakMap<Referential, MetierLookup>();

function lookupFor(ref: Referential): MetierLookup {
  let l = lookups.get(ref);
  if (!l) {
    const byCode = new Map(ref.metiers.map((m) => [m.code, m.libelle]));
    l = {
      label: ref.label,
      has: (code) => byCode.has(code),
      suggest: (code, n) => closest(code, byCode.keys(), n).map((c) => ({ code: c, libelle: byCode.get(c)! })),
    };
    lookups.set(ref, l);
  }
  return l;
}
