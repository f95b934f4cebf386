/**
 * The declared data folder of a command (`--donnees <dossier>`, else GTEC_DONNEES): `$donnees/…`
 * paths of the diagnostics are read from it (docs/donnees.md). A declared folder must exist.
 */
import { statSync } from 'node:fs';
import { UserError, type CliContext } from './context.js';

export function declaredDonnees(option: string | undefined, env: NodeJS.ProcessEnv, ctx: CliContext): string | undefined {
  const d = option ?? (env.GTEC_DONNEES?.trim() || undefined);
  if (d === undefined) return undefined;
  let dossier = false;
  try {
    dossier = statSync(d).isDirectory();
  } catch {
    // reported below
  }
  if (!dossier) throw new UserError(ctx.w.fichiers.donneesIntrouvable(d));
  return d;
}
