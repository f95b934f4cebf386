/**
 * Amounts are coherent: what the fiches action take from a financing line, all fiches together,
 * does not exceed the line's amount. (Negative amounts are refused by the schema.)
 */
import { pointer, type Problem } from '../../problems.js';
import { makeFormatProblem } from '../problems-format.js';
import type { Rule } from './context.js';

export const checkAmounts: Rule = (doc) => {
  const out: Problem[] = [];
  const taken = new Map<string, { total: number; fiches: Set<string> }>();
  for (const fiche of doc.plan_action) {
    for (const f of fiche.financements) {
      const t = taken.get(f.financement) ?? { total: 0, fiches: new Set<string>() };
      t.total += f.montant;
      t.fiches.add(fiche.id);
      taken.set(f.financement, t);
    }
  }
  const seen = new Set<string>();
  doc.financements.forEach((line, i) => {
    // A duplicated id is reported elsewhere (E104); compare its first line only.
    if (seen.has(line.id)) return;
    seen.add(line.id);
    const t = taken.get(line.id);
    // Cents: sums of decimal amounts are compared to the cent, not to the last float bit.
    if (t && Math.round(t.total * 100) > Math.round(line.montant * 100)) {
      out.push(
        makeFormatProblem('GTEC-E110', pointer('financements', i, 'montant'), {
          value: line.id,
          total: t.total,
          montant: line.montant,
          depassement: Math.round((t.total - line.montant) * 100) / 100,
          fiches: [...t.fiches],
        }),
      );
    }
  });
  return out;
};
