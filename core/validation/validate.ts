/**
 * Validation of a diagnostic file: parse → schema → semantic rules (→ data files, with a host).
 * All problems are reported at once, sorted by position, each with a source range when possible.
 * `doc` is returned as soon as the schema passes, even with semantic errors, so that the analysis
 * can go on with what it can use.
 * This layer sits above core/format (parse, schema, static rules): it also loads the referential
 * and inspects the data files, which core/format must not import.
 */
import type { FileHost } from '../host.js';
import { pushAll, sortProblems, type Problem } from '../problems.js';
import { loadReferentiel } from '../referentiel/load.js';
import { ReferentielIndex } from '../referentiel/lookup.js';
import type { Referentiel } from '../referentiel/model.js';
import { readablePath } from '../paths.js';
import { parseDiagnosticText, type ParseResult } from '../format/parse.js';
import { Diagnostic, type DiagnosticDoc } from '../format/schema.js';
import { schemaProblems } from '../format/schema-problems.js';
import { semanticProblems, type MetierLookup } from '../format/semantic/index.js';
import type { SourceMap } from '../format/source-map.js';
import { checkDataFiles } from './data-files.js';
import { undeclaredDonnees } from './donnees.js';
import { capProblems, clampRanges, internalErrorProblem } from './problem-cap.js';
import { repairForSemantic, type Repaired } from './repair.js';

export interface ValidateOptions {
  /** Name or path of the file: `*.json` is read as JSON, anything else as YAML. */
  fileName: string;
  /** Reads the data files the diagnostic declares; without it, file checks are skipped. */
  host?: FileHost;
  /** Référentiel to check métier codes against (rome4 nomenclature). */
  referential?: Referentiel;
  /** Check the declared files through `host` (default: true when a host is given). */
  checkData?: boolean;
  /** The text already parsed by `parseDiagnosticText` (editors keep it per version): not parsed again. */
  parsed?: ParseResult;
  /** Problems reported at most, GTEC-W002 counting the rest (default `PROBLEMES_MAX`; `Infinity`:
   * all of them, for a caller that caps a longer list itself). */
  problemesMax?: number;
}

export interface ValidationResult {
  doc?: DiagnosticDoc;
  problems: Problem[];
}

/** Synchronous validation without data files: cheap enough for an editor, per keystroke. */
export function validateDiagnosticSync(text: string, options: Pick<ValidateOptions, 'fileName' | 'referential' | 'parsed' | 'problemesMax'>): ValidationResult {
  try {
    const r = staticPhase(text, options);
    return finish(semanticPhase(r, options.referential), text, options);
  } catch (e) {
    return { problems: [internalErrorProblem(e)] };
  }
}

export async function validateDiagnostic(text: string, options: ValidateOptions): Promise<ValidationResult> {
  const { host } = options;
  if (!host || options.checkData === false) return validateDiagnosticSync(text, options);
  try {
    // With a host, the declared referential is loaded (its own problems are GTEC-E3xx) and the
    // métier codes are checked against it, unless the caller passed one.
    let referential = options.referential;
    let loaded: readonly Problem[] = [];
    const r = staticPhase(text, options, async (doc) => {
      if (referential || !referentielUsable(doc, host)) return;
      const l = await loadReferentiel(doc.referentiel, host, '/referentiel');
      referential = l.referential;
      loaded = l.problems;
    });
    await r.beforeSemantic;
    const res = semanticPhase(r, referential);
    if (res.doc) {
      const blocked = new Set(res.problems.filter((p) => p.code === 'GTEC-E111').map((p) => p.pointer));
      const files = await checkDataFiles(res.doc, host);
      pushAll(res.problems, loaded);
      for (const p of files) if (!blocked.has(p.pointer)) res.problems.push(p);
      pushAll(res.problems, undeclaredDonnees(res.doc, host));
    }
    return finish(res, text, options);
  } catch (e) {
    return { problems: [internalErrorProblem(e)] };
  }
}

/** False when the semantic rules already refuse the referential's path (GTEC-E111, E112), or it is in an undeclared `$donnees`. */
function referentielUsable(doc: DiagnosticDoc, host: FileHost): boolean {
  const { type, chemin } = doc.referentiel;
  return chemin === undefined ? type === 'demo' : readablePath(chemin, host) !== undefined;
}

interface Phase extends ValidationResult {
  sourceMap: SourceMap;
  /** The schema refused the document: a stand-in for the semantic rules (its doc is not returned). */
  repaired?: Repaired;
  /** Work to finish before the semantic rules run (loading the referential). */
  beforeSemantic?: Promise<void>;
}

/** Parse and schema. */
function staticPhase(text: string, options: Pick<ValidateOptions, 'fileName' | 'parsed'>, before?: (doc: DiagnosticDoc) => Promise<void>): Phase {
  const parsed = options.parsed ?? parseDiagnosticText(text, options.fileName);
  // A copy: a parse result passed in may be validated again (next keystroke, second phase).
  const problems = [...parsed.problems];
  if (parsed.value === undefined) return { problems, sourceMap: parsed.sourceMap };
  // zod's compiled fast path is left out: compiling it costs about 30 ms on the first parse of a
  // process (`gtec check` parses once), more than it saves later (under 1 ms a parse for 240
  // fiches action). Same result either way.
  const res = Diagnostic.safeParse(parsed.value, { jitless: true });
  if (!res.success) {
    pushAll(problems, schemaProblems(res.error.issues, parsed.value, parsed.sourceMap));
    // The semantic rules still run, on a stand-in for the refused parts: all problems show at once.
    const repaired = repairForSemantic(parsed.value, res.error.issues);
    if (!repaired) return { problems, sourceMap: parsed.sourceMap };
    return { problems, sourceMap: parsed.sourceMap, repaired, ...(before ? { beforeSemantic: before(repaired.doc) } : {}) };
  }
  const phase: Phase = { doc: res.data, problems, sourceMap: parsed.sourceMap };
  if (before) phase.beforeSemantic = before(res.data);
  return phase;
}

function semanticPhase(r: Phase, referential: Referentiel | undefined): Phase {
  const lookup = referential ? lookupFor(referential) : undefined;
  const doc = r.doc ?? r.repaired?.doc;
  if (!doc) return r;
  // Problems in the entry of a repaired place (a stand-in `fin` makes `debut` look late) are not the user's.
  const entries = (r.repaired?.changed ?? []).map((c) => (c.lastIndexOf('/') > 0 ? c.slice(0, c.lastIndexOf('/')) : c));
  const own = (p: Problem) => !entries.some((c) => p.pointer === c || p.pointer.startsWith(`${c}/`));
  pushAll(r.problems, semanticProblems(doc, lookup ? { referential: lookup } : {}).filter(own));
  return r;
}

function finish(r: Phase, text: string, bounds: Pick<ValidateOptions, 'problemesMax'>): ValidationResult {
  for (const p of r.problems) {
    if (p.range || p.location) continue;
    const range = r.sourceMap.valueRange(p.pointer);
    if (range) p.range = range;
  }
  clampRanges(r.problems, text.length);
  sortProblems(r.problems);
  const problems = capProblems(r.problems, bounds.problemesMax);
  return r.doc ? { doc: r.doc, problems } : { problems };
}

// One index per referential object, reused across keystrokes.
const lookups = new WeakMap<Referentiel, MetierLookup>();

function lookupFor(ref: Referentiel): MetierLookup {
  let l = lookups.get(ref);
  if (!l) {
    const index = new ReferentielIndex(ref);
    l = {
      label: ref.label,
      demo: ref.kind === 'demo',
      has: (code) => index.metier(code) !== undefined,
      suggest: (code, n) => index.suggest(code, n).map((c) => ({ code: c, libelle: index.metier(c)?.libelle ?? '' })),
    };
    lookups.set(ref, l);
  }
  return l;
}
