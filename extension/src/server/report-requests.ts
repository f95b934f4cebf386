/** Preview and export requests: the diagnostic the document produces, rendered by core/report. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ExportRequest, PreviewRequest, SourceRangeRequest, type ExportParams, type ExportResult, type PreviewParams, type PreviewResult, type SourceRangeParams, type SourceRangeResult } from '../protocol.js';
import { withSourceLines } from '../preview/scroll-sync.js';
import { toBase64 } from '../base64.js';
import type { LanguageService } from '../service/language-service.js';

/** The renderers, on first use (renderers.ts). */
const renderers = () => import('./renderers.js');

export function registerReportRequests(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService): void {
  connection.onRequest(PreviewRequest, async (p: PreviewParams): Promise<PreviewResult> => {
    const doc = documents.get(p.uri);
    if (!doc) return { errors: 0, warnings: 0, messages: [] };
    const lang = service.settings.lang;
    const { result, problems } = await service.analyze(doc);
    const counts = {
      errors: problems.filter((x) => x.severity === 'error').length,
      warnings: problems.filter((x) => x.severity === 'warning').length,
      messages: problems.filter((x) => x.severity === 'error').map((x) => `${x.code} ${x.message[lang]}`),
      problems: problems
        .filter((x) => x.severity === 'error')
        .map((x) => {
          const start = x.range ? doc.positionAt(x.range.start) : service.sourceRange(doc, x.pointer)?.start;
          const line = start && start.line + 1;
          return { code: x.code, message: x.message[lang], pointer: x.pointer, ...(line ? { line } : {}) };
        }),
    };
    if (!result) return counts;
    const { renderHtml } = await renderers();
    // The preview links its elements to their place in the source (click-to-source) and its line (scroll sync).
    const html = await renderHtml(result, { lang, liens: { source: service.parsed(doc).value } });
    return { html: withSourceLines(html, (pointer) => service.sourceRange(doc, pointer)?.start.line), ...counts };
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
