import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFileHost } from '../../node-host/file-host.js';
import { createPasserelleEngine } from '../../core/passerelles/engine.js';
import { CARACTERISTIQUES_CONTENU, CARACTERISTIQUES_EXPERT, DEBUT_PRIORS, PRODUITS_CONTENU, sigmoid, type ModelePasserelles } from '../../core/passerelles/modele.js';
import { MODELE_ROME } from '../../core/passerelles/modele-rome.js';
import { naiveLearnedAllPairsTopK } from '../../core/passerelles/naive.js';
import { StemCoder, stems, tfidf } from '../../core/passerelles/text.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import type { MobiliteOfficielle, Referentiel } from '../../core/referentiel/model.js';
import { loadRomeOfficiel } from '../../core/referentiel/rome-officiel.js';
import { design, fitLogistic } from '../../scripts/fit-passerelles.js';
import { repoRoot } from '../referentiel/helpers.js';

/** Shared data beside the checkout, or beside the folder of worktrees. */
const shared = [path.resolve(repoRoot, '../shared/data'), path.resolve(repoRoot, '../../shared/data')].find((d) => existsSync(d));
const romeDir = shared && path.join(shared, 'rome-officiel/v460');
const mobFile = shared && path.join(shared, 'rome-mobilites-calibration/unix_rubrique_mobilite_v460_utf8.csv');
const hasRome = !!romeDir && existsSync(path.join(romeDir, 'version.txt'));

/** A few expert lists on the demo referential (a partial table: most fiches have none). */
function demoWithLists(): Referentiel {
  const ref = demoReferentiel();
  const lists: Record<string, string[]> = {
    H2913: ['H2902', 'H2909', 'H2903'],
    H2902: ['H2913', 'H2909'],
    K1302: ['J1501', 'K1304'],
    J1501: ['K1302', 'K1303'],
    H2402: ['H2403', 'H2411'],
  };
  const mobilites: MobiliteOfficielle[] = Object.entries(lists).flatMap(([source, cibles]) => cibles.map((cible, i) => ({ source, cible, rang: i + 1 })));
  return { ...ref, mobilites };
}

describe('text features', () => {
  it('folds accents, drops short and stop words, truncates to 6 letters', () => {
    expect(stems('Soudeur / Soudeuse TIG, chef d’équipe des ateliers')).toEqual(['soudeu', 'soudeu', 'tig', 'chef', 'equipe', 'atelie']);
  });
  it('StemCoder gives the stems of `stems`, in order', () => {
    const texts = ['Soudeur / Soudeuse TIG, chef d’équipe des ateliers', 'CŒUR de métier : l’œuvre, 2024 et 12ab', 'İstanbul K\u212Aelvin \u037E ÉTÉ e\u0301te\u0301 __x__ Ação', '', '   ', 'ab'];
    const coder = new StemCoder();
    for (const t of [...texts, ...texts]) {
      const ids: number[] = [];
      coder.add(t, ids);
      expect(ids.map((i) => coder.terms[i])).toEqual(stems(t));
    }
  });
  it('TF-IDF vectors are L2-normalised with ascending term ids', () => {
    const coder = new StemCoder();
    const docs = ['a1x b2y b2y', 'b2y', 'c3z'].map((t) => {
      const ids: number[] = [];
      coder.add(t, ids);
      return Int32Array.from(ids);
    });
    const v = tfidf(docs, coder.terms);
    for (let d = 0; d < 3; d++) {
      const norm = v.values[d]!.reduce((s, x) => s + x * x, 0);
      expect(norm).toBeCloseTo(1, 12);
      expect([...v.keys[d]!]).toEqual([...v.keys[d]!].sort((x, y) => x - y));
    }
  });
});

describe('learned score on the demo referential', () => {
  const ref = demoReferentiel();
  const engine = createPasserelleEngine(ref, {}, { mode: 'contenu' });

  it('content-only: engine and naive reference give the same rankings and scores', () => {
    expect(engine.mode).toBe('contenu');
    const naive = naiveLearnedAllPairsTopK(ref, engine.params, MODELE_ROME, 10, false);
    expect(engine.allPairsTopK(10)).toEqual(naive);
  });

  it('the explanation adds up: bias + Σ contributions = logit, sigmoid(logit) = score', () => {
    for (const [a, b] of [
      ['H2913', 'H2902'],
      ['K1302', 'J1501'],
      ['A1203', 'M1805'],
    ] as const) {
      const e = engine.explication(a, b)!;
      expect(Object.keys(e.caracteristiques)).toEqual([...CARACTERISTIQUES_CONTENU]);
      const sum = Object.values(e.contributions).reduce((s, x) => s + x, e.biais);
      expect(sum).toBeCloseTo(e.logit, 10);
      expect(engine.score(a, b)).toBeCloseTo(sigmoid(e.logit), 11);
      for (const f of CARACTERISTIQUES_CONTENU) expect(e.contributions[f]).toBeCloseTo(MODELE_ROME.contenu.poids[f] * e.caracteristiques[f]!, 12);
    }
    const p = engine.passerelle('H2913', 'H2902', 1)!;
    expect(p.contributions).toBeDefined();
    expect(p.composantes.libellesCompetences).toBeGreaterThan(0);
    expect(p.ecart.length + p.acquises.length).toBeGreaterThan(0);
  });

  it('products, z-score and learned target priors follow their definitions', () => {
    const cites = MODELE_ROME.transitions?.citations ?? {};
    for (const [a, b] of [
      ['H2913', 'H2902'],
      ['K1302', 'J1501'],
    ] as const) {
      const x = engine.explication(a, b)!.caracteristiques;
      for (const [p, f, g] of PRODUITS_CONTENU) expect(x[p]).toBeCloseTo(x[f]! * x[g]!, 12);
      expect(x.ciblePopulaireApprise).toBeCloseTo(Math.log(1 + (cites[b] ?? 0)), 12);
    }
    // The z-score of libellesCompetences has mean 0 over a source's candidates.
    const lib = engine.caracteristiques('H2913')!.contenu.libellesEcart;
    expect(lib.reduce((t, v) => t + v, 0) / (lib.length - 1)).toBeCloseTo(0, 10);
  });

  it('expert neighbours ignore the target priors (similarity = content logit before DEBUT_PRIORS)', () => {
    const lists = demoWithLists();
    const sans: ModelePasserelles = { ...MODELE_ROME, contenu: { ...MODELE_ROME.contenu, poids: { ...MODELE_ROME.contenu.poids, cibleDomaineApprise: 0, ciblePopulaireApprise: 0 } } };
    const f1 = createPasserelleEngine(lists, {}, { mode: 'expert' }).caracteristiques('K1304')!.expert!;
    const f2 = createPasserelleEngine(lists, {}, { mode: 'expert', modele: sans }).caracteristiques('K1304')!.expert!;
    expect(CARACTERISTIQUES_CONTENU.indexOf('cibleDomaineApprise')).toBe(DEBUT_PRIORS);
    expect(f2.voisins).toEqual(f1.voisins);
    expect(f2.deuxSauts).toEqual(f1.deuxSauts);
  });

  it('is deterministic; the learned score is the default, the historical one on request', () => {
    expect(createPasserelleEngine(demoReferentiel(), {}, { mode: 'contenu' }).allPairsTopK(5)).toEqual(engine.allPairsTopK(5));
    expect(createPasserelleEngine(ref).mode).toBe('contenu');
    expect(createPasserelleEngine(demoWithLists()).mode).toBe('expert');
    const legacy = createPasserelleEngine(ref, {}, { mode: 'composantes' });
    expect(legacy.mode).toBe('composantes');
    expect(legacy.explication('H2913', 'H2902')).toBeUndefined();
    expect(legacy.topK('H2913', 2).map((c) => c.cible)).toEqual(['H2902', 'H2909']);
  });

  it('mode resolution: auto → expert with lists, contenu without; expert without lists falls back', () => {
    expect(createPasserelleEngine(demoWithLists(), {}, { mode: 'auto' }).mode).toBe('expert');
    expect(createPasserelleEngine(ref, {}, { mode: 'auto' }).mode).toBe('contenu');
    expect(createPasserelleEngine(ref, {}, { mode: 'expert' }).mode).toBe('contenu');
    expect(createPasserelleEngine(demoWithLists(), {}, { mode: 'contenu' }).mode).toBe('contenu');
  });
});

describe('expert-aware score (demo with a partial mobilités table)', () => {
  const ref = demoWithLists();
  const engine = createPasserelleEngine(ref, {}, { mode: 'auto' });

  it('a fiche with an official list gets it first, in order and marked, then computed targets', () => {
    const top = engine.topK('H2913', 5);
    expect(top.slice(0, 3)).toEqual([
      { cible: 'H2902', score: expect.any(Number), officielle: true },
      { cible: 'H2909', score: expect.any(Number), officielle: true },
      { cible: 'H2903', score: expect.any(Number), officielle: true },
    ]);
    expect(top.slice(3).every((c) => c.officielle === undefined && !['H2902', 'H2909', 'H2903'].includes(c.cible))).toBe(true);
    expect(engine.topK('H2913', 2).map((c) => c.cible)).toEqual(['H2902', 'H2909']);
    expect(engine.passerelle('H2913', 'H2902', 1)!.mobiliteOfficielle).toBe(true);
  });

  it('a fiche without a list is predicted; its features use the other lists', () => {
    const top = engine.topK('K1304', 5);
    expect(top.every((c) => c.officielle === undefined)).toBe(true);
    // J1501 lists K1302 and K1303: co-cited with nothing for K1304, but K1302 lists K1304 → inverse link.
    const e = engine.explication('K1304', 'K1302')!;
    expect(e.caracteristiques.inverse).toBe(1);
    expect(Object.keys(e.caracteristiques)).toEqual([...CARACTERISTIQUES_CONTENU, ...CARACTERISTIQUES_EXPERT.slice(1)]);
    expect(Object.values(e.contributions).reduce((s, x) => s + x, e.biais)).toBeCloseTo(e.logit, 10);
  });

  it('a source never learns from its own list', () => {
    const f = engine.caracteristiques('H2913')!.expert!;
    const i = engine.codes.indexOf('H2903');
    // H2903 is named only by H2913's own list: popularity 0 for H2913, co-citation and neighbours' lists aside.
    expect(f.popularite[i]).toBe(0);
  });

  it('engine and naive reference agree (official lists first, then predictions)', () => {
    expect(engine.allPairsTopK(8)).toEqual(naiveLearnedAllPairsTopK(ref, engine.params, MODELE_ROME, 8, true));
  });
});

describe('the fit', () => {
  it('logistic regression by Newton recovers the direction of a planted model, deterministically', () => {
    // 2 features, label 1 when 2·x0 − x1 + noise-free threshold: a tiny design matrix.
    const rows = 400;
    const x = new Float32Array(rows * 2);
    const y = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      const a = ((r * 37) % 101) / 100;
      const b = ((r * 53) % 97) / 96;
      x[2 * r] = a;
      x[2 * r + 1] = b;
      y[r] = 2 * a - b + 0.15 * Math.sin(r) > 0.5 ? 1 : 0;
    }
    const fit = fitLogistic({ d: 2, x, y, rows });
    expect(fit.poids[0]).toBeGreaterThan(0);
    expect(fit.poids[1]).toBeLessThan(0);
    expect(fit.poids[0]! / -fit.poids[1]!).toBeGreaterThan(1.3);
    expect(fitLogistic({ d: 2, x, y, rows })).toEqual(fit);
  });

  it('the design matrix has one row per (source, other métier) and the expert labels', () => {
    const ref = demoReferentiel();
    const engine = createPasserelleEngine(ref, {}, { mode: 'contenu' });
    const rel = new Map([['H2913', new Set(['H2902'])]]);
    const D = design(engine, ['H2913'], rel, (s) => CARACTERISTIQUES_CONTENU.map((f) => engine.caracteristiques(s)!.contenu[f]));
    expect(D.rows).toBe(39);
    expect(D.d).toBe(CARACTERISTIQUES_CONTENU.length);
    expect([...D.y].reduce((s, v) => s + v, 0)).toBe(1);
  });

  it('the shipped model names every feature with a finite weight', () => {
    const m: ModelePasserelles = MODELE_ROME;
    expect(Object.keys(m.contenu.poids)).toEqual([...CARACTERISTIQUES_CONTENU]);
    expect(Object.keys(m.expert.poids)).toEqual([...CARACTERISTIQUES_EXPERT]);
    for (const w of [...Object.values(m.contenu.poids), ...Object.values(m.expert.poids), m.contenu.biais, m.expert.biais]) expect(Number.isFinite(w)).toBe(true);
    // Experts favour targets they often name; the neighbours. lists are the main expert signal.
    expect(m.contenu.poids.ciblePopulaireApprise).toBeGreaterThan(0);
    expect(m.expert.poids.voisins).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasRome)('learned score on the real ROME 4.0', () => {
  let ref: Referentiel;
  beforeAll(async () => {
    ref = (await loadRomeOfficiel(nodeFileHost(romeDir!), '.')).referential!;
  }, 120_000);

  it('reads the definitions; welders first for a welder', () => {
    expect(ref.metiers.find((m) => m.code === 'H2913')!.definition).toMatch(/soud/i);
    const e = createPasserelleEngine(ref, {}, { mode: 'contenu' });
    const top = e.topK('H2913', 10).map((c) => c.cible);
    expect(top.slice(0, 3)).toEqual(expect.arrayContaining(['H2916', 'H2917']));
    expect(top).toContain('H2911');
    expect(top).toContain('H2902');
  }, 60_000);

  it.skipIf(!mobFile || !existsSync(mobFile))(
    'expert-aware with the calibration file: official list first, others predicted',
    async () => {
      const { readMobilitesFile } = await import('../../scripts/fit-passerelles.js');
      const mobilites = readMobilitesFile(mobFile);
      const e = createPasserelleEngine({ ...ref, mobilites }, {}, { mode: 'auto' });
      expect(e.mode).toBe('expert');
      expect(e.listesExpertes).toBe(732);
      const h = e.topK('H2913', 10);
      // The official order (numero_ordre 1..6).
      expect(h.slice(0, 6).map((c) => c.cible)).toEqual(['H1506', 'H2902', 'H2911', 'H2914', 'H2916', 'H2917']);
      expect(h.slice(0, 6).every((c) => c.officielle)).toBe(true);
      expect(h.slice(6).every((c) => !c.officielle)).toBe(true);
      // M1203 has no list in the calibration half: predicted.
      expect(e.topK('M1203', 10).every((c) => !c.officielle)).toBe(true);
    },
    60_000,
  );
});
