/**
 * `gtec`: the command-line host of the GTEC core. Each command lives in `commands/` and registers
 * itself; this file only wires the program, the language and the user-facing error handling.
 */
import { Command, CommanderError } from 'commander';
import { escapeControls, valueText } from '../core/index.js';
import { EXIT_USAGE, UserError, langFrom, limitesFrom, makeContext } from './context.js';
import { registerCheck } from './commands/check.js';
import { registerDiagnostic } from './commands/diagnostic.js';
import { registerDiff } from './commands/diff.js';
import { registerInit } from './commands/init.js';
import { registerPasserelles } from './commands/passerelles.js';
import { registerReferentiel } from './commands/referentiel.js';

const ctx = makeContext(langFrom(process.argv, process.env));
const w = ctx.w;
try {
  ctx.limites = limitesFrom(process.argv, process.env, w);
} catch (e) {
  report(e);
  process.exit(EXIT_USAGE);
}

const program = new Command('gtec')
  .description(w.aide.programme)
  .version('0.1.0', '-v, --version', w.aide.version)
  .option('--lang <langue>', w.aide.lang, 'fr')
  .option('--limites <liste>', w.aide.limites)
  .helpOption('-h, --help', w.aide.aide)
  .addHelpCommand(false)
  .showHelpAfterError()
  .exitOverride();

registerCheck(program, ctx);
registerDiagnostic(program, ctx);
registerDiff(program, ctx);
registerInit(program, ctx);
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
    // File names and values in the message: shown, never obeyed by the terminal.
    process.stderr.write(`${w.prefixe}${escapeControls(e.message)}\n`);
    process.exitCode = e.exitCode;
  } else {
    const msg = e instanceof Error ? e.message : valueText(e);
    process.stderr.write(w.erreurInattendue(escapeControls(msg)) + '\n' + (process.env.GTEC_DEBUG ? String((e as Error).stack) + '\n' : ''));
    process.exitCode = EXIT_USAGE;
  }
}

void main();
