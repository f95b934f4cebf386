/**
 * The add-in's shared state: the active referential, its search index and its passerelle engine.
 * In a shared runtime the task pane and the custom functions run in one JavaScript runtime but
 * come from two bundles, so the state lives on one global object both bundles find: a referential
 * loaded by the task pane serves the functions at once.
 */
import { createPasserelleEngine, type PasserelleEngine, demoReferentiel, type Referentiel, ReferentielIndex } from '../../../core/index.js';

export interface ReferentielState {
  readonly referential: Referentiel;
  readonly index: ReferentielIndex;
  /** Key of this referential in the caches: changes with every activation. */
  readonly cle: string;
  moteur(): PasserelleEngine;
}

interface Global {
  __GTEC_ETAT__?: { actif?: ReferentielState; generation: number; ecouteurs: Array<(e: ReferentielState) => void> };
}

function racine(): NonNullable<Global['__GTEC_ETAT__']> {
  const g = globalThis as Global;
  return (g.__GTEC_ETAT__ ??= { generation: 0, ecouteurs: [] });
}

function creer(referential: Referentiel, generation: number): ReferentielState {
  let moteur: PasserelleEngine | undefined;
  return {
    referential,
    index: new ReferentielIndex(referential),
    cle: `${referential.kind}|${referential.version}|${generation}`,
    // Built on first use: the official ROME (1 584 fiches) takes a moment to index.
    moteur: () => (moteur ??= createPasserelleEngine(referential)),
  };
}

/** The active referential (the built-in demo one until another is activated). */
export function activeReferentiel(): ReferentielState {
  const r = racine();
  return (r.actif ??= creer(demoReferentiel(), ++r.generation));
}

/** Makes a referential active for the functions and the task pane; formulas recompute against it. */
export function activateReferentiel(referential: Referentiel): ReferentielState {
  const r = racine();
  r.actif = creer(referential, ++r.generation);
  for (const f of r.ecouteurs) f(r.actif);
  return r.actif;
}

export function surChangementReferentiel(f: (e: ReferentielState) => void): void {
  racine().ecouteurs.push(f);
}
