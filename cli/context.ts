/** What every command shares: the language, output streams, exit codes, user-facing failures. */
import { isLang, LIMITE_NOMS, locales, parseLimites, type CliWords, type Lang, type LimitesDonnees } from '../core/index.js';

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
  /** Size limits on data files set by `--limites` or GTEC_LIMITES (the defaults for the others);
   * every host that reads data files carries them (`FileHost.limites`). */
  limites: Partial<LimitesDonnees>;
}

export function makeContext(lang: Lang, limites: Partial<LimitesDonnees> = {}): CliContext {
  return {
    lang,
    w: locales[lang].cli,
    interactive: Boolean(process.stdout.isTTY) && !process.env.CI,
    limites,
  };
}

/** Reads GTEC_LIMITES, then `--limites` over it (`taille=500Mio,lignes=5000000`). */
export function limitesFrom(argv: string[], env: NodeJS.ProcessEnv, w: CliWords): Partial<LimitesDonnees> {
  const i = argv.findIndex((a) => a === '--limites' || a.startsWith('--limites='));
  const texts = [env.GTEC_LIMITES ?? '', i < 0 ? '' : argv[i]!.includes('=') ? argv[i]!.slice('--limites='.length) : (argv[i + 1] ?? '')];
  const out: Partial<LimitesDonnees> = {};
  for (const t of texts) {
    const r = parseLimites(t);
    if (!r.ok) throw new UserError(w.limitesInvalides(r.item, LIMITE_NOMS.join(', ')));
    Object.assign(out, r.value);
  }
  return out;
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
