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
 * computed straight from the CSV files: every ROME 4 fiche whose parent v3 code has class ≥ 4 in
 * bassin 9333 is en tension (a published class is the publisher's verdict), and no other fiche
 * is (the file gives only one of the three components of the composite score, which needs two).
 */
describe.skipIf(!present)('real data: tension classes of bassin 9333 (2020), ROME v3 → ROME 4', () => {
  const yaml = `
gtec: 1
titre: Bassin 9333, tension 2020
territoire: { nom: Bassin 9333, type: bassin-bmo, codes: ['9333'], reference: { nom: la France, type: france } }
periode: { debut: 2019, fin: 2020 }
referentiel: { type: rome-officiel, chemin: rome-officiel/v460 }
sources:
  - { id: tension, type: tension, chemin: bmo/ft_tension_rome_v3_bassin_2020.csv, preset: tension-ft-rome-bassin, nomenclature: rome3, producteur: France Travail }
`;
  const csv = (f: string) => parse(readFileSync(path.join(data, f)), { columns: true, bom: true }) as Array<Record<string, string>>;

  it('classes each fiche by its parent code, flags the copies, explains with source and year', async () => {
    const out = await runDiagnostic(yaml, { fileName: 'b.gtec.yaml', host: nodeFileHost(data) });
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(out.problems.map((p) => p.code)).toContain('GTEC-I402');
    const r = out.result!;

    const enTensionV3 = new Set(
      csv('bmo/ft_tension_rome_v3_bassin_2020.csv')
        .filter((x) => x.code_bassin_2019 === '9333' && Number(x.classe_tension) >= 4)
        .map((x) => x.code_rome_v3),
    );
    const fiches = csv('rome-officiel/v460/unix_referentiel_code_rome_v460_utf8.csv');
    const enfants = new Map<string, number>();
    for (const f of fiches) enfants.set(f.code_rome_parent!, (enfants.get(f.code_rome_parent!) ?? 0) + 1);
    const attendus = fiches
      .filter((f) => enTensionV3.has(f.code_rome_parent!))
      .map((f) => f.code_rome!)
      .sort();
    expect(attendus.length).toBeGreaterThan(0);
    expect(r.familles['en-tension']).toEqual(attendus);

    for (const x of r.metiers) {
      if (!attendus.includes(x.indicateurs.code)) expect(x.explications.filter((e) => e.famille === 'en-tension')).toEqual([]);
    }
    const m = r.metiers.find((x) => x.indicateurs.code === attendus[0])!;
    const e = m.explications.find((x) => x.indicateur === 'classe_tension')!;
    expect(e).toMatchObject({ source: 'tension', producteur: 'France Travail', annee: 2020, comparaison: '>=', seuil: 4 });
    // Counts copied from a v3 code with several ROME 4 fiches are flagged; a single child's are not.
    for (const x of r.metiers.filter((y) => y.indicateurs.tension?.offres)) {
      const parent = fiches.find((f) => f.code_rome === x.indicateurs.code)!.code_rome_parent!;
      expect(x.indicateurs.tension!.offres!.approximatif === true).toBe(enfants.get(parent)! > 1);
    }
  });
});
