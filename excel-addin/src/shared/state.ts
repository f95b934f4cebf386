/**
 * The add-in's shared state: the active referential, its search index and its passerelle engine.
 * In a shared runtime the task pane and the custom functions run in one JavaScript runtime but
 * come from two bundles, so the state lives on one global object both bundles find: a referential
 * loaded by the task pane serves the functions at once.
 *
 * Reproducibility: the workbook records which referential its formulas use (a workbook setting the
 * pane writes, `gtec.referentiel`: name, version, source). The pane reads it when the workbook
 * opens and declares it here (`declareWorkbookReferentiel`); from then on the functions that use
 * a referential answer only with that one (`referentielDesFormules`), and #N/A with a message
 * naming it when this machine has another one active: never another one silently.
 */
import { createPasserelleEngine, type Nomenclatures, type PasserelleEngine, demoReferentiel, type Referentiel, ReferentielIndex } from '../../../core/index.js';
import { executer, type MoteurDistant, type RequeteMoteur, type ReponseMoteur } from './engine-queries.js';

export interface ReferentielState {
  readonly referential: Referentiel;
  readonly index: ReferentielIndex;
  /** Key of this referential in the caches: changes with every activation. */
  readonly cle: string;
  /** The engine built on this thread (built on first call: about 1 s on the full ROME). */
  moteur(): PasserelleEngine;
  /** The engine of the pane's Web Worker, when the pane started one for this referential. */
  distant?: MoteurDistant;
  /**
   * Asks the engine: on this thread when it is built here or no worker serves this referential
   * (synchronous answer), else the worker's engine (a promise): this thread never builds it then.
   */
  interroger(r: RequeteMoteur): ReponseMoteur | Promise<ReponseMoteur>;
}

/** What a workbook records of the referential its formulas use. */
export interface IdentiteReferentiel {
  nom: string;
  version: string;
  source: Referentiel['kind'];
}

export const CLE_REGLAGE = 'gtec.referentiel';

export function identite(r: Referentiel): IdentiteReferentiel {
  return { nom: r.label, version: r.version, source: r.kind };
}

export const memeReferentiel = (a: IdentiteReferentiel, b: IdentiteReferentiel) => a.nom === b.nom && a.version === b.version && a.source === b.source;

/** A value read from a workbook setting, when it has the shape of an identity. */
export function lireIdentite(v: unknown): IdentiteReferentiel | undefined {
  const o = v as Partial<IdentiteReferentiel> | null;
  return o && typeof o.nom === 'string' && typeof o.version === 'string' && (o.source === 'demo' || o.source === 'rome-officiel' || o.source === 'csv') ? { nom: o.nom, version: o.version, source: o.source } : undefined;
}

/** What a workbook records of the nomenclature files its formulas use (setting `gtec.nomenclatures`). */
export interface IdentiteNomenclatures {
  fichiers: Array<{ nom: string; lignes: number }>;
}

export const CLE_REGLAGE_NOMENCLATURES = 'gtec.nomenclatures';

export function identiteNomenclatures(n: Nomenclatures): IdentiteNomenclatures {
  return { fichiers: n.fichiers.map((f) => ({ nom: f.nom, lignes: f.lignes })).sort((a, b) => (a.nom < b.nom ? -1 : a.nom > b.nom ? 1 : 0)) };
}

export const memesNomenclatures = (a: IdentiteNomenclatures, b: IdentiteNomenclatures) => a.fichiers.length === b.fichiers.length && a.fichiers.every((f, i) => f.nom === b.fichiers[i]!.nom && f.lignes === b.fichiers[i]!.lignes);

export function lireIdentiteNomenclatures(v: unknown): IdentiteNomenclatures | undefined {
  const o = v as Partial<IdentiteNomenclatures> | null;
  if (!o || !Array.isArray(o.fichiers)) return undefined;
  const fichiers = o.fichiers.filter((f): f is { nom: string; lignes: number } => typeof f?.nom === 'string' && typeof f.lignes === 'number');
  return fichiers.length === o.fichiers.length ? { fichiers } : undefined;
}

interface Global {
  __GTEC_ETAT__?: {
    actif?: ReferentielState;
    exige?: IdentiteReferentiel;
    nomenclatures?: Nomenclatures;
    nomenclaturesExigees?: IdentiteNomenclatures;
    generation: number;
    ecouteurs: Array<(e: ReferentielState) => void>;
  };
}

function racine(): NonNullable<Global['__GTEC_ETAT__']> {
  const g = globalThis as Global;
  return (g.__GTEC_ETAT__ ??= { generation: 0, ecouteurs: [] });
}

function creer(referential: Referentiel, generation: number): ReferentielState {
  let moteur: PasserelleEngine | undefined;
  const etat: ReferentielState = {
    referential,
    index: new ReferentielIndex(referential),
    cle: `${referential.kind}|${referential.version}|${generation}`,
    // Built on first use: the official ROME (1 584 fiches) takes a moment to index.
    moteur: () => (moteur ??= createPasserelleEngine(referential)),
    interroger: (r) => (moteur || !etat.distant ? executer(etat.moteur(), r) : etat.distant.demander(r)),
  };
  return etat;
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

/** The referential the open workbook records (undefined: none recorded, the active one serves). */
export function workbookReferentiel(): IdentiteReferentiel | undefined {
  return racine().exige;
}

export function declareWorkbookReferentiel(id: IdentiteReferentiel | undefined): void {
  const r = racine();
  r.exige = id;
  r.generation++;
}

/** Key of the (active, recorded) pair in the caches (the generation counts nomenclature changes too). */
export function cleFormules(): string {
  const e = racine().exige;
  return `${activeReferentiel().cle}|${e ? `${e.source}|${e.version}|${e.nom}` : '-'}|${racine().generation}`;
}

/** Nomenclatures loaded in the pane (FAP, bassins, FAP 2009 → ROME v3) serve the functions at once. */
export function activateNomenclatures(n: Nomenclatures | undefined): void {
  const r = racine();
  r.nomenclatures = n;
  r.generation++;
}

export function activeNomenclatures(): Nomenclatures | undefined {
  return racine().nomenclatures;
}

/** The nomenclature files the open workbook records (undefined: none recorded). */
export function declareWorkbookNomenclatures(id: IdentiteNomenclatures | undefined): void {
  const r = racine();
  r.nomenclaturesExigees = id;
  r.generation++;
}

export function workbookNomenclatures(): IdentiteNomenclatures | undefined {
  return racine().nomenclaturesExigees;
}

/**
 * The nomenclatures the formulas must use: the loaded ones, unless the workbook records other
 * files (then `manque` names them); `aucune` when none are loaded.
 */
export function nomenclaturesDesFormules(): { n: Nomenclatures } | { manque: IdentiteNomenclatures; actif?: IdentiteNomenclatures } | { aucune: true } {
  const r = racine();
  const exige = r.nomenclaturesExigees;
  const n = r.nomenclatures;
  if (exige && (!n || !memesNomenclatures(exige, identiteNomenclatures(n)))) return n ? { manque: exige, actif: identiteNomenclatures(n) } : { manque: exige };
  return n ? { n } : { aucune: true };
}

/** The referential the formulas must use, or the one the workbook records when it is not the active one here. */
export function referentielDesFormules(): { etat: ReferentielState } | { manque: IdentiteReferentiel; actif: IdentiteReferentiel } {
  const etat = activeReferentiel();
  const exige = racine().exige;
  if (exige && !memeReferentiel(exige, identite(etat.referential))) return { manque: exige, actif: identite(etat.referential) };
  return { etat };
}
