/**
 * All problem catalogues together: the union of every problem code and one read-only view of
 * every entry, for hosts and scripts that list codes (SARIF rules, docs/erreurs.md).
 */
import { Catalogue as analysis, type AnalysisCode } from './analysis/problems-analysis.js';
import { Catalogue as data, type DataCode } from './data/problems-data.js';
import { Catalogue as format, type FormatCode } from './format/problems-format.js';
import { Catalogue as init, type InitCode } from './init/problems-init.js';
import type { ProblemDefinition } from './problems.js';
import { Catalogue as referential, type ReferentielCode } from './referentiel/problems-referentiel.js';

/** Every problem code of the core. */
export type ProblemCode = FormatCode | DataCode | ReferentielCode | AnalysisCode | InitCode;

/** An entry seen from outside its catalogue: its data type is its own business. */
// biome-ignore lint/suspicious/noExplicitAny: the entries' data types differ; each catalogue checks its own.
export type AnyProblemDefinition = ProblemDefinition<any>;

/** The catalogues by area, in the order of their code ranges (E0/E1, E2, E3, E4, E5). */
export const catalogueAreas = Object.freeze({
  format: { file: 'core/format/problems-format.ts', catalogue: format },
  data: { file: 'core/data/problems-data.ts', catalogue: data },
  referential: { file: 'core/referentiel/problems-referentiel.ts', catalogue: referential },
  analysis: { file: 'core/analysis/problems-analysis.ts', catalogue: analysis },
  init: { file: 'core/init/problems-init.ts', catalogue: init },
} as const);

/** Every entry of every catalogue, by code. */
export const catalogues: Readonly<Record<ProblemCode, AnyProblemDefinition>> = Object.freeze({ ...format, ...data, ...referential, ...analysis, ...init });

/** Whether a string is one of the core's problem codes. */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(catalogues, code);
}
