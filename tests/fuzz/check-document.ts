/**
 * One fuzzed document through the core: validation (and, when asked, the whole run on an empty
 * host, cheap since no data file is read). What went wrong is returned as text, never thrown:
 * an exception, a caught one (GTEC-E090, a defect too), a broken invariant.
 */
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { memoryHost } from '../../core/host.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';
import type { FuzzDocument } from './documents.js';
import { brokenInvariants } from './invariants.js';

export async function checkDocument(doc: FuzzDocument, options: { analyse?: boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  const look = (where: string, problems: ReturnType<typeof validateDiagnosticSync>['problems']) => {
    for (const b of brokenInvariants(doc.text, problems)) out.push(`${where}: ${b}`);
    const e090 = problems.find((p) => p.code === 'GTEC-E090');
    if (e090) out.push(`${where}: ${e090.message.en}`);
  };
  try {
    look('validation', validateDiagnosticSync(doc.text, { fileName: doc.fileName }).problems);
  } catch (e) {
    out.push(`validation threw: ${(e as Error).stack ?? String(e)}`);
  }
  if (options.analyse) {
    try {
      look('run', (await runDiagnostic(doc.text, { fileName: doc.fileName, host: memoryHost({}), today: '2026-01-01' })).problems);
    } catch (e) {
      out.push(`run threw: ${(e as Error).stack ?? String(e)}`);
    }
  }
  return out;
}
