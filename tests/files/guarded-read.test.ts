/**
 * The one guarded read path of the Node hosts (node-host/guarded-read.ts, issue 13 « Files »): a
 * data file is read only when its real path lies inside the diagnostic's folder or the declared
 * data folder, and only when it is a regular file. Refusals are problems naming the link and
 * where it points (GTEC-E230, E231); nothing of the refused file reaches a message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeclaredFile } from '../../core/data/open-source.js';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { validateDiagnostic } from '../../core/validation/validate.js';
import { nodeFileHost } from '../../node-host/file-host.js';

const base = mkdtempSync(path.join(tmpdir(), 'gtec-guarded-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const CSV = 'metier;zone;annee;effectif\nH2913;5225;2023;10\nH2913;5225;2024;12\n';
/** A diagnostic folder `diag/` with a data file, a data folder `donnees/` beside it, and a folder `ailleurs/` outside both. */
const diag = path.join(base, 'diag');
const donnees = path.join(base, 'donnees');
const ailleurs = path.join(base, 'ailleurs');
for (const d of [path.join(diag, 'data', 'sous'), path.join(donnees, 'bmo'), ailleurs]) mkdirSync(d, { recursive: true });
writeFileSync(path.join(diag, 'data', 'effectifs.csv'), CSV);
writeFileSync(path.join(donnees, 'bmo', 'effectifs.csv'), CSV);
writeFileSync(path.join(ailleurs, 'secret.csv'), 'metier;zone;annee;effectif\nSECRET;1;2024;1\n');
symlinkSync('/etc/passwd', path.join(diag, 'data', 'passwd.csv'));
symlinkSync('/dev/zero', path.join(diag, 'data', 'zero.csv'));
symlinkSync(path.join(ailleurs, 'secret.csv'), path.join(diag, 'data', 'dehors.csv'));
symlinkSync(ailleurs, path.join(diag, 'data', 'lien-dossier'));
symlinkSync('effectifs.csv', path.join(diag, 'data', 'dedans.csv'));
symlinkSync(path.join(donnees, 'bmo', 'effectifs.csv'), path.join(diag, 'data', 'vers-donnees.csv'));
symlinkSync(path.join(ailleurs, 'secret.csv'), path.join(donnees, 'bmo', 'dehors.csv'));
const fifo = path.join(diag, 'data', 'tube.csv');
const hasFifo = spawnSync('mkfifo', [fifo]).status === 0 && existsSync(fifo);

const read = (chemin: string, d?: string) => readDeclaredFile(chemin, nodeFileHost(diag, d), '/sources/0/chemin');
const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code);

describe('guarded read: symbolic links and special files', () => {
  it('a link to /etc/passwd is refused (E230), naming the link and its target; no line of it is read', async () => {
    const r = await read('data/passwd.csv');
    expect(r.bytes).toBeUndefined();
    expect(codes(r)).toEqual(['GTEC-E230']);
    expect(r.problems[0]!.data).toMatchObject({ file: 'data/passwd.csv', link: 'data/passwd.csv', target: '/etc/passwd' });
    expect(r.problems[0]!.message.fr).toContain('« data/passwd.csv » est un lien symbolique vers « /etc/passwd »');
    expect(r.problems[0]!.location).toEqual({ file: 'data/passwd.csv' });
  });

  it('a link to /dev/zero is refused before it is opened (E231, a device)', async () => {
    const r = await read('data/zero.csv');
    // /dev/zero lies outside the folder: refused for that first; a device inside would be E231.
    expect(codes(r)).toEqual(['GTEC-E230']);
    // Declared as the data folder, /dev is allowed as a place, and /dev/zero is still not a file.
    const dev = await readDeclaredFile('$donnees/zero', nodeFileHost(diag, '/dev'), '/sources/0/chemin');
    expect(codes(dev)).toEqual(['GTEC-E231']);
    expect(dev.problems[0]!.data).toMatchObject({ what: 'peripherique' });
  });

  it.skipIf(!hasFifo)('a FIFO is refused without blocking (E231)', async () => {
    const r = await read('data/tube.csv');
    expect(codes(r)).toEqual(['GTEC-E231']);
    expect(r.problems[0]!.data).toMatchObject({ file: 'data/tube.csv', what: 'fifo' });
  });

  it('a folder at a file name is refused (E231)', async () => {
    expect((await read('data/sous')).problems[0]!.data).toMatchObject({ what: 'dossier' });
  });

  it('a link to a file outside the folder is refused (E230), and a file under a linked folder names that folder', async () => {
    const r = await read('data/dehors.csv');
    expect(codes(r)).toEqual(['GTEC-E230']);
    expect(r.problems[0]!.data).toMatchObject({ link: 'data/dehors.csv', target: path.join(ailleurs, 'secret.csv') });
    const d = await read('data/lien-dossier/secret.csv');
    expect(d.problems[0]!.data).toMatchObject({ file: 'data/lien-dossier/secret.csv', link: 'data/lien-dossier', target: path.join(ailleurs, 'secret.csv') });
  });

  it('a link inside the folder that stays inside is read', async () => {
    const r = await read('data/dedans.csv');
    expect(r.problems).toEqual([]);
    expect(new TextDecoder().decode(r.bytes)).toBe(CSV);
  });

  it('a link into the declared data folder is read when that folder is declared, refused otherwise', async () => {
    expect(codes(await read('data/vers-donnees.csv'))).toEqual(['GTEC-E230']);
    const r = await read('data/vers-donnees.csv', donnees);
    expect(r.problems).toEqual([]);
    expect(new TextDecoder().decode(r.bytes)).toBe(CSV);
  });

  it('a link out of the declared data folder is refused too, named from $donnees', async () => {
    const r = await read('$donnees/bmo/dehors.csv', donnees);
    expect(codes(r)).toEqual(['GTEC-E230']);
    expect(r.problems[0]!.data).toMatchObject({ link: '$donnees/bmo/dehors.csv' });
  });

  it('a folder listing through a link out of the folder is refused', async () => {
    await expect(nodeFileHost(diag).listDirectory!('data/lien-dossier')).rejects.toMatchObject({ refusal: { kind: 'hors-dossier', link: 'data/lien-dossier' } });
    expect(await nodeFileHost(diag).listDirectory!('data')).toContain('effectifs.csv');
  });
});

describe('declared data folder ($donnees)', () => {
  it('reads $donnees/… from the declared folder; a missing file there is E232 naming the folder', async () => {
    const r = await read('$donnees/bmo/effectifs.csv', donnees);
    expect(new TextDecoder().decode(r.bytes)).toBe(CSV);
    const absent = await read('$donnees/bmo/absent.csv', 'mes-donnees');
    expect(codes(absent)).toEqual(['GTEC-E232']);
    expect(absent.problems[0]!.message.fr).toContain('« mes-donnees »');
  });

  it('without a declared folder, $donnees/… is not read, and the diagnostic says so once (I230)', async () => {
    const yaml = (chemins: string[]) =>
      `gtec: 1\ntitre: x\nterritoire: { nom: x, type: bassin-bmo, codes: ['5225'] }\nperiode: { debut: 2023, fin: 2024 }\nsources:\n${chemins.map((c, i) => `  - { id: s${i}, type: effectifs, chemin: ${c} }\n`).join('')}`;
    const text = yaml(['$donnees/bmo/effectifs.csv', '$donnees/bmo/absent.csv']);
    const sans = await validateDiagnostic(text, { fileName: 'x.gtec.yaml', host: nodeFileHost(diag) });
    expect(sans.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(sans.problems.filter((p) => p.code === 'GTEC-I230').map((p) => [p.pointer, p.data])).toEqual([['/sources/0/chemin', { file: '$donnees/bmo/effectifs.csv', count: 2 }]]);
    const run = await runDiagnostic(text, { fileName: 'x.gtec.yaml', host: nodeFileHost(diag) });
    expect(run.problems.filter((p) => p.code === 'GTEC-I230')).toHaveLength(1);
    const avec = await validateDiagnostic(text, { fileName: 'x.gtec.yaml', host: nodeFileHost(diag, donnees) });
    expect(avec.problems.map((p) => p.code)).toEqual(['GTEC-E232']);
  });

  it('a diagnostic whose data file links to /etc/passwd: refused, and no line of the file is in any message', async () => {
    const text = `gtec: 1\ntitre: x\nterritoire: { nom: x, type: bassin-bmo, codes: ['5225'] }\nperiode: { debut: 2023, fin: 2024 }\nsources:\n  - { id: e, type: effectifs, chemin: data/passwd.csv }\n`;
    for (const r of [await validateDiagnostic(text, { fileName: 'x.gtec.yaml', host: nodeFileHost(diag) }), await runDiagnostic(text, { fileName: 'x.gtec.yaml', host: nodeFileHost(diag) })]) {
      expect(r.problems.map((p) => p.code)).toContain('GTEC-E230');
      expect(JSON.stringify(r.problems)).not.toMatch(/root:/);
    }
  });
});
