/**
 * What `gtec diagnostic <fichier> --sortie <dossier> [--format html,xlsx,json]` does (declared in
 * ../commands/diagnostic.ts, loaded when the command runs): runs the diagnostic,
 * prints its problems like `gtec check`, and writes `rapport.html`, `diagnostic.xlsx`,
 * `diagnostic.json` into the output folder. Exit 0 when written without errors (warnings allowed),
 * 1 when errors were found (the reports are still written when a result could be computed),
 * 2 for usage or file-system failures.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runDiagnostic, LineIndex, hasErrors, sortProblems, type Problem, renderHtml, renderJson, DATE_FIXE, renderXlsx } from '../../core/index.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UserError, type CliContext } from '../context.js';
import { nodeFileHost } from '../../node-host/file-host.js';
import { formatHuman, formatSummary, reportFile } from '../report-problems.js';

const SORTIES = { html: 'rapport.html', xlsx: 'diagnostic.xlsx', json: 'diagnostic.json' } as const;
type FormatSortie = keyof typeof SORTIES;

export async function diagnostic(fichier: string, opts: { sortie: string; format: string }, ctx: CliContext): Promise<void> {
  const w = ctx.w;
  const formats = readFormats(opts.format, ctx);
  let text: string;
  try {
    text = (await readFile(fichier, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UserError(w.lectureImpossible(fichier, codeErreur(e)), EXIT_USAGE);
  }
  const { result, doc, problems } = await runDiagnostic(text, {
    fileName: fichier,
    host: nodeFileHost(path.dirname(path.resolve(fichier))),
    today: aujourdhui(),
  });
  const tries = sortProblems([...problems]);
  const rapportProblemes = reportFile({ file: fichier, text, problems: tries }, ctx.lang);
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
  try {
    await mkdir(opts.sortie, { recursive: true });
  } catch (e) {
    throw new UserError(w.creationImpossible(opts.sortie, codeErreur(e)), EXIT_USAGE);
  }
  for (const format of formats) {
    const contenu: string | Uint8Array =
      format === 'html' ? await renderHtml(pourRapport, { lang: ctx.lang, locate }) : format === 'xlsx' ? await renderXlsx(pourRapport, { lang: ctx.lang, locate, date: dateDuDocument(doc?.date) }) : renderJson(pourRapport);
    const cible = path.join(opts.sortie, SORTIES[format]);
    try {
      await writeFile(cible, contenu);
    } catch (e) {
      throw new UserError(w.ecritureImpossible(cible, codeErreur(e)), EXIT_USAGE);
    }
    const octets = typeof contenu === 'string' ? Buffer.byteLength(contenu) : contenu.byteLength;
    process.stdout.write(w.ecrit(cible, taille(octets, ctx)) + '\n');
  }
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
