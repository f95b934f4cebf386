import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { nodeFileHost } from '../../node-host/file-host.js';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';

const data = path.resolve(__dirname, '../..', '../shared/data');
const present = existsSync(path.join(data, 'bmo/ft_tension_rome_v3_bassin_2020.csv')) && existsSync(path.join(data, 'rome-officiel/v460'));
if (!present) console.warn('données réelles absentes : ../shared/data — test ignoré');

/*
 * France Travail's tension classes by ROME v3 × bassin (2020) for bassin 9333, against the whole
 * of France, analysed in ROME 4.0 through the official export's `code_rome_parent`. Expected,
 * computed straight from the CSV files: every ROME 4 fiche whose parent v3 cell in bassin 9333 has
 * class ≥ 4 on at least 30 offers and 30 job seekers (the publication rule) is en tension, decided
 * once on the v3 cell and shown on each fiche with its origin; no other fiche is. The file gives
 * one of the three components of the composite score, which needs two: GTEC-I417 says so.
 */
describe.skipIf(!present)('real data: tension classes of bassin 9333 (2020), ROME v3 → ROME 4', () => {
  const yaml = (regles = '') => `
gtec: 1
titre: Bassin 9333, tension 2020
territoire: { nom: Bassin 9333, type: bassin-bmo, codes: ['9333'], reference: { nom: la France, type: france } }
periode: { debut: 2019, fin: 2020 }
referentiel: { type: rome-officiel, chemin: rome-officiel/v460 }
sources:
  - { id: tension, type: tension, chemin: bmo/ft_tension_rome_v3_bassin_2020.csv, preset: tension-ft-rome-bassin, nomenclature: rome3, producteur: France Travail }
${regles}`;
  const csv = (f: string) => parse(readFileSync(path.join(data, f)), { columns: true, bom: true }) as Array<Record<string, string>>;
  const lignes = csv('bmo/ft_tension_rome_v3_bassin_2020.csv');
  const fiches = csv('rome-officiel/v460/unix_referentiel_code_rome_v460_utf8.csv');
  const enfants = new Map<string, number>();
  for (const f of fiches) enfants.set(f.code_rome_parent!, (enfants.get(f.code_rome_parent!) ?? 0) + 1);
  const parent = new Map(fiches.map((f) => [f.code_rome!, f.code_rome_parent!]));

  it('classes each fiche by its parent cell under the publication rule, counts cells, explains with origin, source and year', async () => {
    const out = await runDiagnostic(yaml(), { fileName: 'b.gtec.yaml', host: nodeFileHost(data) });
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(out.problems.map((p) => p.code)).toContain('GTEC-I402');
    const r = out.result!;

    const bassin = lignes.filter((x) => x.code_bassin_2019 === '9333');
    const classe4 = bassin.filter((x) => Number(x.classe_tension) >= 4);
    const enTensionV3 = new Set(classe4.filter((x) => Number(x.offres_emploi) >= 30 && Number(x.demandeurs_abc) >= 30).map((x) => x.code_rome_v3));
    // The rule leaves out most class 4-5 cells of the bassin (they rest on fewer than 30 offers or job seekers).
    expect(enTensionV3.size).toBeGreaterThan(0);
    expect(enTensionV3.size).toBeLessThan(classe4.length);
    const attendus = fiches
      .filter((f) => enTensionV3.has(f.code_rome_parent!))
      .map((f) => f.code_rome!)
      .sort();
    expect(r.familles['en-tension']).toEqual(attendus);
    const v3Couverts = new Set(attendus.map((c) => parent.get(c)!));
    if (attendus.length > v3Couverts.size) {
      expect(r.cellulesFamilles?.['en-tension']).toEqual({ cellules: v3Couverts.size, metiers: attendus.length, nomenclature: 'rome3' });
    }

    for (const x of r.metiers) {
      if (!attendus.includes(x.indicateurs.code)) expect(x.explications.filter((e) => e.famille === 'en-tension')).toEqual([]);
    }
    // A class 4-5 cell on too few offers or job seekers: shown, not significant, no verdict.
    const petite = classe4.find((x) => Number(x.offres_emploi) < 30 || Number(x.demandeurs_abc) < 30)!;
    const fichePetite = fiches.find((f) => f.code_rome_parent === petite.code_rome_v3)!.code_rome!;
    expect(r.metiers.find((x) => x.indicateurs.code === fichePetite)!.indicateurs.tension!.classe).toMatchObject({ valeur: Number(petite.classe_tension), significatif: false });

    const code = attendus.find((c) => enfants.get(parent.get(c)!)! > 1) ?? attendus[0]!;
    const v3 = bassin.find((x) => x.code_rome_v3 === parent.get(code))!;
    const m = r.metiers.find((x) => x.indicateurs.code === code)!;
    const e = m.explications.find((x) => x.indicateur === 'classe_tension')!;
    expect(e).toMatchObject({ source: 'tension', producteur: 'France Travail', annee: 2020, comparaison: '>=', seuil: 4, offres: Number(v3.offres_emploi), demandeurs: Number(v3.demandeurs_abc) });
    if (enfants.get(v3.code_rome_v3!)! > 1) {
      expect(e.origine).toEqual({ nomenclature: 'rome3', codes: [v3.code_rome_v3], fiches: enfants.get(v3.code_rome_v3!) });
      expect(e.texte.fr).toContain(`(via ROME v3 ${v3.code_rome_v3}, ${enfants.get(v3.code_rome_v3!)} fiches)`);
    }
    // Counts copied from a v3 code with several ROME 4 fiches are flagged; a single child's are not.
    for (const x of r.metiers.filter((y) => y.indicateurs.tension?.offres)) {
      expect(x.indicateurs.tension!.offres!.approximatif === true).toBe(enfants.get(parent.get(x.indicateurs.code)!)! > 1);
    }
    // One component of three: no composite score, and the info problem names the missing ones.
    expect(r.metiers.some((x) => x.indicateurs.tension?.scoreComposite)).toBe(false);
    const i417 = out.problems.find((p) => p.code === 'GTEC-I417')!;
    expect(i417.data).toEqual({ source: 'tension', presentes: ['ratioOffresDemandeurs'], manquantes: ['ecoulement', 'partDifficiles'], minimum: 2 });
  }, 60_000);

  it('computes the composite on the file when one component is allowed: the O/D z-score on the national v3 cells', async () => {
    const out = await runDiagnostic(yaml('regles: { tension: { composantes_minimum: 1 } }'), { fileName: 'b.gtec.yaml', host: nodeFileHost(data) });
    expect(out.problems.map((p) => p.code)).not.toContain('GTEC-I417');
    const r = out.result!;
    // Independent computation: O/D of each ROME v3 code over France (offers and job seekers summed
    // over the bassins), significant when both ≥ 30; mean and population sd over those cells.
    const national = new Map<string, { o: number; d: number }>();
    for (const x of lignes) {
      const t = national.get(x.code_rome_v3!) ?? { o: 0, d: 0 };
      t.o += Number(x.offres_emploi);
      t.d += Number(x.demandeurs_abc);
      national.set(x.code_rome_v3!, t);
    }
    const ref = [...national.values()].filter((t) => t.o >= 30 && t.d >= 30).map((t) => t.o / t.d);
    const moyenne = ref.reduce((a, b) => a + b, 0) / ref.length;
    const sd = Math.sqrt(ref.reduce((a, b) => a + (b - moyenne) ** 2, 0) / ref.length);
    const scores = r.metiers.filter((x) => x.indicateurs.tension?.scoreComposite);
    expect(scores.length).toBeGreaterThan(100);
    for (const x of scores.slice(0, 20)) {
      const v3 = lignes.find((l) => l.code_bassin_2019 === '9333' && l.code_rome_v3 === parent.get(x.indicateurs.code))!;
      const z = (Number(v3.offres_emploi) / Number(v3.demandeurs_abc) - moyenne) / sd;
      expect(x.indicateurs.tension!.scoreComposite!.valeur).toBeCloseTo(z, 9);
      expect(x.indicateurs.tension!.poids).toEqual({ ratioOffresDemandeurs: 1 });
    }
  }, 60_000);
});
