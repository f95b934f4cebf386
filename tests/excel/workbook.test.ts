/**
 * The workbook writer (excel-addin/src/taskpane/workbook.ts) against the fake Office
 * (tests/excel/fake-office): the fake's own batch semantics first, then no data loss on both
 * collisions of issue 11 §4, write-then-swap, request limits, text formats before values.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { memoryHost } from '../../core/host.js';
import { tablesOfDiagnostic, type Tableau } from '../../excel-addin/src/taskpane/tables.js';
import { blocs, writeTables } from '../../excel-addin/src/taskpane/workbook.js';
import { fauxOffice, LIMITE_CELLULES, LIMITE_OCTETS, OfficeExtensionError } from './fake-office/excel.js';
import { ClasseurModele } from './fake-office/model.js';

const DEMO = path.resolve(__dirname, '../../examples/demo');
function fichiers(dossier: string, prefixe = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const n of readdirSync(dossier)) {
    const p = path.join(dossier, n);
    if (statSync(p).isDirectory()) Object.assign(out, fichiers(p, `${prefixe}${n}/`));
    else out[`${prefixe}${n}`] = new Uint8Array(readFileSync(p));
  }
  return out;
}
async function tablesDemo(lang: 'fr' | 'en'): Promise<Tableau[]> {
  const texte = readFileSync(path.join(DEMO, 'diagnostic.gtec.yaml'), 'utf8');
  const { result } = await runDiagnostic(texte, { fileName: 'diagnostic.gtec.yaml', host: memoryHost(fichiers(DEMO)), today: '2026-01-01' });
  return tablesOfDiagnostic(result!, lang);
}

let office: ReturnType<typeof fauxOffice>;
let classeur: ClasseurModele;
const g = globalThis as Record<string, unknown>;
function installer(feuilles: ConstructorParameters<typeof ClasseurModele>[0] = []) {
  classeur = new ClasseurModele(feuilles);
  office = fauxOffice(classeur);
  g.Excel = office.Excel;
}
beforeEach(() => installer());
afterEach(() => delete g.Excel);

const oui = async () => true;
const petit = (feuille: string, table: string, lignes: Tableau['lignes'], formats: string[] = ['@', '0']): Tableau => ({ feuille, table, entetes: ['code', 'n'], formats, lignes });

describe('l’imitation d’Office elle-même', () => {
  it('les opérations attendent sync() ; au premier échec le lot s’arrête avec une OfficeExtension.Error', async () => {
    await expect(
      office.excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('A');
        expect(classeur.feuilles).toEqual([]); // queued, not applied
        ctx.workbook.worksheets.add('a'); // same name, other case
        ctx.workbook.worksheets.add('B'); // after the failure: never runs
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ name: 'OfficeExtension.Error', code: 'ItemAlreadyExists', debugInfo: { errorLocation: 'WorksheetCollection.add' } });
    expect(classeur.feuilles.map((f) => f.name)).toEqual(['A']);
  });

  it('getItem et getItemOrNullObject ignorent la casse ; une propriété non chargée est refusée', async () => {
    installer(['GTEC BMO']);
    await office.excel.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('gtec bmo');
      expect(() => f.name).toThrow(OfficeExtensionError);
      f.load('name');
      const absent = ctx.workbook.worksheets.getItemOrNullObject('autre').load('name');
      await ctx.sync();
      expect(f.name).toBe('GTEC BMO');
      expect(absent.isNullObject).toBe(true);
    });
    await expect(office.excel.run(async (ctx) => (ctx.workbook.worksheets.getItem('inconnue'), ctx.sync()))).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('une requête au-delà de 5 Mo ou de 5 millions de cellules est refusée entière', async () => {
    await expect(
      office.excel.run(async (ctx) => {
        const f = ctx.workbook.worksheets.add('X');
        f.getRange('A1:A200000').values = Array.from({ length: 200_000 }, () => ['une valeur assez longue']);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(classeur.feuilles).toEqual([]);
    expect(LIMITE_OCTETS).toBe(5 * 1024 * 1024);
    expect(LIMITE_CELLULES).toBe(5_000_000);
  });

  it('une chaîne commençant par = devient une formule, « 01 » un nombre, sauf au format texte', async () => {
    await office.excel.run(async (ctx) => {
      const f = ctx.workbook.worksheets.add('X');
      f.getRange('A1:B1').numberFormat = [['@', 'General']];
      f.getRange('A1:B2').values = [
        ['01', '01'],
        ['=1+1', "'=1+1"],
      ];
      await ctx.sync();
    });
    expect(classeur.valeurs('X')).toEqual([
      ['01', 1],
      ['#NAME?', '=1+1'],
    ]);
    expect(classeur.formules()).toEqual([{ feuille: 'X', cellule: '2,1', formule: '=1+1' }]);
  });
});

describe('écriture des tableaux sans perte', () => {
  it('repro §4a : une feuille « gtec bmo » (autre casse) est signalée, puis remplacée seulement une fois le nouveau contenu écrit', async () => {
    installer([{ name: 'gtec bmo', tables: ['Ancienne'] }]);
    let demande: string[] = [];
    const ecrites = await writeTables([petit('GTEC BMO', 'GTEC_BMO', [['A0X40', 3]])], async (n) => ((demande = n), true));
    expect(demande).toEqual(['gtec bmo']);
    expect(ecrites).toEqual(['GTEC BMO']);
    expect(classeur.feuilles.map((f) => f.name)).toEqual(['GTEC BMO']);
    const ops = office.excel.journal.map((o) => o.op);
    // Write, then swap: the old sheet goes only after the new values are in.
    expect(ops.lastIndexOf('values')).toBeLessThan(ops.indexOf('deleteSheet'));
    expect(classeur.valeurs('GTEC BMO')).toEqual([
      ['code', 'n'],
      ['A0X40', 3],
    ]);
  });

  it('repro §4a, « Annuler » : rien n’est écrit', async () => {
    installer(['gtec bmo']);
    expect(await writeTables([petit('GTEC BMO', 'GTEC_BMO', [['A', 1]])], async () => false)).toBeUndefined();
    expect(office.excel.journal).toEqual([]);
  });

  it('repro §4b : démo en français, puis en anglais et « Remplacer » : aucune feuille perdue, tables renommées sans conflit', async () => {
    const fr = await tablesDemo('fr');
    const en = await tablesDemo('en');
    await writeTables(fr, oui);
    let demande: string[] = [];
    const ecrites = await writeTables(en, async (n) => ((demande = n), true));
    expect(ecrites).toEqual(en.map((t) => t.feuille));
    // Only the sheet named alike in both languages is replaced…
    const communes = fr.map((t) => t.feuille).filter((n) => en.some((t) => t.feuille.toLowerCase() === n.toLowerCase()));
    expect(demande).toEqual(communes);
    // …every other French sheet is still there with its table, beside every English one.
    const noms = classeur.feuilles.map((f) => f.name);
    for (const t of [...fr.filter((t) => !communes.includes(t.feuille)), ...en]) expect(noms).toContain(t.feuille);
    for (const t of en) expect(classeur.valeurs(t.feuille)[0]).toEqual(t.entetes);
    const nomsTables = classeur.feuilles.flatMap((f) => f.tables.map((t) => t.name.toLowerCase()));
    expect(new Set(nomsTables).size).toBe(nomsTables.length);
    expect(nomsTables).toContain('gtec_indicateurs_2');
    expect(nomsTables.filter((n) => n.startsWith('gtec_tmp'))).toEqual([]);
  });

  it('un échec pendant l’écriture laisse l’ancienne feuille intacte et retire les feuilles temporaires', async () => {
    await writeTables([petit('GTEC X', 'GTEC_X', [['A', 1]])], oui);
    await expect(writeTables([petit('GTEC X', 'GTEC_X', [['B', Number.NaN]])], oui)).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(classeur.feuilles.map((f) => f.name)).toEqual(['GTEC X']);
    expect(classeur.valeurs('GTEC X')).toEqual([
      ['code', 'n'],
      ['A', 1],
    ]);
  });

  it('formats texte avant valeurs : « 01 » reste « 01 », aucune formule créée, texte non numérique neutralisé', async () => {
    await writeTables(
      [
        petit(
          'T',
          'T',
          [
            ['01', '=HYPERLINK("x")'],
            ['=1+1', 2],
            ['+33', '-x'],
          ],
          ['@', '0'],
        ),
      ],
      oui,
    );
    expect(classeur.valeurs('T')).toEqual([
      ['code', 'n'],
      ['01', '=HYPERLINK("x")'],
      ['=1+1', 2],
      ['+33', '-x'],
    ]);
    expect(classeur.formules()).toEqual([]);
  });

  it('un grand tableau est écrit en blocs : aucune requête au-delà des limites d’Excel sur le web', async () => {
    const lignes = Array.from({ length: 60_000 }, (_, i) => [`M${i}`, 'Libellé de métier assez long pour peser', i, i * 2, i * 3, '84', '38', 'Bassin de Grenoble']);
    const t: Tableau = { feuille: 'Grand', table: 'Grand', entetes: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], formats: ['@', '@', '0', '0', '0', '@', '@', '@'], lignes };
    expect(blocs(lignes, 8).length).toBeGreaterThan(1);
    const progres: number[] = [];
    await writeTables([t], oui, { progres: (f) => progres.push(f) });
    expect(office.excel.stats.maxOctets).toBeLessThan(LIMITE_OCTETS);
    expect(office.excel.stats.maxCellules).toBeLessThan(LIMITE_CELLULES);
    expect(progres.at(-1)).toBe(60_000);
    expect(classeur.valeurs('Grand').length).toBe(60_001);
    expect(classeur.valeurs('Grand')[60_000]).toEqual(lignes[59_999]);
  });

  it('annuler entre deux blocs : rien n’est remplacé, les feuilles temporaires sont retirées', async () => {
    installer(['Grand']);
    const lignes = Array.from({ length: 30_000 }, (_, i) => [`M${i}`, i]);
    const arret = new AbortController();
    const r = await writeTables([petit('Grand', 'Grand', lignes)], oui, { budget: { octets: 100_000, cellules: 1_000_000 }, progres: (f) => f > 5_000 && arret.abort(), signal: arret.signal });
    expect(r).toBeUndefined();
    expect(classeur.feuilles.map((f) => f.name)).toEqual(['Grand']);
  });
});
