/**
 * What must hold for every problem of any input, however hostile: the fuzzer (tests/fuzz,
 * scripts/fuzz.ts) and the hostile-input tests check the same list.
 */
import { isProblemCode } from '../../core/catalogues.js';
import { MESSAGE_MAX, type Problem } from '../../core/problems.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: they are the characters a message must not hold raw.
export const RAW_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The broken invariants of `problems` for `text` (empty when all hold). */
export function brokenInvariants(text: string, problems: readonly Problem[]): string[] {
  const out: string[] = [];
  for (const p of problems) {
    if (!isProblemCode(p.code)) out.push(`unknown code ${p.code}`);
    if (p.range) {
      const { start, end } = p.range;
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) out.push(`${p.code}: range ${start}-${end} outside a text of ${text.length}`);
    }
    for (const lang of ['fr', 'en'] as const) {
      const m = p.message[lang];
      if (typeof m !== 'string' || m.length === 0) out.push(`${p.code}: no ${lang} message`);
      else {
        if (m.length > MESSAGE_MAX) out.push(`${p.code}: ${lang} message of ${m.length} characters`);
        if (RAW_CONTROL.test(m)) out.push(`${p.code}: raw control character in the ${lang} message`);
        if (m.includes('[object Object]')) out.push(`${p.code}: [object Object] in the ${lang} message`);
      }
    }
  }
  return out;
}
