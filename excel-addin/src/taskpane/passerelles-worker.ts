/**
 * Web Worker of the task pane: builds the passerelle engine of a referential off the pane's
 * thread (about 1 s on the full ROME, which would otherwise block the shared runtime the custom
 * functions run in), then answers the engine's questions (shared/engine-queries.ts) for the
 * functions and the explorer. Receives `{ type: 'construire', referentiel }` then
 * `{ type: 'requete', id, requete }`; posts `{ type: 'pret', ms }` then one `{ type: 'reponse' }` per question.
 */
import { createPasserelleEngine, type PasserelleEngine, type Referentiel } from '../../../core/index.js';
import { executer, type RequeteMoteur, type ReponseMoteur } from '../shared/engine-queries.js';

export type VersMoteur = { type: 'construire'; referentiel: Referentiel } | { type: 'requete'; id: number; requete: RequeteMoteur };
export type DuMoteur = { type: 'pret'; ms: number } | { type: 'reponse'; id: number; reponse: ReponseMoteur };

const moi = self as unknown as { onmessage: ((e: MessageEvent<VersMoteur>) => void) | null; postMessage(m: DuMoteur): void };
let moteur: PasserelleEngine | undefined;

moi.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'construire') {
    const t0 = performance.now();
    moteur = createPasserelleEngine(m.referentiel);
    moi.postMessage({ type: 'pret', ms: performance.now() - t0 });
  } else if (moteur) moi.postMessage({ type: 'reponse', id: m.id, reponse: executer(moteur, m.requete) });
};
