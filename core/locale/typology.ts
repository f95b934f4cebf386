/**
 * Sentences of the typology: the interface each locale implements (`fr/typology.ts`,
 * `en/typology.ts`). The rules (core/analysis/typology/) return verdicts as data; a locale turns
 * each verdict (its rule token and numbers) into the sentence that explains it.
 */
import { COMPOSANTES, type Composante } from '../analysis/synthese.js';
import type { NomenclatureId } from '../format/schema.js';
import type { Provenance, Verdict, VerdictOf } from '../analysis/typology/types.js';

export interface TypologyOptions {
  /** Name of the reference territory (« la région Grand Est »), cited beside its values. */
  referenceNom?: string;
}

/** One sentence writer per rule token, each given the verdict of its own token. */
export type Phrases = { [R in Verdict['regle']]: (v: VerdictOf<R>, o: TypologyOptions) => string };

export interface TypologyWords {
  /** The sentence explaining one verdict, the provenance of its value included. */
  explain(v: Verdict, o?: TypologyOptions): string;
  /** Names of the composite tension score's components. */
  composantes: Record<Composante, string>;
  /** Names of the nomenclatures (« ROME v3 »), for the origin of a value copied across nomenclatures. */
  nomenclatures: Record<NomenclatureId, string>;
}

/** « 2019-2024 » for a value over a period, '' otherwise. */
export const periode = (v: Provenance) => (v.anneeDebut !== undefined && v.annee !== undefined ? `${v.anneeDebut}-${v.annee}` : '');

/** The year(s) of a value: its period, or its single year, or ''. */
export const annees = (v: Provenance) => periode(v) || (v.annee !== undefined ? String(v.annee) : '');

/** The components of a composite verdict that are absent (its weights were renormalised over the others). */
export const absentes = (v: VerdictOf<'score-composite'>) => (Object.keys(v.poids).length ? COMPOSANTES.filter((k) => v.poids[k] === undefined) : []);

/** A locale's `explain` from its sentence writers and its provenance suffix. */
export function explainer(phrases: Phrases, suffixe: (v: Provenance) => string): TypologyWords['explain'] {
  return (v, o = {}) => (phrases[v.regle] as (v: Verdict, o: TypologyOptions) => string)(v, o) + suffixe(v);
}
