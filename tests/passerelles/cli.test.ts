import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, hasRome, repoRoot, romeDir } from '../referentiel/helpers.js';

const gtec = path.join(repoRoot, 'dist/cli/gtec.cjs');
/** The shared data beside the checkout, or beside the folder of worktrees. */
const calibration = [path.resolve(repoRoot, '../shared/data'), path.resolve(repoRoot, '../../shared/data')]
  .map((d) => ({ rome: path.join(d, 'rome-officiel/v460'), mobilites: path.join(d, 'rome-mobilites-calibration/unix_rubrique_mobilite_v460_utf8.csv') }))
  .find((d) => existsSync(d.mobilites) && existsSync(path.join(d.rome, 'version.txt')));
/** The engine cache of these runs (not the user's). */
const cache = mkdtempSync(path.join(tmpdir(), 'gtec-cache-cli-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
/** Spawns the built CLI asynchronously (a synchronous spawn would stall vitest's worker). */
function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return runIn({ GTEC_CACHE_DIR: cache }, ...args);
}
function runIn(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [gtec, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.config.js'], { cwd: repoRoot, stdio: 'ignore' });
}, 120_000);

describe('gtec passerelles (spawned CLI)', () => {
  it('demo by default: header, 40 × k lines, 4-decimal scores, ranks from 1', async () => {
    const r = await run('passerelles', '--top', '3');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('source,cible,rang,score');
    expect(lines).toHaveLength(40 * 3 + 1);
    for (const l of lines.slice(1)) expect(l).toMatch(/^[A-Z]\d{4},[A-Z]\d{4},[1-3],[01]\.\d{4}$/);
    expect(lines[1]!.startsWith('A1203,')).toBe(true);
    expect(lines.filter((l) => l.startsWith('H2913,'))[0]).toMatch(/^H2913,H2902,1,/);
  });

  it('--source and --format json with details', async () => {
    const r = await run('passerelles', '--referentiel', 'demo', '--source', 'h2913', '--top', '2', '--format', 'json', '--details');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Array<{
      source: string;
      cible: string;
      rang: number;
      score: number;
      ecart: Array<{ coeur: boolean }>;
      composantes: Record<string, number>;
      contributions: Record<string, number>;
    }>;
    expect(json.map((p) => [p.source, p.rang])).toEqual([
      ['H2913', 1],
      ['H2913', 2],
    ]);
    expect(json[0]!.cible).toBe('H2902');
    expect(json[0]!.ecart[0]!.coeur).toBe(true);
    // The explanation: every feature's value and contribution (logit scale).
    expect(Object.keys(json[0]!.contributions)).toContain('libellesCompetences');
    expect(json[0]!.composantes.couverture).toBeGreaterThan(0);
    expect(json[0]!.score).toBeGreaterThanOrEqual(json[1]!.score);
    expect(r.stderr).toContain('passerelles sur le contenu du référentiel seul');
    const plain = await run('passerelles', '--source', 'H2913', '--top', '2', '--format', 'json');
    expect(JSON.parse(plain.stdout)[0].contributions).toBeUndefined();
  });

  it('same bytes twice; --contenu-seul is accepted', async () => {
    const a = await run('passerelles', '--top', '3');
    const b = await run('passerelles', '--top', '3', '--contenu-seul');
    expect(a.stdout).toBe(b.stdout);
    expect((await run('passerelles', '--top', '3')).stdout).toBe(a.stdout);
  });

  it.skipIf(!calibration)(
    'expert-aware with a folder holding the mobilités table, content-only forced',
    async () => {
      // A referential folder = the v60 export + the calibration half of the mobilités table.
      const dir = mkdtempSync(path.join(tmpdir(), 'gtec-rome-mob-'));
      // Copies, not symlinks: a referential's files must really lie inside its folder.
      for (const f of readdirSync(calibration!.rome)) copyFileSync(path.join(calibration!.rome, f), path.join(dir, f));
      copyFileSync(calibration!.mobilites, path.join(dir, path.basename(calibration!.mobilites)));
      try {
        const r = await run('passerelles', '--referentiel', dir, '--source', 'H2913', '--top', '8', '--format', 'json');
        expect(r.status).toBe(0);
        expect(r.stderr).toContain('passerelles avec mobilités expertes (732 listes officielles');
        const json = JSON.parse(r.stdout) as Array<{ cible: string; mobiliteOfficielle?: boolean }>;
        expect(json.slice(0, 6).map((p) => p.cible)).toEqual(['H1506', 'H2902', 'H2911', 'H2914', 'H2916', 'H2917']);
        expect(json.map((p) => p.mobiliteOfficielle)).toEqual([true, true, true, true, true, true, false, false]);
        // The engine cache written by the run above (expert-aware): the same rows from it.
        const warm = await run('passerelles', '--referentiel', dir, '--top', '8');
        expect(warm.status).toBe(0);
        expect(warm.stdout).toBe((await run('passerelles', '--referentiel', dir, '--top', '8', '--no-cache')).stdout);
        expect(
          warm.stdout
            .split('\n')
            .filter((l) => l.startsWith('H2913,'))
            .slice(0, 6)
            .map((l) => l.split(',')[1]),
        ).toEqual(['H1506', 'H2902', 'H2911', 'H2914', 'H2916', 'H2917']);
        const c = await run('passerelles', '--referentiel', dir, '--source', 'H2913', '--top', '8', '--contenu-seul');
        expect(c.stderr).toContain('contenu du référentiel seul');
        expect(c.stdout.split('\n')[1]).not.toMatch(/^H2913,H1506,1,/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('clear errors, exit 2, French by default and English with --lang en', async () => {
    const missing = await run('passerelles', '--referentiel', '/nulle/part');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('référentiel introuvable : « /nulle/part » n’existe pas');
    const en = await run('--lang', 'en', 'passerelles', '--referentiel', '/nulle/part');
    expect(en.stderr).toContain('referential not found');
    const notRome = await run('passerelles', '--referentiel', path.join(fixtures));
    expect(notRome.status).toBe(2);
    expect(notRome.stderr).toContain('GTEC-E302');
    const typo = await run('passerelles', '--source', 'M1850');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('vouliez-vous dire M1805');
    expect((await run('passerelles', '--top', '0')).status).toBe(2);
  });

  it('a custom CSV referential file', async () => {
    const r = await run('passerelles', '--referentiel', path.join(fixtures, 'custom.csv'), '--top', '1');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  it('CSV codes from a custom referential are quoted (RFC 4180) and formula-guarded (issue 13, item 4)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gtec-csv-'));
    try {
      const csv = ['code_metier;libelle_metier;code_competence;libelle_competence', '"+cmd|x";Un;C1;Souder', '"=HYPERLINK(""http://x"")";Deux;C1;Souder', '"a,b";Trois;C1;Souder', '"\u0001@SUM(A1)";Quatre;C1;Souder'].join('\n');
      writeFileSync(path.join(dir, 'r.csv'), csv);
      const r = await run('passerelles', '--referentiel', path.join(dir, 'r.csv'), '--top', '1');
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('source,cible,rang,score');
      const sources = lines.slice(1).map((l) => l.replace(/,[^,]*,1,[01]\.\d{4}$/, ''));
      expect(sources.sort()).toEqual([`"'=HYPERLINK(""http://x"")"`, `"a,b"`, "'+cmd|x", "'@SUM(A1)"].sort());
      // No line has more than the four fields once quotes are honoured.
      for (const l of lines) expect(l.replace(/"(?:[^"]|"")*"/g, 'q').split(',')).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the engine cache: the next run reads it (same bytes, same warnings); a changed file, --no-cache, a folder that cannot be written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gtec-csv-cache-'));
    const own = path.join(dir, 'cache');
    const csv = path.join(dir, 'r.csv');
    const lines = [
      'code_metier;libelle_metier;code_competence;libelle_competence',
      'A;Soudeur;C1;Souder',
      'A;Soudeur;C2;Lire un plan',
      'B;Chaudronnier;C1;Souder',
      'B;Chaudronnier;C3;Former',
      ';Sans code;C1;Souder',
      'C;Tuyauteur;C2;Lire un plan',
      'C;Tuyauteur;C3;Former',
    ];
    try {
      writeFileSync(csv, lines.join('\n'));
      const first = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', csv, '--top', '2');
      expect(first.status).toBe(0);
      expect(first.stderr).toContain('GTEC-W301');
      expect(readdirSync(own).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
      const second = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', csv, '--top', '2');
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toBe(first.stderr);
      // Other outputs of the same engine: one source, JSON with details (labels and gaps from the referential).
      const json = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', csv, '--source', 'A', '--format', 'json', '--details');
      expect(json.stdout).toBe((await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', csv, '--source', 'A', '--format', 'json', '--details', '--no-cache')).stdout);
      expect(JSON.parse(json.stdout)[0].cibleLibelle).toBeTruthy();
      const typo = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', csv, '--source', 'D');
      expect(typo.status).toBe(2);
      expect(typo.stderr).toContain('métier « D » absent du référentiel');
      // C leaves B's competences: another key, the rows of the new file.
      writeFileSync(csv, [...lines.slice(0, 6), 'C;Tuyauteur;C2;Lire un plan', 'C;Tuyauteur;C4;Cintrer'].join('\n'));
      const changed = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', csv, '--top', '2');
      const fresh = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', csv, '--top', '2', '--no-cache');
      expect(changed.stdout).toBe(fresh.stdout);
      expect(changed.stdout).not.toBe(first.stdout);
      expect(readdirSync(own).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
      // A cache folder that cannot be written: said on stderr, the rows as always, exit 0.
      const blocked = await runIn({ GTEC_CACHE_DIR: path.join(csv, 'cache') }, 'passerelles', '--referentiel', csv, '--top', '2');
      expect(blocked.status).toBe(0);
      expect(blocked.stdout).toBe(fresh.stdout);
      expect(blocked.stderr).toMatch(/cache du moteur non écrit dans .*r\.csv.cache \(E[A-Z]+\)/);
      const blockedEn = await runIn({ GTEC_CACHE_DIR: path.join(csv, 'cache') }, '--lang', 'en', 'passerelles', '--referentiel', csv, '--top', '2');
      expect(blockedEn.stderr).toMatch(/engine cache not written in .*r\.csv.cache \(E[A-Z]+\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasRome)(
    'the real ROME 4.0: 1 584 × k lines + header, the same bytes from the engine cache',
    async () => {
      const r = await run('passerelles', '--referentiel', romeDir, '--top', '5', '--no-cache');
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1584 * 5 + 1);
      expect(lines[0]).toBe('source,cible,rang,score');
      const own = mkdtempSync(path.join(tmpdir(), 'gtec-cache-rome-'));
      try {
        const cold = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', romeDir, '--top', '5');
        const warm = await runIn({ GTEC_CACHE_DIR: own }, 'passerelles', '--referentiel', romeDir, '--top', '5');
        expect(readdirSync(own).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
        expect(cold.stdout).toBe(r.stdout);
        expect(warm.stdout).toBe(r.stdout);
        expect(warm.stderr).toBe(r.stderr);
      } finally {
        rmSync(own, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe('gtec referentiel info', () => {
  it('demo, text and json', async () => {
    const text = await run('referentiel', 'info', 'demo');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('métiers : 40');
    const json = JSON.parse((await run('referentiel', 'info', 'demo', '--format', 'json')).stdout);
    expect(json).toMatchObject({ kind: 'demo', version: '1', metiers: 40 });
  });

  it.skipIf(!hasRome)(
    'the real ROME 4.0',
    async () => {
      const json = JSON.parse((await run('referentiel', 'info', romeDir, '--format', 'json')).stdout);
      expect(json).toMatchObject({ label: 'ROME 4.0 v60 (25M09)', version: '60', metiers: 1584, appellations: 13120 });
      expect(json.liens.total).toBe(90556);
    },
    120_000,
  );
});
