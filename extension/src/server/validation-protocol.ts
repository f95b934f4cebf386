/** Messages between the server's main thread and its validation worker (validation-worker.ts). */
import type { MetierDiagnostique } from '../../../core/index.js';
import type { ServerSettings } from '../protocol.js';
import type { ValidationReport } from '../service/language-service.js';

export type ToWorker = { type: 'settings'; settings: Partial<ServerSettings> } | { type: 'filesChanged'; uris: string[] } | { type: 'validate'; id: number; uri: string; languageId: string; version: number; text: string; deep: boolean };

export type FromWorker = { type: 'report'; id: number; report: ValidationReport; metiers?: MetierDiagnostique[]; passerelles?: Record<string, number> } | { type: 'failed'; id: number; message: string };
