/**
 * Sentences of the typology: the interface each locale implements (`fr/typology.ts`,
 * `en/typology.ts`). The rules (core/analysis/typology/) return verdicts as data; a locale turns
 * each verdict (its rule token and numbers) into the sentence that explains it.
 */
import type { Composante } from '../analysis/synthese.js';
import type { Provenance, Verdict, VerdictDe } from '../analysis/typology/types.js';

export interface OptionsTypologie {
  /** Name of the reference territory (« la région Grand Est »), cited beside its values. */
  referenceNom?: string;
}

/** One sentence writer per rule token, each given the verdict of its own token. */
export type Phrases = { [R in Verdict['regle']]: (v: VerdictDe<R>, o: OptionsTypologie) => string };

export interface TypologyWords {
  /** The sentence explaining one verdict, the provenance of its value included. */
  expliquer(v: Verdict, o?: OptionsTypologie): string;
  /** Names of the composite tension score's components. */
  composantes: Record<Composante, string>;
}

/** « 2019-2024 » for a value over a period, '' otherwise. */
export const periode = (v: Provenance) => (v.anneeDebut !== undefined && v.annee !== undefined ? `${v.anneeDebut}-${v.annee}` : '');

/** The year(s) of a value: its period, or its single year, or ''. */
export const annees = (v: Provenance) => periode(v) || (v.annee !== undefined ? String(v.annee) : '');

/** A locale's `expliquer` from its sentence writers and its provenance suffix. */
export function explicateur(phrases: Phrases, suffixe: (v: Provenance) => string): TypologyWords['expliquer'] {
  return (v, o = {}) => (phrases[v.regle] as (v: Verdict, o: OptionsTypologie) => string)(v, o) + suffixe(v);
}
