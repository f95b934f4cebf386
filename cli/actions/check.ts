/**
 * What `gtec check` does (declared in ../commands/check.ts, loaded when the command runs):
 * validates every diagnostic file (`*.gtec.yaml`, `*.gtec.yml`, `*.gtec.json`) under the given
 * paths, data files included. Exit 0 when clean (warnings allowed), 1 when errors were found, 2
 * for usage or read failures.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { escapeControls, internalErrorProblem, validateDiagnostic } from '../../core/index.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UserError, type CliContext } from '../context.js';
import { nodeFileHost } from '../../node-host/file-host.js';
import { declaredDonnees } from '../donnees.js';
import { formatGithub } from '../formats/github.js';
import { formatJunit } from '../formats/junit.js';
import { formatSarif } from '../formats/sarif.js';
import { formatHuman, formatJson, formatSummary, reportFile, type FileReport } from '../report-problems.js';

const DIAGNOSTIC = /\.gtec\.(ya?ml|json)$/i;
const SKIPPED = new Set(['node_modules', '.git']);
const FORMATS = ['texte', 'json', 'github', 'sarif', 'junit'];

/** `version`: the program's, for the SARIF log. */
export async function check(paths: string[], opts: { format: string; donnees?: string }, ctx: CliContext, version: string): Promise<void> {
  const w = ctx.w;
  const format = opts.format === 'text' ? 'texte' : opts.format;
  if (!FORMATS.includes(format)) {
    throw new UserError(w.formatSortieInconnu(opts.format, w.ou([w.formatTexte, 'json', 'github', 'sarif', 'junit'])));
  }
  const donnees = declaredDonnees(opts.donnees, process.env, ctx);
  const files = await collect(paths.length ? paths : ['.'], ctx);
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    } catch (e) {
      unreadable = true;
      process.stderr.write(escapeControls(w.prefixe + w.lectureImpossible(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message)) + '\n');
      continue;
    }
    // One file that breaks the checker (a defect) is reported as GTEC-E090 on it; the others still print.
    let report: FileReport;
    try {
      const { problems } = await validateDiagnostic(text, { fileName: file, host: nodeFileHost(path.dirname(path.resolve(file)), donnees, ctx.limites) });
      report = reportFile({ file, text, problems, ...(donnees !== undefined ? { donnees } : {}) }, ctx.lang);
    } catch (e) {
      report = reportFile({ file, text, problems: [internalErrorProblem(e)] }, ctx.lang);
    }
    reports.push(report);
  }
  if (format === 'json') process.stdout.write(formatJson(reports) + '\n');
  else if (format === 'github') process.stdout.write(formatGithub(reports));
  else if (format === 'sarif') process.stdout.write(formatSarif(reports, version));
  else if (format === 'junit') process.stdout.write(formatJunit(reports, ctx.lang));
  else {
    const lines = formatHuman(reports, ctx.lang);
    process.stdout.write(lines.map((l) => l + '\n').join('') + formatSummary(reports, ctx.lang) + '\n');
  }
  process.exitCode = unreadable ? EXIT_USAGE : reports.some((r) => r.errors > 0) ? EXIT_ERRORS : EXIT_OK;
}

/** Diagnostic files under `paths`, sorted; a path naming a file is taken whatever its name. */
async function collect(paths: string[], ctx: CliContext): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      throw new UserError(ctx.w.cheminIntrouvable(p));
    }
    if (s.isFile()) found.push(p);
    else if (s.isDirectory()) for (const f of await walk(p, ctx)) found.push(f);
  }
  if (!found.length) {
    throw new UserError(ctx.w.aucunDiagnostic(paths.join(', ')));
  }
  return [...new Set(found)];
}

async function walk(dir: string, ctx: CliContext): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new UserError(ctx.w.dossierIllisible(dir));
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED.has(e.name)) for (const f of await walk(full, ctx)) out.push(f);
    } else if (e.isFile() && DIAGNOSTIC.test(e.name)) out.push(full);
  }
  return out;
}
