import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../core/host.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { createPasserelleEngine } from '../../core/passerelles/engine.js';
import { engineOf, seuilViable } from '../../core/analysis/run/passerelles.js';
import { failedStep, attempt } from '../../core/analysis/run/failed-step.js';
import type { Referentiel } from '../../core/referentiel/model.js';

/*
 * A small bassin of two BMO bassins (B1, B2) in region 44 (with a third bassin B3). Hand computation:
 *   H2402  territory 120+80 = 200 → 90+60 = 150: TCAM 0.75^(1/5) − 1 = −5.59 %/yr;
 *          region 200+800 = 1 000 → 150+800 = 950: 0.95^(1/5) − 1 = −1.02 %/yr → en crise
 *          (−5.59 ≤ −2 and < −1.02 − 1), fragile, covered by FA1.
 *   H2403  100 → 70: −6.89 %/yr; region 500 → 470: −1.23 %/yr → en crise, fragile, no fiche → W403 at /metiers/1.
 *   H2913  60+40 = 100 → 80+60 = 140: +6.96 %/yr; region 500 → 550: +1.92 %/yr → en croissance, porteur.
 *   J1501  200 → 210 (+0.98 %/yr); BMO 40+20 = 60 projects, 30+12 = 42 difficult → 70 % ≥ 50 % → en tension.
 *   H2903  declared strategique; IS 2024 = (78/758)/(178/3 968) = 2.294 ≥ 1.2 listed as evidence.
 *   D1106  20 → 10: TCAM −12.9 %/yr but 20 < 30: not significant, no family.
 *   I1304 (ROME v3 in the tension file, class 5) → ROME 4 I1304 and I1334 (same parent in this
 *          referential): both en tension, counts flagged approximate (I402).
 * Territory total 2024 = 150 + 70 + 140 + 100 + 210 + 78 + 10 = 758; region = 758 + 3 210 = 3 968.
 */
const effectifs = [
  'metier;zone;region;annee;effectif',
  'H2402;B1;44;2019;120',
  'H2402;B2;44;2019;80',
  'H2402;B1;44;2024;90',
  'H2402;B2;44;2024;60',
  'H2402;B3;44;2019;800',
  'H2402;B3;44;2024;800',
  'H2403;B1;44;2019;100',
  'H2403;B1;44;2024;70',
  'H2403;B3;44;2019;400',
  'H2403;B3;44;2024;400',
  'H2913;B1;44;2019;60',
  'H2913;B2;44;2019;40',
  'H2913;B1;44;2024;80',
  'H2913;B2;44;2024;60',
  'H2913;B3;44;2019;400',
  'H2913;B3;44;2024;410',
  'K1302;B1;44;2019;100',
  'K1302;B1;44;2024;100',
  'K1302;B3;44;2019;300',
  'K1302;B3;44;2024;300',
  'J1501;B1;44;2019;200',
  'J1501;B1;44;2024;210',
  'J1501;B3;44;2019;1000',
  'J1501;B3;44;2024;1100',
  'H2903;B1;44;2019;80',
  'H2903;B1;44;2024;78',
  'H2903;B3;44;2019;100',
  'H2903;B3;44;2024;100',
  'D1106;B2;44;2019;20',
  'D1106;B2;44;2024;10',
  'D1106;B3;44;2019;100',
  'D1106;B3;44;2024;100',
].join('\n');
const bmo = ['metier,zone,annee,projets,difficiles,saisonniers', 'J1501,B1,2024,40,30,0', 'J1501,B2,2024,20,12,0', 'H2402,B1,2024,10,*,0'].join('\n');
const tension = ['metier;zone;classe;offres;demandeurs', 'I1304;B1;5;50;40', 'H2913;B1;3;20;30'].join('\n');
const fap = ['metier;zone;projets;difficiles;saisonniers', 'A0X40;B1;10;5;0'].join('\n');

const yaml = `
gtec: 1
titre: Bassin test
territoire:
  nom: Bassin test
  type: bassin-bmo
  codes: ['B1', 'B2']
  reference: { nom: la région, type: region, codes: ['44'] }
periode: { debut: 2019, fin: 2024 }
sources:
  - { id: effectifs, type: effectifs, chemin: data/effectifs.csv, producteur: INSEE }
  - { id: bmo, type: bmo, chemin: data/bmo.csv, producteur: France Travail }
  - { id: tension, type: tension, chemin: data/tension.csv, nomenclature: rome3, annee: 2024, producteur: France Travail }
  - { id: bmo-fap, type: bmo, chemin: data/fap.csv, nomenclature: fap2021 }
  - { id: absente, type: effectifs, chemin: data/absente.csv }
passerelles: { score_minimum: 0.1, nombre: 3 }
metiers:
  - { code: H2903, strategique: true, note: Savoir-faire rare }
  - { code: H2403, note: Pas de fiche pour l’instant }
acteurs:
  - { id: region, nom: Région, type: region, roles: [financement] }
financements:
  - { id: f1, financeur: region, montant: 10000 }
plan_action:
  - id: FA1
    titre: Reconversion
    objectifs: [Reconvertir]
    metiers: [H2402, H2913]
    financements: [{ financement: f1, montant: 8000 }]
    indicateurs: [i1]
evaluation:
  indicateurs:
    - { id: i1, libelle: Entrées, type: realisation, unite: personnes, cible: 20, valeur: 5, echeance: '2025' }
`;

function referentiel(): Referentiel {
  const ref = demoReferentiel();
  // Give I1334 the same ROME v3 parent as I1304, so that one v3 code maps to two fiches.
  ref.metiers = ref.metiers.map((m) => (m.code === 'I1334' ? { ...m, codeRomeV3: 'I1304' } : m));
  return ref;
}

const host = () => memoryHost({ 'data/effectifs.csv': effectifs, 'data/bmo.csv': bmo, 'data/tension.csv': tension, 'data/fap.csv': fap });

describe('runDiagnostic on an in-memory diagnostic', async () => {
  const out = await runDiagnostic(yaml, { fileName: 'test.gtec.yaml', host: host(), referential: referentiel(), today: '2026-01-15' });
  const r = out.result!;
  const metier = (code: string) => r.metiers.find((m) => m.indicateurs.code === code)!;

  it('produces a result and goes on past a missing file and an unmappable source', () => {
    expect(r).toBeDefined();
    const codes = out.problems.map((p) => `${p.code} ${p.pointer}`);
    expect(codes).toContain('GTEC-W401 /sources/3/nomenclature');
    expect(out.problems.some((p) => p.pointer.startsWith('/sources/4') && p.severity === 'error')).toBe(true);
    expect(codes).toContain('GTEC-I402 /sources/2/nomenclature');
    expect(codes).toContain('GTEC-W403 /metiers/1');
    expect(out.problems.find((p) => p.code === 'GTEC-W401')!.message.fr).toContain('fap2021');
  });

  it('places every problem of the analysis in the text: the declaration of /metiers/1 for W403', () => {
    const w403 = out.problems.find((p) => p.code === 'GTEC-W403')!;
    expect(yaml.slice(w403.range!.start, w403.range!.end)).toMatch(/^\{ code: H2403,/);
    expect(out.problems.filter((p) => !p.range && !p.location)).toEqual([]);
  });

  it('métiers: union of data, declarations and fiches, sorted by code, labels from the referential', () => {
    expect(r.metiers.map((m) => m.indicateurs.code)).toEqual(['D1106', 'H2402', 'H2403', 'H2903', 'H2913', 'I1304', 'I1334', 'J1501', 'K1302']);
    expect(metier('H2913').indicateurs.libelle).toBe('Soudeur / Soudeuse');
    expect(metier('H2903').note).toBe('Savoir-faire rare');
  });

  it('families and their explanations', () => {
    expect(r.familles['en-crise']).toEqual(['H2402', 'H2403']);
    expect(r.familles['fragile']).toEqual(['H2402', 'H2403']);
    expect(r.familles['en-croissance']).toEqual(['H2913']);
    expect(r.familles['en-tension']).toEqual(['I1304', 'I1334', 'J1501']);
    expect(r.familles['strategique']).toEqual(['H2903']);
    expect(r.familles['porteur']).toEqual(['H2913', 'I1304', 'I1334', 'J1501']);
    expect(metier('D1106').familles).toEqual([]);
    expect(metier('D1106').indicateurs.tcam!.significatif).toBe(false);
    // Fan-out: the tension of I1304 and I1334 was decided once, on the ROME v3 cell I1304. En
    // tension counts 2 source cells (rome3 I1304, J1501's own data) for 3 métiers; porteur 3 (H2913,
    // rome3 I1304, J1501) for 4. Families without copies are not listed.
    expect(metier('I1334').indicateurs.origines).toEqual([{ source: 'tension', nomenclature: 'rome3', codes: ['I1304'], fiches: 2 }]);
    expect(metier('J1501').indicateurs.origines).toBeUndefined();
    expect(r.cellulesFamilles).toEqual({
      'en-tension': { cellules: 2, metiers: 3, nomenclature: 'rome3' },
      porteur: { cellules: 3, metiers: 4, nomenclature: 'rome3' },
    });
    // H2913's class 3 rests on 20 offers (< 30): not significant under the publication rule.
    expect(metier('H2913').indicateurs.tension!.classe).toMatchObject({ valeur: 3, significatif: false });

    const crise = metier('H2402').explications[0]!;
    expect(crise).toMatchObject({ famille: 'en-crise', indicateur: 'tcam', seuil: -0.02, source: 'effectifs', producteur: 'INSEE', anneeDebut: 2019, annee: 2024 });
    expect(crise.valeur as number).toBeCloseTo(Math.pow(0.75, 0.2) - 1, 12);
    expect(crise.texte.fr).toBe(
      'TCAM 2019-2024 de \u22125,6\u202f%/an ≤ \u22122\u202f%/an et inférieur de 4,6 points au TCAM de la région (\u22121\u202f%/an), sur 5 ans pour un effectif initial de 200 — source effectifs (INSEE), 2019-2024',
    );
    const tension = metier('J1501').explications.find((e) => e.indicateur === 'part_difficiles')!;
    expect(tension).toMatchObject({ valeur: 0.7, seuil: 0.5, source: 'bmo', producteur: 'France Travail', annee: 2024 });
    const classe = metier('I1334').explications.find((e) => e.indicateur === 'classe_tension')!;
    // Decided on the ROME v3 code I1304 (shared by 2 fiches), with the counts behind the class.
    expect(classe).toMatchObject({ valeur: 5, source: 'tension', annee: 2024, approximatif: true, offres: 50, demandeurs: 40, origine: { nomenclature: 'rome3', codes: ['I1304'], fiches: 2 } });
    expect(classe.texte.fr).toBe('Classe de tension officielle 5 ≥ 4 (échelle de 1 à 5), sur 50 offres, 40 demandeurs d’emploi (via ROME v3 I1304, 2 fiches) — source tension (France Travail), 2024');
    expect(classe.texte.en).toBe('Official tension class 5 ≥ 4 (scale 1 to 5), on 50 job offers, 40 job seekers (via ROME v3 I1304, 2 occupations) — source tension (France Travail), 2024');
    const is = metier('H2903').explications.find((e) => e.indicateur === 'indice_specificite')!;
    expect(is.valeur as number).toBeCloseTo(78 / 758 / (178 / 3968), 12);
  });

  it('withheld BMO values stay withheld; copied counts are flagged approximate', () => {
    const b = metier('H2402').indicateurs.bmo!;
    expect(b.difficiles).toMatchObject({ valeur: null, masque: true });
    expect(b.partDifficiles).toMatchObject({ valeur: null, masque: true, significatif: false });
    expect(metier('I1334').indicateurs.tension!.offres).toMatchObject({ valeur: 50, approximatif: true });
  });

  it('passerelles from fragile to porteur métiers, ranked, with the learned score', () => {
    const engine = createPasserelleEngine(referentiel());
    expect(engine.mode).toBe('contenu');
    for (const p of r.passerelles) expect(p.score).toBe(engine.score(p.source, p.cible));
    expect(r.passerelles.length).toBeGreaterThan(0);
    for (const p of r.passerelles) {
      expect(['H2402', 'H2403']).toContain(p.source);
      expect(r.familles.porteur).toContain(p.cible);
      // Viability: the target is among the best 10 % (score_minimum 0.1, at least one) of the source's candidates.
      const candidats = r.familles.porteur.filter((c) => c !== p.source && engine.has(c));
      expect(p.score).toBeGreaterThanOrEqual(seuilViable(engine, p.source, candidats, 0.1));
      expect(engine.topK(p.source, Math.max(1, Math.ceil(0.1 * candidats.length)), candidats).map((c) => c.cible)).toContain(p.cible);
      expect(p.ecart.length + p.acquises.length).toBeGreaterThan(0);
    }
    expect(new Set(r.passerelles.map((p) => p.source))).toEqual(new Set(['H2402', 'H2403']));
    const h2403 = r.passerelles.filter((p) => p.source === 'H2403');
    expect(h2403.length).toBeLessThanOrEqual(3);
    expect(h2403.map((p) => p.rang)).toEqual(h2403.map((_, i) => i + 1));
    expect([...h2403].sort((a, b) => b.score - a.score)).toEqual(h2403);
  });

  it('cibles_hors_depart: a métier of a departure family is no target', async () => {
    const run = (extra: string) =>
      runDiagnostic(yaml.replace('passerelles: { score_minimum: 0.1, nombre: 3 }', `passerelles: { score_minimum: 0.1, nombre: 3, vers: [porteur, fragile]${extra} }`), {
        fileName: 'test.gtec.yaml',
        host: host(),
        referential: referentiel(),
        today: '2026-01-15',
      });
    const avec = (await run('')).result!;
    expect(avec.passerelles.some((p) => avec.familles.fragile.includes(p.cible))).toBe(true);
    const sans = (await run(', cibles_hors_depart: true')).result!;
    expect(sans.passerelles.length).toBeGreaterThan(0);
    expect(sans.passerelles.filter((p) => sans.familles.fragile.includes(p.cible))).toEqual([]);
  });

  it('action plan coverage, budget and evaluation', () => {
    expect(r.plan.couverture).toEqual([
      { code: 'H2402', libelle: metier('H2402').indicateurs.libelle, fiches: ['FA1'] },
      { code: 'H2403', libelle: metier('H2403').indicateurs.libelle, fiches: [] },
    ]);
    expect(r.plan.fragilesSansAction).toEqual(['H2403']);
    expect(r.plan.budgetTotal).toBe(8000);
    expect(r.plan.budgetParFinanceur).toEqual([{ financeur: 'region', nom: 'Région', montant: 8000 }]);
    // 5/20 = 0.25, échéance 2025 passed on 2026-01-15 → late
    expect(r.evaluation.map((e) => [e.avancement, e.atteint, e.enRetard])).toEqual([[0.25, false, true]]);
  });

  it('is deterministic: two runs give the same JSON', async () => {
    const again = await runDiagnostic(yaml, { fileName: 'test.gtec.yaml', host: host(), referential: referentiel(), today: '2026-01-15' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
  });

  it('builds the passerelle engine once per referential object (a host that keeps its referential keeps its engine): same result', async () => {
    const ref = referentiel();
    // The engine the diagnostic will find: counting its calls shows the run uses it, not a new one.
    const engine = engineOf(ref);
    const topK = engine.topK;
    let calls = 0;
    Object.assign(engine, { topK: (...args: Parameters<typeof topK>) => (calls++, topK(...args)) });
    const first = await runDiagnostic(yaml, { fileName: 'test.gtec.yaml', host: host(), referential: ref, today: '2026-01-15' });
    expect(calls).toBeGreaterThan(0);
    const second = await runDiagnostic(yaml, { fileName: 'test.gtec.yaml', host: host(), referential: ref, today: '2026-01-15' });
    expect(engineOf(ref)).toBe(engine);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify(first)).toBe(JSON.stringify(out));
    expect(engineOf(referentiel())).not.toBe(engine);
  });

  it('reports problems in declaration order whatever order the files arrive in', async () => {
    // Two hosts answering in opposite orders (by waiting a number of microtask turns, no clock).
    const lent = (ordre: string[]) => {
      const base = host();
      return {
        async readFile(p: string) {
          const tours = Math.max(0, ordre.indexOf(p)) * 50;
          for (let i = 0; i < tours; i++) await Promise.resolve();
          return base.readFile(p);
        },
        listDirectory: base.listDirectory,
      };
    };
    const y = yaml.replace('  - { id: absente, type: effectifs, chemin: data/absente.csv }', '  - { id: absente, type: effectifs, chemin: data/absente.csv }\n  - { id: absente2, type: bmo, chemin: data/absente2.csv }');
    const fichiers = ['data/effectifs.csv', 'data/bmo.csv', 'data/tension.csv', 'data/fap.csv', 'data/absente.csv', 'data/absente2.csv'];
    const a = await runDiagnostic(y, { fileName: 'test.gtec.yaml', host: lent(fichiers), referential: referentiel(), today: '2026-01-15' });
    const b = await runDiagnostic(y, { fileName: 'test.gtec.yaml', host: lent([...fichiers].reverse()), referential: referentiel(), today: '2026-01-15' });
    expect(a.problems.filter((p) => p.code === 'GTEC-E202').map((p) => p.pointer)).toEqual(['/sources/4/chemin', '/sources/5/chemin']);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('loads the demo referential itself when none is given', async () => {
    const o = await runDiagnostic(yaml, { fileName: 'test.gtec.yaml', host: host() });
    expect(o.result!.referentiel.kind).toBe('demo');
    // with the demo's own parents, ROME v3 I1304 maps to I1304 only
    expect(o.result!.familles['en-tension']).toEqual(['I1304', 'J1501']);
    expect(o.result!.evaluation[0]!.enRetard).toBe(false); // no today, no lateness
  });

  it('returns only problems when the file does not pass the schema', async () => {
    const o = await runDiagnostic('gtec: 1\ntitre: x\n', { fileName: 'x.gtec.yaml', host: host() });
    expect(o.result).toBeUndefined();
    expect(o.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});

describe('runDiagnostic: crosswalks, years, age bands, département and France perimeters', async () => {
  // Territory: département 52 (rows of two bassins carry the département column); reference: France,
  // whose national row is 'FR'. Effectifs given for 2020 and 2024 only (period 2019-2024) → W406,
  // TCAM over 4 years. The tension file is in FAP 2009, brought to ROME 4 by a declared table
  // (FAP 2009 → ROME v3) chained with the referential (ROME v3 → ROME 4).
  const files = {
    'd/eff.csv': [
      'metier;zone;departement;annee;effectif',
      'H2913;B1;52;2020;100',
      'H2913;B2;52;2020;100',
      'H2913;B1;52;2024;150',
      'H2913;B2;52;2024;150',
      'H2913;FR;;2020;10000',
      'H2913;FR;;2024;10000',
      'K1302;FR;;2024;5000',
      'K1302;FR;;2020;5000',
    ].join('\n'),
    'd/ages.csv': ['metier;zone;departement;tranche;effectif', 'H2913;B1;52;moins de 30 ans;60', 'H2913;B1;52;30 à 49 ans;140', 'H2913;B1;52;50 ans et plus;100', 'H2913;B1;52;inconnu;5'].join('\n'),
    'd/tension.csv': ['metier;zone;departement;classe', 'D2Z40;B1;52;4'].join('\n'),
    'd/fap-rome.csv': ['fap;rome', 'D2Z40;H2913'].join('\n'),
  };
  const y = `
gtec: 1
titre: Haute-Marne
territoire: { nom: Haute-Marne, type: departement, codes: ['52'], reference: { nom: la France, type: france } }
periode: { debut: 2019, fin: 2024 }
sources:
  - { id: eff, type: effectifs, chemin: d/eff.csv }
  - { id: ages, type: ages, chemin: d/ages.csv, annee: 2024 }
  - { id: tension, type: tension, chemin: d/tension.csv, nomenclature: fap2009, annee: 2024 }
correspondances:
  - { id: fap-rome, de: fap2009, vers: rome3, chemin: d/fap-rome.csv, colonnes: { de: fap, vers: rome } }
`;
  const out = await runDiagnostic(y, { fileName: 'hm.gtec.yaml', host: memoryHost(files) });
  const r = out.result!;
  const h = r.metiers.find((m) => m.indicateurs.code === 'H2913')!;

  it('selects the département by its column and France by its national rows', () => {
    expect(h.indicateurs.effectifFin!.valeur).toBe(300);
    // IS 2024 = (300/300) / (10 000/15 000) = 1.5
    expect(h.indicateurs.indiceSpecificite!.valeur).toBeCloseTo(1.5, 12);
  });
  it('uses the years available and says so', () => {
    expect(out.problems.map((p) => p.code)).toContain('GTEC-W406');
    // (300/200)^(1/4) − 1 = 10.67 %/yr over 2020-2024
    expect(h.indicateurs.tcam).toMatchObject({ anneeDebut: 2020, annee: 2024 });
    expect(h.indicateurs.tcam!.valeur!).toBeCloseTo(Math.pow(1.5, 0.25) - 1, 12);
  });
  it('reports an unknown age band and reads the others', () => {
    const w = out.problems.find((p) => p.code === 'GTEC-W404')!;
    expect(w.data).toMatchObject({ source: 'ages', tranche: 'inconnu' });
    // < 30: 60, ≥ 50: 100 → renewal 0.6 < 1: vieillissant
    expect(h.indicateurs.ages!.indiceRenouvellement.valeur).toBeCloseTo(0.6, 12);
    expect(h.indicateurs.ages!.vieillissant).toBe(true);
  });
  it('chains the declared crosswalk and the referential', () => {
    expect(h.indicateurs.tension!.classe!.valeur).toBe(4);
    expect(r.familles['en-tension']).toEqual(['H2913']);
    expect(out.problems.some((p) => p.code === 'GTEC-W401')).toBe(false);
  });
});

describe('runDiagnostic without its referential', () => {
  it('reports the missing referential, still classifies, and says passerelles could not be computed', async () => {
    const y = yaml.replace('periode: { debut: 2019, fin: 2024 }', 'periode: { debut: 2019, fin: 2024 }\nreferentiel: { type: csv, chemin: ref/metiers.csv }');
    const out = await runDiagnostic(y, { fileName: 'test.gtec.yaml', host: host() });
    const r = out.result!;
    expect(out.problems.some((p) => p.pointer.startsWith('/referentiel') && p.severity === 'error')).toBe(true);
    expect(out.problems.map((p) => `${p.code} ${p.pointer}`)).toContain('GTEC-E410 /passerelles');
    expect(out.problems.find((p) => p.code === 'GTEC-E410')!.data).toEqual({ etape: 'passerelles', raison: 'referentiel-absent' });
    expect(r.referentiel.metiers).toBe(0);
    expect(r.passerelles).toEqual([]);
    expect(r.familles['en-crise']).toEqual(['H2402', 'H2403']);
    // without a referential, the ROME v3 tension file has no path to ROME 4
    expect(out.problems.map((p) => p.code)).toContain('GTEC-W401');
    // labels fall back to the code when neither the referential nor the data give one
    expect(r.metiers.find((m) => m.indicateurs.code === 'H2402')!.indicateurs.libelle).toBe('H2402');
  });
});

describe('a step of the analysis that fails', () => {
  it('an exception becomes GTEC-E410 with the step, the id, the reason and the message as data', async () => {
    const r = await attempt('/sources/2', 'source', 'bmo', async () => {
      throw new Error('disque illisible');
    });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'GTEC-E410', severity: 'error', pointer: '/sources/2', data: { etape: 'source', id: 'bmo', raison: 'exception', detail: 'disque illisible' } });
    const ok = await attempt('/referentiel', 'referentiel', undefined, async () => ({ valeur: 1, problems: [] }));
    expect(ok).toEqual({ valeur: 1, problems: [] });
  });
  it('carries no French phrase: enum reasons, ids and the opaque detail only', () => {
    const p = failedStep('/passerelles', { etape: 'passerelles', raison: 'referentiel-absent' });
    expect(p.data).toEqual({ etape: 'passerelles', raison: 'referentiel-absent' });
    expect(p.pointer).toBe('/passerelles');
  });
});
