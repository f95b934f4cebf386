/** Which sources (and years) the result's figures and explanations come from, for the method note. */
import type { DiagnosticResult } from '../analysis/result.js';
import { COLONNES_METIER } from './columns.js';
import type { Libelles } from './labels.js';

export interface SourceCitee {
  source: string;
  annees: number[];
  /** Headings of the figures that cite it, in column order; explanations last. */
  usages: string[];
}

export function sourcesCitees(result: DiagnosticResult, l: Libelles): SourceCitee[] {
  const parSource = new Map<string, { annees: Set<number>; usages: Set<string> }>();
  const citer = (source: string | undefined, annee: number | undefined, usage: string) => {
    if (!source) return;
    let s = parSource.get(source);
    if (!s) parSource.set(source, (s = { annees: new Set(), usages: new Set() }));
    if (annee !== undefined) s.annees.add(annee);
    s.usages.add(usage);
  };
  for (const colonne of COLONNES_METIER) {
    for (const m of result.metiers) {
      const mesure = colonne.lire(m.indicateurs);
      if (mesure) citer(mesure.source, mesure.annee, colonne.titre(l));
    }
  }
  for (const m of result.metiers) for (const e of m.explications) citer(e.source, e.annee, l.familles);
  return [...parSource.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([source, s]) => ({ source, annees: [...s.annees].sort((a, b) => a - b), usages: [...s.usages] }));
}
