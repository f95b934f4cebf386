/**
 * Starts the passerelle engine of a referential in the Web Worker (passerelles-worker.ts) and
 * makes it the engine the functions and the explorer ask (`ReferentielState.distant`): the pane's
 * thread, which is also the custom functions' shared runtime, never builds it. Cancelling stops
 * the worker; the questions then answer #N/A saying so (never a silent fallback that would block).
 */
import type { ReferentielState } from '../shared/state.js';
import type { ReponseMoteur } from '../shared/engine-queries.js';
import type { DuMoteur, VersMoteur } from './passerelles-worker.js';

export type FinMoteur = { pret: true; ms: number } | { pret: false };

/** Whether this browser can run the worker (otherwise the engine is built on first use, here). */
export const workersDisponibles = (): boolean => typeof Worker !== 'undefined';

export function startEngineWorker(etat: ReferentielState, signal?: AbortSignal): Promise<FinMoteur> {
  const worker = new Worker(new URL('passerelles-worker.js', document.baseURI));
  const attente = new Map<number, { ok: (r: ReponseMoteur) => void; ko: (e: Error) => void }>();
  let suivant = 0;
  let arrete = false;
  const envoyer = (m: VersMoteur) => worker.postMessage(m);
  etat.distant = {
    demander(requete) {
      if (arrete) return Promise.reject(new Error('moteur arrêté'));
      const id = ++suivant;
      return new Promise<ReponseMoteur>((ok, ko) => {
        attente.set(id, { ok, ko });
        envoyer({ type: 'requete', id, requete });
      });
    },
  };
  return new Promise((fin, echec) => {
    const arreter = () => {
      arrete = true;
      worker.terminate();
      for (const a of attente.values()) a.ko(new Error('moteur arrêté'));
      attente.clear();
    };
    signal?.addEventListener('abort', () => {
      arreter();
      fin({ pret: false });
    });
    worker.onerror = (e) => {
      arreter();
      echec(new Error(e.message));
    };
    worker.onmessage = (e: MessageEvent<DuMoteur>) => {
      const m = e.data;
      if (m.type === 'pret') {
        performance.mark('gtec-moteur-pret', { detail: { construction: m.ms } });
        fin({ pret: true, ms: m.ms });
      } else {
        attente.get(m.id)?.ok(m.reponse);
        attente.delete(m.id);
      }
    };
    // Posting clones the referential on this thread: measured (User Timing) with the build.
    performance.mark('gtec-moteur-envoi');
    envoyer({ type: 'construire', referentiel: etat.referential });
    performance.measure('gtec-moteur-envoi', 'gtec-moteur-envoi');
  });
}
