/** What every command shares: the language, output streams, exit codes, user-facing failures. */
import { isLang, locales, type CliWords, type Lang } from '../core/index.js';

export const EXIT_OK = 0;
/** Validation found errors. */
export const EXIT_ERRORS = 1;
/** Bad usage, or a file that cannot be read or written. */
export const EXIT_USAGE = 2;

export interface CliContext {
  lang: Lang;
  /** The CLI's words in the user's language. */
  w: CliWords;
  /** True when stdout is a terminal (progress display allowed). */
  interactive: boolean;
}

export function makeContext(lang: Lang): CliContext {
  return {
    lang,
    w: locales[lang].cli,
    interactive: Boolean(process.stdout.isTTY) && !process.env.CI,
  };
}

/**
 * A failure to report to the user as one clear sentence (no stack trace), with an exit code.
 * Commands throw it; the entry point prints it.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

/** Reads `--lang`, then GTEC_LANG, then defaults to French. */
export function langFrom(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? env.GTEC_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return isLang(v) ? v : 'fr';
}
