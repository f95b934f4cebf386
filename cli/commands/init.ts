/**
 * `gtec init <fichier> (--bassin <code|nom> | --departement <code> | --region <code> | --france)
 * --bmo <xlsx> [--rome <dossier>] [--dares <dossier>] [--tension <csv>] [--donnees <dossier>]`: writes a new, valid
 * diagnostic wired to those files (../actions/init.ts, loaded when the command runs). On a
 * terminal, what is missing is asked.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { locales } from '../../core/index.js';

export function registerInit(program: Command, ctx: CliContext): void {
  const w = locales[ctx.lang].init.aide;
  program
    .command('init')
    .description(w.init)
    .argument('[fichier]', w.fichier)
    .option('--bassin <code|nom>', w.bassin)
    .option('--departement <code|nom>', w.departement)
    .option('--region <code|nom>', w.region)
    .option('--france', w.france)
    .option('--bmo <xlsx>', w.bmo)
    .option('--rome <dossier>', w.rome)
    .option('--tension <csv>', w.tension)
    .option('--dares <dossier>', w.dares)
    .option('--donnees <dossier>', w.donnees)
    .action(async (fichier: string | undefined, opts: InitOptions) => (await import('../actions/init.js')).init(fichier, opts, ctx));
}

export interface InitOptions {
  bassin?: string;
  departement?: string;
  region?: string;
  france?: boolean;
  bmo?: string;
  rome?: string;
  tension?: string;
  dares?: string;
  donnees?: string;
}
