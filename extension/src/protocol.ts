/** Custom messages between the client and the GTEC language server (besides standard LSP). */
import type { Lang } from '../../core/index.js';

export interface ServerSettings {
  lang: Lang;
  /** Workspace trust: when false the server reads no data file and no referential folder. */
  trusted: boolean;
  /** Absolute folder of the official ROME export (setting `gtec.referentiel.dossier`), or ''. */
  referentielFolder: string;
  /** Debounce delay of validation after an edit, in ms. */
  delay: number;
  /** Absolute declared data folder (`$donnees`, setting `gtec.donnees`), or ''. */
  donnees?: string;
  /** Which files have their problems shown (`gtec.diagnostics.portee`): the whole workspace or open files. */
  portee?: 'espace' | 'fichiers-ouverts';
}

/** Client → server notification: settings changed (language, trust, referential folder). */
export const SettingsNotification = 'gtec/settings';

/** Server → client notification after each validation of a document. */
export const StatusNotification = 'gtec/status';
export interface StatusParams {
  uri: string;
  errors: number;
  warnings: number;
  /** Referentiel label and version in use, when one was loaded. */
  referential?: string;
  /** True when data files were not read (untrusted workspace). */
  restricted: boolean;
}

/** Client → server request: the HTML preview of a document. */
export const PreviewRequest = 'gtec/preview';
export interface PreviewParams {
  uri: string;
}
export interface PreviewResult {
  /** Full HTML document from core/report, or undefined when the diagnostic cannot be computed. */
  html?: string;
  /** Problems summary shown instead when there is no result. */
  errors: number;
  warnings: number;
  messages: string[];
  /** The errors with their place (line from 1, pointer for click-to-source), in the message language. */
  problems?: PreviewProblem[];
}
export interface PreviewProblem {
  code: string;
  message: string;
  line?: number;
  pointer: string;
}

/** Client → server request: the range of a JSON pointer's value in a document (click-to-source). */
export const SourceRangeRequest = 'gtec/sourceRange';
export interface SourceRangeParams {
  uri: string;
  pointer: string;
}
/** LSP range, or null when the pointer designates nothing in the current text. */
export type SourceRangeResult = { start: { line: number; character: number }; end: { line: number; character: number } } | null;

/** Client → server request: the report of a document in a format, as text or base64 bytes. */
export const ExportRequest = 'gtec/export';
export interface ExportParams {
  uri: string;
  format: 'html' | 'json' | 'xlsx';
}
export interface ExportResult {
  text?: string;
  base64?: string;
  messages: string[];
}

/** Client → server request: the server's memory (bench/vscode-preview.bench.ts; bytes). */
export const MemoryRequest = 'gtec/memory';
export interface MemoryResult {
  /** Resident set of the server's process (its main thread and its validation worker). */
  rss: number;
  /** V8 heap of the main thread. */
  heapUsed: number;
  heapTotal: number;
  /** V8 heap of the validation worker, when it runs. */
  worker?: { heapUsed: number; heapTotal: number };
}
