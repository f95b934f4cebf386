/** Messages between the server's main thread and its validation worker (validation-worker.ts). */
import type { MetierDiagnostique } from '../../../core/index.js';
import type { PreviewResult, ServerSettings } from '../protocol.js';
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
  | ({ type: 'preview' } & WorkerDocument)
  | { type: 'memory'; id: number };

export type FromWorker =
  | { type: 'report'; id: number; report: ValidationReport; metiers?: MetierDiagnostique[]; passerelles?: Record<string, number> }
  | { type: 'preview'; id: number; preview: PreviewResult }
  | { type: 'memory'; id: number; heapUsed: number; heapTotal: number }
  | { type: 'failed'; id: number; message: string };
