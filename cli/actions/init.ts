/**
 * What `gtec init` does (declared in ../commands/init.ts, loaded when the command runs): reads the
 * BMO workbook once for its territories, finds the one asked for (by code or forgiving name),
 * places every data path (relative to the new file, or `$donnees/…`), drafts the diagnostic with
 * the core (`draftDiagnostic`) and writes it without ever replacing a file (a temporary file, then
 * a hard link that fails if the name was taken meanwhile). On a terminal, a missing argument is
 * asked; otherwise it is a usage error. Exit 0 when written, 1 for a problem (territory not found
 * or not unique, file already there, data out of reach), 2 for usage or unreadable files. With
 * `--dares`, the DARES Portrait files the territory can use are found by name in that folder.
 */
import { link, lstat, mkdir, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline/promises';
import {
  choisirFichiersDares,
  draftDiagnostic,
  emplacementsCorrespondance,
  initProblem,
  locales,
  matchTerritoire,
  placeDataFile,
  readPresetTension,
  readTerritoiresBmo,
  resolveTerritoire,
  territoireLabel,
  territoiresOf,
  type ChoixInit,
  type DaresInit,
  type NiveauTerritoire,
  type Problem,
  type TerritoireBmo,
} from '../../core/index.js';
import type { InitOptions } from '../commands/init.js';
import { EXIT_ERRORS, EXIT_USAGE, UserError, type CliContext } from '../context.js';

const NIVEAUX: NiveauTerritoire[] = ['bassin', 'departement', 'region', 'france'];

/** A failure already printed as problems: exit 1, nothing written. */
class Refus extends Error {}

export async function init(fichier: string | undefined, opts: InitOptions, ctx: CliContext): Promise<void> {
  const questions = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stderr }) : undefined;
  try {
    await run(fichier, opts, ctx, questions);
  } catch (e) {
    if (!(e instanceof Refus)) throw e;
    process.exitCode = EXIT_ERRORS;
  } finally {
    questions?.close();
  }
}

async function run(fichierArg: string | undefined, opts: InitOptions, ctx: CliContext, questions: Interface | undefined): Promise<void> {
  const w = locales[ctx.lang].init;
  const ask = async (q: string, manquant: string): Promise<string> => {
    if (!questions) throw new UserError(manquant, EXIT_USAGE);
    const r = (await questions.question(q)).trim();
    if (!r) throw new UserError(w.abandon, EXIT_USAGE);
    return r;
  };
  const fichier = fichierArg ?? (await ask(w.questionFichier, w.fichierManquant));
  if (!/\.gtec\.ya?ml$/i.test(fichier)) throw new UserError(w.fichierNom(fichier), EXIT_USAGE);
  const cible = path.resolve(fichier);
  if (await exists(cible)) refuse(ctx, fichier, [initProblem('GTEC-E503', '', { fichier })]);

  // The territory level: one flag, or asked.
  const donnes = NIVEAUX.filter((n) => (n === 'france' ? opts.france : opts[n] !== undefined));
  if (donnes.length > 1) throw new UserError(w.plusieursNiveaux(donnes.map((n) => `--${n}`).join(', ')), EXIT_USAGE);
  const niveau = donnes[0] ?? (await askNiveau(ask, ctx));
  let saisie = niveau === 'france' ? undefined : (opts[niveau] ?? (await ask(w.questionTerritoire(w.niveaux[niveau]), w.niveauManquant)));
  const bmo = opts.bmo ?? (await ask(w.questionBmo, w.bmoManquant));
  const interactif = questions !== undefined && (fichierArg === undefined || donnes.length === 0 || opts.bmo === undefined);
  const rome = opts.rome ?? (interactif ? await optional(questions, w.questionRome) : undefined);
  const dares = opts.dares ?? (interactif ? await optional(questions, w.questionDares) : undefined);
  const tension = opts.tension ?? (interactif ? await optional(questions, w.questionTension) : undefined);

  // Every data path placed before the workbook is read (seconds): a refusal comes at once.
  const donneesDecl = opts.donnees ?? (process.env.GTEC_DONNEES || undefined);
  const dossier = await realFolder(path.dirname(cible));
  const donnees = donneesDecl === undefined ? undefined : await real(donneesDecl, ctx);
  const placer = async (p: string) => {
    const r = placeDataFile({ fichier: posix(await real(p, ctx)), dossier: posix(dossier), ...(donnees !== undefined ? { donnees: posix(donnees) } : {}), ignoreCase: process.platform === 'win32' });
    return { ...r, problems: r.problems.map((x) => ({ ...x, location: { file: p } })) };
  };
  const places = { bmo: await placer(bmo), rome: rome === undefined ? undefined : await placer(rome), tension: tension === undefined ? undefined : await placer(tension) };
  const refusals = [places.bmo, places.rome, places.tension].flatMap((x) => x?.problems ?? []);
  if (refusals.length) refuse(ctx, fichier, refusals);
  const avertissements: Problem[] = [];
  const daresChoix = dares === undefined ? undefined : await placeDares(dares, niveau, rome !== undefined, donneesDecl, placer, avertissements, ctx, fichier);

  if (ctx.interactive || questions) process.stderr.write(w.lectureClasseur(bmo) + '\n');
  const lu = await readTerritoiresBmo(await bytesOf(bmo, ctx), bmo);
  if (!lu.territoires) refuse(ctx, fichier, lu.problems);
  const territoires = lu.territoires!;

  let territoire: TerritoireBmo | undefined;
  if (niveau !== 'france') {
    const liste = territoiresOf(territoires, niveau);
    for (;;) {
      const r = resolveTerritoire(saisie!, niveau, liste, bmo);
      if (r.territoire) {
        territoire = r.territoire;
        break;
      }
      if (!questions) refuse(ctx, fichier, r.problems);
      // On a terminal: several candidates become a numbered choice; no candidate, the problem then the question again.
      const m = matchTerritoire(saisie!, liste);
      if (m.kind !== 'plusieurs') print(ctx, fichier, r.problems);
      if (m.kind === 'plusieurs') {
        m.candidats.forEach((t, i) => process.stderr.write(`  ${i + 1}. ${territoireLabel(t)}\n`));
        const n = Number(await ask(w.questionNumero, w.niveauManquant));
        const choisi = m.candidats[n - 1];
        if (!choisi) throw new UserError(w.abandon, EXIT_USAGE);
        territoire = choisi;
        break;
      }
      saisie = await ask(w.questionTerritoire(w.niveaux[niveau]), w.niveauManquant);
    }
  }

  let presetTension: ChoixInit['tension'];
  if (tension !== undefined && places.tension?.chemin !== undefined) {
    const t = await readPresetTension(await bytesOf(tension, ctx), tension);
    if (!t.preset) refuse(ctx, fichier, t.problems);
    presetTension = { chemin: places.tension.chemin, preset: t.preset! };
  }

  const text = draftDiagnostic({
    niveau,
    ...(territoire ? { territoire } : {}),
    ...(territoires.annee !== undefined ? { annee: territoires.annee } : {}),
    bmo: places.bmo.chemin!,
    ...(places.rome?.chemin !== undefined ? { rome: places.rome.chemin } : {}),
    ...(presetTension ? { tension: presetTension } : {}),
    ...(daresChoix ? { dares: daresChoix } : {}),
    ...(donneesDecl !== undefined && [...Object.values(places).map((p) => p?.chemin), ...Object.values(daresChoix ?? {})].some((p) => p?.startsWith('$donnees')) ? { donnees: donneesDecl } : {}),
    fichier,
  });
  await writeNew(cible, text, () => refuse(ctx, fichier, [initProblem('GTEC-E503', '', { fichier })]), ctx);
  print(ctx, fichier, avertissements);
  const d = donneesDecl !== undefined && text.includes('$donnees') ? ` --donnees ${donneesDecl}` : '';
  process.stdout.write(`${w.ecrit(fichier)}\n${w.ensuite(`gtec check${d} ${fichier}`, `gtec diagnostic${d} ${fichier} --sortie sortie`)}\n`);
}

/**
 * The DARES Portrait files the territory uses, found by name in the folder, and with a ROME
 * referential the FAP 2009 → ROME v3 crosswalk (looked for beside the folder; GTEC-W508 when
 * absent, added to `avertissements`: the file is then written in FAP 2009). Every path placed like the others.
 */
async function placeDares(
  dares: string,
  niveau: NiveauTerritoire,
  avecRome: boolean,
  donnees: string | undefined,
  placer: (p: string) => Promise<{ chemin?: string; problems: Problem[] }>,
  avertissements: Problem[],
  ctx: CliContext,
  fichier: string,
): Promise<DaresInit> {
  let noms: string[];
  try {
    noms = (await readdir(dares, { withFileTypes: true })).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch (e) {
    throw new UserError(ctx.w.lectureImpossible(dares, (e as NodeJS.ErrnoException).code ?? String(e)), EXIT_USAGE);
  }
  const choisis = choisirFichiersDares(noms, niveau, dares);
  if (choisis.problems.length) refuse(ctx, fichier, choisis.problems);
  const out: DaresInit = {};
  const problems: Problem[] = [];
  for (const [k, nom] of Object.entries(choisis.fichiers) as Array<[keyof DaresInit, string]>) {
    const p = await placer(path.join(dares, nom));
    if (p.chemin !== undefined) out[k] = p.chemin;
    problems.push(...p.problems);
  }
  if (avecRome) {
    const cherches = emplacementsCorrespondance(posix(dares), donnees === undefined ? undefined : posix(donnees)).map((p) => path.normalize(p));
    const trouve = await firstFile(cherches);
    if (trouve === undefined) avertissements.push(initProblem('GTEC-W508', '', { cherches }));
    else {
      const p = await placer(trouve);
      if (p.chemin !== undefined) out.correspondance = p.chemin;
      problems.push(...p.problems);
    }
  }
  if (problems.length) refuse(ctx, fichier, problems);
  return out;
}

/** The first of these paths that is a regular file (after symlinks). */
async function firstFile(paths: readonly string[]): Promise<string | undefined> {
  for (const p of paths) {
    if (
      await stat(p).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return p;
  }
  return undefined;
}

async function askNiveau(ask: (q: string, manquant: string) => Promise<string>, ctx: CliContext): Promise<NiveauTerritoire> {
  const w = locales[ctx.lang].init;
  const r = await ask(w.questionNiveau(NIVEAUX.map((n, i) => `${i + 1} ${w.niveaux[n]}`).join(', ')), w.niveauManquant);
  const niveau = NIVEAUX[Number(r) - 1] ?? NIVEAUX.find((n) => n === r.toLowerCase());
  if (!niveau) throw new UserError(w.niveauManquant, EXIT_USAGE);
  return niveau;
}

async function optional(questions: Interface | undefined, q: string): Promise<string | undefined> {
  return (await questions?.question(q))?.trim() || undefined;
}

function print(ctx: CliContext, fichier: string, problems: readonly Problem[]): void {
  const sev = locales[ctx.lang].severity.nom;
  for (const p of problems) process.stderr.write(`${p.location?.file ?? fichier}: ${sev[p.severity]} ${p.code} ${p.message[ctx.lang]}\n`);
}

function refuse(ctx: CliContext, fichier: string, problems: readonly Problem[]): never {
  print(ctx, fichier, problems);
  throw new Refus();
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** The real path of a data file or folder the user named. */
async function real(p: string, ctx: CliContext): Promise<string> {
  try {
    return await realpath(p);
  } catch (e) {
    throw new UserError(ctx.w.lectureImpossible(p, (e as NodeJS.ErrnoException).code ?? String(e)), EXIT_USAGE);
  }
}

/** The real path of the new file's folder, which may not exist yet: its nearest existing ancestor, resolved, then the rest. */
async function realFolder(dir: string): Promise<string> {
  const rest: string[] = [];
  let d = dir;
  for (;;) {
    try {
      return path.join(await realpath(d), ...rest.reverse());
    } catch {
      const parent = path.dirname(d);
      if (parent === d) return dir;
      rest.push(path.basename(d));
      d = parent;
    }
  }
}

const posix = (p: string) => p.split(path.sep).join('/');

async function bytesOf(p: string, ctx: CliContext): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(p));
  } catch (e) {
    throw new UserError(ctx.w.lectureImpossible(p, (e as NodeJS.ErrnoException).code ?? String(e)), EXIT_USAGE);
  }
}

/** Writes `text` at `cible` only if nothing is there: a temporary file beside it, then a hard link (fails when the name is taken) or, where links are refused, a rename after a last check. */
async function writeNew(cible: string, text: string, taken: () => never, ctx: CliContext): Promise<void> {
  const dir = path.dirname(cible);
  const tmp = path.join(dir, `.${path.basename(cible)}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, text, { flag: 'wx' });
  } catch (e) {
    throw new UserError(ctx.w.ecritureImpossible(cible, (e as NodeJS.ErrnoException).code ?? String(e)), EXIT_USAGE);
  }
  try {
    await link(tmp, cible);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await unlink(tmp).catch(() => undefined);
      taken();
    }
    if (await exists(cible)) {
      await unlink(tmp).catch(() => undefined);
      taken();
    }
    await rename(tmp, cible);
    return;
  }
  await unlink(tmp).catch(() => undefined);
}
