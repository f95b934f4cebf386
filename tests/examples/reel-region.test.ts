/**
 * examples/reel-region on the real public files (../shared/data; skipped with a message when it
 * is absent): Pays de la Loire on FAP 2009, mapped to ROME 4.0 for the passerelles. Its figures
 * are checked against an independent reading of the CSV (input_carte1.csv parsed here).
 * Its `$donnees/…` paths are read from ../shared/data, as `--donnees ../shared/data` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import type { DiagnosticResult } from '../../core/analysis/result.js';
import type { FileHost } from '../../core/host.js';
import type { Problem } from '../../core/problems.js';
import { nodeFileHost } from '../../node-host/file-host.js';

const racine = path.resolve(__dirname, '../..');
const donnees = path.resolve(racine, '../shared/data');
const present = existsSync(donnees) && process.env.GTEC_REAL_DATA !== '0';
if (!present) console.warn(`tests/examples/reel-region : ${donnees} absent (ou GTEC_REAL_DATA=0), tests sur données réelles ignorés.`);
const dossier = path.join(racine, 'examples/reel-region');

/** The example's folder, with `$donnees/…` read from ../shared/data (as `--donnees ../shared/data`). */
function hostDonnees(): FileHost {
  return nodeFileHost(dossier, donnees);
}

/** Independent reading of the regional employment file: région → sum of emp_fap_reg, and its codes. */
function emploiRegional(): Map<string, { total: number; codes: Set<string> }> {
  const lignes = readFileSync(path.join(donnees, 'dares-portrait/input_carte1.csv'), 'latin1').split(/\r?\n/).slice(1);
  const out = new Map<string, { total: number; codes: Set<string> }>();
  for (const l of lignes) {
    if (!l.trim()) continue;
    const [reg, fap, emp] = l.split(',').map((c) => c.replace(/"/g, ''));
    let e = out.get(reg!);
    if (!e) out.set(reg!, (e = { total: 0, codes: new Set() }));
    e.total += Number(emp);
    e.codes.add(fap!);
  }
  return out;
}

describe.skipIf(!present)('exemple reel-region (Pays de la Loire, FAP 2009 → ROME 4.0)', () => {
  let r: DiagnosticResult;
  let problems: Problem[];
  beforeAll(async () => {
    const texte = readFileSync(path.join(dossier, 'region-fap.gtec.yaml'), 'utf8');
    const out = await runDiagnostic(texte, { fileName: 'region-fap.gtec.yaml', host: hostDonnees(), today: '2026-09-01' });
    problems = out.problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    r = out.result!;
  }, 300_000);

  it('emploi régional 2017 = somme des lignes de la région 52 du fichier, France = somme de toutes les régions', () => {
    const lu = emploiRegional();
    const france = [...lu.values()].reduce((s, e) => s + e.total, 0);
    expect(r.emploi).toMatchObject({ source: 'emploi-region-2017', annee: 2017, codes: lu.get('52')!.codes.size });
    expect(r.emploi!.territoire.valeur).toBeCloseTo(lu.get('52')!.total, 2);
    expect(r.emploi!.reference!.valeur).toBeCloseTo(france, 2);
  });

  it('des métiers fragiles, décidés sur des familles FAP 87 et montrés avec leur origine', () => {
    expect(r.familles.fragile.length).toBeGreaterThan(0);
    expect(r.cellulesFamilles?.fragile).toMatchObject({ nomenclature: 'fap2009' });
    expect(r.cellulesFamilles!.fragile!.cellules).toBeGreaterThan(0);
    const m = r.metiers.find((x) => x.familles.includes('fragile'))!;
    const baisse = m.explications.find((e) => e.regle === 'tcam-baisse')!;
    expect(baisse).toMatchObject({ nationale: true, source: 'emploi-national', origine: { nomenclature: 'fap2009' } });
  });

  it('des passerelles fragile → porteur avec des écarts de compétences', () => {
    expect(r.passerelles.length).toBeGreaterThan(0);
    const avecEcart = r.passerelles.filter((p) => p.ecart.length > 0);
    expect(avecEcart.length).toBeGreaterThan(0);
    for (const p of r.passerelles) {
      expect(r.familles.fragile).toContain(p.source);
      expect(r.familles.porteur).toContain(p.cible);
      // cibles_hors_depart: a fragile métier is no target, even when it is also porteur.
      expect(r.familles.fragile).not.toContain(p.cible);
    }
  });

  it('BMO 2024 de la région à côté, sans entrer dans les verdicts ; chaque étape de nomenclature dite', () => {
    expect(r.bmo?.territoire.projets.valeur).toBeGreaterThan(0);
    expect(r.bmo?.reference?.projets.valeur).toBe(2751069);
    expect(problems.some((p) => p.code === 'GTEC-W401' && p.data?.source === 'bmo-2024')).toBe(true);
    expect(r.metiers.some((m) => m.indicateurs.bmo)).toBe(false);
    const i430 = problems.find((p) => p.code === 'GTEC-I430' && p.data?.source === 'ages-national');
    expect(i430?.data).toMatchObject({ niveau: 'fap87' });
    expect(problems.filter((p) => p.code === 'GTEC-I431').map((p) => p.data?.source)).toEqual(['emploi-national', 'ages-national']);
  });
});
