/**
 * Core problems → LSP diagnostics, at the edge: offsets become line/character positions of the
 * open document; the problem's code, pointer and data travel in `data` for quick fixes.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Lang, type Problem, type ProblemData, internalErrorProblem, locationRef } from '../../../core/index.js';

/** What a diagnostic carries for code actions. */
export interface GtecDiagnosticData {
  pointer: string;
  data?: ProblemData;
}

const SEVERITY: Record<Problem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

function placeOf(p: Problem): string {
  const l = p.location;
  if (!l) return '';
  return ` (${locationRef(l)})`;
}

/** Where a code's documentation is (docs/erreurs.md as shipped), for the Problems panel link. */
export type DocLink = (code: string) => string | undefined;

export function toDiagnostic(p: Problem, doc: TextDocument, lang: Lang, docLink?: DocLink): Diagnostic {
  // Problems without a range (whole document, data file) are shown on the first line.
  const start = p.range?.start ?? 0;
  const end = p.range ? Math.max(p.range.end, p.range.start) : doc.getText().search(/\r?\n|$/);
  const data: GtecDiagnosticData = { pointer: p.pointer, ...(p.data ? { data: p.data } : {}) };
  const href = docLink?.(p.code);
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(end) },
    severity: SEVERITY[p.severity],
    code: p.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'gtec',
    message: p.message[lang] + placeOf(p),
    data,
  };
}

/**
 * `validate` of one document, never failing: an exception (a defect of the core or of the service)
 * becomes GTEC-E090 on that document, so that its Problems entry is replaced and the other
 * documents keep being validated.
 */
export async function guardValidation<R>(validate: () => Promise<R>, failed: (problems: Problem[]) => R): Promise<R> {
  try {
    return await validate();
  } catch (e) {
    return failed([internalErrorProblem(e)]);
  }
}
