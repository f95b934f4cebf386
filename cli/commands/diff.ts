/**
 * `gtec diff <ancien> <nouveau> [-- <fichiers…>]`: what changed in the diagnosis between two
 * versions, files, folders or git revisions (../actions/diff.ts, loaded when the command runs).
 */
import type { Command } from 'commander';
import { TOLERANCE_DEFAUT } from '../../core/index.js';
import type { CliContext } from '../context.js';

export function registerDiff(program: Command, ctx: CliContext): void {
  const w = ctx.w;
  program
    .command('diff')
    .description(w.aide.diff)
    .argument('[versions...]', w.aide.diffVersions)
    .option('--format <format>', w.aide.diffFormat, 'texte')
    .option('--tolerance <écart>', w.aide.diffTolerance, String(TOLERANCE_DEFAUT))
    .option('--textconv <fichier>', w.aide.diffTextconv)
    .option('--donnees <dossier>', w.aide.donnees)
    .action(async (args: string[], opts: { format: string; tolerance: string; textconv?: string; donnees?: string }) => (await import('../actions/diff.js')).diff(args, opts, ctx));
}
