/**
 * The built CLI with the declared data folder and the output rules: `--donnees` and GTEC_DONNEES,
 * a fresh clone's `gtec check examples/` (exit 0, informations only), a link to /etc/passwd
 * refused in the output, `gtec diagnostic` refusing the diagnostic's folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const GTEC = path.join(ROOT, 'dist/cli/gtec.cjs');
const base = mkdtempSync(path.join(tmpdir(), 'gtec-files-cli-'));
beforeAll(() => {
  if (!existsSync(GTEC)) throw new Error('dist/cli/gtec.cjs is missing: run `npm run build` first');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function gtec(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  const e: NodeJS.ProcessEnv = { ...process.env, GTEC_LANG: '', ...env };
  if (!('GTEC_DONNEES' in env)) delete e.GTEC_DONNEES;
  const r = spawnSync(process.execPath, [GTEC, ...args], { cwd, encoding: 'utf8', env: e });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const diag = path.join(base, 'diag');
const donnees = path.join(base, 'donnees');
mkdirSync(path.join(diag, 'data'), { recursive: true });
mkdirSync(donnees);
writeFileSync(path.join(donnees, 'effectifs.csv'), 'metier;zone;annee;effectif\nH2913;5225;2023;10\nH2913;5225;2024;12\n');
const yaml = (chemin: string) => `gtec: 1\ntitre: x\nterritoire: { nom: x, type: bassin-bmo, codes: ['5225'] }\nperiode: { debut: 2023, fin: 2024 }\nsources:\n  - { id: e, type: effectifs, chemin: ${chemin} }\n`;
writeFileSync(path.join(diag, 'donnees.gtec.yaml'), yaml('$donnees/effectifs.csv'));
symlinkSync('/etc/passwd', path.join(diag, 'data', 'effectifs.csv'));
mkdirSync(path.join(base, 'hostile'));
writeFileSync(path.join(base, 'hostile', 'x.gtec.yaml'), yaml('data/effectifs.csv'));
// hostile/data links to diag/data, outside hostile/, whose effectifs.csv links to /etc/passwd.
symlinkSync(path.join(diag, 'data'), path.join(base, 'hostile', 'data'));

describe('gtec and the declared data folder', () => {
  it('a fresh clone: gtec check examples/ exits 0, the real-data examples with one information each', () => {
    const r = gtec(['check', 'examples']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out.match(/GTEC-I230/g)?.length).toBeGreaterThanOrEqual(2);
    expect(r.out).toContain('--donnees <dossier>');
  });

  it('--donnees and GTEC_DONNEES declare the folder; the option wins', () => {
    const f = path.join(diag, 'donnees.gtec.yaml');
    expect(gtec(['check', f]).out).toContain('GTEC-I230');
    const opt = gtec(['check', f, '--donnees', donnees]);
    expect(opt.code, opt.out).toBe(0);
    expect(opt.out).not.toContain('GTEC-I');
    expect(gtec(['check', f], { GTEC_DONNEES: donnees }).out).not.toContain('GTEC-I230');
    const faux = gtec(['check', f, '--donnees', diag], { GTEC_DONNEES: donnees });
    expect(faux.code).toBe(1);
    expect(faux.out).toContain('GTEC-E232');
  });

  it('a declared folder that does not exist: exit 2 and a sentence', () => {
    const r = gtec(['check', path.join(diag, 'donnees.gtec.yaml'), '--donnees', path.join(base, 'absent')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('dossier de données');
  });

  it('a data file linked to /etc/passwd through a linked folder: E230, nothing of it printed', () => {
    const r = gtec(['check', path.join(base, 'hostile', 'x.gtec.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('GTEC-E230');
    expect(r.out).toContain('« data » est un lien symbolique');
    expect(r.out + r.err).not.toMatch(/root:/);
  });

  it('gtec diagnostic: refuses the diagnostic’s folder (exit 2, nothing written), writes elsewhere with --donnees', () => {
    const f = path.join(diag, 'donnees.gtec.yaml');
    const avant = readdirSync(diag).sort();
    const r = gtec(['diagnostic', f, '--sortie', diag, '--donnees', donnees]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--force');
    expect(readdirSync(diag).sort()).toEqual(avant);
    const sortie = path.join(base, 'sortie');
    const ok = gtec(['diagnostic', f, '--sortie', sortie, '--donnees', donnees, '--format', 'json']);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(readdirSync(sortie).sort()).toEqual(['.gtec-sortie.json', 'diagnostic.json']);
    const petit = gtec(['diagnostic', f, '--sortie', sortie, '--donnees', donnees, '--format', 'json', '--taille-max-sortie', '0.001']);
    expect(petit.code).toBe(2);
    expect(petit.err).toContain('GTEC-E234');
  });
});
