/**
 * The questions the add-in asks a passerelle engine, and their answers as plain data (they cross
 * from the engine's Web Worker to the pane's thread by structured clone). The same `executer`
 * answers in the worker (passerelles-worker.ts) and, when no worker is available (the functions'
 * sandbox, a browser without workers), on the calling thread: one code path, the same results.
 */
import type { Passerelle, PasserelleEngine } from '../../../core/index.js';

export type RequeteMoteur =
  /** The k best passerelles of `source` (among `candidats` when given), each in full. */
  | { q: 'passerelles'; source: string; k: number; candidats?: string[] }
  /** The passerelle a → b (its competence gap). */
  | { q: 'passerelle'; a: string; b: string }
  /** Scores of pairs (undefined for a = b). */
  | { q: 'scores'; paires: Array<[string, string]> };

export type ReponseMoteur = { q: 'passerelles'; passerelles: Passerelle[] } | { q: 'passerelle'; passerelle?: Passerelle } | { q: 'scores'; scores: Array<number | undefined> };

export function executer(moteur: PasserelleEngine, r: RequeteMoteur): ReponseMoteur {
  switch (r.q) {
    case 'passerelles':
      return { q: 'passerelles', passerelles: moteur.topK(r.source, r.k, r.candidats).map((c, i) => moteur.passerelle(r.source, c.cible, i + 1)!) };
    case 'passerelle':
      return { q: 'passerelle', passerelle: moteur.passerelle(r.a, r.b, 1) };
    case 'scores':
      return { q: 'scores', scores: r.paires.map(([a, b]) => moteur.score(a, b)) };
  }
}

/** An engine built elsewhere (the pane's Web Worker), asked asynchronously. */
export interface MoteurDistant {
  demander(r: RequeteMoteur): Promise<ReponseMoteur>;
}
