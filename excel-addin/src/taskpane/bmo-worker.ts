/**
 * Web Worker of the task pane: parses the official BMO workbook off the pane's thread (the pane
 * never freezes; it can cancel by terminating the worker). Receives the file's bytes, posts
 * `{ type: 'progres', etape }` then `{ type: 'fin', lignes, problemes }` with plain rows.
 */
import { hasErrors, loadSource, memoryHost, Source, type Problem } from '../../../core/index.js';

export interface LigneBmo {
  annee: number | '';
  zone: string;
  departement: string;
  region: string;
  metier: string;
  libelle: string;
  projets: { valeur: number | null; masque: boolean };
  difficiles: { valeur: number | null; masque: boolean };
  saisonniers: { valeur: number | null; masque: boolean };
}

export type MessageBmo = { type: 'progres'; etape: 'lecture' | 'conversion' } | { type: 'fin'; lignes: LigneBmo[]; problemes: Problem[]; erreur: boolean };

const moi = self as unknown as { onmessage: ((e: MessageEvent<{ nom: string; octets: Uint8Array }>) => void) | null; postMessage(m: MessageBmo): void };

moi.onmessage = async (e) => {
  const { nom, octets } = e.data;
  moi.postMessage({ type: 'progres', etape: 'lecture' });
  const source = Source.parse({ id: 'bmo', type: 'bmo', chemin: nom, preset: 'bmo-officiel', nomenclature: 'fap2021' });
  const { loaded, problems } = await loadSource(source, memoryHost({ [nom]: octets }), '');
  moi.postMessage({ type: 'progres', etape: 'conversion' });
  const erreur = loaded?.type !== 'bmo' || hasErrors(problems);
  const lignes: LigneBmo[] =
    loaded?.type === 'bmo'
      ? loaded.records.map((r) => ({
          annee: r.annee ?? '',
          zone: r.zone,
          departement: r.departement ?? '',
          region: r.region ?? '',
          metier: r.metier,
          libelle: r.libelle ?? '',
          projets: r.projets,
          difficiles: r.difficiles,
          saisonniers: r.saisonniers,
        }))
      : [];
  moi.postMessage({ type: 'fin', lignes, problemes: problems, erreur });
};
