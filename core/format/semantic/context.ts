/** What the semantic rules receive besides the document. */
import type { Problem } from '../../problems.js';
import type { DiagnosticDoc } from '../schema.js';

/** The part of the referential index the rules use (see core/referentiel/lookup.ts). */
export interface MetierLookup {
  /** Human label of the referential, for messages (« ROME 4.0 v60 »). */
  label: string;
  /** The built-in demo referential: an absent code is then only a warning (real codes are
   * legitimately missing from a small demo). */
  demo: boolean;
  has(code: string): boolean;
  /** Closest existing codes with their labels, best first. */
  suggest(code: string, n: number): Array<{ code: string; libelle: string }>;
}

export interface SemanticContext {
  /** Métier codes are checked against it when the analysis nomenclature is rome4. */
  referential?: MetierLookup;
}

export type Rule = (doc: DiagnosticDoc, ctx: SemanticContext) => Problem[];
