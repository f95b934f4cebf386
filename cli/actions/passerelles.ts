/**
 * What `gtec passerelles` does (declared in ../commands/passerelles.ts, loaded when the command
 * runs): for every métier of a referential (or one, with --source), its k best
 * passerelles among all other métiers. CSV on stdout (`source,cible,rang,score`) or JSON.
 * Score: the learned model (docs/passerelles.md); expert-aware when the referential carries a
 * mobilités table, unless --contenu-seul. The mode is said on stderr.
 */
import path from 'node:path';
import { type Cible, createPasserelleEngine, ligneCsv, type PasserelleEngine, pack, type Packed, type Problem, type Referentiel, ReferentielIndex, type ScoringEngine, scoringEngineOf, type ValeurCsv } from '../../core/index.js';
import { UserError, type CliContext } from '../context.js';
import { progress } from '../progress.js';
import { builtCodeId, cacheDir, type CacheKey, cacheKey, readCachedState, unchangedSince, writeCachedState } from '../../node-host/engine-cache.js';
import { startAllPairsThreads } from '../../node-host/passerelles-threads.js';
import { readReferentiel, sayWarnings } from './referentiel.js';

export interface PasserellesOptions {
  referentiel: string;
  top: string;
  format: string;
  source?: string;
  details?: boolean;
  contenuSeul?: boolean;
  /** False with --no-cache. */
  cache?: boolean;
}

export async function passerelles(opts: PasserellesOptions, ctx: CliContext): Promise<void> {
  const w = ctx.w;
  const k = Number(opts.top);
  if (!Number.isInteger(k) || k < 1) {
    throw new UserError(w.topInvalide(opts.top));
  }
  if (opts.format !== 'csv' && opts.format !== 'json') {
    throw new UserError(w.formatSortieInconnu(opts.format, w.ou(['csv', 'json'])));
  }
  const mode = opts.contenuSeul ? 'contenu' : 'auto';
  // All pairs of a real referential: the worker threads start now, while it loads.
  const threads = opts.source === undefined && opts.referentiel !== 'demo' ? startAllPairsThreads() : undefined;
  // The engine built from this referential by an earlier run, when its files have not changed.
  const cache = opts.cache !== false && opts.referentiel !== 'demo' ? await engineCache(opts.referentiel, mode) : undefined;
  let cached = cache ? readCachedState(cache.dir, cache.key.key) : undefined;
  // A cached state serves alone for CSV; a state that does not fit this code is a miss (rebuilt, written again).
  let engine: ScoringEngine | undefined = cached && opts.format === 'csv' ? orMiss(() => scoringEngineOf(cached!.state)) : undefined;
  let full: PasserelleEngine | undefined;
  let ref: Referentiel | undefined;
  let warnings: Problem[];
  if (engine) {
    warnings = cached!.warnings;
  } else {
    // The referential itself: to build the engine, or for what the state does not hold (labels, gaps).
    try {
      ({ referential: ref, warnings } = await readReferentiel(opts.referentiel, ctx));
    } catch (e) {
      threads?.close();
      throw e;
    }
    // Read after the key: if its files changed meanwhile, the cached state is not this referential's.
    if (cached && !(await unchangedSince(cache!.key))) cached = undefined;
    const state = cached?.state;
    const fromCache = state && orMiss(() => createPasserelleEngine(ref!, {}, { mode, state }));
    if (!fromCache) cached = undefined;
    full = fromCache || createPasserelleEngine(ref, {}, { mode });
    engine = full;
  }
  sayWarnings(warnings, ctx);
  process.stderr.write(`${engine.mode === 'expert' ? w.modePasserellesExpert(engine.listesExpertes) : w.modePasserellesContenu}\n`);
  // One buffer for the worker threads and the cache file.
  let packed: Packed | undefined = cached?.packed;
  let rows: Array<{ source: string; cibles: Cible[] }>;
  if (opts.source !== undefined) {
    const code = opts.source.trim().toUpperCase();
    if (!engine.has(code)) {
      const near = new ReferentielIndex(ref ?? (await readReferentiel(opts.referentiel, ctx)).referential).suggest(code);
      throw new UserError(w.metierAbsent(opts.source) + (near.length ? w.vouliezVousDire(near.join(', ')) : ''));
    }
    rows = [{ source: code, cibles: engine.topK(code, k) }];
  } else {
    const bar = progress(ctx, w.titreProgresPasserelles);
    const onProgress = (done: number, total: number) => bar.update(done, total);
    rows = threads ? await threads.run(engine, () => (packed ??= pack(engine.state, true)), k, onProgress) : engine.allPairsTopK(k, onProgress);
    bar.end();
  }
  write(rows, opts, full);
  // Stored only if the files did not change while they were read (else the state is not the key's).
  if (cache && !cached && (await unchangedSince(cache.key))) {
    try {
      writeCachedState(cache.dir, cache.key.key, packed ?? pack(engine.state), warnings);
    } catch (e) {
      process.stderr.write(`${w.cacheNonEcrit(cache.dir, String((e as NodeJS.ErrnoException).code ?? (e as Error).name))}\n`);
    }
  }
}

/** fn(), or undefined when it throws. */
function orMiss<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Where the engine of `referentiel` in `mode` is cached, and its key; undefined without a cache (from the sources, or an unreadable referential). */
async function engineCache(referentiel: string, mode: string): Promise<{ dir: string; key: CacheKey } | undefined> {
  const code = builtCodeId(import.meta.url);
  const dir = cacheDir();
  const key = code ? await cacheKey(code, mode, path.resolve(referentiel), dir) : undefined;
  return key ? { dir, key } : undefined;
}

/** The rows on stdout: CSV, or JSON (which needs the full engine: labels, explanations, gaps). */
function write(rows: Array<{ source: string; cibles: Cible[] }>, opts: PasserellesOptions, engine: PasserelleEngine | undefined): void {
  if (opts.format === 'csv') {
    // RFC 4180, codes quoted and formula-guarded: a custom referential's code may be `a,b` or `=HYPERLINK(…)`.
    const out: ValeurCsv[][] = [['source', 'cible', 'rang', 'score']];
    for (const { source, cibles } of rows) cibles.forEach((c, i) => out.push([source, c.cible, i + 1, c.score.toFixed(4)]));
    process.stdout.write(out.map((l) => ligneCsv(l, ',') + '\n').join(''));
    return;
  }
  const json = rows.flatMap(({ source, cibles }) =>
    cibles.map((c, i) => {
      const p = engine!.passerelle(source, c.cible, i + 1)!;
      const base = {
        source,
        cible: p.cible,
        cibleLibelle: p.cibleLibelle,
        rang: p.rang,
        score: Number(c.score.toFixed(4)),
        composantes: round4(p.composantes),
        ...(p.mobiliteOfficielle !== undefined ? { mobiliteOfficielle: p.mobiliteOfficielle } : {}),
      };
      return opts.details ? { ...base, ...(p.contributions ? { contributions: round4(p.contributions) } : {}), acquises: p.acquises, ecart: p.ecart } : base;
    }),
  );
  process.stdout.write(JSON.stringify(json, null, 2) + '\n');
}

const round4 = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([key, v]) => [key, Number(v.toFixed(4))]));
