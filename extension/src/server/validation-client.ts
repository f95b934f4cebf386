/**
 * The main thread's side of the validation worker: validate a document version off the main
 * thread, so that completion and hover never wait behind a validation. When the worker cannot
 * start or dies, validation runs in the main thread as before (slower to answer, same result).
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PreviewResult, ServerSettings } from '../protocol.js';
import type { LanguageService, ValidationReport } from '../service/language-service.js';
import { previewRenderer } from './preview-result.js';
import { renderers } from './report-requests.js';
import type { FromWorker, ToWorker, WorkerDocument } from './validation-protocol.js';

const WORKER = path.join(__dirname, 'validation-worker.mjs');

export class ValidationClient {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: FromWorker) => void }>();
  /** The preview made in the server itself, without a worker. */
  private readonly localPreview: (doc: TextDocument) => Promise<PreviewResult>;

  constructor(
    private readonly local: LanguageService,
    private readonly log: (message: string) => void,
  ) {
    this.localPreview = previewRenderer(local, renderers);
    // GTEC_VALIDATION_WORKER=0: validation in the main thread (the reference of bench/server-completion.bench.ts).
    if (!existsSync(WORKER) || process.env.GTEC_VALIDATION_WORKER === '0') return;
    this.worker = new Worker(WORKER);
    this.worker.on('message', (m: FromWorker) => {
      this.pending.get(m.id)?.resolve(m);
      this.pending.delete(m.id);
    });
    this.worker.on('error', (e) => this.fallBack(`GTEC : worker de validation arrêté (${e.message}) ; validation dans le serveur`));
    this.worker.on('exit', (code) => code !== 0 && this.fallBack(`GTEC : worker de validation sorti (code ${code}) ; validation dans le serveur`));
    this.worker.unref();
  }

  private fallBack(message: string): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.log(message);
    for (const p of this.pending.values()) p.resolve({ type: 'failed', id: -1, message });
    this.pending.clear();
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  settings(settings: Partial<ServerSettings>): void {
    this.post({ type: 'settings', settings });
  }

  filesChanged(uris: string[]): void {
    this.post({ type: 'filesChanged', uris });
  }

  /** Sends a message to the worker and waits for its answer (`failed` when the worker stopped). */
  private ask(m: (id: number) => ToWorker): Promise<FromWorker> {
    const id = this.next++;
    return new Promise<FromWorker>((resolve) => {
      this.pending.set(id, { resolve });
      this.post(m(id));
    });
  }

  private static sent(doc: TextDocument, id: number): WorkerDocument {
    return { id, uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() };
  }

  /** The document's problems (`deep`: with the full run's), computed in the worker. */
  async validate(doc: TextDocument, deep: boolean): Promise<ValidationReport> {
    if (!this.worker) return deep ? this.local.validateDeep(doc) : this.local.validate(doc);
    const reply = await this.ask((id) => ({ type: 'validate', deep, ...ValidationClient.sent(doc, id) }));
    if (reply.type !== 'report') {
      if (this.worker && reply.type === 'failed') throw new Error(reply.message);
      return deep ? this.local.validateDeep(doc) : this.local.validate(doc);
    }
    // Hover shows the métiers as the last full run diagnosed them.
    if (reply.metiers) this.local.noteDiagnosed(doc.uri, reply.metiers, reply.passerelles);
    return reply.report;
  }

  /** The document's preview (preview-result.ts), made in the worker, where its full run is cached. */
  async preview(doc: TextDocument): Promise<PreviewResult> {
    if (!this.worker) return this.localPreview(doc);
    const reply = await this.ask((id) => ({ type: 'preview', ...ValidationClient.sent(doc, id) }));
    if (reply.type === 'preview') return reply.preview;
    if (this.worker && reply.type === 'failed') throw new Error(reply.message);
    return this.localPreview(doc);
  }

  /** The worker's V8 heap (bytes), undefined without a worker. */
  async workerHeap(): Promise<{ heapUsed: number; heapTotal: number } | undefined> {
    if (!this.worker) return undefined;
    const reply = await this.ask((id) => ({ type: 'memory', id }));
    return reply.type === 'memory' ? { heapUsed: reply.heapUsed, heapTotal: reply.heapTotal } : undefined;
  }

  dispose(): void {
    void this.worker?.terminate();
  }
}
