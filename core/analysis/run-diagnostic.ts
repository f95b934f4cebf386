/**
 * The diagnostic run: validate the file, load the referential, then analyse it in named steps
 * (core/analysis/run/): load inputs, map nomenclatures and perimeters, indicators per source,
 * métiers, typology, passerelles, plan and evaluation, structure, result. Problems of every step
 * are returned together; each step goes on with what it can use (a missing source does not stop
 * the rest). Deterministic: codes sorted, no clock, no randomness, so two runs on the same inputs
 * give the same JSON.
 */
import { readablePath } from '../paths.js';
import type { DiagnosticDoc } from '../format/schema.js';
import { parseDiagnosticText, type ParseResult } from '../format/parse.js';
import { capProblems, clampRanges } from '../validation/problem-cap.js';
import { validateDiagnostic, validateDiagnosticSync } from '../validation/validate.js';
import { undeclaredDonnees } from '../validation/donnees.js';
import type { FileHost } from '../host.js';
import type { SourceCache } from '../data/load-source.js';
import { pushAll, type Problem } from '../problems.js';
import { loadReferentiel } from '../referentiel/load.js';
import type { Referentiel } from '../referentiel/model.js';
import type { DiagnosticResult } from './result.js';
import { attempt } from './run/failed-step.js';
import { loadInputs, unreadInputs } from './run/inputs.js';
import { indicateursBySource } from './run/indicateurs.js';
import { assembleMetiers, scoreMetiers } from './run/metiers.js';
import { computePasserelles } from './run/passerelles.js';
import { selectSources } from './run/perimetres.js';
import { planAndEvaluation, buildResult, structure, totauxBmo } from './run/result.js';
import { totauxEmploi } from './run/totaux-emploi.js';
import { classifyMetiers } from './run/typology.js';

export interface RunOptions {
  fileName: string;
  host: FileHost;
  /** A referential already loaded by the host (kept across runs); otherwise loaded from the file's declaration. */
  referential?: Referentiel;
  /** Today's date (AAAA-MM-JJ) for lateness of evaluation indicators; the core never reads the clock. */
  today?: string;
  /** Restricted Mode (untrusted workspace): no data file is read, one GTEC-I432 says so. */
  restricted?: boolean;
  /** The text already parsed by the host (`parseDiagnosticText` of the same text): not parsed again. */
  parsed?: ParseResult;
  /** Sources loaded by earlier runs of the host (the editor): see SourceCache. */
  sources?: SourceCache;
}

export interface RunOutput {
  result?: DiagnosticResult;
  doc?: DiagnosticDoc;
  problems: Problem[];
}

export async function runDiagnostic(text: string, options: RunOptions): Promise<RunOutput> {
  // The referential is needed to validate métier codes, and the file says which one: a cheap
  // static parse first tells which referential to load.
  let referential = options.referential;
  const refProblems: Problem[] = [];
  const parsed = options.parsed ?? parseDiagnosticText(text, options.fileName);
  if (!referential) {
    const pre = validateDiagnosticSync(text, { fileName: options.fileName, parsed });
    if (pre.doc) {
      const r = await loadDeclaredReferentiel(pre.doc, options.host);
      referential = r.referential;
      pushAll(refProblems, r.problems);
    }
  }
  // Data files are checked by loading them below (checking them here too would report twice).
  const validation = await validateDiagnostic(text, {
    fileName: options.fileName,
    host: options.host,
    checkData: false,
    parsed,
    // Capped below, with the analysis' problems.
    problemesMax: Number.POSITIVE_INFINITY,
    ...(referential ? { referential } : {}),
  });
  const doc = validation.doc;
  if (!doc) return { problems: capProblems(pushAll(validation.problems, refProblems)) };
  const analyse = await analyser(doc, options.host, referential, options.today, options.restricted, options.sources);
  analyse.problemes = pushAll(pushAll(undeclaredDonnees(doc, options.host), refProblems), analyse.problemes);
  // Problems of loading and analysis carry a pointer: give them the place in the text it designates
  // (those about a data file already carry that file's own location).
  for (const p of analyse.problemes) {
    if (p.range || p.location) continue;
    const range = parsed.sourceMap.valueRange(p.pointer);
    if (range) p.range = range;
  }
  clampRanges(analyse.problemes, text.length);
  analyse.problemes = capProblems(analyse.problemes);
  return { result: analyse, doc, problems: capProblems(pushAll([...validation.problems], analyse.problemes)) };
}

async function loadDeclaredReferentiel(doc: DiagnosticDoc, host: FileHost): Promise<{ referential?: Referentiel; problems: Problem[] }> {
  const decl = doc.referentiel;
  // A path refused by the format's rules (absolute, « .. ») is never handed to the host, nor one in an undeclared `$donnees`.
  if (decl.chemin !== undefined && readablePath(decl.chemin, host) === undefined) return { problems: [] };
  return attempt('/referentiel', 'referentiel', undefined, () => loadReferentiel(decl, host, '/referentiel'));
}

/** The analysis of a valid diagnostic, step by step; every step reports its problems in `problems`, in run order. */
async function analyser(doc: DiagnosticDoc, host: FileHost, ref: Referentiel | undefined, today: string | undefined, restricted = false, cache?: SourceCache): Promise<DiagnosticResult> {
  const problems: Problem[] = [];
  const entrees = restricted ? unreadInputs(doc, ref, problems) : await loadInputs(doc, host, ref, problems, cache);
  const selections = selectSources(doc, entrees.charges, entrees.passages, problems);
  const sources = indicateursBySource(doc, selections, problems);
  const indicateurs = assembleMetiers(doc, ref, sources);
  const composite = scoreMetiers(doc, indicateurs, sources, problems);
  const bmo = totauxBmo(doc, selections);
  const emploi = totauxEmploi(doc, selections);
  const { metiers, familles, cellulesFamilles } = classifyMetiers(doc, indicateurs, composite, bmo, problems);
  const passerelles = computePasserelles(doc, ref, metiers, problems);
  const plan = planAndEvaluation(doc, metiers, today, problems);
  return buildResult(doc, ref, { metiers, familles, ...(cellulesFamilles ? { cellulesFamilles } : {}), passerelles, ...plan, ...structure(doc, selections, sources), ...(bmo ? { bmo } : {}), ...(emploi ? { emploi } : {}) }, problems);
}
