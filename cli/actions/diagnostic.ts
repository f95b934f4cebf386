/**
 * What `gtec diagnostic <fichier> --sortie <dossier> [--format html,xlsx,json]` does (declared in
 * ../commands/diagnostic.ts, loaded when the command runs): runs the diagnostic,
 * prints its problems like `gtec check`, and writes `rapport.html`, `diagnostic.xlsx`,
 * `diagnostic.json` into the output folder, by the rules of ../write-outputs.ts (no output in the
 * diagnostic's folder nor over a file gtec did not write without --force, no link followed, all or
 * nothing, a size limit). `$donnees/…` paths are read from the declared data folder (--donnees,
 * GTEC_DONNEES). Exit 0 when written without errors (warnings allowed), 1 when errors were found
 * (the reports are still written when a result could be computed), 2 for usage or file-system
 * failures, a refused output or an output over the size limit (nothing is written then).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runDiagnostic, LineIndex, hasErrors, sortProblems, type Problem, renderHtml, renderJson, DATE_FIXE, renderXlsx, LIMITE_SORTIE_DEFAUT } from '../../core/index.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UserError, type CliContext } from '../context.js';
import { nodeFileHost } from '../../node-host/file-host.js';
import { declaredDonnees } from '../donnees.js';
import { formatHuman, formatSummary, reportFile } from '../report-problems.js';
import { byteLength, FolderNotCreated, refuseFolder, writeOutputs, type Output } from '../write-outputs.js';

const SORTIES = { html: 'rapport.html', xlsx: 'diagnostic.xlsx', json: 'diagnostic.json' } as const;
type FormatSortie = keyof typeof SORTIES;

export interface DiagnosticOptions {
  sortie: string;
  format: string;
  donnees?: string;
  force?: boolean;
  tailleMaxSortie?: string;
}

export async function diagnostic(fichier: string, opts: DiagnosticOptions, ctx: CliContext): Promise<void> {
  const w = ctx.w;
  const formats = readFormats(opts.format, ctx);
  const donnees = declaredDonnees(opts.donnees, process.env, ctx);
  const limite = readLimit(opts.tailleMaxSortie ?? (process.env.GTEC_TAILLE_MAX_SORTIE?.trim() || undefined), ctx);
  let text: string;
  try {
    text = (await readFile(fichier, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UserError(w.lectureImpossible(fichier, codeErreur(e)), EXIT_USAGE);
  }
  // A refused output folder is said before the run (which may take a while on real data).
  const refus = await refuseFolder({ folder: opts.sortie, diagnosticFolder: path.dirname(path.resolve(fichier)), force: Boolean(opts.force) }, w);
  if (refus) throw new UserError(`${refus}\n${w.prefixe}${w.fichiers.rienEcrit}`, EXIT_USAGE);
  const { result, doc, problems } = await runDiagnostic(text, {
    fileName: fichier,
    host: nodeFileHost(path.dirname(path.resolve(fichier)), donnees, ctx.limites),
    today: aujourdhui(),
  });
  const tries = sortProblems([...problems]);
  const rapportProblemes = reportFile({ file: fichier, text, problems: tries, ...(donnees !== undefined ? { donnees } : {}) }, ctx.lang);
  for (const ligne of formatHuman([rapportProblemes], ctx.lang)) process.stdout.write(ligne + '\n');
  process.stdout.write(formatSummary([rapportProblemes], ctx.lang) + '\n');
  if (!result) {
    process.stderr.write(w.aucunRapport + '\n');
    process.exitCode = EXIT_ERRORS;
    return;
  }
  // The report lists every problem of the run (the file's own, the data's, the analysis').
  const pourRapport = { ...result, problemes: tries };
  const index = new LineIndex(text);
  // Places in the report are relative to the diagnostic's folder, as data-file places are.
  const fichierAffiche = path.basename(fichier);
  const locate = (p: Problem) => {
    if (!p.range) return undefined;
    const { line, column } = index.position(p.range.start);
    return `${fichierAffiche}:${line}:${column}`;
  };
  const sorties: Output[] = [];
  for (const format of formats) {
    const contenu: string | Uint8Array =
      format === 'html' ? await renderHtml(pourRapport, { lang: ctx.lang, locate }) : format === 'xlsx' ? await renderXlsx(pourRapport, { lang: ctx.lang, locate, date: dateDuDocument(doc?.date) }) : renderJson(pourRapport);
    sorties.push({ name: SORTIES[format], content: contenu });
  }
  let ecrit: Awaited<ReturnType<typeof writeOutputs>>;
  try {
    ecrit = await writeOutputs(sorties, { folder: opts.sortie, diagnosticFolder: path.dirname(path.resolve(fichier)), force: Boolean(opts.force), limit: limite }, w);
  } catch (e) {
    if (e instanceof FolderNotCreated) throw new UserError(w.creationImpossible(opts.sortie, codeErreur(e.reason)), EXIT_USAGE);
    throw new UserError(w.ecritureImpossible(opts.sortie, codeErreur(e)), EXIT_USAGE);
  }
  if (!('written' in ecrit)) {
    for (const r of ecrit.refusals) process.stderr.write(w.prefixe + r + '\n');
    for (const p of ecrit.problems) process.stderr.write(`${w.prefixe}${p.code} ${p.message[ctx.lang]}\n`);
    process.stderr.write(w.prefixe + w.fichiers.rienEcrit + '\n');
    process.exitCode = EXIT_USAGE;
    return;
  }
  sorties.forEach((s, i) => process.stdout.write(w.ecrit(ecrit.written[i]!, taille(byteLength(s.content), ctx)) + '\n'));
  process.exitCode = hasErrors(tries) ? EXIT_ERRORS : EXIT_OK;
}

function readFormats(valeur: string, ctx: CliContext): FormatSortie[] {
  const demandes = valeur
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const inconnus = demandes.filter((f) => !(f in SORTIES));
  if (inconnus.length || demandes.length === 0) {
    throw new UserError(ctx.w.formatInconnu(inconnus.join(', ') || valeur, ctx.w.ou(Object.keys(SORTIES))), EXIT_USAGE);
  }
  return [...new Set(demandes)] as FormatSortie[];
}

/** `--taille-max-sortie` in MiB (GTEC_TAILLE_MAX_SORTIE), in bytes; the default otherwise. */
function readLimit(valeur: string | undefined, ctx: CliContext): number {
  if (valeur === undefined) return LIMITE_SORTIE_DEFAUT;
  const mio = Number(valeur.replace(',', '.'));
  if (!Number.isFinite(mio) || mio <= 0) throw new UserError(ctx.w.fichiers.tailleInvalide(valeur), EXIT_USAGE);
  return Math.round(mio * 1024 * 1024);
}

/** The diagnostic's own date (AAAA, AAAA-MM or AAAA-MM-JJ) dates the workbook: same file, same bytes. */
function dateDuDocument(date: string | undefined): Date {
  if (!date) return DATE_FIXE;
  const [a, m = '1', j = '1'] = date.split('-');
  return new Date(Date.UTC(Number(a), Number(m) - 1, Number(j)));
}

/** Today in local time, AAAA-MM-JJ: the core never reads the clock (lateness of indicators). */
function aujourdhui(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function taille(octets: number, ctx: CliContext): string {
  const w = ctx.w.taille;
  if (octets < 1024) return w.octets(octets);
  const ko = octets / 1024;
  return ko < 1024 ? w.kio(ko.toFixed(0)) : w.mio((ko / 1024).toFixed(1));
}

function codeErreur(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
