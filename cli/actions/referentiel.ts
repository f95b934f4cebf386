/**
 * What `gtec referentiel info <dossier|demo>` does (declared in ../commands/referentiel.ts, loaded
 * when the command runs): what a referential contains (label, version, counts).
 * Also exports `readReferentiel` (and `openReferentiel`, which says its warnings), shared with `gtec
 * passerelles`: `demo`, the folder of an official ROME 4.0 export, or a custom referential CSV
 * file, wherever it is on disk.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type Problem, loadReferentiel, type Referentiel, referentielStats } from '../../core/index.js';
import { UserError, type CliContext } from '../context.js';
import { nodeFileHost } from '../../node-host/file-host.js';

export async function openReferentiel(arg: string, ctx: CliContext): Promise<Referentiel> {
  const { referential, warnings } = await readReferentiel(arg, ctx);
  sayWarnings(warnings, ctx);
  return referential;
}

/** The referential `arg` names and the warnings its loading gave (at most 20); a UserError when it cannot be used. */
export async function readReferentiel(arg: string, ctx: CliContext): Promise<{ referential: Referentiel; warnings: Problem[] }> {
  const w = ctx.w;
  if (arg === 'demo') return { referential: (await loadReferentiel({ type: 'demo' }, nodeFileHost('.'))).referential!, warnings: [] };
  const full = path.resolve(arg);
  const s = await stat(full).catch(() => undefined);
  if (!s) {
    throw new UserError(w.referentielIntrouvable(arg));
  }
  // The host is rooted at the referential itself, so the folder may be anywhere on disk.
  const { referential, problems } = s.isDirectory() ? await loadReferentiel({ type: 'rome-officiel', chemin: '.' }, nodeFileHost(full)) : await loadReferentiel({ type: 'csv', chemin: path.basename(full) }, nodeFileHost(path.dirname(full)));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning').slice(0, 20);
  if (!referential || errors.length) {
    sayWarnings(warnings, ctx);
    throw new UserError(
      w.referentielIllisible(arg) +
        '\n' +
        errors
          .slice(0, 20)
          .map((p) => `  ${describe(p, ctx)}`)
          .join('\n'),
    );
  }
  return { referential, warnings };
}

/** Says a referential's warnings on stderr. */
export function sayWarnings(warnings: readonly Problem[], ctx: CliContext): void {
  for (const p of warnings) process.stderr.write(`${ctx.w.prefixe}${describe(p, ctx)}\n`);
}

function describe(p: Problem, ctx: CliContext): string {
  return `[${p.code}] ${p.message[ctx.lang]}`;
}

export async function referentielInfo(arg: string, opts: { format: string }, ctx: CliContext): Promise<void> {
  const w = ctx.w;
  const format = opts.format === 'text' ? 'texte' : opts.format;
  if (format !== 'texte' && format !== 'json') {
    throw new UserError(w.formatSortieInconnu(opts.format, w.ou([w.formatTexte, 'json'])));
  }
  const stats = referentielStats(await openReferentiel(arg, ctx));
  if (format === 'json') {
    process.stdout.write(JSON.stringify(stats, null, 2) + '\n');
    return;
  }
  const n = w.entier;
  const r = w.infoReferentiel;
  const lines = [
    `${stats.label}`,
    r.type(stats.kind, stats.version || '—'),
    r.metiers(n(stats.metiers)),
    r.competences(n(stats.competences.total), n(stats.competences['savoir-faire']), n(stats.competences['savoir-etre']), n(stats.competences.savoir)),
    r.liens(n(stats.liens.total), n(stats.liens['savoir-faire']), n(stats.liens['savoir-etre']), n(stats.liens.savoir), n(stats.liens.coeur)),
    r.macros(n(stats.macros)),
    r.domaines(n(stats.domaines), n(stats.grandsDomaines)),
    r.appellations(n(stats.appellations)),
    r.contextes(n(stats.contextes)),
    r.mobilites(n(stats.mobilites)),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
