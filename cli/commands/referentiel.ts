/**
 * `gtec referentiel info <dossier|demo>`: what a referential contains (label, version, counts).
 * Also exports `openReferential`, shared with `gtec passerelles`: `demo`, the folder of an official
 * ROME 4.0 export, or a custom referential CSV file, wherever it is on disk.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { type Problem, loadReferential, type Referential, referentialStats } from '../../core/index.js';
import { UserError, type CliContext } from '../context.js';
import { nodeFileHost } from '../../node-host/file-host.js';

export async function openReferential(arg: string, ctx: CliContext): Promise<Referential> {
  const t = ctx.t;
  if (arg === 'demo') return (await loadReferential({ type: 'demo' }, nodeFileHost('.'))).referential!;
  const full = path.resolve(arg);
  const s = await stat(full).catch(() => undefined);
  if (!s) {
    throw new UserError(
      t(
        `référentiel introuvable : « ${arg} » n’existe pas. Attendu : « demo », le dossier de l’export ROME 4.0 (fichiers unix_*_utf8.csv) ou un fichier CSV de référentiel.`,
        `referential not found: "${arg}" does not exist. Expected: "demo", the folder of the ROME 4.0 export (unix_*_utf8.csv files) or a referential CSV file.`,
      ),
    );
  }
  // The host is rooted at the referential itself, so the folder may be anywhere on disk.
  const { referential, problems } = s.isDirectory()
    ? await loadReferential({ type: 'rome-officiel', chemin: '.' }, nodeFileHost(full))
    : await loadReferential({ type: 'csv', chemin: path.basename(full) }, nodeFileHost(path.dirname(full)));
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems.filter((p) => p.severity === 'warning').slice(0, 20)) process.stderr.write(`gtec : ${describe(p, ctx)}\n`);
  if (!referential || errors.length) {
    throw new UserError(
      t(`référentiel « ${arg} » illisible :\n`, `cannot read referential "${arg}":\n`) +
        errors.slice(0, 20).map((p) => `  ${describe(p, ctx)}`).join('\n'),
    );
  }
  return referential;
}

function describe(p: Problem, ctx: CliContext): string {
  return `[${p.code}] ${p.message[ctx.lang]}`;
}

export function registerReferentiel(program: Command, ctx: CliContext): void {
  const t = ctx.t;
  const cmd = program
    .command('referentiel')
    .description(t('informations sur un référentiel de compétences', 'information about a competence referential'));
  cmd
    .command('info')
    .description(t('libellé, version et effectifs d’un référentiel', 'label, version and counts of a referential'))
    .argument('<referentiel>', t('« demo », dossier de l’export ROME 4.0, ou fichier CSV', '"demo", ROME 4.0 export folder, or CSV file'))
    .option('--format <format>', t('sortie : texte ou json', 'output: text or json'), 'texte')
    .action(async (arg: string, opts: { format: string }) => {
      const format = opts.format === 'text' ? 'texte' : opts.format;
      if (format !== 'texte' && format !== 'json') {
        throw new UserError(t(`format de sortie inconnu « ${opts.format} » : texte ou json attendu`, `unknown output format "${opts.format}": expected text or json`));
      }
      const stats = referentialStats(await openReferential(arg, ctx));
      if (format === 'json') {
        process.stdout.write(JSON.stringify(stats, null, 2) + '\n');
        return;
      }
      const n = (x: number) => x.toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'fr-FR');
      const lines = [
        `${stats.label}`,
        t(`  type : ${stats.kind}, version : ${stats.version || '—'}`, `  type: ${stats.kind}, version: ${stats.version || '—'}`),
        t(`  métiers : ${n(stats.metiers)}`, `  métiers: ${n(stats.metiers)}`),
        t(
          `  compétences : ${n(stats.competences.total)} (savoir-faire ${n(stats.competences['savoir-faire'])}, savoir-être ${n(stats.competences['savoir-etre'])}, savoirs ${n(stats.competences.savoir)})`,
          `  competences: ${n(stats.competences.total)} (know-how ${n(stats.competences['savoir-faire'])}, soft skills ${n(stats.competences['savoir-etre'])}, knowledge ${n(stats.competences.savoir)})`,
        ),
        t(
          `  liens métier × compétence : ${n(stats.liens.total)} (savoir-faire ${n(stats.liens['savoir-faire'])}, savoir-être ${n(stats.liens['savoir-etre'])}, savoirs ${n(stats.liens.savoir)} ; cœur de métier ${n(stats.liens.coeur)})`,
          `  métier × competence links: ${n(stats.liens.total)} (know-how ${n(stats.liens['savoir-faire'])}, soft skills ${n(stats.liens['savoir-etre'])}, knowledge ${n(stats.liens.savoir)}; core ${n(stats.liens.coeur)})`,
        ),
        t(`  macro-compétences : ${n(stats.macros)}`, `  macro-competences: ${n(stats.macros)}`),
        t(`  domaines professionnels : ${n(stats.domaines)}, grands domaines : ${n(stats.grandsDomaines)}`, `  professional domains: ${n(stats.domaines)}, broad domains: ${n(stats.grandsDomaines)}`),
        t(`  appellations : ${n(stats.appellations)}`, `  job titles: ${n(stats.appellations)}`),
        t(`  contextes de travail : ${n(stats.contextes)}`, `  work contexts: ${n(stats.contextes)}`),
        t(`  mobilités officielles : ${n(stats.mobilites)}`, `  official mobilities: ${n(stats.mobilites)}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
