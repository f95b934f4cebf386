/**
 * What `gtec passerelles` does (declared in ../commands/passerelles.ts, loaded when the command
 * runs): for every métier of a referential (or one, with --source), its k best
 * passerelles among all other métiers. CSV on stdout (`source,cible,rang,score`) or JSON.
 * Score: the learned model (docs/passerelles.md); expert-aware when the referential carries a
 * mobilités table, unless --contenu-seul. The mode is said on stderr.
 */
import { createPasserelleEngine, type Cible, ReferentielIndex, ligneCsv, type ValeurCsv } from '../../core/index.js';
import { UserError, type CliContext } from '../context.js';
import { progress } from '../progress.js';
import { startAllPairsThreads } from '../../node-host/passerelles-threads.js';
import { openReferentiel } from './referentiel.js';

export interface PasserellesOptions {
  referentiel: string;
  top: string;
  format: string;
  source?: string;
  details?: boolean;
  contenuSeul?: boolean;
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
  // All pairs of a real referential: the worker threads start now, while it loads.
  const threads = opts.source === undefined && opts.referentiel !== 'demo' ? startAllPairsThreads() : undefined;
  let ref: Awaited<ReturnType<typeof openReferentiel>>;
  try {
    ref = await openReferentiel(opts.referentiel, ctx);
  } catch (e) {
    threads?.close();
    throw e;
  }
  const engine = createPasserelleEngine(ref, {}, { mode: opts.contenuSeul ? 'contenu' : 'auto' });
  process.stderr.write(`${engine.mode === 'expert' ? w.modePasserellesExpert(engine.listesExpertes) : w.modePasserellesContenu}\n`);
  let rows: Array<{ source: string; cibles: Cible[] }>;
  if (opts.source !== undefined) {
    const code = opts.source.trim().toUpperCase();
    if (!engine.has(code)) {
      const near = new ReferentielIndex(ref).suggest(code);
      throw new UserError(w.metierAbsent(opts.source) + (near.length ? w.vouliezVousDire(near.join(', ')) : ''));
    }
    rows = [{ source: code, cibles: engine.topK(code, k) }];
  } else {
    const bar = progress(ctx, w.titreProgresPasserelles);
    const onProgress = (done: number, total: number) => bar.update(done, total);
    rows = threads ? await threads.run(engine, k, onProgress) : engine.allPairsTopK(k, onProgress);
    bar.end();
  }
  if (opts.format === 'csv') {
    // RFC 4180, codes quoted and formula-guarded: a custom referential's code may be `a,b` or `=HYPERLINK(…)`.
    const out: ValeurCsv[][] = [['source', 'cible', 'rang', 'score']];
    for (const { source, cibles } of rows) cibles.forEach((c, i) => out.push([source, c.cible, i + 1, c.score.toFixed(4)]));
    process.stdout.write(out.map((l) => ligneCsv(l, ',') + '\n').join(''));
    return;
  }
  const json = rows.flatMap(({ source, cibles }) =>
    cibles.map((c, i) => {
      const p = engine.passerelle(source, c.cible, i + 1)!;
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
