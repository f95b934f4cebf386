/**
 * What `gtec diff <ancien> <nouveau> [-- <fichiers…>]` does (declared in ../commands/diff.ts,
 * loaded when the command runs): what changed in the diagnosis between two
 * versions, given as two files or folders, or as git revisions (every file of a revision, data
 * included, is read through git). One revision compares it with the working tree; none compares
 * HEAD with the working tree. `--textconv <fichier>` prints the semantic digest of one version,
 * for git's diff driver (docs/ci.md). Exit 0 when the comparison was made, 2 for usage failures.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { runDiagnostic, compareDiagnostics, renderDigest, type Cote, type DiagnosticDiff, type Note, type Version, renderDiff, renderDiffJson, type FileHost } from '../../core/index.js';
import { EXIT_OK, UserError, type CliContext } from '../context.js';
import { GitRepo, gitFileHost, type LecturesHorsGit } from '../git-host.js';
import { nodeFileHost } from '../../node-host/file-host.js';
import { declaredDonnees } from '../donnees.js';

const DIAGNOSTIC = /\.gtec\.(ya?ml|json)$/i;
/** A diagnostic file is text written by hand: above this size it is not one. */
const LIMITE_DIAGNOSTIC = 16 * 1024 * 1024;

/** One side of the comparison: where its files come from. */
interface Lecteur {
  libelle: string;
  /** Bytes of a file (path as the side names it), undefined when absent. */
  lire(fichier: string): Promise<Uint8Array | undefined>;
  /** A host rooted at the folder of the diagnostic file. */
  host(fichier: string): FileHost;
  /** Diagnostic files of the side (for a comparison of whole revisions or folders). */
  diagnostics(sous: string[]): Promise<string[]>;
  horsGit?: LecturesHorsGit;
}

export async function diff(args: string[], opts: { format: string; tolerance: string; textconv?: string; donnees?: string }, ctx: CliContext): Promise<void> {
  const w = ctx.w;
  const donnees = declaredDonnees(opts.donnees, process.env, ctx);
  if (opts.textconv !== undefined) {
    process.stdout.write(await textconv(opts.textconv, donnees, ctx));
    return;
  }
  const format = opts.format === 'text' ? 'texte' : opts.format;
  if (format !== 'texte' && format !== 'markdown' && format !== 'json') {
    throw new UserError(w.formatSortieInconnu(opts.format, w.ou([w.formatTexte, 'markdown', 'json'])));
  }
  const tolerance = Number(opts.tolerance.replace(',', '.'));
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new UserError(w.toleranceInvalide(opts.tolerance));
  }
  // Commander passes the operands after `--` with the others: split them back.
  const tiret = process.argv.indexOf('--', process.argv.indexOf('diff'));
  const apres = tiret >= 0 ? process.argv.length - tiret - 1 : 0;
  const versions = args.slice(0, args.length - apres);
  const fichiers = args.slice(args.length - apres);
  const diffs = await comparer(versions, fichiers, tolerance, donnees, ctx);
  if (format === 'json') process.stdout.write(renderDiffJson(diffs));
  else process.stdout.write(diffs.map((d) => renderDiff(d, { lang: ctx.lang, format })).join('\n'));
  process.exitCode = EXIT_OK;
}

async function comparer(versions: string[], fichiers: string[], tolerance: number, donnees: string | undefined, ctx: CliContext): Promise<DiagnosticDiff[]> {
  const w = ctx.w;
  if (versions.length > 2) {
    throw new UserError(w.tropDeVersions(versions.join(' ')));
  }
  const aujourdhui = dateDuJour();
  // Two paths on disk: files or folders compared directly.
  if (versions.length === 2 && fichiers.length === 0 && (await existe(versions[0]!)) && (await existe(versions[1]!))) {
    return comparePaths(versions[0]!, versions[1]!, tolerance, aujourdhui, donnees, ctx);
  }
  const repo = await GitRepo.ouvrir(process.cwd());
  if (!repo) {
    const absents = versions.filter((v) => !v.includes(':'));
    throw new UserError(w.niCheminsNiRevisions(absents.join(', ') || versions.join(', ')));
  }
  const revs = versions.length === 0 ? ['HEAD'] : versions;
  const commits: Array<string | undefined> = [];
  for (const r of revs) {
    const c = await repo.commit(r);
    if (!c) {
      throw new UserError(w.revisionInconnue(r, repo.racine));
    }
    commits.push(c);
  }
  const coteGit = (rev: string, commit: string): Lecteur => {
    const horsGit: LecturesHorsGit = { fichiers: new Set() };
    const host = (f: string) => gitFileHost(repo, commit, path.posix.dirname(f), horsGit, w, donnees);
    return {
      libelle: rev,
      horsGit,
      host,
      lire: (f) => host(f).readFile(path.posix.basename(f)),
      diagnostics: async (sous) => (await repo.fichiers(commit)).filter((f) => DIAGNOSTIC.test(f) && dessous(f, sous)),
    };
  };
  const copie: Lecteur = {
    libelle: w.copieDeTravail,
    host: (f) => nodeFileHost(path.join(repo.racine, ...path.posix.dirname(f).split('/')), donnees, ctx.limites),
    lire: (f) => nodeFileHost(repo.racine).readFile(f),
    diagnostics: async (sous) => (await repo.fichiersCopie()).filter((f) => DIAGNOSTIC.test(f) && dessous(f, sous)),
  };
  const ancien = coteGit(revs[0]!, commits[0]!);
  const nouveau = revs.length === 2 ? coteGit(revs[1]!, commits[1]!) : copie;
  // Paths named on the command line are relative to the current folder; git's are to the root.
  const sous = fichiers.map((f) => path.relative(repo.racine, path.resolve(f)).split(path.sep).join('/'));
  const liste = [...new Set([...(await ancien.diagnostics(sous)), ...(await nouveau.diagnostics(sous))])].sort();
  if (liste.length === 0) {
    throw new UserError(w.aucunDiagnosticRevisions(fichiers.join(', '), ancien.libelle, nouveau.libelle));
  }
  const renommages = await repo.renommages(commits[0]!, commits[1]);
  const diffs: DiagnosticDiff[] = [];
  for (const f of liste) {
    const a = await charger(ancien, f, 'ancien', aujourdhui);
    const n = await charger(nouveau, f, 'nouveau', aujourdhui);
    const notes: Note[] = [];
    // A data file the old version read, renamed since: say so beside the « file absent » problem.
    const dossier = path.posix.dirname(f);
    const relatif = (p: string) => path.posix.relative(dossier, p);
    const lus = new Set(Object.keys(a.empreintes ?? {}));
    for (const r of renommages) if (lus.has(relatif(r.de))) notes.push({ type: 'renomme', cote: 'nouveau', ancien: relatif(r.de), nouveau: relatif(r.vers) });
    const horsGit = [...new Set([...(ancien.horsGit?.fichiers ?? []), ...(nouveau.horsGit?.fichiers ?? [])])]
      .filter((x) => x.startsWith(dossier === '.' ? '' : dossier + '/'))
      .map(relatif)
      .sort();
    if (horsGit.length) notes.push({ type: 'hors-git', fichiers: horsGit });
    diffs.push(compareDiagnostics(a, n, { tolerance, notes }));
  }
  return diffs;
}

async function comparePaths(a: string, b: string, tolerance: number, aujourdhui: string, donnees: string | undefined, ctx: CliContext): Promise<DiagnosticDiff[]> {
  const cote = (racine: string, fichier: boolean): Lecteur => ({
    libelle: racine,
    host: (f) => nodeFileHost(path.dirname(path.resolve(fichier ? racine : path.join(racine, f))), donnees, ctx.limites),
    lire: (f) => nodeFileHost(path.dirname(path.resolve(fichier ? racine : path.join(racine, f)))).readFile(path.basename(fichier ? racine : f)),
    diagnostics: async () => (fichier ? [path.basename(racine)] : parcourir(racine, '')),
  });
  const [sa, sb] = [await stat(a), await stat(b)];
  if (sa.isFile() !== sb.isFile()) {
    throw new UserError(ctx.w.fichiersOuDossiers(a, b));
  }
  const ca = cote(a, sa.isFile());
  const cb = cote(b, sb.isFile());
  const liste = sa.isFile() ? [path.basename(b)] : [...new Set([...(await ca.diagnostics([])), ...(await cb.diagnostics([]))])].sort();
  const diffs: DiagnosticDiff[] = [];
  for (const f of liste) {
    const va = await charger(ca, sa.isFile() ? path.basename(a) : f, 'ancien', aujourdhui);
    const vb = await charger(cb, f, 'nouveau', aujourdhui);
    diffs.push(compareDiagnostics(va, vb, { tolerance }));
  }
  return diffs;
}

/** One version: the file's text, the diagnostic run through the side's host, and fingerprints of the data read. */
async function charger(cote: Lecteur, fichier: string, nom: Cote, aujourdhui: string): Promise<Version> {
  const v: Version = { libelle: cote.libelle, fichier, problems: [] };
  let octets: Uint8Array | undefined;
  try {
    octets = await cote.lire(fichier);
  } catch (e) {
    return { ...v, notes: [{ type: 'illisible', cote: nom, fichier, raison: raison(e) }] };
  }
  if (!octets) return { ...v, absent: true, notes: [{ type: 'absent', cote: nom, fichier, revision: cote.libelle }] };
  if (octets.byteLength > LIMITE_DIAGNOSTIC) return { ...v, notes: [{ type: 'volumineux', cote: nom, fichier, octets: octets.byteLength, limite: LIMITE_DIAGNOSTIC }] };
  // As git does: a NUL byte in the first 8 000 bytes makes a binary file.
  if (octets.subarray(0, 8000).includes(0)) return { ...v, notes: [{ type: 'binaire', cote: nom, fichier }] };
  const texte = new TextDecoder('utf-8').decode(octets).replace(/^\uFEFF/, '');
  const empreintes: Record<string, string> = {};
  const base = cote.host(fichier);
  const host: FileHost = {
    async readFile(p) {
      const b = await base.readFile(p);
      if (b) empreintes[p.replace(/^\.\//, '')] = createHash('sha1').update(b).digest('hex');
      return b;
    },
    ...(base.listDirectory ? { listDirectory: (p: string) => base.listDirectory!(p) } : {}),
    ...(base.donnees !== undefined ? { donnees: base.donnees } : {}),
  };
  try {
    const run = await runDiagnostic(texte, { fileName: fichier, host, today: aujourdhui });
    return { ...v, texte, problems: run.problems, empreintes, ...(run.result ? { result: run.result } : {}), ...(run.doc ? { doc: run.doc } : {}) };
  } catch (e) {
    return { ...v, texte, notes: [{ type: 'illisible', cote: nom, fichier, raison: raison(e) }] };
  }
}

/**
 * The digest of one version for git's textconv. Git hands an older version as a temporary copy
 * named `XXXXXX_<nom>` outside the repository: its data files are then read beside the working
 * tree's diagnostic of the same name (the one with the same title when there are several).
 */
async function textconv(fichier: string, donnees: string | undefined, ctx: CliContext): Promise<string> {
  let texte: string;
  try {
    const octets = await readFile(fichier);
    if (octets.subarray(0, 8000).includes(0)) return ctx.w.fichierBinaire(fichier) + '\n';
    texte = octets.toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UserError(ctx.w.lectureImpossible(fichier, raison(e)));
  }
  const absolu = path.resolve(fichier);
  let dossier = path.dirname(absolu);
  let dossierCopie: string | undefined;
  let nom = path.basename(fichier);
  const repo = await GitRepo.ouvrir(process.cwd());
  if (repo && !path.relative(repo.racine, absolu).startsWith('..')) nom = path.relative(repo.racine, absolu).split(path.sep).join('/');
  else if (repo) {
    nom = nom.replace(/^[A-Za-z0-9]{6}_/, '');
    const candidats = (await repo.fichiersCopie()).filter((f) => path.posix.basename(f) === nom);
    const titre = texte.match(/^titre\s*:.*$/m)?.[0];
    let retenu = candidats.length === 1 ? candidats[0] : undefined;
    if (!retenu && titre) {
      for (const c of candidats) {
        const t = await readFile(path.join(repo.racine, c), 'utf8').catch(() => '');
        if (t.match(/^titre\s*:.*$/m)?.[0] === titre) {
          retenu = c;
          break;
        }
      }
    }
    if (retenu) {
      dossier = path.join(repo.racine, path.posix.dirname(retenu));
      dossierCopie = path.posix.dirname(retenu) + '/';
      nom = retenu;
    }
  }
  const run = await runDiagnostic(texte, { fileName: nom, host: nodeFileHost(dossier, donnees, ctx.limites) });
  return renderDigest({ fichier: nom, problems: run.problems, ...(run.result ? { result: run.result } : {}), ...(dossierCopie ? { donnees: dossierCopie } : {}) }, ctx.lang);
}

function dessous(f: string, sous: string[]): boolean {
  return sous.length === 0 || sous.some((s) => s === '' || s === '.' || f === s || f.startsWith(s.replace(/\/?$/, '/')));
}

async function parcourir(racine: string, rel: string): Promise<string[]> {
  const out: string[] = [];
  const entrees = await readdir(path.join(racine, rel), { withFileTypes: true }).catch(() => []);
  for (const e of entrees.sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') for (const f of await parcourir(racine, r)) out.push(f);
    else if (e.isFile() && DIAGNOSTIC.test(e.name)) out.push(r);
  }
  return out;
}

async function existe(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

function raison(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
}

function dateDuJour(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
