/**
 * `gtec diagnostic <fichier> --sortie <dossier> [--format html,xlsx,json]`: runs the diagnostic and
 * writes its reports (../actions/diagnostic.ts, loaded when the command runs).
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerDiagnostic(program: Command, ctx: CliContext): void {
  const w = ctx.w;
  program
    .command('diagnostic')
    .description(w.aide.diagnostic)
    .argument('<fichier>', w.aide.diagnosticFichier)
    .requiredOption('-s, --sortie <dossier>', w.aide.diagnosticSortie)
    .option('-f, --format <formats>', w.aide.diagnosticFormat, 'html,xlsx,json')
    .action(async (fichier: string, opts: { sortie: string; format: string }) => (await import('../actions/diagnostic.js')).diagnostic(fichier, opts, ctx));
}
