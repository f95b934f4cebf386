/**
 * The custom functions through Excel's registration path: the BUILT bundle runs in a sandbox that
 * provides CustomFunctions like Excel's runtime (tests/excel/sandbox.ts); calls use Excel-shaped
 * arguments (2D arrays, empty cells "" and null, numbers typed as text with a decimal comma).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as facade from '../../excel-addin/src/functions/functions.js';
import { createPasserelleEngine } from '../../core/passerelles/engine.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import { loadRomeOfficiel } from '../../core/referentiel/rome-officiel.js';
import { memoryHost } from '../../core/host.js';
import {
  activateNomenclaturesInRuntime,
  activateReferentielInRuntime,
  attachRemoteEngineInRuntime,
  declareWorkbookNomenclaturesInRuntime,
  declareWorkbookReferentielInRuntime,
  chargerRuntime,
  construireAddin,
  ErreurExcel,
  type Metadonnees,
  type Runtime,
} from './sandbox.js';
import { readNomenclatureFiles } from '../../core/data/nomenclatures.js';

let dist: string;
let rt: Runtime;
beforeAll(async () => {
  dist = await construireAddin();
  rt = chargerRuntime(dist);
});

const erreur = (v: unknown) => (v instanceof ErreurExcel ? v : undefined);

describe('métadonnées générées et enregistrement', () => {
  it('chaque entrée de functions.json est associée par le bundle, et rien d’autre', () => {
    const ids = rt.metadonnees.functions.map((f) => f.id).sort();
    expect([...rt.associes.keys()].sort()).toEqual(ids);
    expect(ids).toEqual([
      'BMO.BASSIN.LIBELLE',
      'BMO.PARTS',
      'DEPARTS.FIN.CARRIERE',
      'ECART',
      'FAMILLES',
      'FAP.2009.LIBELLE',
      'FAP.2009.VERS.ROME',
      'FAP.2021.LIBELLE',
      'INDICE.SPECIFICITE',
      'LIBELLE',
      'PASSERELLES',
      'RECHERCHER',
      'REFERENTIEL',
      'ROME.4.VERS.V3',
      'ROME.V3.VERS.4',
      'SIMILARITE',
      'TCAM',
      'TENSION',
    ]);
  });

  it('les exports de functions.ts et les métadonnées générées concordent', async () => {
    const gen = await generateCustomFunctionsMetadata(path.resolve(__dirname, '../../excel-addin/src/functions/functions.ts'), false);
    expect(gen.errors).toEqual([]);
    const exportes = Object.entries(facade)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .sort();
    expect(gen.associate.map((a) => a.functionName).sort()).toEqual(exportes);
    // The built metadata is exactly what the generator gives for the current source, plus each function's helpUrl.
    const genere = JSON.parse(gen.metadataJson) as Metadonnees;
    expect(rt.metadonnees).toEqual({ ...genere, functions: genere.functions.map((f) => ({ ...f, helpUrl: `https://localhost:3000/aide.html#${f.id}` })) });
  });

  it('noms français par défaut, anglais dans functions.en.json ; aucune fonction volatile ; plages partout', () => {
    const en = JSON.parse(readFileSync(path.join(dist, 'functions.en.json'), 'utf8')) as Metadonnees;
    const noms = (m: Metadonnees) => Object.fromEntries(m.functions.map((f) => [f.id, f.name]));
    expect(noms(rt.metadonnees)).toMatchObject({ TCAM: 'TCAM', 'INDICE.SPECIFICITE': 'INDICE.SPECIFICITE', PASSERELLES: 'PASSERELLES', ECART: 'ECART' });
    expect(noms(en)).toEqual({
      TCAM: 'CAGR',
      'INDICE.SPECIFICITE': 'LOCATION.QUOTIENT',
      TENSION: 'TENSION',
      'DEPARTS.FIN.CARRIERE': 'RETIREMENTS',
      FAMILLES: 'FAMILIES',
      PASSERELLES: 'PATHWAYS',
      ECART: 'GAP',
      SIMILARITE: 'SIMILARITY',
      LIBELLE: 'LABEL',
      RECHERCHER: 'OCCUPATION.SEARCH',
      REFERENTIEL: 'REFERENTIAL',
      'BMO.PARTS': 'BMO.SHARES',
      'ROME.V3.VERS.4': 'ROME.V3.TO.4',
      'ROME.4.VERS.V3': 'ROME.4.TO.V3',
      'FAP.2009.LIBELLE': 'FAP.2009.LABEL',
      'FAP.2021.LIBELLE': 'FAP.2021.LABEL',
      'BMO.BASSIN.LIBELLE': 'BMO.AREA.LABEL',
      'FAP.2009.VERS.ROME': 'FAP.2009.TO.ROME',
    });
    // No English name is one of Excel's own functions, and parameter names are English.
    for (const f of en.functions) expect(['SEARCH', 'FIND', 'LOOKUP', 'RATE'], f.name).not.toContain(f.name);
    expect(en.functions.find((f) => f.id === 'TCAM')!.parameters.map((p) => p.name)).toEqual(['start_employment', 'end_employment', 'start_year', 'end_year']);
    for (const f of [...rt.metadonnees.functions, ...en.functions]) {
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.result?.dimensionality).toBe('matrix');
      for (const p of f.parameters) expect(p.dimensionality).toBe('matrix');
    }
    expect(en.functions.find((f) => f.id === 'PASSERELLES')!.parameters.map((p) => p.optional ?? false)).toEqual([false, true, true]);
  });
});

describe('indicateurs', () => {
  it('TCAM : valeurs, plages, cellules vides, texte à virgule décimale, erreurs', () => {
    // (150/200)^(1/6) − 1 = 0,75^(1/6) − 1 = −0,0468157
    expect(rt.calculer('TCAM', [[200]], [[150]], [[2015]], [[2021]])).toEqual([[expect.closeTo(-0.0468157, 6)]]);
    // (121/100)^(1/2) − 1 = 0,1 ; 200 → 200 = 0 ; ligne vide → cellule vide.
    expect(rt.calculer('TCAM', [[100], [200], ['']], [[121], [200], [5]], [[2019]], [[2021]])).toEqual([[expect.closeTo(0.1, 12)], [0], ['']]);
    expect(rt.calculer('TCAM', [['100']], [['121,0']], [['2019']], [[2021]])).toEqual([[expect.closeTo(0.1, 12)]]);
    expect(rt.calculer('TCAM', [['1 000']], [[null]], [[2019]], [[2021]])).toEqual([['']]);
    const abc = (rt.calculer('TCAM', [['abc']], [[1]], [[2019]], [[2021]]) as unknown[][])[0]![0];
    expect(erreur(abc)).toEqual(new ErreurExcel('#VALUE!', 'effectif_debut : « abc » n’est pas un nombre (attendu par exemple 12,5)'));
    // Start at 0: undefined, #NUM! (as Excel's RRI).
    expect(erreur((rt.calculer('TCAM', [[0]], [[10]], [[2019]], [[2021]]) as unknown[][])[0]![0])?.code).toBe('#NUM!');
    const tailles = erreur(rt.calculer('TCAM', [[1], [2]], [[1], [2], [3]], [[2019]], [[2021]]));
    expect(tailles?.code).toBe('#VALUE!');
    expect(tailles?.message).toContain('Plages de tailles incompatibles');
  });

  it('INDICE.SPECIFICITE : (50/1000)/(500/20000) = 2 ; dénominateur nul → #DIV/0!', () => {
    expect(rt.calculer('INDICE.SPECIFICITE', [[50]], [[1000]], [[500]], [[20000]])).toEqual([[2]]);
    expect(erreur((rt.calculer('INDICE.SPECIFICITE', [[50]], [[0]], [[500]], [[20000]]) as unknown[][])[0]![0])?.code).toBe('#DIV/0!');
  });

  it('TENSION : composite DARES sur les lignes, règle de publication dite, classe relative ou sur seuils donnés', () => {
    // O/D 1 ; 0,5 ; 1,5 → z 0 ; −1,2247 ; 1,2247. Parts 20 %, 40 %, 60 % → z −1,2247 ; 0 ; 1,2247.
    // Poids DARES 30/50 renormalisés sans écoulement (0,375 ; 0,625) : scores −0,7655 ; −0,4593 ; 1,2247 ;
    // classes 1, 3, 5 (quintiles −0,643 ; −0,521 ; −0,122 ; 0,551).
    const r = rt.calculer('TENSION', [[100], [50], ['150']], [[100], [100], [100]], [['20 %'], ['0,4'], [0.6]], null) as unknown[][];
    expect(r).toEqual([
      ['Score composite (DARES 30/20/50)', 'Classe relative (quintile des lignes)', 'Publication', 'Base du score'],
      [expect.closeTo(-0.765466, 5), 1, 'significatif', 'offres/demandeurs + part de projets difficiles ; z-scores sur les lignes d’au moins 30 offres et demandeurs'],
      [expect.closeTo(-0.459279, 5), 3, 'significatif', expect.any(String)],
      [expect.closeTo(1.224745, 5), 5, 'significatif', expect.any(String)],
    ]);
    // Official thresholds given: classes on that scale.
    const s = rt.calculer('TENSION', [[100], [50], ['150']], [[100], [100], [100]], [['20 %'], ['0,4'], [0.6]], null, [[-1], [-0.5], [0], [1]]) as unknown[][];
    expect(s.map((l) => l[1])).toEqual(['Classe (seuils donnés)', 2, 3, 5]);
    expect(erreur(rt.calculer('TENSION', [[1]], [[1]], null, null, [[1], [0]]))?.code).toBe('#VALUE!');
    // Small counts: every row below 30 is said non significant; z-scores then come from all rows.
    const petit = rt.calculer('TENSION', [[12], [6], [2]], [[3], [2], [1]]) as unknown[][];
    expect(petit[1]![2]).toBe('non significatif : moins de 30 offres ou demandeurs (règle de publication des 30)');
    expect(petit[1]![3]).toBe('offres/demandeurs ; z-scores sur toutes les lignes (moins de deux lignes d’au moins 30 offres et demandeurs)');
    expect(typeof petit[1]![0]).toBe('number');
    const seul = rt.calculer('TENSION', [[100]], [[100]], [[0.2]]) as unknown[][];
    expect(erreur(seul[1]![0])?.code).toBe('#N/A');
  });

  it('BMO.PARTS : « * » jamais lu comme 0, totaux minorants, parts sur la base publiée', () => {
    expect(rt.calculer('BMO.PARTS', [[120], ['*'], [40]], [[40], [3], ['*']], [['*'], [2], [10]])).toEqual([
      ['Projets', 'Projets difficiles', 'Projets saisonniers', 'Part difficiles', 'Part saisonniers', 'Note'],
      [160, 43, 12, expect.closeTo(43 / 160, 9), expect.closeTo(12 / 160, 9), 'au moins : 3 cellules masquées « * » (sommes des valeurs publiées, parts sur cette base)'],
    ]);
    expect((rt.calculer('BMO.PARTS', [[10]], [[2]], [[0]]) as unknown[][])[1]![5]).toBe('toutes les valeurs publiées ; non significatif : moins de 30 projets');
    expect((rt.calculer('BMO.PARTS', [['*']], [['*']], [['*']]) as unknown[][])[1]!.slice(0, 5)).toEqual(['', '', '', '', '']);
  });

  it('ROME.V3.VERS.4 et ROME.4.VERS.V3 (référentiel de démonstration)', () => {
    const r = rt.calculer('ROME.V3.VERS.4', [['D1106']]) as unknown[][];
    expect(r[0]).toEqual(['Code ROME 4.0', 'Libellé']);
    expect(r.slice(1).map((l) => l[0])).toContain('D1106');
    expect(rt.calculer('ROME.4.VERS.V3', [['D1106']])).toEqual([['D1106']]);
    expect(erreur(rt.calculer('ROME.V3.VERS.4', [['Z9999']]))?.code).toBe('#N/A');
  });

  it('DEPARTS.FIN.CARRIERE : 55+ entiers et moitié des 50-54 à 10 ans ; une ligne par métier', () => {
    const tranches = [['15-29', '30-49', '50-54', '55+']];
    // 60 (55+) + 0,5 × 40 (50-54) = 80.
    expect(rt.calculer('DEPARTS.FIN.CARRIERE', tranches, [[100, 200, 40, 60]])).toEqual([[80]]);
    // Horizon 5 : tous les 60 ans et plus = 60 × 10/15 = 40, plus 0,5 × (55-59 = 60 × 5/15 = 20) = 10 → 50.
    expect(rt.calculer('DEPARTS.FIN.CARRIERE', tranches, [[100, 200, 40, 60]], [[5]], null)).toEqual([[expect.closeTo(50, 9)]]);
    expect(
      rt.calculer('DEPARTS.FIN.CARRIERE', tranches, [
        [100, 200, 40, 60],
        [0, 0, 10, '10'],
        ['', '', '', ''],
      ]),
    ).toEqual([[80], [15], ['']]);
    const mauvaise = erreur(rt.calculer('DEPARTS.FIN.CARRIERE', [['jeunes', '55+']], [[1, 2]]));
    expect(mauvaise?.code).toBe('#VALUE!');
    expect(mauvaise?.message).toContain('Tranche d’âge « jeunes » non reconnue');
  });
});

describe('familles', () => {
  const plage = [
    ['Code', 'Effectif début', 'Effectif fin', 'Année début', 'Année fin', 'Classe tension', 'Stratégique'],
    ['A', 200, 150, 2015, 2021, '', ''],
    ['B', '', '', '', '', '5', 'non'],
    ['', '', '', '', '', '', ''],
  ];

  it('familles et raisons de chaque ligne, avec une ligne d’en-têtes', () => {
    const r = rt.calculer('FAMILLES', plage, null) as string[][];
    expect(r[0]).toEqual(['Familles', 'Raisons']);
    // TCAM −4,68 %/an ≤ −2 % sur 6 ans ≥ 5, effectif initial 200 ≥ 50 : en crise, donc fragile.
    expect(r[1]![0]).toBe('En crise, Fragile');
    expect(r[1]![1]).toMatch(/^TCAM 2015-2021 de −4,7\s%\/an ≤ −2\s%\/an/);
    expect(r[2]![0]).toBe('En tension, Porteur');
    expect(r[3]).toEqual(['', '']);
    // No family is an answer, with its reason: never a blank like missing data.
    const aucune = rt.calculer(
      'FAMILLES',
      [
        ['code', 'classe_tension'],
        ['C', 2],
      ],
      null,
    ) as string[][];
    expect(aucune[1]).toEqual(['aucune famille', 'aucune règle de famille n’est remplie avec les colonnes données (classe_tension)']);
  });

  it('seuils depuis une plage de deux colonnes ; seuil inconnu → #VALUE!', () => {
    const r = rt.calculer('FAMILLES', plage, [
      ['tension.classe_minimum', 6 - 1],
      ['crise.tcam_max', '-5 %'],
    ]) as string[][];
    // −4,68 % > −5 % : plus en crise avec ce seuil ; classe 5 ≥ 5 : toujours en tension.
    expect(r[1]![0]).toBe('aucune famille');
    expect(r[2]![0]).toBe('En tension, Porteur');
    const e = erreur(rt.calculer('FAMILLES', plage, [['crise.nimporte', 1]]));
    expect(e?.code).toBe('#VALUE!');
    expect(e?.message).toContain('clé inconnue');
  });

  it('aucune colonne reconnue → #VALUE! qui cite les en-têtes attendus', () => {
    const e = erreur(
      rt.calculer('FAMILLES', [
        ['x', 'y'],
        [1, 2],
      ]),
    );
    expect(e?.code).toBe('#VALUE!');
    expect(e?.message).toContain('Aucune colonne d’indicateur reconnue');
  });
});

describe('référentiel et passerelles (référentiel de démonstration intégré)', () => {
  const moteur = createPasserelleEngine(demoReferentiel());

  it('PASSERELLES : mêmes cibles, scores et écarts que le moteur du cœur', () => {
    const r = rt.calculer('PASSERELLES', [['h2913']], [['3']]) as unknown[][];
    const attendu = moteur.topK('H2913', 3).map((c, i) => {
      const p = moteur.passerelle('H2913', c.cible, i + 1)!;
      return [c.cible, p.cibleLibelle, c.score, p.ecart.length];
    });
    expect(r).toEqual(attendu);
    expect(r).toHaveLength(3);
    const parmi = rt.calculer('PASSERELLES', [['H2913']], null, [['H2909'], [''], ['H2206']]) as unknown[][];
    expect(parmi.map((l) => l[0]).sort()).toEqual(['H2206', 'H2909']);
  });

  it('code inconnu → #N/A avec un message en français et une suggestion', () => {
    const e = erreur(rt.calculer('PASSERELLES', [['H2931']]));
    expect(e?.code).toBe('#N/A');
    expect(e?.message).toMatch(/^Code métier inconnu « H2931 » dans Référentiel de démonstration GTEC.*vouliez-vous dire H2913/);
  });

  it('ECART : les compétences à acquérir, cœur de métier d’abord', () => {
    const r = rt.calculer('ECART', [['H2913']], [['H2909']]) as string[][];
    const p = moteur.passerelle('H2913', 'H2909', 1)!;
    expect(r.map((l) => l[0])).toEqual(p.ecart.map((e) => e.id));
    const coeur = r.map((l) => l[3] === 'cœur de métier');
    expect(coeur.indexOf(false)).toBeGreaterThan(0);
    expect(coeur.slice(coeur.indexOf(false))).not.toContain(true);
  });

  it('SIMILARITE : élément par élément ; même métier → #VALUE!', () => {
    const r = rt.calculer('SIMILARITE', [['H2913'], ['H2909']], [['H2902']]) as unknown[][];
    expect(r).toEqual([[moteur.score('H2913', 'H2902')], [moteur.score('H2909', 'H2902')]]);
    expect(erreur((rt.calculer('SIMILARITE', [['H2913']], [['H2913']]) as unknown[][])[0]![0])?.code).toBe('#VALUE!');
  });

  it('LIBELLE et RECHERCHER', () => {
    expect(rt.calculer('LIBELLE', [['H2913', '']])).toEqual([['Soudeur / Soudeuse', '']]);
    const r = rt.calculer('RECHERCHER', [['SOUDEUSE']], [[2]]) as string[][];
    expect(r[0]!.slice(0, 2)).toEqual(['H2913', 'Soudeur / Soudeuse']);
    expect(r).toHaveLength(2);
    expect(erreur(rt.calculer('RECHERCHER', [['zzzzqqq']]))?.message).toBe('Aucun métier trouvé pour « zzzzqqq »');
  });
});

describe('classeur reproductible : le référentiel enregistré dans le classeur, et aucun autre', () => {
  it('un classeur qui enregistre un référentiel absent de ce poste : #N/A qui le nomme, jamais un autre', async () => {
    const r = chargerRuntime(dist);
    expect(r.calculer('REFERENTIEL')).toEqual([
      ['Référentiel', 'Version', 'Source', 'Fiches', 'Classeur'],
      [demoReferentiel().label, demoReferentiel().version, 'demo', demoReferentiel().metiers.length, expect.stringMatching(/^non enregistré/)],
    ]);
    const avant = r.calculer('PASSERELLES', [['H2913']]);
    await declareWorkbookReferentielInRuntime(r, { nom: 'ROME 4.0 v60 (25M09)', version: '60', source: 'rome-officiel' });
    for (const [id, args] of [
      ['LIBELLE', [[['H2913']]]],
      ['PASSERELLES', [[['H2913']]]],
      ['ECART', [[['H2913']], [['H2902']]]],
      ['SIMILARITE', [[['H2913']], [['H2902']]]],
      ['RECHERCHER', [[['soudeur']]]],
      ['REFERENTIEL', []],
    ] as const) {
      const e = erreur(r.calculer(id, ...args));
      expect(e?.code, id).toBe('#N/A');
      expect(e?.message, id).toBe(
        `Ce classeur utilise le référentiel « ROME 4.0 v60 (25M09) » (version 60, rome-officiel), qui n’est pas chargé sur ce poste (actif : « ${demoReferentiel().label} » (version ${demoReferentiel().version}, demo)). Chargez-le dans le volet GTEC pour recalculer ; aucun autre n’est utilisé à sa place.`,
      );
    }
    // Arithmetic that needs no referential is unaffected.
    expect(r.calculer('TCAM', [[100]], [[121]], [[2020]], [[2022]])).toEqual([[expect.closeTo(0.1, 9)]]);
    await declareWorkbookReferentielInRuntime(r, { nom: demoReferentiel().label, version: demoReferentiel().version, source: 'demo' });
    expect(r.calculer('PASSERELLES', [['H2913']])).toEqual(avant);
    expect((r.calculer('REFERENTIEL') as unknown[][])[1]![4]).toBe('enregistré dans le classeur');
  });
});

describe('robustesse, langue et cache', () => {
  it('aucune exception JavaScript, quels que soient les arguments', () => {
    const bizarres: unknown[] = [undefined, null, '', [[]], [['']], [[null]], [[true]], [[Number.NaN]], [[1e308 * 10]], [['x'.repeat(5000)]], [[1, 2], [3]], 'H2913', 7];
    for (const f of rt.metadonnees.functions) {
      for (const b of bizarres) {
        const args = f.parameters.map(() => b);
        expect(() => rt.calculer(f.id, ...args), `${f.id}(${JSON.stringify(b)})`).not.toThrow();
      }
    }
  });

  it('messages et en-têtes en anglais quand Excel est en anglais', () => {
    const en = chargerRuntime(dist, { displayLanguage: 'en-US' });
    expect(erreur((en.calculer('LIBELLE', [['X0000']]) as unknown[][])[0]![0])?.message).toMatch(/^Unknown occupation code "X0000"/);
    expect(
      en.calculer('FAMILLES', [
        ['code', 'classe_tension'],
        ['B', 5],
      ]) as string[][],
    ).toEqual([
      ['Families', 'Reasons'],
      ['Hard to recruit, Promising', expect.stringContaining('Official tension class 5 ≥ 4')],
    ]);
  });

  it('le cache rend le même résultat et compte les appels servis', () => {
    const c = chargerRuntime(dist);
    const a = c.calculer('PASSERELLES', [['H2913']]);
    const b = c.calculer('PASSERELLES', [['H2913']]);
    expect(b).toEqual(a);
    const stats = (c.contexte as { __GTEC_CACHE__: { succes: number; echecs: number } }).__GTEC_CACHE__;
    expect([stats.echecs, stats.succes]).toEqual([1, 1]);
  });

  it('le cache est borné : LRU par taille estimée, clés hachées, grands résultats non gardés', () => {
    const c = chargerRuntime(dist);
    c.calculer('LIBELLE', [['H2913']]);
    const etat = (c.contexte as { __GTEC_CACHE__: { reglages: { octets: number }; entrees: Map<string, unknown>; octets: number; evictions: number; succes: number } }).__GTEC_CACHE__;
    etat.reglages.octets = 20_000;
    for (let i = 0; i < 500; i++) c.calculer('TCAM', [[100 + i]], [[121]], [[2020]], [[2022]]);
    expect(etat.octets).toBeLessThanOrEqual(20_000);
    expect(etat.evictions).toBeGreaterThan(0);
    // The most recent entries stay; keys are short hashes, never the arguments themselves.
    const avant = etat.succes;
    c.calculer('TCAM', [[599]], [[121]], [[2020]], [[2022]]);
    expect(etat.succes).toBe(avant + 1);
    for (const k of etat.entrees.keys()) expect(k.length).toBeLessThan(200);
    // A whole-column argument: computed, its result (over an eighth of the budget) not kept.
    const colonne = Array.from({ length: 100_000 }, (_, i) => [100 + i]);
    const n = etat.entrees.size;
    expect((c.calculer('TCAM', colonne, colonne, [[2020]], [[2022]]) as unknown[][]).length).toBe(100_000);
    expect(etat.entrees.size).toBe(n);
  });
});

const ROME = path.resolve(__dirname, '../../../shared/data/rome-officiel/v460');
if (!existsSync(ROME)) console.warn('données réelles absentes : ../shared/data/rome-officiel — fonctions sur le ROME officiel non testées');

// Left out of the fast loop (`npm run test:unit` sets GTEC_REAL_DATA=0).
describe.skipIf(!existsSync(ROME) || process.env.GTEC_REAL_DATA === '0')('fonctions sur l’export ROME officiel (données réelles), activé par un autre bundle du même runtime', () => {
  it('LIBELLE, RECHERCHER, PASSERELLES et le cache suivent le référentiel actif', async () => {
    const fichiers = Object.fromEntries(readdirSync(ROME).map((n) => [n, new Uint8Array(readFileSync(path.join(ROME, n)))]));
    const { referential } = await loadRomeOfficiel(memoryHost(fichiers), '', '');
    const r = chargerRuntime(dist);
    // Demo referential first: K2111 is not one of its 40 fiches; the answer is cached.
    expect(erreur((r.calculer('LIBELLE', [['K2111']]) as unknown[][])[0]![0])?.code).toBe('#N/A');
    await activateReferentielInRuntime(r, referential);
    // Same arguments, another referential: another cache key, the new answer.
    expect(r.calculer('LIBELLE', [['K2111']])).toEqual([['Formateur / Formatrice']]);
    expect((r.calculer('RECHERCHER', [['développeuse informatique']], [[1]]) as string[][])[0]![0]).toBe('M1805');
    const moteur = createPasserelleEngine(referential!);
    const p = r.calculer('PASSERELLES', [['H2913']], [[3]]) as unknown[][];
    expect(p.map((l) => l[0])).toEqual(moteur.topK('H2913', 3).map((c) => c.cible));
    expect(p.map((l) => l[3])).toEqual(moteur.topK('H2913', 3).map((c) => moteur.passerelle('H2913', c.cible, 1)!.ecart.length));
  });
});

describe('moteur de passerelles construit ailleurs (Web Worker du volet)', () => {
  it('PASSERELLES, ECART et SIMILARITE interrogent ce moteur (promesse), avec les mêmes résultats que sur place ; gardés en cache une fois là', async () => {
    const local = chargerRuntime(dist);
    const attendu = {
      p: local.calculer('PASSERELLES', [['H2913']], [[3]], null),
      e: local.calculer('ECART', [['H2913']], [['H2902']]),
      s: local.calculer('SIMILARITE', [['H2913'], ['H2913']], [['H2902'], ['']]),
    };
    const rt2 = chargerRuntime(dist);
    const compte = await attachRemoteEngineInRuntime(rt2);
    const p = rt2.calculer('PASSERELLES', [['H2913']], [[3]], null);
    // The shared runtime's thread does not build the engine: the answer comes later.
    expect(p).toBeInstanceOf(Promise);
    expect(await p).toEqual(attendu.p);
    expect(await rt2.calculer('ECART', [['H2913']], [['H2902']])).toEqual(attendu.e);
    expect(await rt2.calculer('SIMILARITE', [['H2913'], ['H2913']], [['H2902'], ['']])).toEqual(attendu.s);
    expect(compte.questions).toBe(3);
    // Recalculation: from the cache, at once.
    expect(rt2.calculer('PASSERELLES', [['H2913']], [[3]], null)).toEqual(attendu.p);
    expect(compte.questions).toBe(3);
    // Argument errors never wait for the engine.
    expect(erreur(rt2.calculer('PASSERELLES', [['H2931']], null, null))?.code).toBe('#N/A');
  });

  it('construction annulée dans le volet : #N/A qui le dit, jamais une exception ni un fil bloqué', async () => {
    const rt2 = chargerRuntime(dist);
    await attachRemoteEngineInRuntime(rt2, true);
    const e = erreur(await rt2.calculer('PASSERELLES', [['H2913']], null, null));
    expect(e).toEqual(new ErreurExcel('#N/A', 'Le moteur de passerelles n’a pas été construit : sa construction a été annulée dans le volet GTEC. Choisissez de nouveau le référentiel dans le volet pour recalculer.'));
  });
});

describe('nomenclatures publiques (FAP 2009, FAP 2021 / BMO, bassins, FAP 2009 → ROME)', () => {
  // Files in the publishers' formats (headers of the DARES and France Travail files), a few rows each.
  const octets = (t: string) => new TextEncoder().encode(t);
  const fichiers = {
    'fap2009_nomenclature.csv': octets(
      'code_fap_225,intitule_fap_225,code_fap_87,intitule_fap_87,code_domaine_22,intitule_domaine_22\nR1Z60,Employés de libre service,R1Z,Vendeurs,R,Commerce\nG0A40,Ouvriers non qualifiés du gros œuvre du bâtiment,G0A,Ouvriers du gros œuvre,G,"Bâtiment, travaux publics"\n',
    ),
    'fap2021_nomenclature.csv': octets(
      'code_fap_341,intitule_fap_341,code_fap_228,intitule_fap_228,code_fap_86,intitule_fap_86,code_fap_22,intitule_fap_22\nS1X20a,Aides de cuisine,S1X20,Aides de cuisine et employés polyvalents de la restauration,S1X,Cuisiniers,S,Hôtellerie\nG0A40a,Maçons,G0A40,Ouvriers qualifiés du gros œuvre,G0A,Gros œuvre,G,Bâtiment\n',
    ),
    'bmo_2024_bassins.csv': octets('code_bassin,code_departement,libelle_bassin,libelle_departement,code_region,libelle_region\n8412,38,GRENOBLE,Isère,84,Auvergne-Rhône-Alpes\n0101,01,BASSIN ZÉRO,Ain,84,Auvergne-Rhône-Alpes\n'),
    'fap2009_rome_v3.csv': octets('code_fap2009,code_rome_v3,libelle_rome_v3\nR1Z60,D1106,Vente en alimentation\nR1Z60,Z9999,Code absent du référentiel\n'),
  };
  let rt2: Runtime;
  beforeAll(async () => {
    rt2 = chargerRuntime(dist);
  });

  it('non chargées : #N/A qui dit quel fichier charger', () => {
    expect(erreur(rt2.calculer('FAP.2009.LIBELLE', [['R1Z60']]))).toEqual(
      new ErreurExcel('#N/A', 'Nomenclature FAP 2009 non chargée sur ce poste : chargez fap2009_nomenclature.csv (DARES) dans le volet GTEC (section « Nomenclatures publiques »)'),
    );
    expect(erreur(rt2.calculer('BMO.BASSIN.LIBELLE', [[8412]]))?.message).toContain('bmo_2024_bassins.csv ou le classeur BMO officiel');
    const en = chargerRuntime(dist, { displayLanguage: 'en-GB' });
    expect(erreur(en.calculer('FAP.2021.LIBELLE', [['S1X20']]))?.message).toBe(
      'Nomenclature FAP 2021 (BMO occupation code) not loaded on this machine: load fap2021_nomenclature.csv (DARES), bmo_2024_metiers.csv or the official BMO workbook in the GTEC pane (section "Public nomenclatures")',
    );
  });

  it('libellés FAP 2009, FAP 2021 (codes BMO) et bassins, cellule par cellule ; codes inconnus #N/A ; « 0101 » reste du texte', async () => {
    const { nomenclatures, inconnus } = await readNomenclatureFiles(fichiers);
    expect(inconnus).toEqual([]);
    await activateNomenclaturesInRuntime(rt2, nomenclatures);
    const r = rt2.calculer('FAP.2009.LIBELLE', [['R1Z60'], ['r1z'], [''], ['A9Z99']]) as unknown[][];
    expect(r.slice(0, 3)).toEqual([['Employés de libre service'], ['Vendeurs'], ['']]);
    expect(erreur(r[3]![0])).toEqual(new ErreurExcel('#N/A', 'Code FAP 2009 inconnu « A9Z99 » dans la nomenclature FAP 2009 chargée'));
    // The same code string in both FAP nomenclatures: each function answers from its own.
    expect(rt2.calculer('FAP.2009.LIBELLE', [['G0A40']])).toEqual([['Ouvriers non qualifiés du gros œuvre du bâtiment']]);
    expect(rt2.calculer('FAP.2021.LIBELLE', [['G0A40', 'S1X20', 'S1X20a']])).toEqual([['Ouvriers qualifiés du gros œuvre', 'Aides de cuisine et employés polyvalents de la restauration', 'Aides de cuisine']]);
    expect(rt2.calculer('BMO.BASSIN.LIBELLE', [[8412], ['0101']])).toEqual([['GRENOBLE'], ['BASSIN ZÉRO']]);
  });

  it('FAP.2009.VERS.ROME : codes ROME v3 de la correspondance puis fiches ROME 4.0 du référentiel, avec en-têtes', async () => {
    const { nomenclatures } = await readNomenclatureFiles(fichiers);
    await activateNomenclaturesInRuntime(rt2, nomenclatures);
    const r = rt2.calculer('FAP.2009.VERS.ROME', [['r1z60']]) as unknown[][];
    expect(r[0]).toEqual(['Code FAP 2009', 'Code ROME v3', 'Libellé ROME v3', 'Code ROME 4.0', 'Libellé ROME 4.0']);
    const d1106 = r.filter((l) => l[1] === 'D1106');
    expect(d1106.length).toBeGreaterThan(0);
    for (const l of d1106) expect(l).toEqual(['R1Z60', 'D1106', 'Vente en alimentation', expect.stringMatching(/^D\d{4}$/), expect.any(String)]);
    const absent = r.find((l) => l[1] === 'Z9999')!;
    expect(erreur(absent[3])?.code).toBe('#N/A');
    expect(erreur(rt2.calculer('FAP.2009.VERS.ROME', [['A9Z99']]))?.code).toBe('#N/A');
  });

  it('le classeur enregistre ses nomenclatures : d’autres fichiers chargés → #N/A qui les nomme, jamais d’autres en silence', async () => {
    const { nomenclatures } = await readNomenclatureFiles(fichiers);
    await activateNomenclaturesInRuntime(rt2, nomenclatures);
    await declareWorkbookNomenclaturesInRuntime(rt2, { fichiers: [{ nom: 'fap2009_nomenclature.csv', lignes: 225 }] });
    const e = erreur(rt2.calculer('FAP.2009.LIBELLE', [['R1Z60']]));
    expect(e?.code).toBe('#N/A');
    expect(e?.message).toMatch(/^Ce classeur utilise les nomenclatures fap2009_nomenclature\.csv \(225\), qui ne sont pas chargées sur ce poste \(chargées : bmo_2024_bassins\.csv \(2\), fap2009_nomenclature\.csv \(2\)/);
    await declareWorkbookNomenclaturesInRuntime(rt2, { fichiers: nomenclatures.fichiers.map((f) => ({ nom: f.nom, lignes: f.lignes })).sort((a, b) => (a.nom < b.nom ? -1 : 1)) });
    expect(rt2.calculer('FAP.2009.LIBELLE', [['R1Z60']])).toEqual([['Employés de libre service']]);
  });
});
