/** Messages between the server's main thread and its validation worker (validation-worker.ts, validation-worker-web.ts). */
import type { MetierDiagnostique } from '../../../core/index.js';
import type { ServerSettings } from '../protocol.js';
import type { ReadDataParams, ReadDataResult } from '../protocol-web.js';
import type { ValidationReport } from '../service/language-service.js';

export type ToWorker =
  | { type: 'settings'; settings: Partial<ServerSettings> }
  | { type: 'filesChanged'; uris: string[] }
  | { type: 'validate'; id: number; uri: string; languageId: string; version: number; text: string; deep: boolean }
  // Web build: the answer to a file the worker asked for (through the server, from the client),
  // and where the error docs are (the client says it at initialization).
  | { type: 'readResult'; id: number; result: ReadDataResult }
  | { type: 'docs'; url: string; lines: Record<string, number> };

export type FromWorker =
  | { type: 'report'; id: number; report: ValidationReport; metiers?: MetierDiagnostique[]; passerelles?: Record<string, number> }
  | { type: 'failed'; id: number; message: string }
  // Web build: the worker has no file system, the server asks the client for it.
  | { type: 'read'; id: number; params: ReadDataParams };
