/**
 * `gtec passerelles`: for every métier of a referential (or one, with --source), its k best
 * passerelles among all other métiers, as CSV or JSON (../actions/passerelles.ts, loaded when the
 * command runs). Score: the learned model (docs/passerelles.md); expert-aware when the referential
 * carries a mobilités table, unless --contenu-seul. The engine built from a referential is kept in a
 * cache (node-host/engine-cache.ts) unless --no-cache.
 */
import type { Command } from 'commander';
import type { PasserellesOptions } from '../actions/passerelles.js';
import type { CliContext } from '../context.js';

export function registerPasserelles(program: Command, ctx: CliContext): void {
  const w = ctx.w;
  program
    .command('passerelles')
    .description(w.aide.passerelles)
    .option('--referentiel <dossier|demo>', w.aide.passerellesReferentiel, 'demo')
    .option('--top <k>', w.aide.passerellesTop, '10')
    .option('--format <format>', w.aide.passerellesFormat, 'csv')
    .option('--source <code>', w.aide.passerellesSource)
    .option('--details', w.aide.passerellesDetails)
    .option('--contenu-seul', w.aide.passerellesContenuSeul)
    .option('--no-cache', w.aide.passerellesSansCache)
    .action(async (opts: PasserellesOptions) => (await import('../actions/passerelles.js')).passerelles(opts, ctx));
}
