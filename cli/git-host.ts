/**
 * Reading the files of a git revision, for `gtec diff REV1 REV2`: a `FileHost` rooted at a
 * diagnostic's folder inside a revision (`git ls-tree` then `git cat-file`), with a cache so a
 * file shared by several diagnostics is read once. A symbolic link stored in the revision is
 * refused (GTEC-E233), never followed. Files git ignores are read from the working tree, and
 * `$donnees/…` files from the declared data folder, both through the guarded reader of node-host/
 * (the same rule as the working-tree side: real path inside the diagnostic's folder or the data
 * folder, regular files only).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { escapeControls, FileRefusedError, inDonnees, refusalOf, type FileHost, type CliWords } from '../core/index.js';
import { nodeFileHost } from '../node-host/file-host.js';

/** Above this size a file of a revision is not read (a data file committed by mistake). */
export const LIMITE_OCTETS = 512 * 1024 * 1024;

interface Sortie {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: string[], maxBuffer = 64 * 1024 * 1024): Promise<Sortie> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? (err as unknown as { code: number }).code : 128) : 0;
      resolve({ code, stdout: stdout ?? Buffer.alloc(0), stderr: (stderr ?? Buffer.alloc(0)).toString('utf8') });
    });
  });
}

export interface Entree {
  mode: string;
  type: string;
  sha: string;
  taille: number;
}

export class GitRepo {
  private readonly blobs = new Map<string, Promise<Uint8Array>>();
  private readonly entrees = new Map<string, Promise<Entree | undefined>>();
  private readonly ignores = new Map<string, Promise<boolean>>();

  private constructor(readonly racine: string) {}

  /** The repository holding `cwd`, or undefined outside any repository (or without git). */
  static async ouvrir(cwd: string): Promise<GitRepo | undefined> {
    const r = await git(cwd, ['rev-parse', '--show-toplevel']);
    return r.code === 0 ? new GitRepo(r.stdout.toString('utf8').trim()) : undefined;
  }

  /** The commit a revision names, or undefined for an unknown revision. */
  async commit(rev: string): Promise<string | undefined> {
    const r = await git(this.racine, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
  }

  /** Mode, type, object and size of a path of a revision; undefined when absent. */
  entree(commit: string, chemin: string): Promise<Entree | undefined> {
    const cle = `${commit}:${chemin}`;
    let e = this.entrees.get(cle);
    if (!e) {
      e = git(this.racine, ['ls-tree', '-l', '-z', '--full-tree', commit, '--', chemin]).then((r) => {
        const ligne = r.stdout
          .toString('utf8')
          .split('\0')
          .find((l) => l.endsWith(`\t${chemin}`));
        if (r.code !== 0 || !ligne) return undefined;
        const [mode = '', type = '', sha = '', taille = '0'] = ligne.split('\t')[0]!.split(/\s+/);
        return { mode, type, sha, taille: Number(taille) || 0 };
      });
      this.entrees.set(cle, e);
    }
    return e;
  }

  /** The bytes of an object (cached by object id: the same content is read once). */
  blob(sha: string): Promise<Uint8Array> {
    let b = this.blobs.get(sha);
    if (!b) {
      b = git(this.racine, ['cat-file', 'blob', sha], LIMITE_OCTETS + 1024).then((r) => {
        if (r.code !== 0) throw new Error(r.stderr.trim() || `git cat-file ${sha}`);
        return new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength);
      });
      this.blobs.set(sha, b);
    }
    return b;
  }

  /** Names in a folder of a revision. */
  async liste(commit: string, dossier: string): Promise<string[] | undefined> {
    const d = dossier.replace(/\/?$/, '/');
    const r = await git(this.racine, ['ls-tree', '--name-only', '-z', '--full-tree', commit, '--', d === '/' ? '.' : d]);
    if (r.code !== 0) return undefined;
    const noms = r.stdout
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((l) => path.posix.basename(l));
    return noms.length ? noms.sort() : undefined;
  }

  /** Every file of a revision (paths from the repository root). */
  async fichiers(commit: string): Promise<string[]> {
    const r = await git(this.racine, ['ls-tree', '-r', '--name-only', '-z', '--full-tree', commit]);
    return r.stdout.toString('utf8').split('\0').filter(Boolean).sort();
  }

  /** Tracked and untracked (not ignored) files of the working tree. */
  async fichiersCopie(): Promise<string[]> {
    const r = await git(this.racine, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    return [...new Set(r.stdout.toString('utf8').split('\0').filter(Boolean))].sort();
  }

  /** True when git ignores the path or one of its folders (data linked from outside the repository). */
  async ignore(chemin: string): Promise<boolean> {
    // Git refuses a path beyond a symbolic link: ask about each folder, shortest first.
    const parties = chemin.split('/');
    for (let i = 1; i <= parties.length; i++) {
      const p = parties.slice(0, i).join('/');
      let r = this.ignores.get(p);
      if (!r) this.ignores.set(p, (r = git(this.racine, ['check-ignore', '-q', '--', p]).then((x) => x.code === 0)));
      if (await r) return true;
    }
    return false;
  }

  /** Files renamed between a revision and another one (or the working tree when `b` is undefined). */
  async renommages(a: string, b: string | undefined): Promise<Array<{ de: string; vers: string }>> {
    const r = await git(this.racine, ['diff', '-M', '--name-status', '-z', a, ...(b ? [b] : []), '--']);
    if (r.code !== 0) return [];
    const champs = r.stdout.toString('utf8').split('\0');
    const out: Array<{ de: string; vers: string }> = [];
    for (let i = 0; i < champs.length; i++) {
      const s = champs[i]!;
      if (s.startsWith('R')) {
        out.push({ de: champs[i + 1]!, vers: champs[i + 2]! });
        i += 2;
      } else if (s.startsWith('C')) i += 2;
      else if (s) i += 1;
    }
    return out;
  }
}

/** What a git host read from outside git (the working tree), for the reader's note. */
export interface LecturesHorsGit {
  fichiers: Set<string>;
}

/**
 * The files of `commit` under `dossier` (repository-relative, POSIX). Ignored files absent from the
 * revision are read from the working tree and recorded in `horsGit`; `$donnees/…` files are read
 * from the declared data folder `donnees`.
 */
export function gitFileHost(repo: GitRepo, commit: string, dossier: string, horsGit: LecturesHorsGit, w: CliWords, donnees?: string): FileHost {
  // The working tree's copy of the diagnostic's folder, read through the guarded reader.
  const copie = nodeFileHost(path.join(repo.racine, ...dossier.split('/')), donnees);
  const complet = (p: string) => path.posix.normalize(path.posix.join(dossier, p.replace(/^\.\//, '')));
  const horsRevision = async (p: string, chemin: string): Promise<Uint8Array | undefined> => {
    try {
      const octets = await copie.readFile(p);
      if (octets) horsGit.fichiers.add(path.posix.dirname(chemin));
      return octets;
    } catch (e) {
      if (refusalOf(e)) throw e;
      return undefined;
    }
  };
  const linkRefusal = async (p: string, link: string, e: Entree) => {
    const cible = escapeControls(new TextDecoder().decode(await repo.blob(e.sha)).slice(0, 1024));
    return new FileRefusedError({ kind: 'lien-git', file: p, link, target: cible });
  };
  /** A path absent from the revision because one of its folders (below the diagnostic's) is a link there: refused, naming it. */
  const refuseLinkedFolder = async (p: string) => {
    const parts = p.split('/').filter((s) => s !== '' && s !== '.');
    for (let i = 1; i < parts.length; i++) {
      const link = parts.slice(0, i).join('/');
      const e = await repo.entree(commit, complet(link));
      if (e?.mode === '120000') throw await linkRefusal(p, link, e);
      if (!e) return;
    }
  };
  const lire = async (p: string): Promise<Uint8Array | undefined> => {
    if (inDonnees(p)) return copie.readFile(p);
    const chemin = complet(p);
    const e = await repo.entree(commit, chemin);
    if (!e) {
      await refuseLinkedFolder(p);
      return (await repo.ignore(chemin)) ? horsRevision(p, chemin) : undefined;
    }
    if (e.type !== 'blob') return undefined;
    // A symbolic link stored in git: never followed (cloning a repository must not lead anywhere).
    if (e.mode === '120000') throw await linkRefusal(p, p, e);
    if (e.taille > LIMITE_OCTETS) {
      throw new Error(w.fichierTropGros((e.taille / 1048576).toFixed(0), String(LIMITE_OCTETS / 1048576)));
    }
    return repo.blob(e.sha);
  };
  return {
    ...(donnees !== undefined ? { donnees } : {}),
    readFile: (p) => lire(p),
    async listDirectory(p) {
      if (inDonnees(p)) return copie.listDirectory!(p);
      const d = complet(p);
      const noms = await repo.liste(commit, d);
      if (noms) return noms;
      if (!(await repo.ignore(d))) return undefined;
      const liste = await copie.listDirectory!(p).catch((e: unknown) => {
        if (refusalOf(e)) throw e;
        return undefined;
      });
      if (liste) horsGit.fichiers.add(d);
      return liste;
    },
  };
}
