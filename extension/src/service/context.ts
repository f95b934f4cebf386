/** What every feature of the language service receives for one document version. */
import type { Document } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang, MetierDiagnostique, Metier } from '../../../core/index.js';

/** The métiers of the referential the document declares, for hover and completion. */
export interface MetierLookup {
  label: string;
  metier(code: string): Metier | undefined;
  /** Métiers whose code, label or appellations match `text`, best first, with the text that matched. */
  search(text: string, limit: number): Array<{ metier: Metier; trouve: string }>;
}

export interface DocumentContext {
  doc: TextDocument;
  yaml: Document;
  /** Plain value of the document (ids lists), undefined when it cannot be built. */
  value: unknown;
  lang: Lang;
  /** Today (AAAA-MM-JJ) when the host fixes it (tests); else the clock's. */
  today?: string;
  metiers?: MetierLookup;
  /** The métier as the last full run of this document diagnosed it (families, indicators), if any. */
  diagnosed?: (code: string) => MetierDiagnostique | undefined;
  /** Number of passerelles from a métier in the last full run, when there was one. */
  passerellesDepuis?: (code: string) => number;
}
