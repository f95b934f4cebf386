/**
 * The functions on the real public data of one bassin (Grenoble, code 8412): France Travail's
 * tension file by ROME v3 × bassin (2020) and the BMO 2024 projects, through the built bundle as
 * Excel calls it. Skips with a message when ../shared/data is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRomeOfficiel } from '../../core/referentiel/rome-officiel.js';
import { memoryHost } from '../../core/host.js';
import { readNomenclatureFiles } from '../../core/data/nomenclatures.js';
import { activateNomenclaturesInRuntime, activateReferentielInRuntime, chargerRuntime, construireAddin, ErreurExcel, type Runtime } from './sandbox.js';

const DATA = path.resolve(__dirname, '../../../shared/data');
const TENSION = path.join(DATA, 'bmo/ft_tension_rome_v3_bassin_2020.csv');
const BMO = path.join(DATA, 'bmo/bmo_2024_projets.csv');
const ROME = path.join(DATA, 'rome-officiel/v460');
const CORRESPONDANCES = path.join(DATA, 'correspondances');
const BASSINS = path.join(DATA, 'bmo/bmo_2024_bassins.csv');
const present = existsSync(TENSION) && existsSync(BMO) && existsSync(ROME) && existsSync(CORRESPONDANCES) && existsSync(BASSINS);
if (!present) console.warn('données réelles absentes : ../shared/data (tension France Travail, BMO, ROME, correspondances) — test Grenoble ignoré');

/** Rows of a plain comma-separated file with a header (these files quote no field with a comma in the columns used). */
function csv(f: string): Array<Record<string, string>> {
  const [tete, ...lignes] = readFileSync(f, 'utf8').trim().split('\n');
  const cles = tete!.split(',');
  return lignes.map((l) => {
    const champs: string[] = [];
    let cur = '';
    let q = false;
    for (const ch of l) {
      if (ch === '"') q = !q;
      else if (ch === ',' && !q) champs.push(cur), (cur = '');
      else cur += ch;
    }
    champs.push(cur);
    return Object.fromEntries(cles.map((k, i) => [k, champs[i] ?? '']));
  });
}

describe.skipIf(!present || process.env.GTEC_REAL_DATA === '0')('bassin de Grenoble (8412), données publiques réelles', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = chargerRuntime(await construireAddin());
    const fichiers = Object.fromEntries(readdirSync(ROME).map((n) => [n, new Uint8Array(readFileSync(path.join(ROME, n)))]));
    await activateReferentielInRuntime(rt, (await loadRomeOfficiel(memoryHost(fichiers), '', '')).referential);
  }, 120_000);

  it('TENSION sur les 213 lignes France Travail : un score pour chacune, la règle des 30 dite, classes relatives', () => {
    const lignes = csv(TENSION).filter((r) => r.code_bassin_2019 === '8412');
    expect(lignes.length).toBe(213);
    const r = rt.calculer(
      'TENSION',
      lignes.map((l) => [Number(l.offres_emploi)]),
      lignes.map((l) => [Number(l.demandeurs_abc)]),
      null,
      null,
    ) as unknown[][];
    expect(r.length).toBe(214);
    const corps = r.slice(1);
    expect(corps.filter((l) => typeof l[0] === 'number').length).toBe(213);
    expect(corps.filter((l) => l[2] === 'significatif').length).toBe(lignes.filter((l) => Number(l.offres_emploi) >= 30 && Number(l.demandeurs_abc) >= 30).length);
    const classes = corps.map((l) => l[1] as number);
    const repartition = [1, 2, 3, 4, 5].map((k) => classes.filter((c) => c === k).length);
    expect(repartition.reduce((a, b) => a + b, 0)).toBe(213);
    // Rows without any offer tie at the lowest score: they share class 1.
    expect(repartition[0]).toBeGreaterThanOrEqual(lignes.filter((l) => l.offres_emploi === '0').length);
    // The official class is France Travail's own: the relative class agrees with it more often than not (±1).
    const proches = corps.filter((l, i) => Math.abs((l[1] as number) - Number(lignes[i]!.classe_tension)) <= 1).length;
    console.info(
      `Grenoble TENSION : classes 1-5 ${repartition.join('/')} ; ${corps.filter((l) => l[2] === 'significatif').length} lignes significatives sur 213 ; base « ${corps[0]![3]} » ; classe relative à ±1 de la classe officielle : ${proches}/213 ; ` +
        `exemple ${lignes[0]!.code_rome_v3} (${lignes[0]!.offres_emploi} offres, ${lignes[0]!.demandeurs_abc} demandeurs) → score ${(corps[0]![0] as number).toFixed(3)}, classe ${corps[0]![1]}, officielle ${lignes[0]!.classe_tension}`,
    );
  });

  it('BMO.PARTS sur les lignes BMO 2024 du bassin : « * » en minorants', () => {
    const lignes = csv(BMO).filter((r) => r.code_bassin === '8412');
    const cellule = (v: string, m: string) => (m === '1' ? '*' : v === '' ? '' : Number(v));
    const r = rt.calculer(
      'BMO.PARTS',
      lignes.map((l) => [cellule(l.projets_recrutement!, l.masque_recrutement!)]),
      lignes.map((l) => [cellule(l.projets_difficiles!, l.masque_difficiles!)]),
      lignes.map((l) => [cellule(l.projets_saisonniers!, l.masque_saisonniers!)]),
    ) as unknown[][];
    const publies = (k: string) => lignes.reduce((s, l) => s + (l[k] === '' ? 0 : Number(l[k])), 0);
    const masques = lignes.filter((l) => l.masque_recrutement === '1').length + lignes.filter((l) => l.masque_difficiles === '1').length + lignes.filter((l) => l.masque_saisonniers === '1').length;
    expect(r[1]!.slice(0, 3)).toEqual([publies('projets_recrutement'), publies('projets_difficiles'), publies('projets_saisonniers')]);
    expect(r[1]![5]).toContain(`${masques} cellules masquées`);
    console.info(`Grenoble BMO.PARTS : ${lignes.length} lignes ; ${JSON.stringify(r[1])}`);
  });

  it('ROME.V3.VERS.4 sur les codes ROME v3 du fichier de tension : des enfants ROME 4.0 pour (presque) tous', () => {
    const codes = [
      ...new Set(
        csv(TENSION)
          .filter((r) => r.code_bassin_2019 === '8412')
          .map((l) => l.code_rome_v3!),
      ),
    ];
    const avec = codes.filter((c) => !(rt.calculer('ROME.V3.VERS.4', [[c]]) instanceof ErreurExcel));
    const d1106 = rt.calculer('ROME.V3.VERS.4', [['D1106']]) as string[][];
    console.info(
      `Grenoble ROME.V3.VERS.4 : ${avec.length}/${codes.length} codes v3 avec des fiches 4.0 ; D1106 → ${d1106
        .slice(1)
        .map((l) => l.join(' '))
        .join(' | ')}`,
    );
    expect(avec.length / codes.length).toBeGreaterThan(0.9);
    expect(d1106.length - 1).toBeGreaterThanOrEqual(3);
  });

  it('nomenclatures publiques réelles : libellés FAP 2021 et bassin des lignes BMO de Grenoble, FAP 2009 → ROME', async () => {
    const lire = (f: string) => new Uint8Array(readFileSync(f));
    const { nomenclatures, inconnus, problems } = await readNomenclatureFiles({
      'fap2009_nomenclature.csv': lire(path.join(CORRESPONDANCES, 'fap2009_nomenclature.csv')),
      'fap2021_nomenclature.csv': lire(path.join(CORRESPONDANCES, 'fap2021_nomenclature.csv')),
      'fap2009_rome_v3.csv': lire(path.join(CORRESPONDANCES, 'fap2009_rome_v3.csv')),
      'bmo_2024_bassins.csv': lire(BASSINS),
    });
    expect(inconnus).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    await activateNomenclaturesInRuntime(rt, nomenclatures);
    const lignes = csv(BMO).filter((r) => r.code_bassin === '8412');
    const codes = lignes.map((l) => [l.code_metier_bmo!]);
    const libelles = rt.calculer('FAP.2021.LIBELLE', codes) as unknown[][];
    // Every BMO métier code of the bassin has its FAP 2021 label.
    expect(libelles.filter((l) => typeof l[0] === 'string' && l[0] !== '').length).toBe(lignes.length);
    expect(rt.calculer('BMO.BASSIN.LIBELLE', [['8412']])).toEqual([['GRENOBLE']]);
    expect(rt.calculer('FAP.2009.LIBELLE', [['R1Z60']])).toEqual([[expect.any(String)]]);
    const rome = rt.calculer('FAP.2009.VERS.ROME', [['R1Z60']]) as unknown[][];
    expect(rome[0]).toEqual(['Code FAP 2009', 'Code ROME v3', 'Libellé ROME v3', 'Code ROME 4.0', 'Libellé ROME 4.0']);
    expect(rome.length).toBeGreaterThan(1);
    const bassin = (rt.calculer('BMO.BASSIN.LIBELLE', [['8412']]) as string[][])[0]![0];
    console.info(
      `Grenoble nomenclatures : ${lignes.length} lignes BMO du bassin 8412 (${bassin}), toutes avec un libellé FAP 2021 ; par exemple\n` +
        lignes
          .slice(0, 5)
          .map((l, i) => `  ${l.code_bassin} ${bassin} | ${l.code_metier_bmo} ${libelles[i]![0]} | projets ${l.masque_recrutement === '1' ? '*' : l.projets_recrutement}`)
          .join('\n') +
        `\nFAP.2009.VERS.ROME("R1Z60") : ${rome
          .slice(1)
          .map((l) => `${l[1]} → ${typeof l[3] === 'string' ? `${l[3]} ${l[4]}` : '#N/A'}`)
          .join(' | ')}`,
    );
  });
});
