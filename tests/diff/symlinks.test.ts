/**
 * `gtec diff` reads data by the same rule on both sides (issue 13): the working tree through the
 * guarded reader (a link out of the diagnostic's folder is GTEC-E230), a git revision without ever
 * following a symbolic link it stores (GTEC-E233); nothing of the link's target is printed. A
 * `$donnees/…` path is read from the declared data folder on both sides.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, commit, DEMO, demoRepo, edit, gtec } from './helpers.js';

let repo: string;
const donnees = mkdtempSync(path.join(tmpdir(), 'gtec-diff-donnees-'));
beforeAll(() => {
  buildCli();
  repo = demoRepo();
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(donnees, { recursive: true, force: true });
});

describe('gtec diff and symbolic links', () => {
  it('working tree: a data file replaced by a link to /etc/passwd is refused (E230)', () => {
    rmSync(path.join(repo, 'demo/data/effectifs.csv'));
    symlinkSync('/etc/passwd', path.join(repo, 'demo/data/effectifs.csv'));
    const r = gtec(['diff', 'HEAD', '--format', 'json'], repo);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('GTEC-E230');
    expect(r.out).not.toMatch(/root:/);
  });

  it('revision: a symbolic link stored in git is refused, never followed (E233)', () => {
    commit(repo, 'lien vers /etc/passwd');
    const r = gtec(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('GTEC-E233');
    expect(r.out).not.toContain('GTEC-E230');
    expect(r.out).not.toMatch(/root:/);
  });

  it('revision: a folder of the data path that is a link in git is refused, naming that folder (E233)', () => {
    rmSync(path.join(repo, 'demo/data/effectifs.csv'));
    writeFileSync(path.join(repo, 'demo/data/effectifs.csv'), readFileSync(path.join(DEMO, 'data/effectifs.csv')));
    edit(repo, 'demo/diagnostic.gtec.yaml', 'chemin: data/ages.csv', 'chemin: lien/passwd');
    symlinkSync('/etc', path.join(repo, 'demo/lien'));
    commit(repo, 'dossier lié vers /etc');
    const r = gtec(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/GTEC-E233[^}]*lien/);
    expect(r.out).not.toMatch(/root:/);
    edit(repo, 'demo/diagnostic.gtec.yaml', 'chemin: lien/passwd', 'chemin: data/ages.csv');
    rmSync(path.join(repo, 'demo/lien'));
    commit(repo, 'sans dossier lié');
  });

  it('$donnees paths are read from the declared data folder on both sides', () => {
    writeFileSync(path.join(donnees, 'bmo.csv'), contenu(repo, 'demo/data/bmo.csv'));
    edit(repo, 'demo/diagnostic.gtec.yaml', 'chemin: data/bmo.csv', 'chemin: $donnees/bmo.csv');
    commit(repo, 'bmo dans $donnees');
    const sans = gtec(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
    expect(sans.out).toContain('GTEC-I230');
    const avec = gtec(['diff', 'HEAD~1', 'HEAD', '--format', 'json', '--donnees', donnees], repo);
    expect(avec.code, avec.err).toBe(0);
    expect(avec.out).not.toContain('GTEC-I230');
    expect(avec.out).not.toContain('GTEC-E232');
  });
});

function contenu(dir: string, f: string): string {
  return readFileSync(path.join(dir, f), 'utf8');
}
