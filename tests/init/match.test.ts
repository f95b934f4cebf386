import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchTerritoire, nomNormalise, resolveTerritoire } from '../../core/init/match.js';
import { readTerritoiresBmo } from '../../core/init/read-files.js';
import { territoiresFromRows } from '../../core/init/territoires.js';
import { bmoWorkbook, ENTETES_BMO, LIGNES_TERRITOIRES } from './workbook.js';

const rows = LIGNES_TERRITOIRES.map((t) => ({ cells: ['2024', 'D1X33', 'Soudeurs', 'I', 'x', ...t, '1', '1', '1'] }));
const territoires = territoiresFromRows(ENTETES_BMO, rows);
const code = (m: ReturnType<typeof matchTerritoire>) => (m.kind === 'unique' ? m.territoire.code : m.kind);

describe('territories of a BMO workbook', () => {
  it('lists bassins, départements and régions from the rows, each with its région', () => {
    expect(territoires.annee).toBe(2024);
    expect(territoires.bassins.map((b) => b.code)).toEqual(['2824', '5224', '5225', '5230', '7520', '7539', '7548']);
    expect(territoires.regions.map((r) => `${r.code} ${r.nom}`)).toEqual(['28 Normandie', '52 Pays de la Loire', '75 Nouvelle-Aquitaine']);
    expect(territoires.departements.find((d) => d.code === '44')).toMatchObject({ nom: 'Loire-Atlantique', region: { code: '52', nom: 'Pays de la Loire' } });
    expect(territoires.bassins.find((b) => b.code === '7539')).toMatchObject({ departements: ['64', '40'], region: { code: '75' } });
  });

  it('reads them from a workbook laid out like the official one', async () => {
    const lu = await readTerritoiresBmo(await bmoWorkbook(), 'bmo.xlsx');
    expect(lu.problems).toEqual([]);
    expect(lu.territoires?.bassins.length).toBe(7);
  });
});

describe('forgiving match of a territory name', () => {
  it('folds accents, case, hyphens, apostrophes and « st »', () => {
    expect(nomNormalise("St-Jean d'Angély")).toBe('saint jean d angely');
    expect(nomNormalise('  SAINT   NAZAIRE ')).toBe('saint nazaire');
    expect(nomNormalise('Ste-Foy')).toBe('sainte foy');
  });

  it.each([
    ['saint nazaire', '5225'],
    ['Saint-Nazaire', '5225'],
    ['st nazaire', '5225'],
    ['SAINT NAZAIRE', '5225'],
    ['5225', '5225'],
    ['nazaire', '5225'],
    ['st naz', '5225'],
    ['saint yrieix', '7548'],
    ["saint jean d'angely", '7520'],
    ['pays basque', '7539'],
  ])('%s → %s', (saisie, attendu) => {
    expect(code(matchTerritoire(saisie, territoires.bassins))).toBe(attendu);
  });

  it('a code wins, with or without its leading zeros', () => {
    const deps = territoiresFromRows(ENTETES_BMO, [{ cells: ['2024', 'x', 'x', 'x', 'x', '84', 'ARA', '01', 'Ain', '8401', 'BOURG'] }]).departements;
    expect(code(matchTerritoire('1', deps))).toBe('01');
    expect(code(matchTerritoire('ain', deps))).toBe('01');
  });

  it('several matches are listed with their codes, nothing chosen (GTEC-E502)', () => {
    const m = matchTerritoire('saint', territoires.bassins);
    expect(m.kind).toBe('plusieurs');
    const r = resolveTerritoire('saint', 'bassin', territoires.bassins, 'bmo.xlsx');
    expect(r.territoire).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E502']);
    expect(r.problems[0]!.message.fr).toContain('5225 SAINT NAZAIRE');
    expect(r.problems[0]!.message.fr).toContain('2824 SAINT LO COUTANCES');
    expect(r.problems[0]!.message.en).toContain('matches 4 BMO employment areas');
  });

  it('an unknown name gives the closest names (GTEC-E501)', () => {
    const r = resolveTerritoire('saint nazere', 'bassin', territoires.bassins, 'bmo.xlsx');
    expect(r.problems.map((p) => p.code)).toEqual(['GTEC-E501']);
    expect(r.problems[0]!.data?.suggestions).toEqual(['5225 SAINT NAZAIRE']);
    expect(resolveTerritoire('zzzz', 'region', territoires.regions, 'bmo.xlsx').problems[0]!.message.fr).toMatch(/^Aucune région « zzzz »/);
  });
});

const classeur = path.resolve(__dirname, '../../../shared/data/bmo-officiel/Base_open_data_BMO_2024.xlsx');
const reel = existsSync(classeur) && process.env.GTEC_REAL_DATA !== '0';
if (!existsSync(classeur)) console.warn(`données réelles absentes : ${classeur} — test sur le classeur BMO réel ignoré`);

describe.runIf(reel)('the official BMO 2024 workbook', () => {
  it('has 406 bassins, 102 départements and 18 régions; « saint nazaire » is 5225 in région 52', async () => {
    const lu = await readTerritoiresBmo(new Uint8Array(readFileSync(classeur)), 'Base_open_data_BMO_2024.xlsx');
    const t = lu.territoires!;
    expect([t.bassins.length, t.departements.length, t.regions.length, t.annee]).toEqual([406, 102, 18, 2024]);
    const sn = matchTerritoire('saint nazaire', t.bassins);
    expect(sn.kind === 'unique' && sn.territoire).toMatchObject({ code: '5225', region: { code: '52' } });
    expect(code(matchTerritoire('loire atlantique', t.departements))).toBe('44');
    expect(code(matchTerritoire('pays de la loire', t.regions))).toBe('52');
    expect(code(matchTerritoire('provence alpes cote d azur', t.regions))).toBe('93');
  }, 60_000);
});
