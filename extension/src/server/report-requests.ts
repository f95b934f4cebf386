/** Preview and export requests: the diagnostic the document produces, rendered by core/report. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ExportRequest, PreviewRequest, SourceRangeRequest, type ExportParams, type ExportResult, type PreviewParams, type PreviewResult, type SourceRangeParams, type SourceRangeResult } from '../protocol.js';
import { toBase64 } from '../base64.js';
import type { LanguageService } from '../service/language-service.js';

/** The renderers, on first use (renderers.ts). */
export const renderers = () => import('./renderers.js');

/**
 * `preview`: the preview of a document where its full run is cached (the validation worker; in the
 * server itself when there is none), see preview-result.ts.
 */
export function registerReportRequests(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService, preview: (doc: TextDocument) => Promise<PreviewResult>): void {
  connection.onRequest(PreviewRequest, async (p: PreviewParams): Promise<PreviewResult> => {
    const doc = documents.get(p.uri);
    return doc ? preview(doc) : { errors: 0, warnings: 0, messages: [] };
  });

  connection.onRequest(SourceRangeRequest, (p: SourceRangeParams): SourceRangeResult => {
    const doc = documents.get(p.uri);
    return (doc && service.sourceRange(doc, p.pointer)) ?? null;
  });

  connection.onRequest(ExportRequest, async (p: ExportParams): Promise<ExportResult> => {
    const doc = documents.get(p.uri);
    if (!doc) return { messages: [] };
    const lang = service.settings.lang;
    const { result, problems } = await service.analyze(doc);
    const messages = problems.filter((x) => x.severity === 'error').map((x) => `${x.code} ${x.message[lang]}`);
    if (!result) return { messages };
    const { renderHtml, renderJson, renderXlsx } = await renderers();
    if (p.format === 'html') return { text: await renderHtml(result, { lang }), messages };
    if (p.format === 'xlsx') return { base64: toBase64(await renderXlsx(result, { lang })), messages };
    return { text: renderJson(result), messages };
  });
}
