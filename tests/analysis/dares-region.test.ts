/**
 * The DARES Portrait files in small, end to end (tests/problems/scenario-dares.ts): regional
 * employment and specificity, national evolution flagged as national, ages brought up from FAP 225
 * to FAP 87, and the fragile métier they make.
 */
import { describe, expect, it } from 'vitest';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { DARES_YAML, daresHost, daresRun } from '../problems/scenario-dares.js';

describe('région sur les fichiers DARES (petits fichiers)', () => {
  it('emploi régional 2017, spécificité contre la France, TCAM national signalé', async () => {
    const { result } = await daresRun();
    const a0z = result!.metiers.find((m) => m.indicateurs.code === 'A0Z')!;
    expect(a0z.indicateurs.effectifFin).toMatchObject({ valeur: 42923.81, annee: 2017, source: 'region' });
    // IS = (42 923,81 / (42 923,81 + 20 000,5 + 9 000)) / ((9 719,05 + 42 923,81) / all rows of both regions)
    const eZ = 42923.81 + 20000.5 + 9000;
    const eR = eZ + 9719.05 + 60000 + 12000;
    expect(a0z.indicateurs.indiceSpecificite!.valeur).toBeCloseTo(42923.81 / eZ / ((9719.05 + 42923.81) / eR), 10);
    // National series 2013-2017 (thousands → persons), flagged national; no reference TCAM.
    expect(a0z.indicateurs.tcam).toMatchObject({ nationale: true, anneeDebut: 2013, annee: 2017 });
    expect(a0z.indicateurs.tcam!.valeur).toBeCloseTo((400250 / 440200) ** (1 / 4) - 1, 10);
    expect(a0z.indicateurs.tcamReference).toBeUndefined();
    // Total employment: the regional source's own rows (3 FAP 87 codes of région 52), and France's.
    expect(result!.emploi).toMatchObject({ source: 'region', nomenclature: 'fap2009', codes: 3, annee: 2017 });
    expect(result!.emploi!.territoire.valeur).toBeCloseTo(eZ, 6);
    expect(result!.emploi!.reference!.valeur).toBeCloseTo(eR, 6);
  });

  it('âges : A0Z40 et A0Z41 additionnés dans la famille A0Z, la période 2013-2015 (2014) est la dernière avant la fin 2017', async () => {
    const { result, problems } = await daresRun();
    const a0z = result!.metiers.find((m) => m.indicateurs.code === 'A0Z')!;
    const t = a0z.indicateurs.ages!.tranches;
    expect(a0z.indicateurs.ages!.part55Plus.annee).toBe(2014);
    expect(t[0]).toEqual({ tranche: '15-24 ans', effectif: 7000 });
    expect(a0z.indicateurs.ages!.part55Plus).toMatchObject({ nationale: true });
    const i430 = problems.find((p) => p.code === 'GTEC-I430' && p.data?.source === 'ages');
    expect(i430?.data).toMatchObject({ source: 'ages', ramenes: 5, familles: 3 });
    expect(problems.filter((p) => p.code === 'GTEC-I431').map((p) => p.data?.source)).toEqual(['national', 'ages']);
  });

  it('famille fragile : emploi national en baisse et indice de renouvellement < 1, « série nationale » dans l’explication', async () => {
    const { result } = await daresRun();
    expect(result!.familles.fragile).toEqual(['A0Z']);
    const a0z = result!.metiers.find((m) => m.indicateurs.code === 'A0Z')!;
    const baisse = a0z.explications.find((e) => e.regle === 'tcam-baisse')!;
    expect(baisse).toMatchObject({ nationale: true, source: 'national' });
    expect(JSON.stringify(baisse.texte)).toContain('série nationale (France entière)');
  });

  it('l’ordre des sources n’y fait rien : la série nationale déclarée d’abord ne masque pas l’emploi régional', async () => {
    const lignes = DARES_YAML.split('\n');
    const i = lignes.findIndex((l) => l.includes('id: region'));
    const inverse = [...lignes.slice(0, i), lignes[i + 1]!, lignes[i]!, ...lignes.slice(i + 2)].join('\n');
    const { result } = await runDiagnostic(inverse, { fileName: 'dares.gtec.yaml', host: daresHost() });
    const a0z = result!.metiers.find((m) => m.indicateurs.code === 'A0Z')!;
    expect(a0z.indicateurs.effectifFin).toMatchObject({ valeur: 42923.81, source: 'region' });
    expect(a0z.indicateurs.tcam).toMatchObject({ nationale: true, source: 'national' });
  });
});
