import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

const ROOT = path.resolve(__dirname, '../..');
const gtec = path.join(ROOT, 'dist/cli/gtec.cjs');

// Build with the project's own configuration. It builds the CLI first: when a later bundle of the
// configuration (the editor extension) fails, a fresh CLI bundle is still enough here.
beforeAll(() => {
  const started = Date.now();
  const b = spawnSync(process.execPath, ['esbuild.config.js'], { cwd: ROOT, encoding: 'utf8' });
  const fresh = statSync(gtec, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (fresh < started - 1000) throw new Error(`build du CLI impossible :\n${b.stderr}`);
});

const CLI = path.join(FIXTURES, 'cli');
function run(args: string[], cwd = CLI) {
  const r = spawnSync(process.execPath, [gtec, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GTEC_LANG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gtec check (end to end)', () => {
  it('clean folder → exit 0 and a summary', () => {
    const r = run(['check', 'propre']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('1 fichier vérifié : 0 erreur, 0 avertissement, 0 info.\n');
  });

  it('errors → exit 1; file:line:col: severity code message, data problems at the data file', () => {
    const r = run(['check']);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toEqual([
      'erreurs/donnees.gtec.yaml:13:11: avertissement GTEC-W106 La fiche action « fa1 » n’a aucun indicateur : son évaluation sera impossible. Ajoutez des identifiants d’indicateurs dans « indicateurs ».',
      expect.stringMatching(/^erreurs\/donnees\/effectifs\.csv(:\d+(:\d+)?)?: erreur GTEC-E2\d\d .*« emplois »/),
      'erreurs/territoire.gtec.yaml:3:1: erreur GTEC-E011 Clé obligatoire « titre » absente ; attendu : texte.',
      'erreurs/territoire.gtec.yaml:4:1: erreur GTEC-E012 clé inconnue « titr »: vouliez-vous dire « titre » ?',
      expect.stringMatching(/^erreurs\/territoire\.gtec\.yaml:5:44: erreur GTEC-E013 Valeur « regoin » non permise/),
      '3 fichiers vérifiés : 4 erreurs, 1 avertissement, 0 info.',
    ]);
  });

  it('--lang en: English severities and messages', () => {
    const r = run(['--lang', 'en', 'check', 'erreurs/territoire.gtec.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('erreurs/territoire.gtec.yaml:4:1: error GTEC-E012 unknown key "titr": did you mean "titre"?');
    expect(r.out).toContain('1 file checked: 3 errors, 0 warnings, 0 infos.');
  });

  it('--format json: files with problems, lines and columns', () => {
    const r = run(['check', '--format', 'json', 'erreurs']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.map((f: { file: string }) => f.file)).toEqual(['erreurs/donnees.gtec.yaml', 'erreurs/territoire.gtec.yaml']);
    const e012 = report[1].problems.find((p: { code: string }) => p.code === 'GTEC-E012');
    expect(e012).toMatchObject({ severity: 'error', pointer: '/titr', line: 4, column: 1, endLine: 4, endColumn: 5, data: { suggestion: 'titre' } });
    expect(report[0].problems.find((p: { severity: string }) => p.severity === 'error').file).toBe('erreurs/donnees/effectifs.csv');
  });

  it('a path naming a file is checked whatever its name; fixtures folder: every code found', () => {
    const r = run(['check', path.join(FIXTURES, 'valide-minimal.gtec.yaml'), 'propre/diagnostic.gtec.yaml']);
    expect(r.code).toBe(0);
  });

  it('usage and IO failures → exit 2', () => {
    expect(run(['check', 'absent']).code).toBe(2);
    expect(run(['check', 'absent']).err).toBe('gtec : chemin introuvable : absent\n');
    const empty = run(['check', 'erreurs/donnees']);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/aucun fichier de diagnostic/);
    expect(run(['check', '--format', 'xml', 'propre']).code).toBe(2);
  });
});

describe('gtec --limites / GTEC_LIMITES (docs/donnees.md, « Limites »)', () => {
  it('a file over the size limit is refused by a problem naming it; the option wins over the variable', () => {
    const r = spawnSync(process.execPath, [gtec, '--limites', 'taille=10', 'check', 'erreurs/donnees.gtec.yaml'], { cwd: CLI, encoding: 'utf8', env: { ...process.env, GTEC_LANG: '', GTEC_LIMITES: 'taille=1Gio' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^erreurs\/donnees\/effectifs\.csv: erreur GTEC-E220 Fichier « donnees\/effectifs\.csv » non lu : \d+\u00a0octets, plus que la limite « taille » \(10\u00a0octets\)/m);
    const env = spawnSync(process.execPath, [gtec, 'check', 'erreurs/donnees.gtec.yaml'], { cwd: CLI, encoding: 'utf8', env: { ...process.env, GTEC_LANG: '', GTEC_LIMITES: 'taille=10' } });
    expect(env.stdout).toContain('GTEC-E220');
  });

  it('an unreadable limit → exit 2 and one sentence', () => {
    const r = run(['--limites', 'taile=10', 'check', 'propre']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^gtec : limite « taile=10 » illisible : « nom=valeur » attendu \(noms : taille, decompresse, entrees, taux, cellule, lignes, colonnes/);
  });
});
