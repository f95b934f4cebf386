/**
 * Every example of examples/ is a valid diagnostic that runs; the demo gives the typology its
 * LISEZMOI.md table announces (hand-computed from its CSV files, default rules), and the seed
 * examples carry the figures of their seeds. The real-data example reads its `$donnees/…` paths
 * from ../shared/data, declared as the data folder: without it, it validates with one information
 * (GTEC-I230) and no error; with it, it runs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFileHost } from '../../node-host/file-host.js';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import type { DiagnosticResult } from '../../core/analysis/result.js';
import { validateDiagnostic } from '../../core/validation/validate.js';
import { Diagnostic, type FamilleId } from '../../core/format/schema.js';

const racine = path.resolve(__dirname, '../..');
const exemples = path.join(racine, 'examples');
const donneesReelles = path.resolve(racine, '../shared/data');
// Left out of the fast loop (`npm run test:unit` sets GTEC_REAL_DATA=0).
const reelPresent = existsSync(donneesReelles) && process.env.GTEC_REAL_DATA !== '0';

/** All `*.gtec.yaml` files of examples/, as paths relative to examples/. */
const fichiers = readdirSync(exemples, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(exemples, d.name))
      .filter((f) => f.endsWith('.gtec.yaml'))
      .map((f) => `${d.name}/${f}`),
  )
  .sort();
// reel-region (tests/examples/reel-region.test.ts) reads ../shared/data through `$donnees`.
const fictifs = fichiers.filter((f) => !f.startsWith('reel-'));
const reels = fichiers.filter((f) => f.startsWith('reel-bassin/'));

/** `avecDonnees`: ../shared/data declared as the data folder when present (false: a fresh clone without it). */
function options(relatif: string, avecDonnees = true) {
  const complet = path.join(exemples, relatif);
  return { fileName: path.basename(complet), host: nodeFileHost(path.dirname(complet), avecDonnees && reelPresent ? donneesReelles : undefined), today: '2026-09-01' };
}
const texte = (relatif: string) => readFileSync(path.join(exemples, relatif), 'utf8');

async function executer(relatif: string): Promise<DiagnosticResult> {
  const out = await runDiagnostic(texte(relatif), options(relatif));
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(out.result).toBeDefined();
  return out.result!;
}

describe('exemples : format', () => {
  it('trouve les 11 fichiers d’exemple', () => {
    expect(fichiers).toEqual([
      'centre-val-de-loire-actions/diagnostic.gtec.yaml',
      'centre-val-de-loire/diagnostic.gtec.yaml',
      'demo/diagnostic.gtec.yaml',
      'dinamic-entreprises/diagnostic.gtec.yaml',
      'mde-textile/diagnostic.gtec.yaml',
      'nord-pas-de-calais/diagnostic.gtec.yaml',
      'pays-de-langres/diagnostic.gtec.yaml',
      'reel-bassin/bassin-bmo.gtec.yaml',
      'reel-bassin/bassin-rome.gtec.yaml',
      'reel-region/region-fap.gtec.yaml',
      'saint-nazaire/diagnostic.gtec.yaml',
    ]);
  });

  // The YAML files are in the repository even without the real data: the schema applies to all.
  it.each(fichiers)('%s respecte le schéma', (f) => {
    const r = Diagnostic.safeParse(parse(texte(f)));
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it.each(fictifs)('%s : aucune erreur de validation, fichiers de données compris', async (f) => {
    const r = await validateDiagnostic(texte(f), options(f));
    expect(r.doc).toBeDefined();
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  // A fresh clone without the data: the `$donnees/…` files are not read, one information says so.
  it.each(reels)('%s sans dossier de données : une information GTEC-I230, aucune erreur', async (f) => {
    const r = await validateDiagnostic(texte(f), options(f, false));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.problems.filter((p) => p.code === 'GTEC-I230')).toHaveLength(1);
  });
});

describe('exemple demo : typologie attendue (LISEZMOI.md)', () => {
  let res: DiagnosticResult;
  beforeAll(async () => {
    res = await executer('demo/diagnostic.gtec.yaml');
  });

  // The table of examples/demo/LISEZMOI.md, family by family.
  const attendu: Record<FamilleId, string[]> = {
    'en-crise': ['H2402', 'H2403', 'H2409', 'H2410'],
    'en-croissance': ['H1206', 'I1304', 'J1501', 'K1302', 'N1103'],
    'en-tension': ['F1603', 'G1602', 'H2902', 'H2913', 'I1304', 'I1310', 'J1501', 'J1506', 'N4101'],
    'en-mutation': ['H3203'],
    strategique: ['H2903'],
    fragile: ['H2402', 'H2403', 'H2409', 'H2410'],
    porteur: ['F1603', 'G1602', 'H1206', 'H2902', 'H2913', 'I1304', 'I1310', 'J1501', 'J1506', 'K1302', 'N1103', 'N4101'],
  };

  it('classe les 36 métiers comme le tableau', () => {
    expect(res.metiers).toHaveLength(36);
    for (const [famille, codes] of Object.entries(attendu)) expect([...res.familles[famille as FamilleId]].sort(), famille).toEqual(codes);
  });

  it('les métiers hors familles du tableau n’ont aucune famille', () => {
    const classes = new Set(Object.values(attendu).flat());
    const sans = res.metiers.filter((m) => !classes.has(m.indicateurs.code));
    expect(sans).toHaveLength(18);
    for (const m of sans) expect(m.familles, m.indicateurs.code).toEqual([]);
  });

  it('TCAM et indice de spécificité calculés à la main', () => {
    const m = (code: string) => res.metiers.find((x) => x.indicateurs.code === code)!.indicateurs;
    // H2402 : (292 / 420)^(1/5) − 1 = −0,07008 ; région (5 604 / 6 200)^(1/5) − 1 = −0,02003
    expect(m('H2402').tcam!.valeur).toBeCloseTo(-0.07008, 4);
    expect(m('H2402').tcamReference!.valeur).toBeCloseTo(-0.02003, 4);
    // IS = (292 / 7 386) / (5 604 / 295 243) = 2,083
    expect(m('H2402').indiceSpecificite!.valeur).toBeCloseTo(2.083, 2);
    // J1501 : (648 / 520)^(1/5) − 1 = +0,04501
    expect(m('J1501').tcam!.valeur).toBeCloseTo(0.04501, 4);
    // H2201 : (159 / 180)^(1/5) − 1 = −0,02451, région −0,02 : écart 0,45 pt < 1 pt, pas en crise
    expect(m('H2201').tcam!.valeur).toBeCloseTo(-0.02451, 4);
    // H2411 : 22 emplois < 30, non significatif
    expect(m('H2411').effectifFin!.significatif).toBe(false);
  });

  it('lit les valeurs BMO masquées (*) comme masquées, jamais comme zéro', () => {
    const h2409 = res.metiers.find((x) => x.indicateurs.code === 'H2409')!.indicateurs.bmo!;
    expect(h2409.projets.masque).toBe(true);
    expect(h2409.projets.valeur).toBeNull();
    // G1602 : 37 difficiles / 64 projets = 0,578 (en tension par la seule enquête BMO)
    const g1602 = res.metiers.find((x) => x.indicateurs.code === 'G1602')!.indicateurs;
    expect(g1602.bmo!.partDifficiles.valeur).toBeCloseTo(37 / 64, 6);
    expect(g1602.tension!.classe!.valeur).toBe(3);
  });

  it('lit le fichier Windows-1252 des établissements (espaces insécables)', () => {
    const tranches = res.etablissements!.tranches;
    expect(tranches.map((t) => t.taille)).toEqual(['0', '1-9', '10-49', '50-249', '250+']);
    expect(tranches.reduce((s, t) => s + t.etablissements, 0)).toBe(1460 + 1290 + 305 + 64 + 9);
  });

  it('passerelles des métiers fragiles vers les porteurs', () => {
    expect(res.passerelles.length).toBeGreaterThan(0);
    for (const p of res.passerelles) {
      expect(attendu.fragile).toContain(p.source);
      expect(attendu.porteur).toContain(p.cible);
      // Viability rule: the target is among the best score_minimum share of the source's candidates (tests/analysis/run-diagnostic.test.ts).
      expect(p.score).toBeGreaterThan(0);
    }
  });

  it('plan : H2410 sans fiche action, budget 720 000 €', () => {
    expect(res.plan.fragilesSansAction).toEqual(['H2410']);
    // 200 000 + 180 000 + 140 000 + 40 000 + 50 000 + 110 000
    expect(res.plan.budgetTotal).toBe(720_000);
    expect(res.plan.fiches).toHaveLength(6);
  });

  it('évaluation : quatre types d’indicateurs, IND-forum en retard', () => {
    expect(new Set(res.evaluation.map((e) => e.indicateur.type))).toEqual(new Set(['realisation', 'resultat', 'impact', 'satisfaction']));
    const forum = res.evaluation.find((e) => e.indicateur.id === 'IND-forum')!;
    expect(forum.enRetard).toBe(true);
    // IND-difficiles : base 63, cible 40, valeur 55 → (55 − 63) / (40 − 63) = 0,348
    expect(res.evaluation.find((e) => e.indicateur.id === 'IND-difficiles')!.avancement).toBeCloseTo(8 / 23, 6);
  });
});

describe('exemples des cas réels des graines', () => {
  it('saint-nazaire : soudeurs et chaudronniers en crise après 2008, six mille compétences', async () => {
    const res = await executer('saint-nazaire/diagnostic.gtec.yaml');
    expect([...res.familles.fragile].sort()).toEqual(['H2902', 'H2913']);
    expect(res.familles.porteur).toEqual(expect.arrayContaining(['H3203', 'I1334']));
    expect(res.evaluation.map((e) => e.indicateur.cible)).toEqual([6000]);
    expect(res.plan.budgetParFinanceur.map((b) => b.financeur).sort()).toEqual(['agefiph', 'opca', 'pole-emploi', 'region']);
  });

  it('dinamic-entreprises : trois axes, quatre étapes sur neuf mois', async () => {
    const res = await executer('dinamic-entreprises/diagnostic.gtec.yaml');
    expect(res.plan.fiches.map((f) => f.id)).toEqual(['axe-performance-interne', 'axe-innovation', 'axe-developpement-commercial']);
    const doc = parse(texte('dinamic-entreprises/diagnostic.gtec.yaml'));
    expect(doc.plan_action[0].calendrier.etapes).toHaveLength(4);
    expect([...res.familles.strategique].sort()).toEqual(['H1206', 'H1402']);
  });

  it('mde-textile : passerelles du textile vers les sept secteurs', async () => {
    const res = await executer('mde-textile/diagnostic.gtec.yaml');
    expect([...res.familles.fragile].sort()).toEqual(['H2402', 'H2403', 'H2409', 'H2410']);
    expect(res.passerelles.length).toBeGreaterThan(0);
    expect(res.plan.fragilesSansAction).toEqual([]);
  });

  it('nord-pas-de-calais : 15 bassins, 460 entreprises, 120 interrogées, 89 %', async () => {
    const res = await executer('nord-pas-de-calais/diagnostic.gtec.yaml');
    const valeurs = Object.fromEntries(res.evaluation.map((e) => [e.indicateur.id, e.indicateur.valeur]));
    expect(valeurs).toEqual({ bassins: 15, entreprises: 460, enquete: 120, 'peu-formation': 40, 'priorite-formation': 89 });
    expect(res.plan.fragilesSansAction).toEqual(['H2909']);
  });

  it('centre-val-de-loire : 5 bassins, 86 personnes, 43 structures', async () => {
    const res = await executer('centre-val-de-loire/diagnostic.gtec.yaml');
    expect(res.territoire.codes).toHaveLength(5);
    const valeurs = Object.fromEntries(res.evaluation.map((e) => [e.indicateur.id, e.indicateur.valeur]));
    expect(valeurs).toMatchObject({ bassins: 5, personnes: 86, structures: 43, ateliers: 15 });
  });

  it('pays-de-langres : 30 entreprises auditées, conventions 2011-2013 et 2013-2016', async () => {
    const res = await executer('pays-de-langres/diagnostic.gtec.yaml');
    expect(res.evaluation.find((e) => e.indicateur.id === 'audits')!.indicateur.valeur).toBe(30);
    const doc = parse(texte('pays-de-langres/diagnostic.gtec.yaml'));
    const periodes = doc.financements.map((f: { debut: string; fin: string }) => `${f.debut}-${f.fin}`);
    expect(new Set(periodes)).toEqual(new Set(['2011-2013', '2013-2016']));
    expect(res.plan.budgetParFinanceur.map((b) => b.financeur).sort()).toEqual(['direccte', 'fse', 'leader', 'region']);
  });

  it('centre-val-de-loire-actions : 14 formés, 57 % d’accès à l’emploi', async () => {
    const res = await executer('centre-val-de-loire-actions/diagnostic.gtec.yaml');
    const valeurs = Object.fromEntries(res.evaluation.map((e) => [e.indicateur.id, e.indicateur.valeur]));
    expect(valeurs).toMatchObject({ 'stagiaires-cosmetique': 14, 'acces-emploi-cosmetique': 57 });
    expect(res.plan.fiches).toHaveLength(4);
  });
});

// Reading the 53 443-row BMO workbook and the full ROME export takes tens of seconds.
const LONG = 180_000;

describe.skipIf(!reelPresent)('exemple reel-bassin (données réelles de ../shared/data, --donnees)', () => {
  it.each(reels)(
    '%s : aucune erreur de validation',
    async (f) => {
      const r = await validateDiagnostic(texte(f), options(f));
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    },
    LONG,
  );

  it(
    'bassin-bmo : soudeurs et chaudronniers en tension à Saint-Nazaire (BMO 2024)',
    async () => {
      const res = await executer('reel-bassin/bassin-bmo.gtec.yaml');
      // bmo_2024_projets.csv, bassin 5225 : D1X30 144 difficiles / 173 projets, D1X33 78 / 91.
      const d1x30 = res.metiers.find((m) => m.indicateurs.code === 'D1X30')!.indicateurs.bmo!;
      expect(d1x30.projets.valeur).toBe(173);
      expect(d1x30.difficiles.valeur).toBe(144);
      expect(res.familles['en-tension']).toEqual(expect.arrayContaining(['D1X30', 'D1X33']));
      expect(res.familles.fragile).toEqual([]);
      expect(res.passerelles).toEqual([]);
    },
    LONG,
  );

  it(
    'bassin-rome : tension ROME v3 ramenée en ROME 4.0, règle de publication sur les classes',
    async () => {
      const out = await runDiagnostic(texte('reel-bassin/bassin-rome.gtec.yaml'), options('reel-bassin/bassin-rome.gtec.yaml'));
      expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const res = out.result!;
      // ft_tension_rome_v3_bassin_2020.csv, bassin 5225 : 97 cellules ROME v3, aucune sur 30 offres et
      // 30 demandeurs ou plus. H2913 « Soudage manuel », classe 5 ; C1504 classe 5 sur 1 offre et 1 demandeur.
      const h2913 = res.metiers.find((m) => m.indicateurs.code === 'H2913')!.indicateurs;
      expect(h2913.tension!.classe).toMatchObject({ valeur: 5, significatif: false });
      expect(res.metiers.find((m) => m.indicateurs.code === 'C1504')!.indicateurs.tension).toMatchObject({
        classe: { valeur: 5, significatif: false },
        offres: { valeur: 1 },
        demandeurs: { valeur: 1 },
      });
      expect(res.familles['en-tension']).toEqual([]);
      expect(res.familles['en-mutation'].sort()).toEqual(['D1507', 'H2903']);
      // Une composante du score composite sur trois : l’information le dit.
      expect(out.problems.find((p) => p.code === 'GTEC-I417')!.data).toMatchObject({ source: 'tension-2020', manquantes: ['ecoulement', 'partDifficiles'] });
      // Sans métier porteur, pas de passerelle vers un porteur.
      expect(res.passerelles).toEqual([]);
    },
    LONG,
  );
});

if (!existsSync(donneesReelles)) console.warn(`données réelles absentes : ${donneesReelles} — tests de examples/reel-bassin ignorés`);
