/**
 * The main thread's side of the validation worker: validate a document version off the main
 * thread, so that completion and hover never wait behind a validation. When the worker cannot
 * start or dies, validation runs in the main thread as before (slower to answer, same result).
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerSettings } from '../protocol.js';
import type { LanguageService, ValidationReport } from '../service/language-service.js';
import type { FromWorker, ToWorker } from './validation-protocol.js';

const WORKER = path.join(__dirname, 'validation-worker.mjs');

export class ValidationClient {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: FromWorker) => void }>();

  constructor(
    private readonly local: LanguageService,
    private readonly log: (message: string) => void,
  ) {
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

  /** The document's problems (`deep`: with the full run's), computed in the worker. */
  async validate(doc: TextDocument, deep: boolean): Promise<ValidationReport> {
    if (!this.worker) return deep ? this.local.validateDeep(doc) : this.local.validate(doc);
    const id = this.next++;
    const reply = await new Promise<FromWorker>((resolve) => {
      this.pending.set(id, { resolve });
      this.post({ type: 'validate', id, uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText(), deep });
    });
    if (reply.type === 'failed') {
      if (this.worker) throw new Error(reply.message);
      return deep ? this.local.validateDeep(doc) : this.local.validate(doc);
    }
    // Hover shows the métiers as the last full run diagnosed them.
    if (reply.metiers) this.local.noteDiagnosed(doc.uri, reply.metiers, reply.passerelles);
    return reply.report;
  }

  dispose(): void {
    void this.worker?.terminate();
  }
}
