/**
 * Métier codes (declared métiers, fiches' métiers) exist in the referential. Only codes of the
 * rome4 analysis nomenclature are checked against it: a rome3 or fap2021 diagnostic does not use
 * ROME 4 codes. Without a referential, a rome4 code is at least checked for its shape. Against
 * the small built-in demo referential an absent code is a warning, not an error.
 */
import { pointer, type Problem } from '../../problems.js';
import { makeFormatProblem, type FormatData } from '../problems-format.js';
import type { Rule } from './context.js';

const ROME4 = /^[A-N]\d{4}$/;

export const checkMetierCodes: Rule = (doc, ctx) => {
  if (doc.nomenclature !== 'rome4') return [];
  const out: Problem[] = [];
  const check = (code: string, ptr: string) => {
    const ref = ctx.referential;
    if (ref) {
      if (ref.has(code)) return;
      const near = ref.suggest(code, 3);
      const data: FormatData<'GTEC-E105'> = { value: code, referentiel: ref.label, suggestions: near.map((m) => m.code), libelles: near.map((m) => m.libelle) };
      if (near[0]) data.suggestion = near[0].code;
      if (ref.demo) data.demo = true;
      out.push(makeFormatProblem('GTEC-E105', ptr, data, ref.demo ? { severity: 'warning' } : {}));
    } else if (!ROME4.test(code)) {
      const fixed = code.trim().toUpperCase().replace(/\s+/g, '');
      out.push(makeFormatProblem('GTEC-W103', ptr, ROME4.test(fixed) ? { value: code, suggestion: fixed } : { value: code }));
    }
  };
  doc.metiers.forEach((m, i) => check(m.code, pointer('metiers', i, 'code')));
  doc.plan_action.forEach((f, i) => f.metiers.forEach((code, j) => check(code, pointer('plan_action', i, 'metiers', j))));
  return out;
};
