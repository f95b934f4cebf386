/// <reference types="office-js" />
/**
 * The task pane: loads a diagnostic (its *.gtec.yaml and data files, through an in-memory
 * FileHost), the official BMO workbook or an official ROME export, and writes Excel tables and
 * charts. All the analysis is the core's (runDiagnostic, loadSource, loadRomeOfficiel, the
 * passerelle engine); this file only reads files, shows messages and calls the workbook writer.
 */
import {
  type DiagnosticResult,
  type Passerelle,
  runDiagnostic,
  partsBmo,
  validateDiagnosticSync,
  memoryHost,
  hasErrors,
  type Lang,
  type Problem,
  demoReferentiel,
  loadCsvReferentiel,
  type Referentiel,
  loadRomeOfficiel,
  locationRef,
} from '../../../core/index.js';
import {
  activateNomenclatures,
  activateReferentiel,
  activeNomenclatures,
  activeReferentiel,
  declareWorkbookNomenclatures,
  declareWorkbookReferentiel,
  identite,
  identiteNomenclatures,
  memeReferentiel,
  memesNomenclatures,
  workbookNomenclatures,
  workbookReferentiel,
} from '../shared/state.js';
import { langue } from '../shared/language.js';
import { writeTables, recalculate, readWorkbookNomenclatures, readWorkbookReferentiel, recordWorkbookNomenclatures, recordWorkbookReferentiel, type OptionsEcriture } from './workbook.js';
import type { MessageNomenclatures } from './nomenclatures-worker.js';
import type { LigneBmo, MessageBmo } from './bmo-worker.js';
import { startEngineWorker, workersDisponibles } from './engine-worker.js';
import { keepNomenclatures, keepReferentiel, readKeptNomenclatures, readKeptReferentiel, forgetReferentiel } from './storage.js';
import { tablesOfDiagnostic, type Tableau } from './tables.js';
import { TEXTES, type Textes } from './texts.js';

let lang: Lang = 'fr';
/** The language the pane's language button switches to. */
const AUTRE_LANGUE: Record<Lang, Lang> = { fr: 'en', en: 'fr' };
let t: Textes = TEXTES.fr;
let dernier: DiagnosticResult | undefined;

const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;

function applyTexts(): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const v = t[el.dataset.t as keyof Textes];
    if (typeof v === 'string') el.textContent = v;
  }
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-t-placeholder]')) {
    el.placeholder = t[el.dataset.tPlaceholder as keyof Textes] as string;
  }
  showReferentiel();
  showNomenclatures();
  fillFragiles();
}

/** The loaded nomenclature files, and whether the workbook's formulas use them. */
function showNomenclatures(): void {
  const n = activeNomenclatures();
  $('nom-actives').textContent = n ? n.fichiers.map((f) => `${f.nom} (${t.lignes(f.lignes)})`).join(', ') : t.aucuneNomenclature;
  const exige = workbookNomenclatures();
  const memes = exige && n ? memesNomenclatures(exige, identiteNomenclatures(n)) : false;
  const zone = $('nom-classeur');
  zone.className = exige && !memes ? 'erreur' : 'aide';
  zone.textContent = !exige ? t.classeurSansNomenclatures : memes ? t.classeurNomenclatures : t.classeurAutresNomenclatures(exige.fichiers.map((f) => f.nom).join(', '));
}

/**
 * Public nomenclatures (FAP 2009, FAP 2021 / BMO, bassins, FAP 2009 → ROME v3): read in a Web
 * Worker, kept in IndexedDB, recorded in the workbook (setting gtec.nomenclatures), formulas recomputed.
 */
async function loadNomenclatures(fichiers: Record<string, Uint8Array>): Promise<void> {
  if (Object.keys(fichiers).length === 0) return;
  occupe(true, 'nom-progres');
  try {
    const worker = new Worker(new URL('nomenclatures-worker.js', document.baseURI));
    const r = await new Promise<MessageNomenclatures | undefined>((ok, ko) => {
      $('nom-annuler').onclick = () => {
        worker.terminate();
        ok(undefined);
      };
      worker.onerror = (e) => {
        worker.terminate();
        ko(new Error(e.message));
      };
      worker.onmessage = (e: MessageEvent<MessageNomenclatures>) => {
        worker.terminate();
        ok(e.data);
      };
      worker.postMessage(
        { fichiers },
        Object.values(fichiers).map((o) => o.buffer),
      );
    });
    if (!r) return messages('avertissement', t.annule);
    const erreurs = r.problemes.filter((p) => p.severity === 'error').map(texteProbleme);
    if (r.nomenclatures.fichiers.length === 0) return messages('erreur', t.nomenclaturesInconnues(r.inconnus), erreurs);
    activateNomenclatures(r.nomenclatures);
    await keepNomenclatures(r.nomenclatures).catch(() => undefined);
    const id = identiteNomenclatures(r.nomenclatures);
    await recordWorkbookNomenclatures(id);
    declareWorkbookNomenclatures(id);
    showNomenclatures();
    await recalculate();
    const avertissements = [...(r.inconnus.length ? [t.nomenclaturesInconnues(r.inconnus)] : []), ...erreurs];
    messages(avertissements.length ? 'avertissement' : 'ok', t.nomenclaturesChargees(r.nomenclatures.fichiers.map((f) => f.nom).join(', ')), avertissements);
  } finally {
    occupe(false, 'nom-progres');
  }
}

function showReferentiel(): void {
  const r = activeReferentiel().referential;
  $('ref-actif').textContent = `${r.label} — ${t.version} ${r.version} — ${r.metiers.length} ${t.fiches}`;
  const exige = workbookReferentiel();
  const zone = $('ref-classeur');
  zone.className = exige && !memeReferentiel(exige, identite(r)) ? 'erreur' : 'aide';
  zone.textContent = !exige ? t.classeurSansReferentiel : memeReferentiel(exige, identite(r)) ? t.classeurReferentiel : t.classeurAutreReferentiel(`${exige.nom} (${t.version} ${exige.version})`);
}

/** The chosen referential becomes the workbook's: recorded in it, then its formulas recompute. */
async function adopter(): Promise<void> {
  const id = identite(activeReferentiel().referential);
  await recordWorkbookReferentiel(id);
  declareWorkbookReferentiel(id);
  showReferentiel();
  await recalculate();
}

// ───────────── Messages

function messages(classe: 'ok' | 'erreur' | 'avertissement', titre: string, lignes: string[] = []): void {
  const zone = $('messages');
  zone.replaceChildren();
  const p = document.createElement('p');
  p.className = classe;
  p.textContent = titre;
  if (lignes.length) {
    const ul = document.createElement('ul');
    for (const l of lignes.slice(0, 20)) {
      const li = document.createElement('li');
      li.textContent = l;
      ul.append(li);
    }
    if (lignes.length > 20) ul.append(Object.assign(document.createElement('li'), { textContent: `… (+${lignes.length - 20})` }));
    p.append(ul);
  }
  zone.append(p);
}

function texteProbleme(p: Problem): string {
  const l = p.location;
  const ou = l ? ` (${locationRef(l)})` : '';
  return `${p.code} — ${p.message[lang]}${ou}`;
}

/** Runs an action, showing any unexpected failure as a message rather than losing it. */
async function action(f: () => Promise<void>): Promise<void> {
  messages('avertissement', t.enCours);
  try {
    await f();
  } catch (e) {
    messages('erreur', t.erreurInterne + (e instanceof Error ? e.message : String(e)));
  }
}

function confirmer(existantes: string[]): Promise<boolean> {
  const boite = $('confirmer');
  $('confirmer-noms').textContent = existantes.join(', ');
  boite.hidden = false;
  return new Promise((ok) => {
    const fin = (v: boolean) => () => {
      boite.hidden = true;
      ok(v);
    };
    $('confirmer-oui').onclick = fin(true);
    $('confirmer-non').onclick = fin(false);
  });
}

async function ecrire(tableaux: Tableau[], avertissements: string[] = [], prefixe = '', options: OptionsEcriture = {}): Promise<void> {
  const ecrites = await writeTables(tableaux, confirmer, options);
  if (!ecrites) return messages('avertissement', t.annule);
  const titre = prefixe + t.ecrit(ecrites.length) + (avertissements.length ? ' ' + t.avertissements(avertissements.length) : '');
  messages(avertissements.length ? 'avertissement' : 'ok', titre, avertissements);
}

// ───────────── Files

/** The chosen files by path relative to the chosen folder (or by name). */
async function readFiles(input: HTMLInputElement): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const f of Array.from(input.files ?? [])) {
    const rel = f.webkitRelativePath ? f.webkitRelativePath.split('/').slice(1).join('/') : f.name;
    out[rel] = new Uint8Array(await f.arrayBuffer());
  }
  return out;
}

async function loadDiagnostic(fichiers: Record<string, Uint8Array>): Promise<void> {
  const noms = Object.keys(fichiers);
  const yaml = noms.find((n) => /\.gtec\.ya?ml$/i.test(n)) ?? noms.find((n) => /\.ya?ml$/i.test(n));
  if (!yaml) return messages('erreur', t.pasDeYaml);
  // Data paths in the file are relative to its folder.
  const dossier = yaml.includes('/') ? yaml.slice(0, yaml.lastIndexOf('/') + 1) : '';
  const relatifs = Object.fromEntries(noms.filter((n) => n.startsWith(dossier)).map((n) => [n.slice(dossier.length), fichiers[n]!]));
  const texte = new TextDecoder('utf-8').decode(fichiers[yaml]);
  const nom = yaml.slice(dossier.length);
  // The loaded official ROME serves a diagnostic that declares it (no need to pick the export again).
  const actif = activeReferentiel().referential;
  const declare = validateDiagnosticSync(texte, { fileName: nom }).doc?.referentiel.type;
  const { result, problems } = await runDiagnostic(texte, {
    fileName: nom,
    host: memoryHost(relatifs),
    ...(declare && declare === actif.kind && actif.kind !== 'demo' ? { referential: actif } : {}),
    today: new Date().toISOString().slice(0, 10),
  });
  if (!result || hasErrors(problems)) {
    const erreurs = problems.filter((p) => p.severity === 'error');
    return messages('erreur', t.erreursDiagnostic(erreurs.length), erreurs.map(texteProbleme));
  }
  dernier = result;
  fillFragiles();
  await ecrire(tablesOfDiagnostic(result, lang), problems.filter((p) => p.severity === 'warning').map(texteProbleme));
}

/** Parses the BMO workbook in the Web Worker (bmo-worker.ts); undefined when cancelled. */
function parseBmoInWorker(nom: string, octets: Uint8Array): Promise<Extract<MessageBmo, { type: 'fin' }> | undefined> {
  const worker = new Worker(new URL('bmo-worker.js', document.baseURI));
  return new Promise((ok, ko) => {
    $('bmo-annuler').onclick = () => {
      worker.terminate();
      ok(undefined);
    };
    worker.onerror = (e) => {
      worker.terminate();
      ko(new Error(e.message));
    };
    worker.onmessage = (e: MessageEvent<MessageBmo>) => {
      if (e.data.type === 'progres') $('bmo-etape').textContent = t.etapes[e.data.etape];
      else {
        worker.terminate();
        ok(e.data);
      }
    };
    worker.postMessage({ nom, octets }, [octets.buffer]);
  });
}

/** Long tasks running, by their progress line. */
const enCours = new Set<string>();

/** Inputs disabled while a long task runs (any of them), its progress line shown. */
function occupe(oui: boolean, progres = 'bmo-progres'): void {
  if (oui) enCours.add(progres);
  else enCours.delete(progres);
  $(progres).hidden = !oui;
  // The cancel buttons and the replace dialog stay usable.
  for (const el of document.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button, select'))
    if (!['bmo-annuler', 'moteur-annuler', 'nom-annuler', 'confirmer-oui', 'confirmer-non'].includes(el.id)) el.disabled = enCours.size > 0;
}

/**
 * Builds the active referential's passerelle engine in the Web Worker (progress, cancel, inputs
 * disabled meanwhile); the functions and the explorer then ask that engine. Without workers, the
 * engine is built on first use on this thread, as before.
 */
async function construireMoteur(): Promise<void> {
  if (!workersDisponibles()) return;
  const etat = activeReferentiel();
  const arret = new AbortController();
  $('moteur-annuler').onclick = () => arret.abort();
  occupe(true, 'moteur-progres');
  performance.mark('gtec-moteur-debut');
  try {
    const r = await startEngineWorker(etat, arret.signal);
    if (!r.pret) messages('avertissement', t.moteurAnnule);
  } finally {
    occupe(false, 'moteur-progres');
  }
}

/** Rows of the territory: a bassin, département or région code (empty: all rows). */
function duTerritoire(lignes: readonly LigneBmo[], code: string): LigneBmo[] {
  if (!code) return [...lignes];
  return lignes.filter((l) => l.zone === code || l.departement === code || l.region === code);
}

/** Summary table: the territory's total, then one row per métier, counts as lower bounds (partsBmo). */
function syntheseBmo(lignes: readonly LigneBmo[]): Tableau {
  const parMetier = new Map<string, LigneBmo[]>();
  for (const l of lignes) parMetier.set(l.metier, [...(parMetier.get(l.metier) ?? []), l]);
  const ligne = (code: string, libelle: string, rs: readonly LigneBmo[]): Tableau['lignes'][number] => {
    const p = partsBmo(rs, 30);
    const v = (x: number | null) => x ?? '';
    return [code, libelle, v(p.projets.valeur), v(p.difficiles.valeur), v(p.saisonniers.valeur), v(p.partDifficiles), v(p.partSaisonniers), p.masques, p.significatif ? t.significatifOui : t.significatifNon];
  };
  const metiers = [...parMetier.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    feuille: t.feuilles.bmoSynthese,
    table: 'GTEC_BMO_Synthese',
    entetes: [...t.entetesSyntheseBmo],
    formats: ['@', '@', '#,##0', '#,##0', '#,##0', '0.0%', '0.0%', '0', '@'],
    lignes: [ligne('', t.totalTerritoire, lignes), ...metiers.map(([code, rs]) => ligne(code, rs.find((r) => r.libelle)?.libelle ?? '', rs))],
  };
}

async function loadBmo(fichiers: Record<string, Uint8Array>): Promise<void> {
  const [nom] = Object.keys(fichiers);
  if (!nom) return;
  occupe(true);
  try {
    const r = await parseBmoInWorker(nom, fichiers[nom]!);
    if (!r) return messages('avertissement', t.annule);
    if (r.erreur) return messages('erreur', t.bmoErreurs, r.problemes.filter((p) => p.severity === 'error').map(texteProbleme));
    const code = $<HTMLInputElement>('bmo-territoire').value.trim();
    const lignes = duTerritoire(r.lignes, code);
    if (lignes.length === 0) return messages('erreur', t.territoireVide(code));
    const tableaux: Tableau[] = [syntheseBmo(lignes)];
    if ($<HTMLInputElement>('bmo-brut').checked) {
      const n = (x: { valeur: number | null }) => x.valeur ?? '';
      tableaux.push({
        feuille: t.feuilles.bmo,
        table: 'GTEC_BMO',
        entetes: [...t.entetesBmo],
        formats: ['0', '@', '@', '@', '@', '#,##0', '#,##0', '#,##0'],
        lignes: lignes.map((l) => [l.annee, l.zone, l.departement, l.metier, l.libelle, n(l.projets), n(l.difficiles), n(l.saisonniers)]),
      });
    }
    const arret = new AbortController();
    $('bmo-annuler').onclick = () => arret.abort();
    const prefixe = t.bmoLignes(r.lignes.length) + ' ' + (code ? t.bmoFiltre(lignes.length, code) + ' ' : '');
    await ecrire(tableaux, [], prefixe, { signal: arret.signal, progres: (f, total) => ($('bmo-etape').textContent = t.etapes.ecriture(f, total)) });
  } finally {
    occupe(false);
  }
}

async function loadRome(fichiers: Record<string, Uint8Array>): Promise<void> {
  // The export's tables are found by name: keep the file names only.
  const parNom = Object.fromEntries(Object.entries(fichiers).map(([k, v]) => [k.split('/').pop()!, v]));
  const { referential, problems } = await loadRomeOfficiel(memoryHost(parNom), '', '');
  await activer(referential, problems);
}

/** A custom referential: the CSV format of docs/referentiels.md (one row per métier × compétence). */
async function loadReferentielCsv(fichiers: Record<string, Uint8Array>): Promise<void> {
  const [nom] = Object.keys(fichiers);
  if (!nom) return;
  const { referential, problems } = loadCsvReferentiel(fichiers[nom]!, nom);
  await activer(referential, problems);
}

async function activer(referential: Referentiel | undefined, problems: Problem[]): Promise<void> {
  if (!referential || hasErrors(problems)) {
    const erreurs = problems.filter((p) => p.severity === 'error');
    return messages('erreur', t.referentielErreurs(erreurs.length), erreurs.map(texteProbleme));
  }
  activateReferentiel(referential);
  clearExplorer();
  void construireMoteur();
  await keepReferentiel(referential);
  await adopter();
  messages('ok', t.referentielCharge(`${referential.label} (${t.version} ${referential.version})`));
}

// ───────────── Passerelle explorer

function fillFragiles(): void {
  clearExplorer();
  const select = $<HTMLSelectElement>('fragiles');
  const codes = dernier?.familles.fragile ?? [];
  $('explorateur-aide').hidden = codes.length > 0;
  const libelle = new Map(dernier?.metiers.map((m) => [m.indicateurs.code, m.indicateurs.libelle]) ?? []);
  select.replaceChildren(...codes.map((c) => Object.assign(document.createElement('option'), { value: c, textContent: `${c} — ${libelle.get(c) ?? ''}` })));
  if (codes.length) void showPasserelles(codes[0]!);
}

async function passerellesDe(code: string): Promise<Passerelle[] | undefined> {
  const duDiagnostic = dernier?.passerelles.filter((p) => p.source === code);
  if (duDiagnostic?.length) return duDiagnostic;
  const etat = activeReferentiel();
  if (!etat.index.metier(code)) return undefined;
  // The worker's engine when it serves this referential (shared/engine-queries.ts).
  const r = await etat.interroger({ q: 'passerelles', source: code, k: 5 });
  return r.q === 'passerelles' ? r.passerelles : undefined;
}

/** What the explorer shows, for its export; cleared whenever the diagnostic or the referential changes. */
let affichees: { code: string; ps: Passerelle[] } | undefined;

function clearExplorer(): void {
  affichees = undefined;
  $('passerelles').replaceChildren();
  $('suggestions').replaceChildren();
  $('exporter').hidden = true;
}

const score = (x: number) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

/** Shows the passerelles of `code` (a later call wins over an earlier one still waiting). */
let demande = 0;
async function showPasserelles(code: string): Promise<void> {
  const liste = $('passerelles');
  const moi = ++demande;
  const ps = await passerellesDe(code).catch(() => null);
  if (moi !== demande) return;
  // The engine's build was cancelled: said, not shown as an unknown code.
  if (ps === null) {
    affichees = undefined;
    $('exporter').hidden = true;
    liste.replaceChildren(Object.assign(document.createElement('li'), { textContent: t.moteurAnnule }));
    return;
  }
  affichees = ps ? { code, ps } : undefined;
  $('exporter').hidden = !ps;
  if (!ps) {
    liste.replaceChildren(Object.assign(document.createElement('li'), { textContent: t.inconnu(code) }));
    return;
  }
  liste.replaceChildren(
    ...ps.map((p) => {
      const li = document.createElement('li');
      const d = document.createElement('details');
      const s = document.createElement('summary');
      s.append(`${p.cible} — ${p.cibleLibelle} `, Object.assign(document.createElement('span'), { className: 'score', textContent: `${t.score} ${score(p.score)}` }), ` · ${p.ecart.length} ${t.aAcquerir}`);
      const ul = document.createElement('ul');
      for (const e of p.ecart) ul.append(Object.assign(document.createElement('li'), { className: e.coeur ? 'coeur' : '', textContent: e.coeur ? `${e.libelle} (${t.coeur})` : e.libelle }));
      d.append(s, ul);
      li.append(d);
      return li;
    }),
  );
}

function brancherRecherche(): void {
  const input = $<HTMLInputElement>('code');
  input.addEventListener('input', () => {
    const q = input.value.trim();
    const etat = activeReferentiel();
    if (etat.index.metier(q.toUpperCase())) return void showPasserelles(q.toUpperCase());
    $('suggestions').replaceChildren(...etat.index.search(q, 8).map((h) => Object.assign(document.createElement('option'), { value: h.code, textContent: h.libelle })));
  });
}

// ───────────── Start

async function demarrer(): Promise<void> {
  lang = langue();
  t = TEXTES[lang];
  try {
    const garde = await readKeptReferentiel();
    if (garde) activateReferentiel(garde);
    const nomenclatures = await readKeptNomenclatures();
    if (nomenclatures) activateNomenclatures(nomenclatures);
  } catch {
    // No IndexedDB (private mode): the demo referential stays active, no nomenclature.
  }
  // The workbook says which referential its formulas use: from now on they use only that one.
  try {
    declareWorkbookReferentiel(await readWorkbookReferentiel());
    declareWorkbookNomenclatures(await readWorkbookNomenclatures());
  } catch {
    // Settings unavailable (ExcelApi 1.4 missing): the active referential serves, as before.
  }
  applyTexts();
  void construireMoteur();
  if (workbookReferentiel() || workbookNomenclatures()) await recalculate().catch(() => undefined);
  $('langue').onclick = () => {
    lang = AUTRE_LANGUE[lang];
    t = TEXTES[lang];
    applyTexts();
  };
  const sur = (id: string, f: (fichiers: Record<string, Uint8Array>) => Promise<void>) => {
    const input = $<HTMLInputElement>(id);
    input.addEventListener(
      'change',
      () =>
        void action(async () => {
          const fichiers = await readFiles(input);
          // The same file can be chosen again (a second load after changing the territory).
          input.value = '';
          await f(fichiers);
        }),
    );
  };
  sur('diag-dossier', loadDiagnostic);
  sur('diag-fichiers', loadDiagnostic);
  sur('bmo', loadBmo);
  sur('rome', loadRome);
  sur('ref-csv', loadReferentielCsv);
  sur('nomenclatures', loadNomenclatures);
  $('demo').onclick = () =>
    void action(async () => {
      activateReferentiel(demoReferentiel());
      clearExplorer();
      void construireMoteur();
      await forgetReferentiel();
      await adopter();
      messages('ok', t.referentielCharge(activeReferentiel().referential.label));
    });
  $<HTMLSelectElement>('fragiles').addEventListener('change', (e) => void showPasserelles((e.target as HTMLSelectElement).value));
  brancherRecherche();
  $('exporter').onclick = () =>
    void action(async () => {
      if (!affichees) return;
      const { code, ps } = affichees;
      await ecrire([
        {
          feuille: t.feuilleExplorateur,
          table: 'GTEC_Explorateur',
          entetes: [...t.entetesExplorateur],
          formats: ['@', '@', '@', '0.00', '0', '0'],
          lignes: ps.map((p) => [code, p.cible, p.cibleLibelle, p.score, p.ecart.length, p.ecart.filter((e) => e.coeur).length]),
        },
      ]);
    });
}

Office.onReady(() => void demarrer());
