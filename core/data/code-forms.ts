/**
 * The form of the métier codes of each nomenclature, to warn when a data file's codes are not
 * codes at all (a total line, a file read with the wrong encoding: « H24ÿþ02 »). Only the forms
 * the official files follow are checked; `pcs`, `naf` and `libre` codes are free.
 */
import type { NomenclatureId } from '../format/schema.js';

export interface CodeForm {
  test: RegExp;
  /** The form, as messages show it. */
  pattern: string;
}

// FAP (2009 and 2021, the BMO's « code métier ») codes are read at any of their levels: domain
// (A), family of 87 (A0Z, G1A) or of 225 (A0Z40, B5X40, QAX01: a letter in second place too, as in
// the BMO 2024 workbook's administrative professions).
const FAP: CodeForm = { test: /^[A-Z](?:[0-9A-Z][A-Z](?:\d{2})?)?$/, pattern: 'A0Z40, QAX01, A0Z, A' };

export const CODE_FORMS: Partial<Record<NomenclatureId, CodeForm>> = {
  rome4: { test: /^[A-N]\d{4}$/, pattern: 'A1234' },
  rome3: { test: /^[A-N]\d{4}$/, pattern: 'A1234' },
  fap2009: FAP,
  fap2021: FAP,
};

/** Collects the codes of one column that do not have their nomenclature's form. */
export class CodeFormCheck<P> {
  count = 0;
  first?: P;
  readonly exemples: string[] = [];

  constructor(readonly form: CodeForm) {}

  add(code: string, place: () => P): void {
    if (this.form.test.test(code)) return;
    if (this.count++ === 0) this.first = place();
    if (this.exemples.length < 3 && !this.exemples.includes(code)) this.exemples.push(code.length > 40 ? `${code.slice(0, 40)}…` : code);
  }
}
