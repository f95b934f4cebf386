/**
 * The main thread's side of the validation worker: validate a document version off the main
 * thread, so that completion and hover never wait behind a validation. The worker is the host's
 * (Node: a worker thread, node-validation-worker.ts; web: a nested Web Worker, server-web.ts).
 * When the worker cannot start or dies, validation runs in the main thread as before (slower to
 * answer, same result); until it has started, too.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PreviewResult, ServerSettings } from '../protocol.js';
import type { ReadDataParams, ReadDataResult } from '../protocol-web.js';
import type { LanguageService, ValidationReport } from '../service/language-service.js';
import { previewRenderer } from './preview-result.js';
import { renderers } from './report-requests.js';
import type { FromWorker, ToWorker, WorkerDocument } from './validation-protocol.js';

/** A started worker, as the client drives it. */
export interface WorkerLink {
  post(m: ToWorker): void;
  terminate(): void;
}
/** What a worker reports: its messages, and its end (with the message to log). */
export interface WorkerEvents {
  message(m: FromWorker): void;
  failed(message: string): void;
}
export type StartWorker = (events: WorkerEvents) => WorkerLink | undefined;

export class ValidationClient {
  private worker: WorkerLink | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: FromWorker) => void }>();
  /** The preview made in the server itself, without a worker. */
  private readonly localPreview: (doc: TextDocument) => Promise<PreviewResult>;

  /** `read`: the files a worker without a file system asks for (web build). */
  constructor(
    private readonly local: LanguageService,
    private readonly log: (message: string) => void,
    private readonly read?: (params: ReadDataParams) => Promise<ReadDataResult>,
  ) {
    this.localPreview = previewRenderer(local, renderers);
  }

  /** Starts the worker (validation stays in the main thread when it does not start). True when it did. */
  start(startWorker: StartWorker): boolean {
    // Started again (the web server initialized again after a restart): one worker only; the
    // validations it had under way run in the main thread.
    this.worker?.terminate();
    this.failPending('restarted');
    this.worker = startWorker({
      message: (m) => {
        if (m.type === 'read') {
          const answer = (result: ReadDataResult) => this.post({ type: 'readResult', id: m.id, result });
          void (this.read?.(m.params) ?? Promise.resolve<ReadDataResult>({ kind: 'absent' })).then(answer, (e: unknown) => answer({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
          return;
        }
        this.pending.get(m.id)?.resolve(m);
        this.pending.delete(m.id);
      },
      failed: (message) => this.fallBack(message),
    });
    return this.worker !== undefined;
  }

  private fallBack(message: string): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.log(message);
    this.failPending(message);
  }

  private failPending(message: string): void {
    for (const p of this.pending.values()) p.resolve({ type: 'failed', id: -1, message });
    this.pending.clear();
  }

  post(m: ToWorker): void {
    this.worker?.post(m);
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
    const worker = this.worker;
    if (!worker) return deep ? this.local.validateDeep(doc) : this.local.validate(doc);
    const reply = await this.ask((id) => ({ type: 'validate', deep, ...ValidationClient.sent(doc, id) }));
    if (reply.type === 'failed') {
      // The worker failed on this document; when it stopped or was replaced, the main thread validates.
      if (this.worker === worker) throw new Error(reply.message);
      return deep ? this.local.validateDeep(doc) : this.local.validate(doc);
    }
    if (reply.type !== 'report') throw new Error(`validation worker: unexpected ${reply.type} reply`);
    // Hover shows the métiers as the last full run diagnosed them.
    if (reply.metiers) this.local.noteDiagnosed(doc.uri, reply.metiers, reply.passerelles);
    return reply.report;
  }

  /** The document's preview (preview-result.ts), made in the worker, where its full run is cached. */
  async preview(doc: TextDocument): Promise<PreviewResult> {
    const worker = this.worker;
    if (!worker) return this.localPreview(doc);
    const reply = await this.ask((id) => ({ type: 'preview', ...ValidationClient.sent(doc, id) }));
    if (reply.type === 'preview') return reply.preview;
    if (reply.type === 'failed' && this.worker === worker) throw new Error(reply.message);
    return this.localPreview(doc);
  }

  /** The worker's V8 heap (bytes), undefined without a worker (or in a Web Worker). */
  async workerHeap(): Promise<{ heapUsed: number; heapTotal: number } | undefined> {
    if (!this.worker) return undefined;
    const reply = await this.ask((id) => ({ type: 'memory', id }));
    return reply.type === 'memory' ? { heapUsed: reply.heapUsed, heapTotal: reply.heapTotal } : undefined;
  }

  dispose(): void {
    this.worker?.terminate();
  }
}
