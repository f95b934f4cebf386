/**
 * The preview of a document (the `gtec/preview` answer): its errors with their lines, and the
 * report's HTML with click-to-source pointers and source lines. Computed where the document's full
 * run is cached (the validation worker, whose deep pass needs the same run), with no Node module:
 * the renderers are passed in. Charts whose data did not change since an earlier preview are not
 * drawn again (Vega → SVG is most of a render): their SVG is kept by specification, a few dozen.
 */
import type { ChartCache, OptionsHtml, RunOutput } from '../../../core/index.js';
import type { PreviewResult } from '../protocol.js';
import { withSourceLines } from '../preview/scroll-sync.js';
import type { LanguageService } from '../service/language-service.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type RenderHtml = (result: NonNullable<RunOutput['result']>, options: OptionsHtml) => Promise<string>;

/** Charts kept: the six of one report in each language, for several documents. */
const CHARTS_KEPT = 48;

/** A cache that forgets the oldest entry beyond `max` (a Map keeps insertion order). */
export function boundedCache(max: number): ChartCache {
  const m = new Map<string, string>();
  return {
    get(key) {
      const v = m.get(key);
      if (v !== undefined) {
        m.delete(key);
        m.set(key, v);
      }
      return v;
    },
    set(key, svg) {
      m.set(key, svg);
      while (m.size > max) m.delete(m.keys().next().value as string);
    },
  };
}

export function previewRenderer(service: LanguageService, renderers: () => Promise<{ renderHtml: RenderHtml }>): (doc: TextDocument) => Promise<PreviewResult> {
  const graphiques = boundedCache(CHARTS_KEPT);
  return async (doc) => {
    const lang = service.settings.lang;
    const { result, problems } = await service.analyze(doc);
    const errors = problems.filter((x) => x.severity === 'error');
    const counts: PreviewResult = {
      errors: errors.length,
      warnings: problems.filter((x) => x.severity === 'warning').length,
      messages: errors.map((x) => `${x.code} ${x.message[lang]}`),
      problems: errors.map((x) => {
        const start = x.range ? doc.positionAt(x.range.start) : service.sourceRange(doc, x.pointer)?.start;
        const line = start && start.line + 1;
        return { code: x.code, message: x.message[lang], pointer: x.pointer, ...(line ? { line } : {}) };
      }),
    };
    if (!result) return counts;
    const { renderHtml } = await renderers();
    // The preview links its elements to their place in the source (click-to-source) and its line (scroll sync).
    const html = await renderHtml(result, { lang, liens: { source: service.parsed(doc).value }, graphiques });
    return { ...counts, html: withSourceLines(html, (pointer) => service.sourceRange(doc, pointer)?.start.line) };
  };
}
