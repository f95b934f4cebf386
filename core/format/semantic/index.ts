/** All semantic rules, in one list; each rule family lives in its own file. */
import type { Problem } from '../../problems.js';
import type { DiagnosticDoc } from '../schema.js';
import { checkAmounts } from './amounts.js';
import type { Rule, SemanticContext } from './context.js';
import { checkCoverage } from './coverage.js';
import { checkDates } from './dates.js';
import { checkMetierCodes } from './metiers.js';
import { checkPaths } from './paths.js';
import { checkReferences } from './references.js';

export const RULES: readonly Rule[] = [checkReferences, checkMetierCodes, checkDates, checkAmounts, checkCoverage, checkPaths];

export function semanticProblems(doc: DiagnosticDoc, ctx: SemanticContext): Problem[] {
  return RULES.flatMap((rule) => rule(doc, ctx));
}

export { metiersCouverts } from './coverage.js';
export type { MetierLookup, SemanticContext } from './context.js';
