/** Messages between the server's main thread and its validation worker (validation-worker.ts, validation-worker-web.ts). */
import type { MetierDiagnostique } from '../../../core/index.js';
import type { PreviewResult, ServerSettings } from '../protocol.js';
import type { ReadDataParams, ReadDataResult } from '../protocol-web.js';
import type { ValidationReport } from '../service/language-service.js';

/** A document version sent to the worker. */
export interface WorkerDocument {
  id: number;
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export type ToWorker =
  | { type: 'settings'; settings: Partial<ServerSettings> }
  | { type: 'filesChanged'; uris: string[] }
  | ({ type: 'validate'; deep: boolean } & WorkerDocument)
  // The preview is made in the worker: the deep pass and the preview of one text share one full run.
  | ({ type: 'preview' } & WorkerDocument)
  | { type: 'memory'; id: number }
  // Web build: the answer to a file the worker asked for (through the server, from the client),
  // and where the error docs are (the client says it at initialization).
  | { type: 'readResult'; id: number; result: ReadDataResult }
  | { type: 'docs'; url: string; lines: Record<string, number> };

export type FromWorker =
  | { type: 'report'; id: number; report: ValidationReport; metiers?: MetierDiagnostique[]; passerelles?: Record<string, number> }
  | { type: 'preview'; id: number; preview: PreviewResult }
  | { type: 'memory'; id: number; heapUsed: number; heapTotal: number }
  | { type: 'failed'; id: number; message: string }
  // Web build: the worker has no file system, the server asks the client for it.
  | { type: 'read'; id: number; params: ReadDataParams };
