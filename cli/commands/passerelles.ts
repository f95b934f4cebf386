/**
 * `gtec passerelles`: for every métier of a referential (or one, with --source), its k best
 * passerelles among all other métiers. CSV on stdout (`source,cible,rang,score`) or JSON.
 * Score: the learned model (docs/passerelles.md); expert-aware when the referential carries a
 * mobilités table, unless --contenu-seul. The mode is said on stderr.
 */
import type { Command } from 'commander';
import { createPasserelleEngine, type Cible } from '../../core/passerelles/engine.js';
import { ReferentialIndex } from '../../core/referential/lookup.js';
import { UserError, type CliContext } from '../context.js';
import { progress } from '../progress.js';
import { openReferential } from './referentiel.js';

interface Options {
  referentiel: string;
  top: string;
  format: string;
  source?: string;
  details?: boolean;
  contenuSeul?: boolean;
}

export function registerPasserelles(program: Command, ctx: CliContext): void {
  const t = ctx.t;
  program
    .command('passerelles')
    .description(
      t(
        'calcule les passerelles de compétences : pour chaque métier, les k métiers les plus accessibles',
        'compute competence bridges: for each métier, the k most accessible métiers',
      ),
    )
    .option('--referentiel <dossier|demo>', t('« demo », dossier de l’export ROME 4.0, ou fichier CSV de référentiel', '"demo", ROME 4.0 export folder, or referential CSV file'), 'demo')
    .option('--top <k>', t('nombre de passerelles par métier', 'number of bridges per métier'), '10')
    .option('--format <format>', t('sortie : csv ou json', 'output: csv or json'), 'csv')
    .option('--source <code>', t('un seul métier de départ', 'a single source métier'))
    .option('--details', t('json : ajoute les compétences acquises et l’écart à combler', 'json: add the competences held and the gap'))
    .option('--contenu-seul', t('score sur le contenu du référentiel seul, même s’il contient des mobilités expertes', 'content-only score, even when the referential has expert mobilités'))
    .action(async (opts: Options) => {
      const k = Number(opts.top);
      if (!Number.isInteger(k) || k < 1) {
        throw new UserError(t(`--top attend un entier positif, reçu « ${opts.top} »`, `--top expects a positive integer, got "${opts.top}"`));
      }
      if (opts.format !== 'csv' && opts.format !== 'json') {
        throw new UserError(t(`format de sortie inconnu « ${opts.format} » : csv ou json attendu`, `unknown output format "${opts.format}": expected csv or json`));
      }
      const ref = await openReferential(opts.referentiel, ctx);
      const engine = createPasserelleEngine(ref, {}, { mode: opts.contenuSeul ? 'contenu' : 'auto' });
      process.stderr.write(
        engine.mode === 'expert'
          ? t(
              `gtec : passerelles avec mobilités expertes (${engine.listesExpertes} listes officielles ROME affichées d’abord, les autres fiches prédites)\n`,
              `gtec: passerelles with expert mobilités (${engine.listesExpertes} official ROME lists shown first, other fiches predicted)\n`,
            )
          : t('gtec : passerelles sur le contenu du référentiel seul\n', 'gtec: passerelles from the referential content only\n'),
      );
      let rows: Array<{ source: string; cibles: Cible[] }>;
      if (opts.source !== undefined) {
        const code = opts.source.trim().toUpperCase();
        if (!engine.has(code)) {
          const near = new ReferentialIndex(ref).suggest(code);
          throw new UserError(
            t(`métier « ${opts.source} » absent du référentiel`, `métier "${opts.source}" not in the referential`) +
              (near.length ? t(` ; vouliez-vous dire ${near.join(', ')} ?`, `; did you mean ${near.join(', ')}?`) : ''),
          );
        }
        rows = [{ source: code, cibles: engine.topK(code, k) }];
      } else {
        const bar = progress(ctx, t('passerelles', 'bridges'));
        rows = engine.allPairsTopK(k, (done, total) => bar.update(done, total));
        bar.end();
      }
      if (opts.format === 'csv') {
        const out: string[] = ['source,cible,rang,score'];
        for (const { source, cibles } of rows) cibles.forEach((c, i) => out.push(`${source},${c.cible},${i + 1},${c.score.toFixed(4)}`));
        process.stdout.write(out.join('\n') + '\n');
        return;
      }
      const json = rows.flatMap(({ source, cibles }) =>
        cibles.map((c, i) => {
          const p = engine.passerelle(source, c.cible, i + 1)!;
          const base = {
            source,
            cible: p.cible,
            cibleLibelle: p.cibleLibelle,
            rang: p.rang,
            score: Number(c.score.toFixed(4)),
            composantes: round4(p.composantes),
            ...(p.mobiliteOfficielle !== undefined ? { mobiliteOfficielle: p.mobiliteOfficielle } : {}),
          };
          return opts.details ? { ...base, ...(p.contributions ? { contributions: round4(p.contributions) } : {}), acquises: p.acquises, ecart: p.ecart } : base;
        }),
      );
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    });
}

const round4 = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([key, v]) => [key, Number(v.toFixed(4))]));
