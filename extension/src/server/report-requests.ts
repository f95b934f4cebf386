/** Preview and export requests: the diagnostic the document produces, rendered by core/report. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runDiagnostic } from '../../../core/analysis/run-diagnostic.js';
import { renderHtml } from '../../../core/report/html.js';
import { renderJson } from '../../../core/report/json.js';
import { memoryHost } from '../../../core/host.js';
import {
  ExportRequest,
  PreviewRequest,
  type ExportParams,
  type ExportResult,
  type PreviewParams,
  type PreviewResult,
} from '../protocol.js';
import type { LanguageService } from '../service/language-service.js';

const fileNameOf = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

async function run(service: LanguageService, doc: TextDocument) {
  // Untrusted workspace: no data file is read (an empty host), the analysis uses what the file holds.
  const host = service.fileHost(doc) ?? memoryHost({});
  return runDiagnostic(doc.getText(), { fileName: fileNameOf(doc.uri), host });
}

export function registerReportRequests(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService): void {
  connection.onRequest(PreviewRequest, async (p: PreviewParams): Promise<PreviewResult> => {
    const doc = documents.get(p.uri);
    if (!doc) return { errors: 0, warnings: 0, messages: [] };
    const lang = service.settings.lang;
    const { result, problems } = await run(service, doc);
    const counts = {
      errors: problems.filter((x) => x.severity === 'error').length,
      warnings: problems.filter((x) => x.severity === 'warning').length,
      messages: problems.filter((x) => x.severity === 'error').map((x) => `${x.code} ${x.message[lang]}`),
    };
    return result ? { html: await renderHtml(result, { lang }), ...counts } : counts;
  });

  connection.onRequest(ExportRequest, async (p: ExportParams): Promise<ExportResult> => {
    const doc = documents.get(p.uri);
    if (!doc) return { messages: [] };
    const lang = service.settings.lang;
    const { result, problems } = await run(service, doc);
    const messages = problems.filter((x) => x.severity === 'error').map((x) => `${x.code} ${x.message[lang]}`);
    if (!result) return { messages };
    if (p.format === 'html') return { text: await renderHtml(result, { lang }), messages };
    return { text: renderJson(result), messages };
  });
}
