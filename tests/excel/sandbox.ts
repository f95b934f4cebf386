/**
 * Excel's custom-functions runtime, as far as the add-in relies on it: the built functions bundle
 * runs in a fresh `vm` context that provides `CustomFunctions.associate`, `CustomFunctions.Error`
 * and `CustomFunctions.ErrorCode` (the values of @types/custom-functions-runtime), and `calculer`
 * calls a function by id the way Excel does: matrix parameters receive 2D arrays, a thrown
 * `CustomFunctions.Error` becomes the cell's error, anything else thrown is a defect.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** Builds the add-in exactly as `npm run build` does, into a fresh temporary folder. */
export async function construireAddin(): Promise<string> {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'gtec-excel-'));
  // @ts-expect-error build script in plain JavaScript (no declarations)
  const { buildExcelAddin } = (await import('../../excel-addin/build.mjs')) as { buildExcelAddin: (o: { outdir: string }) => Promise<void> };
  await buildExcelAddin({ outdir: dist });
  return dist;
}

export class ErreurExcel {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface Metadonnees {
  functions: Array<{ id: string; name: string; description?: string; parameters: Array<{ name: string; type: string; dimensionality?: string; optional?: boolean }>; result?: { dimensionality?: string }; options?: Record<string, boolean> }>;
}

export type Cellule = unknown;

export interface Runtime {
  associes: Map<string, (...args: unknown[]) => unknown>;
  metadonnees: Metadonnees;
  /** Calls like Excel: returns the value(s), or an ErreurExcel for the whole call; throws only on a defect. */
  calculer(id: string, ...args: unknown[]): unknown;
  contexte: vm.Context;
}

export function chargerRuntime(dist: string, options: { displayLanguage?: string } = {}): Runtime {
  const associes = new Map<string, (...args: unknown[]) => unknown>();
  const ErrorCode = {
    invalidValue: '#VALUE!',
    notAvailable: '#N/A',
    divisionByZero: '#DIV/0!',
    invalidNumber: '#NUM!',
    nullReference: '#NULL!',
    invalidName: '#NAME?',
    invalidReference: '#REF!',
  };
  class CFError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const CustomFunctions = {
    associate(id: string, f: (...args: unknown[]) => unknown) {
      if (associes.has(id)) throw new Error(`id associé deux fois : ${id}`);
      associes.set(id, f);
    },
    Error: CFError,
    ErrorCode,
  };
  const contexte = vm.createContext({
    CustomFunctions,
    TextDecoder,
    TextEncoder,
    console,
    ...(options.displayLanguage ? { Office: { context: { displayLanguage: options.displayLanguage } } } : {}),
  });
  vm.runInContext(readFileSync(path.join(dist, 'functions.js'), 'utf8'), contexte, { filename: 'functions.js' });
  const metadonnees = JSON.parse(readFileSync(path.join(dist, 'functions.json'), 'utf8')) as Metadonnees;
  const convertir = (v: unknown): unknown => (v instanceof CFError ? new ErreurExcel(v.code, v.message) : Array.isArray(v) ? v.map(convertir) : v);
  return {
    associes,
    metadonnees,
    contexte,
    calculer(id, ...args) {
      const f = associes.get(id);
      if (!f) throw new Error(`fonction non associée : ${id}`);
      try {
        const r = f(...args);
        // A promise (the engine of the pane's Web Worker): Excel awaits it, its rejection is the cell's error.
        if (typeof (r as { then?: unknown } | null)?.then === 'function') {
          return (r as Promise<unknown>).then(convertir, (e) => {
            if (e instanceof CFError) return new ErreurExcel(e.code, e.message);
            throw e;
          });
        }
        return convertir(r);
      } catch (e) {
        if (e instanceof CFError) return new ErreurExcel(e.code, e.message);
        throw e;
      }
    },
  };
}

/** The shared state's entry points, from a separate bundle running in the runtime's global context (as the pane's bundle does in Excel). */
interface EtatPourTest {
  activateReferentiel: (r: unknown) => void;
  declareWorkbookReferentiel: (id: unknown) => void;
  activateNomenclatures: (n: unknown) => void;
  declareWorkbookNomenclatures: (id: unknown) => void;
  activeReferentiel: () => { distant?: unknown; referential: unknown };
  executer: (m: unknown, r: unknown) => unknown;
  createPasserelleEngine: (r: unknown) => unknown;
}

async function etatPartage(rt: Runtime): Promise<EtatPourTest> {
  const c = rt.contexte as { __gtecEtatPourTest?: EtatPourTest };
  if (c.__gtecEtatPourTest) return c.__gtecEtatPourTest;
  const { build } = await import('esbuild');
  const r = await build({
    stdin: {
      contents: `import { activateReferentiel, declareWorkbookReferentiel, activateNomenclatures, declareWorkbookNomenclatures, activeReferentiel } from './state.ts'; import { executer } from './engine-queries.ts'; import { createPasserelleEngine } from '../../../core/index.ts'; globalThis.__gtecEtatPourTest = { activateReferentiel, declareWorkbookReferentiel, activateNomenclatures, declareWorkbookNomenclatures, activeReferentiel, executer, createPasserelleEngine };`,
      resolveDir: fileURLToPath(new URL('../../excel-addin/src/shared', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'warning',
  });
  vm.runInContext(r.outputFiles[0]!.text, rt.contexte);
  return c.__gtecEtatPourTest!;
}

/**
 * Activates a referential in the runtime the way the task pane does in Excel's shared runtime: a
 * separate bundle (here one built from excel-addin/src/shared/state.ts alone) running in the same
 * global context writes the shared state the functions read.
 */
export async function activateReferentielInRuntime(rt: Runtime, referential: unknown): Promise<void> {
  (await etatPartage(rt)).activateReferentiel(referential);
}

/** Declares the referential the open workbook records (as the pane does after reading the workbook's setting). */
export async function declareWorkbookReferentielInRuntime(rt: Runtime, id: { nom: string; version: string; source: string } | undefined): Promise<void> {
  (await etatPartage(rt)).declareWorkbookReferentiel(id);
}

/** Loads nomenclatures in the runtime as the pane does after reading the files (then declares them recorded by the workbook, or not). */
export async function activateNomenclaturesInRuntime(rt: Runtime, n: unknown): Promise<void> {
  (await etatPartage(rt)).activateNomenclatures(n);
}

export async function declareWorkbookNomenclaturesInRuntime(rt: Runtime, id: { fichiers: Array<{ nom: string; lignes: number }> } | undefined): Promise<void> {
  (await etatPartage(rt)).declareWorkbookNomenclatures(id);
}

/**
 * Gives the active referential an engine "elsewhere", as the pane's Web Worker does: questions
 * answered asynchronously by an engine built apart (the real core engine, the same `executer`),
 * or, with `arrete`, refused as after a cancelled build.
 */
export async function attachRemoteEngineInRuntime(rt: Runtime, arrete = false): Promise<{ questions: number }> {
  const e = await etatPartage(rt);
  const etat = e.activeReferentiel();
  const moteur = arrete ? undefined : e.createPasserelleEngine(etat.referential);
  const compte = { questions: 0 };
  etat.distant = {
    demander: (r: unknown) => {
      compte.questions++;
      return arrete ? Promise.reject(new Error('arrêté')) : new Promise((ok) => setTimeout(() => ok(e.executer(moteur, r)), 1));
    },
  };
  return compte;
}
