/**
 * `gtec referentiel info <dossier|demo>`: what a referential contains (label, version, counts)
 * (../actions/referentiel.ts, loaded when the command runs).
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerReferentiel(program: Command, ctx: CliContext): void {
  const w = ctx.w;
  const cmd = program.command('referentiel').description(w.aide.referentiel);
  cmd
    .command('info')
    .description(w.aide.referentielInfo)
    .argument('<referentiel>', w.aide.referentielArgument)
    .option('--format <format>', w.aide.referentielFormat, 'texte')
    .action(async (arg: string, opts: { format: string }) => (await import('../actions/referentiel.js')).referentielInfo(arg, opts, ctx));
}
