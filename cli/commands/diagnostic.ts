/**
 * `gtec diagnostic <fichier> --sortie <dossier> [--format html,xlsx,json] [--donnees <dossier>]
 * [--force] [--taille-max-sortie <Mio>]`: runs the diagnostic and writes its reports
 * (../actions/diagnostic.ts, loaded when the command runs; output rules in ../write-outputs.ts).
 */
import type { Command } from 'commander';
import type { DiagnosticOptions } from '../actions/diagnostic.js';
import type { CliContext } from '../context.js';

export function registerDiagnostic(program: Command, ctx: CliContext): void {
  const w = ctx.w;
  program
    .command('diagnostic')
    .description(w.aide.diagnostic)
    .argument('<fichier>', w.aide.diagnosticFichier)
    .requiredOption('-s, --sortie <dossier>', w.aide.diagnosticSortie)
    .option('-f, --format <formats>', w.aide.diagnosticFormat, 'html,xlsx,json')
    .option('--donnees <dossier>', w.aide.donnees)
    .option('--force', w.aide.diagnosticForce)
    .option('--taille-max-sortie <Mio>', w.aide.diagnosticTailleMax)
    .action(async (fichier: string, opts: DiagnosticOptions) => (await import('../actions/diagnostic.js')).diagnostic(fichier, opts, ctx));
}
