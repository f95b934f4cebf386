/**
 * `gtec`: the command-line host of the GTEC core. Each command lives in `commands/` and registers
 * itself; this file only wires the program, the language and the user-facing error handling.
 */
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, UserError, langFrom, makeContext } from './context.js';
import { registerCheck } from './commands/check.js';
import { registerDiagnostic } from './commands/diagnostic.js';
import { registerDiff } from './commands/diff.js';
import { registerPasserelles } from './commands/passerelles.js';
import { registerReferentiel } from './commands/referentiel.js';

const ctx = makeContext(langFrom(process.argv, process.env));
const t = ctx.t;

const program = new Command('gtec')
  .description(
    t(
      'Boîte à outils GTEC : valider un diagnostic territorial, calculer la typologie des métiers et les passerelles de compétences.',
      'GTEC toolkit: validate a territorial diagnostic, compute the typology of métiers and competence bridges.',
    ),
  )
  .version('0.1.0', '-v, --version', t('affiche la version', 'print the version'))
  .option('--lang <langue>', t('langue des messages : fr ou en', 'message language: fr or en'), 'fr')
  .helpOption('-h, --help', t('affiche l’aide', 'display help'))
  .addHelpCommand(false)
  .showHelpAfterError()
  .exitOverride();

registerCheck(program, ctx);
registerDiagnostic(program, ctx);
registerDiff(program, ctx);
registerPasserelles(program, ctx);
registerReferentiel(program, ctx);

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    report(e);
  }
}

function report(e: unknown): void {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (e instanceof UserError) {
    process.stderr.write(`gtec : ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(
      t(`gtec : erreur inattendue : ${msg}\n`, `gtec: unexpected error: ${msg}\n`) +
        (process.env.GTEC_DEBUG ? String((e as Error).stack) + '\n' : ''),
    );
    process.exitCode = EXIT_USAGE;
  }
}

void main();
