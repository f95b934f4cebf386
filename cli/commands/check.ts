/**
 * `gtec check [chemins…]`: validates every diagnostic file (`*.gtec.yaml`, `*.gtec.yml`,
 * `*.gtec.json`) under the given paths, data files included. Exit 0 when clean (warnings allowed),
 * 1 when errors were found, 2 for usage or read failures. The work is in ../actions/check.ts,
 * loaded when the command runs: `gtec --help` and the other commands never load it.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerCheck(program: Command, ctx: CliContext): void {
  const w = ctx.w;
  program
    .command('check')
    .description(w.aide.check)
    .argument('[chemins...]', w.aide.checkChemins)
    .option('--format <format>', w.aide.checkFormat, 'texte')
    .option('--donnees <dossier>', w.aide.donnees)
    .action(async (paths: string[], opts: { format: string; donnees?: string }) => (await import('../actions/check.js')).check(paths, opts, ctx, program.version() ?? ''));
}
