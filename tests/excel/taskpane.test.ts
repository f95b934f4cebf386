/// <reference lib="dom" />
/**
 * The task pane in headless Chromium (Debian's chromium driven by playwright-core) against the fake
 * of the Office API (tests/excel/fake-office, bundled and served in place of office.js: queued
 * operations, batch failures, request limits, case-insensitive names, value interpretation). The built
 * add-in is served from its https://localhost:3000 URLs by request interception, as Excel would
 * load it. Expected tables are computed in Node by the core from the same files.
 */
import { existsSync, readdirSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';
import { memoryHost } from '../../core/host.js';
import { columnLetters } from '../../core/data/column-letters.js';
import { tablesOfDiagnostic, type Tableau } from '../../excel-addin/src/taskpane/tables.js';
import { construireAddin } from './sandbox.js';
import { fauxOfficeScript } from './fake-office/bundle.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RACINE = path.resolve(__dirname, '../..');
const DEMO = path.join(RACINE, 'examples/demo');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`chromium absent (${CHROMIUM}) — tests du volet Excel ignorés hors CI (apt-get install chromium)`);

type Op = { op: string; sheet?: string; address?: string; values?: unknown[][]; name?: string; type?: string; n?: number; title?: string; hasHeaders?: boolean; showFilterButton?: boolean; formats?: string[] };

function fichiers(dossier: string, prefixe = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const n of readdirSync(dossier)) {
    const p = path.join(dossier, n);
    if (statSync(p).isDirectory()) Object.assign(out, fichiers(p, `${prefixe}${n}/`));
    else out[`${prefixe}${n}`] = new Uint8Array(readFileSync(p));
  }
  return out;
}

// In CI (CI=true) Chromium is required: the test then fails instead of being skipped.
describe.skipIf(!present && !process.env.CI)('volet Office dans Chromium (Office simulé)', () => {
  let browser: Browser;
  let dist: string;
  let fauxOffice: string;
  beforeAll(async () => {
    dist = await construireAddin();
    fauxOffice = await fauxOfficeScript();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => browser?.close());

  async function ouvrir(options: { feuilles?: string[]; langue?: string; contexte?: BrowserContext; reglages?: Record<string, unknown>; sansWorker?: boolean } = {}): Promise<Page> {
    const page = options.contexte ? await options.contexte.newPage() : await browser.newPage({ viewport: { width: 360, height: 900 } });
    // Long tasks of the pane's thread from the start (Chromium's Long Tasks API), with their times.
    await page.addInitScript(() => {
      const w = window as unknown as { __taches: Array<[number, number]> };
      w.__taches = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__taches.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    // The reference of the engine bench: a browser without Web Workers (the engine is then built on this thread).
    if (options.sansWorker) await page.addInitScript(() => delete (window as unknown as { Worker?: unknown }).Worker);
    await page.addInitScript(
      (o) => {
        (window as unknown as { __feuillesInitiales: string[] }).__feuillesInitiales = o.feuilles;
        (window as unknown as { __langue: string }).__langue = o.langue;
        (window as unknown as { __reglagesInitiaux: unknown }).__reglagesInitiaux = o.reglages;
      },
      { feuilles: options.feuilles ?? [], langue: options.langue ?? 'fr-FR', reglages: options.reglages ?? {} },
    );
    await page.route('https://appsforoffice.microsoft.com/**', (r) => r.fulfill({ contentType: 'text/javascript', body: fauxOffice }));
    await page.route('https://localhost:3000/**', (r) => {
      const f = path.join(dist, new URL(r.request().url()).pathname);
      if (!existsSync(f)) return r.fulfill({ status: 404, body: '' });
      const type = f.endsWith('.html') ? 'text/html' : f.endsWith('.css') ? 'text/css' : f.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      return r.fulfill({ contentType: type, body: readFileSync(f) });
    });
    // Anything else (no network in tests) is refused.
    await page.route(/^(?!https:\/\/(localhost:3000|appsforoffice\.microsoft\.com)\/)/, (r) => r.abort());
    const erreurs: string[] = [];
    page.on('pageerror', (e) => erreurs.push(e.message));
    await page.goto('https://localhost:3000/taskpane.html');
    await page.waitForFunction(() => document.getElementById('ref-actif')?.textContent !== '');
    expect(erreurs).toEqual([]);
    return page;
  }

  const journal = (page: Page) => page.evaluate(() => (window as unknown as { __journal: Op[] }).__journal);
  type Modele = {
    feuilles: Array<{ name: string; figees: number; tables: Array<{ name: string; hasHeaders: boolean; showFilterButton?: boolean; address: string }>; graphiques: Array<{ type: string; title?: string }> }>;
    valeurs(n: string): unknown[][];
    formules(): unknown[];
  };
  /** The workbook as the fake Excel holds it after the pane's writes. */
  const classeur = (page: Page) =>
    page.evaluate(() => {
      const c = (window as unknown as { __classeur: Modele }).__classeur;
      return { feuilles: c.feuilles.map((f) => ({ name: f.name, figees: f.figees, tables: f.tables, graphiques: f.graphiques, valeurs: c.valeurs(f.name) })), formules: c.formules() };
    });
  const stats = (page: Page) => page.evaluate(() => (window as unknown as { __stats: { syncs: number; maxOctets: number; maxCellules: number } }).__stats);

  it('charger le diagnostic de démonstration écrit les tableaux attendus, figés, filtrés, avec graphiques', async () => {
    const page = await ouvrir();
    // Shared runtime: the functions bundle loaded in the same page registered every function.
    expect(await page.evaluate(() => Object.keys((window as unknown as { __associes: object }).__associes).length)).toBe(JSON.parse(readFileSync(path.join(dist, 'functions.json'), 'utf8')).functions.length);
    await expect(page.locator('#ref-actif').textContent()).resolves.toContain('Référentiel de démonstration GTEC');
    await page.setInputFiles('#diag-dossier', DEMO);
    await page.waitForSelector('#messages .ok, #messages .avertissement:not(:has-text("Chargement"))', { timeout: 60_000 });
    const message = await page.locator('#messages').textContent();
    expect(message).toMatch(/^\d+ feuilles écrites dans le classeur/);

    const texte = readFileSync(path.join(DEMO, 'diagnostic.gtec.yaml'), 'utf8');
    const { result } = await runDiagnostic(texte, { fileName: 'diagnostic.gtec.yaml', host: memoryHost(fichiers(DEMO)), today: new Date().toISOString().slice(0, 10) });
    const attendus: Tableau[] = tablesOfDiagnostic(result!, 'fr');
    const wb = await classeur(page);
    expect(wb.feuilles.map((f) => f.name)).toEqual(attendus.map((t) => t.feuille));
    expect(wb.formules).toEqual([]);
    for (const t of attendus) {
      const f = wb.feuilles.find((x) => x.name === t.feuille)!;
      // Chromium's and Node's Math.pow may differ in the last bit: numbers to 1e-9.
      const proche = (l: unknown[]) => l.map((v) => (typeof v === 'number' ? expect.closeTo(v, 9) : v));
      expect(f.valeurs, t.feuille).toEqual([t.entetes, ...t.lignes.map(proche)]);
      expect(f.tables).toMatchObject([{ name: t.table, hasHeaders: true, showFilterButton: true, address: `A1:${columnLetters(t.entetes.length)}${t.lignes.length + 1}` }]);
      expect(f.figees).toBe(1);
      expect(f.graphiques.map((g) => g.title)).toEqual((t.graphiques ?? []).map((g) => g.titre));
    }
    expect(attendus.map((t) => t.feuille)).toEqual(expect.arrayContaining(['GTEC Indicateurs', 'GTEC Familles', 'GTEC Passerelles', 'GTEC Écarts', 'GTEC Plan', 'GTEC Évaluation', 'GTEC Graphiques']));
    expect(wb.feuilles.flatMap((f) => f.graphiques.map((g) => g.type))).toEqual(expect.arrayContaining(['ColumnClustered', 'BarStacked']));

    // The passerelle explorer lists the fragile métiers of the diagnostic and their passerelles.
    const fragiles = await page.locator('#fragiles option').count();
    expect(fragiles).toBe(result!.familles.fragile.length);
    // The explorer asks the engine of the Web Worker: its list comes a moment later.
    await page.waitForSelector('#passerelles li');
    await page.locator('#passerelles details').first().click();
    // The README's screenshot (docs/images) is refreshed on demand: GTEC_CAPTURE_DOCS=1.
    const capture = process.env.GTEC_CAPTURE_DOCS ? 'docs/images' : 'tests/artifacts';
    mkdirSync(path.join(RACINE, capture), { recursive: true });
    await page.screenshot({ path: path.join(RACINE, capture, 'excel-taskpane.png'), fullPage: true });
    // French number format in the explorer, and its list written to a sheet of its own.
    expect(await page.locator('#passerelles .score').first().textContent()).toMatch(/^Score \d,\d\d$/);
    const n = await page.locator('#passerelles > li').count();
    await page.click('#exporter');
    await page.waitForFunction(() => (window as unknown as { __classeur: { feuille(n: string): unknown } }).__classeur.feuille('GTEC Explorateur') !== undefined, undefined, { timeout: 60_000 });
    const explorateur = (await classeur(page)).feuilles.find((f) => f.name === 'GTEC Explorateur')!;
    expect(explorateur.valeurs[0]).toEqual(['Source', 'Cible', 'Libellé', 'Score', 'Compétences à acquérir', 'Dont cœur de métier']);
    expect(explorateur.valeurs.length).toBe(n + 1);
    await page.close();
  });

  it('un fichier de diagnostic invalide : message clair en français, rien n’est écrit', async () => {
    const page = await ouvrir();
    await page.setInputFiles('#diag-fichiers', { name: 'casse.gtec.yaml', mimeType: 'text/yaml', buffer: Buffer.from('gtec: 1\ntitre: Essai\nterritoire: [pas, un, objet]\n') });
    await page.waitForSelector('#messages .erreur');
    const message = (await page.locator('#messages').textContent())!;
    expect(message).toMatch(/^Le diagnostic n’a pas pu être calculé : \d+ erreurs?\. Rien n’a été écrit\./);
    expect(message).toMatch(/GTEC-E0\d\d — /);
    expect((await journal(page)).filter((o) => o.op !== 'calculate')).toEqual([]);
    await page.close();
  });

  it('des feuilles existantes ne sont jamais remplacées sans accord : « Annuler » n’écrit rien', async () => {
    const page = await ouvrir({ feuilles: ['GTEC Indicateurs'] });
    await page.setInputFiles('#diag-dossier', DEMO);
    await page.waitForSelector('#confirmer:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#confirmer-noms').textContent()).toBe('GTEC Indicateurs');
    await page.click('#confirmer-non');
    await page.waitForSelector('#messages .avertissement:has-text("Rien n’a été écrit")');
    expect(await journal(page)).toEqual([]);
    await page.close();
  });

  it('classeur BMO officiel : une feuille par ligne du classeur, valeurs masquées « * » laissées vides', async () => {
    // A workbook shaped like France Travail's « Base open data BMO » (sheet, headers), built here.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('BMO_2024_open_data');
    ws.addRow(['annee', 'Code métier BMO', 'Nom métier BMO', 'Famille_met', 'REG', 'Dept', 'BE24', 'NOMBE24', 'met', 'xmet', 'smet']);
    ws.addRow([2024, 'A0X40', 'Agriculteurs salariés', 'A', '84', '01', '8201', 'Bourg', 120, 40, '*']);
    ws.addRow([2024, 'T4Z60', 'Aides à domicile', 'S', '84', '01', '8201', 'Bourg', 55, '*', 3]);
    const octets = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await ouvrir();
    await page.check('#bmo-brut');
    await page.setInputFiles('#bmo', { name: 'Base_open_data_BMO_2024.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: octets });
    await page.waitForSelector('#messages .ok', { timeout: 60_000 });
    expect(await page.locator('#messages').textContent()).toBe('2 lignes BMO lues. 2 feuilles écrites dans le classeur.');
    const lu = await classeur(page);
    expect(lu.feuilles.find((f) => f.name === 'GTEC BMO')!.valeurs).toEqual([
      ['Année', 'Bassin', 'Département', 'Code métier BMO', 'Métier', 'Projets de recrutement', 'Projets difficiles', 'Projets saisonniers'],
      [2024, '8201', '01', 'A0X40', 'Agriculteurs salariés', 120, 40, ''],
      [2024, '8201', '01', 'T4Z60', 'Aides à domicile', 55, '', 3],
    ]);
    // The summary (written by default): the territory's total, then one row per métier, withheld cells as lower bounds.
    const synthese = lu.feuilles.find((f) => f.name === 'GTEC BMO synthèse')!.valeurs;
    expect(synthese[0]).toEqual([
      'Code métier BMO',
      'Métier',
      'Projets (au moins)',
      'Projets difficiles (au moins)',
      'Projets saisonniers (au moins)',
      'Part difficiles',
      'Part saisonniers',
      'Cellules masquées « * »',
      'Significatif (≥ 30 projets)',
    ]);
    expect(synthese[1]).toEqual(['', 'Total du territoire', 175, 40, 3, expect.closeTo(40 / 175, 9), expect.closeTo(3 / 175, 9), 2, 'oui']);
    expect(synthese[2]).toEqual(['A0X40', 'Agriculteurs salariés', 120, 40, '', expect.closeTo(1 / 3, 9), '', 1, 'oui']);
    // Inputs are enabled again once the work is done.
    expect(await page.locator('#bmo').isDisabled()).toBe(false);
    await page.close();
  });

  const BMO = path.resolve(RACINE, '../shared/data/bmo-officiel/Base_open_data_BMO_2024.xlsx');
  if (!existsSync(BMO)) console.warn('données réelles absentes : ../shared/data/bmo-officiel — test du classeur BMO réel ignoré');
  it.skipIf(!existsSync(BMO))('classeur BMO 2024 réel : synthèse du bassin de Grenoble par défaut, puis les 53 443 lignes brutes, requêtes dans les limites', { timeout: 400_000 }, async () => {
    const page = await ouvrir();
    // Longest task of the pane's main thread during the load (Chromium's Long Tasks API).
    await page.evaluate(() => {
      const w = window as unknown as { __plusLongue: number };
      w.__plusLongue = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__plusLongue = Math.max(w.__plusLongue, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.fill('#bmo-territoire', '8412');
    const t0 = Date.now();
    await page.setInputFiles('#bmo', BMO);
    // Parsed in the worker: the pane shows its progress and stays responsive, inputs disabled.
    await page.waitForSelector('#bmo-progres:not([hidden])');
    expect(await page.locator('#diag-fichiers').isDisabled()).toBe(true);
    await page.waitForSelector('#messages .ok', { timeout: 180_000 });
    expect(await page.locator('#messages').textContent()).toMatch(/^53\s443 lignes BMO lues\. 190 lignes pour le territoire 8412\. 1 feuille écrite dans le classeur\.$/);
    const duree = Date.now() - t0;
    const plusLongue = await page.evaluate(() => (window as unknown as { __plusLongue: number }).__plusLongue);
    console.info(`BMO 2024 réel, bassin 8412 : chargement ${(duree / 1000).toFixed(1)} s, plus longue tâche du fil du volet ${plusLongue.toFixed(0)} ms`);
    const synthese = (await classeur(page)).feuilles.find((f) => f.name === 'GTEC BMO synthèse')!.valeurs;
    expect(synthese[1]!.slice(0, 5)).toEqual(['', 'Total du territoire', 24280, 12912, 4970]);
    await page.check('#bmo-brut');
    await page.fill('#bmo-territoire', '');
    await page.evaluate(() => ((window as unknown as { __plusLongue: number }).__plusLongue = 0));
    const t1 = Date.now();
    await page.setInputFiles('#bmo', BMO);
    await page.waitForSelector('#confirmer:not([hidden])', { timeout: 180_000 });
    const t2 = Date.now();
    await page.click('#confirmer-oui');
    await page.waitForSelector('#messages .ok:has-text("2 feuilles")', { timeout: 180_000 });
    const plusLongue2 = await page.evaluate(() => (window as unknown as { __plusLongue: number }).__plusLongue);
    console.info(`BMO 2024 réel, tout le pays et lignes brutes : lecture ${((t2 - t1) / 1000).toFixed(1)} s, écriture ${((Date.now() - t2) / 1000).toFixed(1)} s, plus longue tâche du fil du volet ${plusLongue2.toFixed(0)} ms`);
    const n = await page.evaluate(() => (window as unknown as { __classeur: Modele }).__classeur.valeurs('GTEC BMO').length);
    expect(n).toBe(53_444);
    const s = await stats(page);
    expect(s.maxOctets).toBeLessThan(5 * 1024 * 1024);
    expect(s.maxCellules).toBeLessThan(5_000_000);
    await page.close();
  });

  const lire = (page: Page, id: string, code: string) => page.evaluate(([i, c]) => (window as unknown as { __associes: Record<string, (x: unknown[][]) => unknown> }).__associes[i!]!([[c]]), [id, code]);

  it('référentiel : export ROME (petit export au format officiel) puis fichier CSV personnalisé, servis aux fonctions ; un CSV incorrect ne change rien', async () => {
    const page = await ouvrir();
    await page.setInputFiles('#rome', path.join(RACINE, 'tests/fixtures/referentiel/mini-rome'));
    await page.waitForSelector('#messages .ok');
    expect(await page.locator('#ref-actif').textContent()).toMatch(/^ROME 4.0 v99 \(99M99\) — version 99 — \d+ fiches$/);
    await page.setInputFiles('#ref-csv', path.join(RACINE, 'tests/fixtures/referentiel/custom.csv'));
    await page.waitForSelector('#messages .ok:has-text("custom.csv")');
    expect(await lire(page, 'LIBELLE', 'SOUD')).toEqual([["Soudeur d'atelier"]]);
    const avant = await page.locator('#ref-actif').textContent();
    await page.setInputFiles('#ref-csv', { name: 'faux.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') });
    await page.waitForSelector('#messages .erreur');
    expect(await page.locator('#messages').textContent()).toMatch(/^Le référentiel n’a pas pu être chargé : \d+ erreurs?\.GTEC-E3\d\d — /);
    expect(await page.locator('#ref-actif').textContent()).toBe(avant);
    await page.close();
  });

  const ROME = path.resolve(RACINE, '../shared/data/rome-officiel/v460');
  if (!existsSync(ROME)) console.warn('données réelles absentes : ../shared/data/rome-officiel — test de l’export ROME réel ignoré');
  it.skipIf(!existsSync(ROME))('export ROME officiel : chargé depuis son dossier, gardé d’une session à l’autre, servi aux fonctions', async () => {
    // One browser profile for both sessions (IndexedDB is per profile).
    const contexte = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const page = await ouvrir({ contexte });
    await page.setInputFiles('#rome', ROME);
    await page.waitForSelector('#messages .ok', { timeout: 120_000 });
    expect(await page.locator('#messages').textContent()).toMatch(/^Référentiel chargé et conservé pour les prochaines sessions : ROME 4\.0/);
    expect(await journal(page)).toContainEqual({ op: 'calculate', type: 'Full' });
    await page.close();
    // A new session of the pane (same browser profile): the referential comes back from IndexedDB,
    // and the functions of the shared runtime use it.
    const suite = await ouvrir({ contexte });
    expect(await suite.locator('#ref-actif').textContent()).toMatch(/ROME 4\.0.* — version 60 — 1584 fiches/);
    const libelle = await suite.evaluate(() => (window as unknown as { __associes: Record<string, (c: unknown[][]) => unknown> }).__associes.LIBELLE!([['M1805']]));
    expect(libelle).toEqual([[expect.stringMatching(/^Développeur \/ Développeuse informatique$/)]]);
    await suite.click('#demo');
    await suite.waitForSelector('#messages .ok');
    await contexte.close();
  });

  it.skipIf(!existsSync(ROME))('moteur de passerelles du ROME complet : construit dans le Web Worker, le premier PASSERELLES n’occupe pas le fil du volet (référence sans worker dans la même exécution)', { timeout: 400_000 }, async () => {
    const contexte = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const charge = await ouvrir({ contexte });
    await charge.setInputFiles('#rome', ROME);
    await charge.waitForSelector('#messages .ok', { timeout: 180_000 });
    await charge.close();
    /** Opens a session (ROME kept in IndexedDB), calls PASSERELLES at once, returns the times. */
    const session = async (sansWorker: boolean) => {
      const page = await ouvrir({ contexte, sansWorker });
      const mesure = await page.evaluate(async () => {
        const w = window as unknown as { __taches: Array<[number, number]>; __associes: Record<string, (...x: unknown[]) => unknown> };
        const t0 = performance.now();
        // Called from a task of the page, as Excel's calls are (a script run by the test driver is not one the Long Tasks API times).
        const r = await new Promise<unknown[][]>((ok) => setTimeout(() => void Promise.resolve(w.__associes.PASSERELLES!([['H2913']], [[5]], null) as unknown[][]).then(ok)));
        const t1 = performance.now();
        // Long tasks are reported after they end, to the observer, asynchronously: give it a moment.
        await new Promise((ok) => setTimeout(ok, 500));
        // The worker's build, when there is one (marks of engine-worker.ts).
        while (w.__associes && !performance.getEntriesByName('gtec-moteur-pret').length && typeof Worker !== 'undefined') await new Promise((ok) => setTimeout(ok, 50));
        const pret = performance.getEntriesByName('gtec-moteur-pret')[0] as PerformanceMark | undefined;
        const envoi = performance.getEntriesByName('gtec-moteur-envoi', 'measure')[0];
        const apres = w.__taches.filter(([d, l]) => d + l >= t0 - 1);
        return {
          r,
          appel: t1 - t0,
          plusLongue: Math.max(0, ...apres.map(([, l]) => l)),
          // Over the whole session, the start included (the IndexedDB read and the clone posted to the worker).
          depuisOuverture: Math.max(0, ...w.__taches.map(([, l]) => l)),
          construction: (pret?.detail as { construction?: number } | undefined)?.construction,
          envoi: envoi?.duration,
        };
      });
      await page.close();
      return mesure;
    };
    // Medians of 3 sessions of each, alternated (the machine is shared).
    const mesures: { reference: Awaited<ReturnType<typeof session>>[]; worker: Awaited<ReturnType<typeof session>>[] } = { reference: [], worker: [] };
    for (let i = 0; i < 3; i++) {
      mesures.reference.push(await session(true));
      mesures.worker.push(await session(false));
    }
    const mediane = <K extends 'appel' | 'plusLongue' | 'depuisOuverture' | 'construction' | 'envoi'>(l: Array<Record<K, number | undefined>>, k: K) => l.map((x) => x[k] ?? 0).sort((a, b) => a - b)[1]!;
    const med = (l: typeof mesures.worker) => ({
      r: l[0]!.r,
      appel: mediane(l, 'appel'),
      plusLongue: mediane(l, 'plusLongue'),
      depuisOuverture: mediane(l, 'depuisOuverture'),
      construction: mediane(l, 'construction'),
      envoi: mediane(l, 'envoi'),
    });
    const reference = med(mesures.reference);
    const worker = med(mesures.worker);
    // Same answer, wherever the engine is built.
    expect(worker.r).toEqual(reference.r);
    expect(worker.r.length).toBe(5);
    expect(worker.construction).toBeGreaterThan(0);
    console.info(
      `Moteur de passerelles, ROME complet, premier PASSERELLES (médianes de 3) : sans worker ${reference.appel.toFixed(0)} ms (plus longue tâche du fil du volet pendant l’appel ${reference.plusLongue.toFixed(0)} ms, depuis l’ouverture ${reference.depuisOuverture.toFixed(0)} ms) ; ` +
        `avec worker ${worker.appel.toFixed(0)} ms (construction dans le worker ${worker.construction.toFixed(0)} ms, envoi du référentiel ${worker.envoi.toFixed(0)} ms, plus longue tâche du fil du volet pendant l’appel ${worker.plusLongue.toFixed(0)} ms, depuis l’ouverture ${worker.depuisOuverture.toFixed(0)} ms)`,
    );
    await contexte.close();
  });

  it('nomenclatures publiques chargées dans le volet : lues dans un worker, enregistrées dans le classeur, servies aux fonctions, gardées d’une session à l’autre', async () => {
    const contexte = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const page = await ouvrir({ contexte });
    const appeler = (p: Page, id: string, ...args: unknown[]) =>
      p.evaluate(
        ([i, a]) => {
          try {
            return (window as unknown as { __associes: Record<string, (...x: unknown[]) => unknown> }).__associes[i as string]!(...(a as unknown[]));
          } catch (e) {
            return { code: (e as { code: string }).code, message: (e as { message: string }).message };
          }
        },
        [id, args],
      );
    expect(((await appeler(page, 'BMO.BASSIN.LIBELLE', [['8412']])) as { code: string }).code).toBe('#N/A');
    await page.setInputFiles('#nomenclatures', [
      { name: 'bmo_2024_bassins.csv', mimeType: 'text/csv', buffer: Buffer.from('code_bassin,code_departement,libelle_bassin,libelle_departement,code_region,libelle_region\n8412,38,GRENOBLE,Isère,84,Auvergne-Rhône-Alpes\n') },
      {
        name: 'fap2021_nomenclature.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'code_fap_341,intitule_fap_341,code_fap_228,intitule_fap_228,code_fap_86,intitule_fap_86,code_fap_22,intitule_fap_22\nS1X20a,Aides de cuisine,S1X20,Aides de cuisine et employés polyvalents,S1X,Cuisiniers,S,Hôtellerie\n',
        ),
      },
      { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') },
    ]);
    await page.waitForSelector('#messages .avertissement:has-text("Nomenclatures chargées")');
    expect(await page.locator('#messages').textContent()).toContain('Fichiers non reconnus (aucune colonne code_fap_225, code_fap_341, code_metier_bmo, code_bassin, code_fap2009 + code_rome_v3 ni de classeur BMO) : notes.csv');
    expect(await page.evaluate(() => (window as unknown as { __classeur: { reglages: Map<string, unknown> } }).__classeur.reglages.get('gtec.nomenclatures'))).toEqual({
      fichiers: [
        { nom: 'bmo_2024_bassins.csv', lignes: 1 },
        { nom: 'fap2021_nomenclature.csv', lignes: 1 },
      ],
    });
    expect(await journal(page)).toContainEqual({ op: 'calculate', type: 'Full' });
    expect(await appeler(page, 'BMO.BASSIN.LIBELLE', [['8412']])).toEqual([['GRENOBLE']]);
    expect(await appeler(page, 'FAP.2021.LIBELLE', [['S1X20']])).toEqual([['Aides de cuisine et employés polyvalents']]);
    await page.close();
    const suite = await ouvrir({ contexte });
    expect(await suite.locator('#nom-actives').textContent()).toBe('bmo_2024_bassins.csv (1 ligne), fap2021_nomenclature.csv (1 ligne)');
    expect(await appeler(suite, 'BMO.BASSIN.LIBELLE', [['8412']])).toEqual([['GRENOBLE']]);
    await contexte.close();
  });

  it('recharger le diagnostic et accepter « Remplacer » réécrit les mêmes feuilles', async () => {
    const page = await ouvrir();
    await page.setInputFiles('#diag-dossier', DEMO);
    await page.waitForSelector('#messages :has-text("feuilles écrites")', { timeout: 60_000 });
    const premiers = (await classeur(page)).feuilles.map((f) => f.name);
    await page.setInputFiles('#diag-dossier', DEMO);
    await page.waitForSelector('#confirmer:not([hidden])', { timeout: 60_000 });
    await page.click('#confirmer-oui');
    await page.waitForFunction(() => (window as unknown as { __journal: Array<{ op: string }> }).__journal.filter((o) => o.op === 'activate').length === 2, undefined, { timeout: 60_000 });
    const ops = await journal(page);
    // Write, then swap: the new sheets are all in before the first old one is deleted.
    expect(ops.filter((o) => o.op === 'deleteSheet').map((o) => o.sheet)).toEqual(premiers);
    expect(ops.findIndex((o) => o.op === 'deleteSheet')).toBeGreaterThan(ops.map((o) => o.op).lastIndexOf('values'));
    expect((await classeur(page)).feuilles.map((f) => f.name)).toEqual(premiers);
    expect(await page.locator('#messages').textContent()).toMatch(/feuilles écrites/);
    await page.close();
  });

  it('classeur reproductible : un classeur qui enregistre un référentiel absent donne #N/A (jamais un autre) ; choisir un référentiel l’enregistre', async () => {
    const rome = { nom: 'ROME 4.0 v60 (25M09)', version: '60', source: 'rome-officiel' };
    const page = await ouvrir({ reglages: { 'gtec.referentiel': rome } });
    await page.waitForSelector('#ref-classeur.erreur');
    expect(await page.locator('#ref-classeur').textContent()).toContain('ROME 4.0 v60 (25M09)');
    const appeler = (id: string, ...args: unknown[]) =>
      page.evaluate(
        ([i, a]) => {
          try {
            return (window as unknown as { __associes: Record<string, (...x: unknown[]) => unknown> }).__associes[i as string]!(...(a as unknown[]));
          } catch (e) {
            return { code: (e as { code: string }).code, message: (e as { message: string }).message };
          }
        },
        [id, args],
      );
    const e = (await appeler('LIBELLE', [['H2913']])) as { code: string; message: string };
    expect(e.code).toBe('#N/A');
    expect(e.message).toMatch(/^Ce classeur utilise le référentiel « ROME 4\.0 v60 \(25M09\) » \(version 60, rome-officiel\), qui n’est pas chargé sur ce poste/);
    expect(((await appeler('REFERENTIEL')) as { code: string }).code).toBe('#N/A');
    await page.click('#demo');
    await page.waitForSelector('#messages .ok');
    expect(await page.evaluate(() => (window as unknown as { __classeur: { reglages: Map<string, unknown> } }).__classeur.reglages.get('gtec.referentiel'))).toMatchObject({ source: 'demo' });
    expect(await appeler('LIBELLE', [['H2913']])).toEqual([[expect.any(String)]]);
    const r = (await appeler('REFERENTIEL')) as unknown[][];
    expect(r[0]).toEqual(['Référentiel', 'Version', 'Source', 'Fiches', 'Classeur']);
    expect(r[1]).toEqual([expect.stringContaining('démonstration'), expect.any(String), 'demo', expect.any(Number), 'enregistré dans le classeur']);
    await page.close();
  });

  it('repro §4b dans le volet : démo en français, passer en anglais, recharger : aucune feuille perdue, aucun conflit de nom de table', { timeout: 180_000 }, async () => {
    const page = await ouvrir();
    await page.setInputFiles('#diag-dossier', DEMO);
    await page.waitForSelector('#messages :has-text("feuilles écrites")', { timeout: 60_000 });
    const francaises = (await classeur(page)).feuilles.map((f) => f.name);
    await page.click('#langue');
    await page.setInputFiles('#diag-dossier', DEMO);
    // The English sheet names differ from the French ones (GTEC Pathways…): nothing to replace, no dialog.
    await page.waitForSelector('#messages :has-text("sheets written")', { timeout: 60_000 });
    const wb = await classeur(page);
    const noms = wb.feuilles.map((f) => f.name);
    for (const n of francaises) expect(noms).toContain(n);
    expect(noms).toEqual(expect.arrayContaining(['GTEC Indicators', 'GTEC Pathways']));
    const tables = wb.feuilles.flatMap((f) => f.tables.map((t) => t.name.toLowerCase()));
    expect(new Set(tables).size).toBe(tables.length);
    expect(tables).toContain('gtec_indicateurs_2');
    await page.close();
  });

  it('repro §4a dans le volet : une feuille « gtec bmo » existante est signalée avant tout remplacement', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('BMO_2024_open_data');
    ws.addRow(['annee', 'Code métier BMO', 'Nom métier BMO', 'Famille_met', 'REG', 'Dept', 'BE24', 'NOMBE24', 'met', 'xmet', 'smet']);
    ws.addRow([2024, 'A0X40', '=Agriculteurs', 'A', '84', '01', '8201', 'Bourg', 120, 40, '*']);
    const octets = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await ouvrir({ feuilles: ['gtec bmo'] });
    await page.check('#bmo-brut');
    await page.setInputFiles('#bmo', { name: 'Base_open_data_BMO_2024.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: octets });
    await page.waitForSelector('#confirmer:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#confirmer-noms').textContent()).toBe('gtec bmo');
    await page.click('#confirmer-oui');
    await page.waitForSelector('#messages .ok', { timeout: 60_000 });
    const wbf = await classeur(page);
    expect(wbf.feuilles.map((f) => f.name)).toEqual(['GTEC BMO synthèse', 'GTEC BMO']);
    // The "01" département stays text and the formula-like name stays a text: no formula in the workbook.
    expect(wbf.feuilles[1]!.valeurs[1]).toEqual([2024, '8201', '01', 'A0X40', '=Agriculteurs', 120, 40, '']);
    expect(wbf.formules).toEqual([]);
    await page.close();
  });

  it('interface en anglais quand Office est en anglais', async () => {
    const page = await ouvrir({ langue: 'en-US' });
    expect(await page.locator('h1').textContent()).toBe('GTEC diagnostic');
    await page.click('#langue');
    expect(await page.locator('h1').textContent()).toBe('Diagnostic GTEC');
    await page.close();
  });
});
