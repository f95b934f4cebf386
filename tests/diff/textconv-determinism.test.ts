/**
 * The git diff driver (`gtec diff --textconv` declared in .gitattributes and git config): `git diff`
 * on a real repository shows the change of the digest. And deterministic outputs: `gtec diagnostic`
 * writes byte-identical JSON, HTML and xlsx on two runs; `gtec diff --format json` is stable.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, commit, demoRepo, edit, git, GTEC, gtec } from './helpers.js';

let repo: string;
const F = 'demo/diagnostic.gtec.yaml';

beforeAll(() => {
  buildCli();
  repo = demoRepo();
  writeFileSync(path.join(repo, '.gitattributes'), '*.gtec.yaml diff=gtec\n');
  git(repo, 'config', 'diff.gtec.textconv', `"${process.execPath}" "${GTEC}" diff --textconv`);
  commit(repo, 'pilote de diff');
  // FA4 loses its fin-cc share (40 000 € → 15 000 €).
  edit(repo, F, '      - { financement: fin-cc, montant: 25000 }\n', '');
  commit(repo, 'FA4 sans le fonds local');
}, 120_000);

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('git diff driver', () => {
  it('the digest of one version: families, métiers, passerelles, budget', () => {
    const r = gtec(['diff', '--textconv', F], repo);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# gtec : résumé sémantique de demo\/diagnostic\.gtec\.yaml\n/);
    expect(r.out).toContain('en-crise (4) : H2402, H2403, H2409, H2410');
    expect(r.out).toMatch(/\nH2402 Couturier industriel \/ Couturière industrielle de l'habillement \| en-crise,fragile \| effectif 292 \| tcam −7\u202f%\/an/);
    expect(r.out).toContain('fiche FA4 Promotion des métiers en tension | 15\u202f000 € | H2913, F1603, G1602, N4101, J1506');
    expect(gtec(['diff', '--textconv', F], repo).out).toBe(r.out);
  });

  it('git diff HEAD~1 HEAD shows the change of the digest, not of the YAML', () => {
    const d = git(repo, 'diff', 'HEAD~1', 'HEAD', '--', F);
    expect(d).toContain('-fiche FA4 Promotion des métiers en tension | 40\u202f000 € | H2913, F1603, G1602, N4101, J1506');
    expect(d).toContain('+fiche FA4 Promotion des métiers en tension | 15\u202f000 € | H2913, F1603, G1602, N4101, J1506');
    expect(d).toContain('-budget total : 720\u202f000 €');
    expect(d).toContain('+budget total : 695\u202f000 €');
    expect(d).not.toContain('financement: fin-cc');
  });

  it('a temporary copy named as git names it: data read beside the working tree’s file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gtec-tc-'));
    const copie = path.join(dir, 'Ab12Cd_diagnostic.gtec.yaml');
    writeFileSync(copie, readFileSync(path.join(repo, F)));
    const r = gtec(['diff', '--textconv', copie], repo);
    rmSync(dir, { recursive: true, force: true });
    expect(r.out).toMatch(/^# gtec : résumé sémantique de demo\/diagnostic\.gtec\.yaml\n# données lues dans demo\/\n/);
    expect(r.out).toContain('en-crise (4) : H2402, H2403, H2409, H2410');
  });
});

describe('deterministic outputs', () => {
  it('gtec diagnostic: JSON, HTML and xlsx byte-identical across two runs', () => {
    const sorties = [1, 2].map(() => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gtec-det-'));
      const r = gtec(['diagnostic', path.join(repo, F), '--sortie', dir], repo);
      expect(r.code).toBe(0);
      const f = ['diagnostic.json', 'rapport.html', 'diagnostic.xlsx'].map((n) => readFileSync(path.join(dir, n)));
      rmSync(dir, { recursive: true, force: true });
      return f;
    });
    for (let i = 0; i < 3; i++) expect(Buffer.compare(sorties[0]![i]!, sorties[1]![i]!)).toBe(0);
  });

  it('gtec diff --format json and markdown: the same bytes twice', () => {
    const a = gtec(['diff', 'HEAD~2', 'HEAD', '--format', 'json'], repo).out;
    expect(gtec(['diff', 'HEAD~2', 'HEAD', '--format', 'json'], repo).out).toBe(a);
    expect(JSON.parse(a)[0].plan.fiches).toEqual([{ id: 'FA4', titre: 'Promotion des métiers en tension', type: 'financement-perdu', lignesPerdues: ['fin-cc'], budget: { avant: 40000, apres: 15000 } }]);
    const m = gtec(['diff', 'HEAD~2', 'HEAD', '--format', 'markdown'], repo).out;
    expect(gtec(['diff', 'HEAD~2', 'HEAD', '--format', 'markdown'], repo).out).toBe(m);
  });
});
