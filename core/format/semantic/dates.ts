/**
 * Dates and periods are coherent: dates exist (no 30 February), periods do not end before they
 * start, a fiche's steps fall inside its calendar. A date `AAAA` or `AAAA-MM` stands for the whole
 * year or month: `debut: 2025-06` and `fin: 2025` are coherent.
 */
import { pointer, type Problem } from '../../problems.js';
import { makeFormatProblem } from '../problems-format.js';
import type { Rule } from './context.js';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day of the period a date stands for, as `AAAA-MM-JJ` (comparable as text). */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Last day of the period a date stands for (day 31 is enough for ordering). */
export function endOf(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

export const checkDates: Rule = (doc) => {
  const out: Problem[] = [];
  const exists = (d: string | undefined, ptr: string) => {
    if (d === undefined || d.length !== 10) return;
    const [y, m, j] = d.split('-').map(Number) as [number, number, number];
    const max = daysIn(y, m);
    if (j > max) out.push(makeFormatProblem('GTEC-E109', ptr, { value: d, annee: y, mois: m, jours: max }));
  };

  if (doc.periode.debut >= doc.periode.fin) {
    out.push(makeFormatProblem('GTEC-E106', '/periode/debut', { debut: doc.periode.debut, fin: doc.periode.fin }));
  }
  exists(doc.date, '/date');
  doc.financements.forEach((f, i) => {
    exists(f.debut, pointer('financements', i, 'debut'));
    exists(f.fin, pointer('financements', i, 'fin'));
    if (f.debut && f.fin && startOf(f.debut) > endOf(f.fin)) {
      out.push(makeFormatProblem('GTEC-E107', pointer('financements', i, 'fin'), { value: f.id, debut: f.debut, fin: f.fin }));
    }
  });
  doc.plan_action.forEach((fiche, i) => {
    const cal = fiche.calendrier;
    if (!cal) return;
    exists(cal.debut, pointer('plan_action', i, 'calendrier', 'debut'));
    exists(cal.fin, pointer('plan_action', i, 'calendrier', 'fin'));
    if (cal.fin && startOf(cal.debut) > endOf(cal.fin)) {
      out.push(makeFormatProblem('GTEC-E108', pointer('plan_action', i, 'calendrier', 'fin'), { value: fiche.id, debut: cal.debut, fin: cal.fin }));
    }
    cal.etapes.forEach((e, j) => {
      const ptr = pointer('plan_action', i, 'calendrier', 'etapes', j, 'date');
      exists(e.date, ptr);
      const before = endOf(e.date) < startOf(cal.debut);
      const after = cal.fin !== undefined && startOf(e.date) > endOf(cal.fin);
      if (before || after) out.push(makeFormatProblem('GTEC-W105', ptr, { value: e.libelle, date: e.date, debut: cal.debut, fin: cal.fin ?? '…' }));
    });
  });
  doc.evaluation.indicateurs.forEach((ind, i) => {
    exists(ind.date_mesure, pointer('evaluation', 'indicateurs', i, 'date_mesure'));
    exists(ind.echeance, pointer('evaluation', 'indicateurs', i, 'echeance'));
  });
  return out;
};
