/**
 * `gtec diff` end to end on real git repositories built in temporary folders: several commits of
 * the demo that change data (a métier's employment falls), definitions (a new fiche, a removed
 * financing line, an indicator measured again), rename a data file, change the format version and
 * replace the diagnostic by a binary file.
 */
import { rmSync, writeFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, commit, demoRepo, edit, git, gtec } from './helpers.js';

let repo: string;
const F = 'demo/diagnostic.gtec.yaml';

const FA7 = `  - id: FA7
    titre: Tutorat des régleurs sur machines 5 axes
    objectifs: [Former 4 tuteurs régleurs]
    metiers: [H2903]
    financements:
      - { financement: fin-region, montant: 12000 }
    indicateurs: [IND-satisfaction]

`;

beforeAll(() => {
  buildCli();
  repo = demoRepo();
  git(repo, 'tag', 'v1');
  // v2: H2903's employment falls from 130 (2019) to 95 (2024); a new fiche FA7; the financing line
  // fin-cc is removed (FA4 loses its share); IND-parcours reaches its target; a second diagnostic.
  edit(repo, 'demo/data/effectifs.csv', /(H2903;[^;\r\n]+;9901;2023;)128/, '$1110');
  edit(repo, 'demo/data/effectifs.csv', /(H2903;[^;\r\n]+;9901;2024;)127/, '$195');
  edit(repo, F, '# ── Évaluation', FA7 + '# ── Évaluation');
  edit(repo, F, / {2}- id: fin-cc\n( {4}.*\n){5}/, '');
  edit(repo, F, '      - { financement: fin-cc, montant: 25000 }\n', '');
  edit(repo, F, 'valeur: 52', 'valeur: 80');
  cpSync(path.join(repo, F), path.join(repo, 'demo/copie.gtec.yaml'));
  commit(repo, 'effectifs 2024, fiche FA7, fin du fonds local');
  git(repo, 'tag', 'v2');
  // v3: the BMO file renamed without updating the diagnostic.
  git(repo, 'mv', 'demo/data/bmo.csv', 'demo/data/bmo-2024.csv');
  commit(repo, 'renomme bmo.csv');
  git(repo, 'tag', 'v3');
  // v4: another format version.
  edit(repo, F, /^gtec: 1/m, 'gtec: 2');
  commit(repo, 'format 2');
  git(repo, 'tag', 'v4');
  // v5: a binary file in place of the diagnostic.
  writeFileSync(path.join(repo, F), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe]));
  commit(repo, 'binaire');
  git(repo, 'tag', 'v5');
}, 120_000);

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('gtec diff on git revisions', () => {
  it('summarises families, passerelles, plan, budget, evaluation and data changes in French', () => {
    const r = gtec(['diff', 'v1', 'v2', '--', F], repo);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = r.out;
    expect(out).toContain('Diagnostic demo/diagnostic.gtec.yaml : v1 → v2');
    // TCAM before: (127/130)^(1/5) − 1 = −0,47 %/an; after: (95/130)^(1/5) − 1 = −6,08 %/an.
    expect(out).toContain('+ H2903 Tourneur-fraiseur / Tourneuse-fraiseuse entre en « En crise » : TCAM −0,5\u202f%/an → −6,1\u202f%/an (seuil ≤ −2\u202f%/an)');
    expect(out).toMatch(/\+ H2903 Tourneur-fraiseur \/ Tourneuse-fraiseuse entre en « Fragile » : famille absent → En crise/);
    expect(out).toMatch(/\+ nouvelle : H2903 → \S+ /);
    expect(out).toContain('+ fiche ajoutée FA7 « Tutorat des régleurs sur machines 5 axes » (budget 12\u202f000\u202f€)');
    // FA4 had fin-cc 25 000 + fin-region 15 000 = 40 000; now 15 000.
    expect(out).toContain('! la fiche FA4 « Promotion des métiers en tension » a perdu du financement (ligne fin-cc) : budget 40\u202f000\u202f€ → 15\u202f000\u202f€');
    expect(out).toContain('Financeur Communauté de communes du Valdorne : 25\u202f000\u202f€ → —');
    // Région: 90 000 + 110 000 + 15 000 + 30 000 = 245 000, plus FA7's 12 000 = 257 000.
    expect(out).toContain('Financeur Conseil régional (fictif) : 245\u202f000\u202f€ → 257\u202f000\u202f€');
    // Total: 720 000 − 25 000 + 12 000 = 707 000.
    expect(out).toContain('Budget total : 720\u202f000\u202f€ → 707\u202f000\u202f€ (−13\u202f000\u202f€)');
    // IND-parcours: 52/80 = 65 % → 80/80 = 100 %.
    expect(out).toContain('~ IND-parcours Personnes entrées en parcours de reconversion : avancement 65\u202f% → 100\u202f% (en cours → atteint)');
    expect(out).toContain('effectifs : fichier de données modifié (data/effectifs.csv)');
  });

  it('markdown for a pull request, English, and stable JSON', () => {
    const md = gtec(['diff', 'v1', 'v2', '--format', 'markdown', '--', F], repo).out;
    expect(md).toMatch(/^### Diagnostic `demo\/diagnostic.gtec.yaml` : `v1` → `v2`/);
    expect(md).toContain('- + `H2903` Tourneur-fraiseur / Tourneuse-fraiseuse entre en « En crise »');
    const en = gtec(['--lang', 'en', 'diff', 'v1', 'v2', '--', F], repo).out;
    expect(en).toContain('+ H2903 Tourneur-fraiseur / Tourneuse-fraiseuse enters "Declining": CAGR -0.5%/yr → -6.1%/yr (threshold ≤ -2%/yr)');
    expect(en).toContain('! action sheet FA4 "Promotion des métiers en tension" lost funding (line fin-cc): budget 40,000 € → 15,000 €');
    const j1 = gtec(['diff', 'v1', 'v2', '--format', 'json', '--', F], repo).out;
    const j2 = gtec(['diff', 'v1', 'v2', '--format', 'json', '--', F], repo).out;
    expect(j1).toBe(j2);
    const [d] = JSON.parse(j1);
    expect(d.familles).toContainEqual(expect.objectContaining({ famille: 'en-crise', sens: 'entree', code: 'H2903', indicateur: 'tcam', comparaison: '<=', seuil: -0.02 }));
    expect(d.plan.fiches).toContainEqual(expect.objectContaining({ id: 'FA4', type: 'financement-perdu', lignesPerdues: ['fin-cc'], budget: { avant: 40000, apres: 15000 } }));
    expect(d.identique).toBe(false);
  });

  it('whole revisions: a diagnostic added in the new one is said absent from the old one', () => {
    const r = gtec(['diff', 'v1', 'v2'], repo);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Diagnostic demo/copie.gtec.yaml : v1 → v2');
    expect(r.out).toContain('demo/copie.gtec.yaml est absent de v1 : le diagnostic y est ajouté.');
    expect(r.out).toContain('Diagnostic demo/diagnostic.gtec.yaml : v1 → v2');
  });

  it('a renamed data file: a note, the missing-file problem, and the rest of the diff', () => {
    const r = gtec(['diff', 'v2', 'v3', '--', F], repo);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Fichier de données renommé dans v3 : data/bmo.csv → data/bmo-2024.csv. Le diagnostic doit citer le nouveau nom.');
    expect(r.out).toMatch(/\+ nouveau erreur GTEC-E\d+ .*data\/bmo\.csv/);
    // Without BMO, the commis de cuisine (in tension by its share of difficult projects) leaves the family.
    expect(r.out).toContain('− G1602 Commis / Commise de cuisine sort de « En tension » : part de projets difficiles 57,8\u202f% → absent');
  });

  it('a format version change and a binary file: a clear note each, no stack trace', () => {
    const v = gtec(['diff', 'v3', 'v4', '--', F], repo);
    expect(v.code).toBe(0);
    expect(v.out).toContain('Version du format changée : gtec: 1 → gtec: 2.');
    expect(v.out).toContain('a des erreurs bloquantes : le diagnostic n’a pas pu y être calculé, seuls ses problèmes sont comparés.');
    expect(v.out).not.toContain('Familles de métiers');
    const b = gtec(['diff', 'v4', 'v5', '--', F], repo);
    expect(b.code).toBe(0);
    expect(b.out).toContain('demo/diagnostic.gtec.yaml (v5) est un fichier binaire, pas un diagnostic YAML ou JSON : cette version n’est pas analysée.');
    expect(b.err).toBe('');
  });

  it('unknown revision or path: exit 2 and one French sentence', () => {
    const r = gtec(['diff', 'v1', 'nulle-part', '--', F], repo);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gtec : révision inconnue « nulle-part » : ni un chemin existant, ni une révision du dépôt .*\n$/);
    expect(r.out).toBe('');
  });

  it('no revision: HEAD against the working tree; identical versions say so', () => {
    git(repo, 'checkout', '-q', 'v2', '--', 'demo');
    const r = gtec(['diff', 'v2', '--', F], repo);
    expect(r.out).toContain('Diagnostic demo/diagnostic.gtec.yaml : v2 → copie de travail');
    expect(r.out).toContain('Aucun changement de diagnostic.');
    git(repo, 'checkout', '-q', 'HEAD', '--', 'demo');
    git(repo, 'clean', '-fdq', 'demo');
  });
});

describe('gtec diff on two files', () => {
  it('compares two paths on disk', () => {
    const r = gtec(['diff', path.join(repo, 'demo/copie.gtec.yaml'), path.join(repo, 'demo/copie.gtec.yaml')], repo);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Aucun changement de diagnostic.');
  });
});
