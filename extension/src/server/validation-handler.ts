/** A validation worker's work on one `validate` or `preview` message, the same in the Node and web workers. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PreviewResult } from '../protocol.js';
import { type LanguageService, passerellesParSource } from '../service/language-service.js';
import type { FromWorker, ToWorker } from './validation-protocol.js';

export async function validateMessage(service: LanguageService, m: Extract<ToWorker, { type: 'validate' }>): Promise<FromWorker> {
  const doc = TextDocument.create(m.uri, m.languageId, m.version, m.text);
  try {
    const report = m.deep ? await service.validateDeep(doc) : await service.validate(doc);
    const result = m.deep ? (await service.analyze(doc)).result : undefined;
    return { type: 'report', id: m.id, report, ...(result ? { metiers: result.metiers, passerelles: passerellesParSource(result.passerelles) } : {}) };
  } catch (e) {
    return { type: 'failed', id: m.id, message: (e as Error).message };
  }
}

export async function previewMessage(preview: (doc: TextDocument) => Promise<PreviewResult>, m: Extract<ToWorker, { type: 'preview' }>): Promise<FromWorker> {
  try {
    return { type: 'preview', id: m.id, preview: await preview(TextDocument.create(m.uri, m.languageId, m.version, m.text)) };
  } catch (e) {
    return { type: 'failed', id: m.id, message: (e as Error).message };
  }
}
