/**
 * The add-in manifest, checked offline. Microsoft's validator (`office-addin-manifest validate`)
 * posts the manifest to a web service, and no npm package ships the manifest XSDs, so this test
 * reads the manifest with office-addin-manifest's own offline parser and checks the rules of the
 * schema that matter here: element order of OfficeApp (TaskPaneApp), formats of Id, Version and
 * locales, lengths of strings and resource ids, every resid defined in the right resource kind,
 * https URLs, and the shared-runtime wiring; then that every URL points to a file the build made.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { parseStringPromise } from 'xml2js';
import { construireAddin } from './sandbox.js';

type Noeud = { $?: Record<string, string>; [k: string]: unknown };
const MANIFESTE = path.resolve(__dirname, '../../excel-addin/manifest.xml');

/** Every element of the tree with its name, in document order. */
function elements(n: unknown, nom = 'OfficeApp', out: Array<{ nom: string; n: Noeud }> = []): Array<{ nom: string; n: Noeud }> {
  if (Array.isArray(n)) for (const x of n) elements(x, nom, out);
  else if (n && typeof n === 'object') {
    out.push({ nom, n: n as Noeud });
    for (const [k, v] of Object.entries(n)) if (k !== '$' && k !== '_' && k !== '$$') elements(v, k, out);
  }
  return out;
}

let racine: Noeud;
let ordre: string[];
let dist: string;
beforeAll(async () => {
  const xml = readFileSync(MANIFESTE, 'utf8');
  racine = (await parseStringPromise(xml)).OfficeApp as Noeud;
  ordre = ((await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true })).OfficeApp.$$ as Array<{ '#name': string }>).map((c) => c['#name']);
  dist = await construireAddin();
});

describe('manifeste XML (règles du schéma, hors ligne)', () => {
  it('office-addin-manifest le lit : volet de tâches Excel, anglais par défaut (français pour fr-*)', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFESTE);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('en-US');
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^([0-9]{1,5})(\.[0-9]{1,5}){0,3}$/);
  });

  it('ordre des éléments de OfficeApp conforme à la séquence du type TaskPaneApp', () => {
    const sequence = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'Dictionary',
      'VersionOverrides',
    ];
    const rangs = ordre.map((n) => sequence.indexOf(n));
    expect(rangs).not.toContain(-1);
    expect([...rangs].sort((a, b) => a - b)).toEqual(rangs);
    for (const requis of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings']) expect(ordre).toContain(requis);
  });

  it('ressources : chaque resid existe dans la bonne famille, identifiants ≤ 32, textes dans les limites', () => {
    const tous = elements(racine);
    const ressources = (famille: string) => {
      const r = tous.find((e) => e.nom === 'Resources')!.n;
      const bloc = (r[`bt:${famille}`] as Noeud[])[0]!;
      const enfant = famille === 'Images' ? 'bt:Image' : famille === 'Urls' ? 'bt:Url' : 'bt:String';
      return new Map((bloc[enfant] as Noeud[]).map((x) => [x.$!.id!, x]));
    };
    const images = ressources('Images');
    const urls = ressources('Urls');
    const courtes = ressources('ShortStrings');
    const longues = ressources('LongStrings');
    const familleAttendue: Record<string, Map<string, Noeud>> = {
      'bt:Image': images,
      SourceLocation: urls,
      Runtime: urls,
      FunctionFile: urls,
      LearnMoreUrl: urls,
      Label: courtes,
      Title: courtes,
      Namespace: courtes,
      Description: longues,
    };
    const refs = tous.filter((e) => e.n.$?.resid !== undefined);
    expect(refs.length).toBeGreaterThan(15);
    for (const { nom, n } of refs) {
      expect(n.$!.resid!.length, n.$!.resid).toBeLessThanOrEqual(32);
      expect(familleAttendue[nom]?.has(n.$!.resid!), `${nom} resid=${n.$!.resid}`).toBe(true);
    }
    for (const [id, s] of courtes) {
      expect(id.length).toBeLessThanOrEqual(32);
      for (const v of [s.$!.DefaultValue!, ...((s['bt:Override'] as Noeud[]) ?? []).map((o) => o.$!.Value!)]) expect(v.length, id).toBeLessThanOrEqual(125);
    }
    for (const [id, s] of longues) for (const v of [s.$!.DefaultValue!, ...((s['bt:Override'] as Noeud[]) ?? []).map((o) => o.$!.Value!)]) expect(v.length, id).toBeLessThanOrEqual(250);
    expect((racine.DisplayName as Noeud[])[0]!.$!.DefaultValue!.length).toBeLessThanOrEqual(125);
    // Every Locale is a culture name; every URL is https.
    for (const { n } of tous) {
      if (n.$?.Locale !== undefined) expect(n.$.Locale).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
      for (const [k, v] of Object.entries(n.$ ?? {})) if (!k.startsWith('xmlns') && /^https?:/.test(v)) expect(v, k).toMatch(/^https:\/\//);
    }
  });

  it('runtime partagé : une seule page pour le volet et les fonctions, durée de vie longue', () => {
    const tous = elements(racine);
    const runtime = tous.find((e) => e.nom === 'Runtime')!.n.$!;
    expect(runtime).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const cf = tous.find((e) => e.nom === 'ExtensionPoint' && e.n.$?.['xsi:type'] === 'CustomFunctions')!.n;
    const resid = (cle: string) => ((cf[cle] as Noeud[])[0]!.SourceLocation as Noeud[])[0]!.$!.resid;
    expect(resid('Page')).toBe('Taskpane.Url');
    expect(resid('Metadata')).toBe('Functions.Metadata.Url');
    expect(tous.find((e) => e.nom === 'FunctionFile')!.n.$!.resid).toBe('Taskpane.Url');
    const action = tous.find((e) => e.nom === 'Action')!.n;
    expect((action.SourceLocation as Noeud[])[0]!.$!.resid).toBe('Taskpane.Url');
    const sets = tous.filter((e) => e.nom === 'Set').map((e) => e.n.$);
    expect(sets).toContainEqual({ Name: 'SharedRuntime', MinVersion: '1.1' });
    const ns = tous.find((e) => e.nom === 'bt:String' && e.n.$?.id === 'Functions.Namespace')!.n.$!;
    expect(ns.DefaultValue).toBe('GTEC');
  });

  it('métadonnées localisées : anglais par défaut, français pour les Excel en français ; tous les fichiers existent après le build', () => {
    const tous = elements(racine);
    const url = tous.find((e) => e.nom === 'bt:Url' && e.n.$?.id === 'Functions.Metadata.Url')!.n;
    expect(url.$!.DefaultValue).toBe('https://localhost:3000/functions.en.json');
    const overrides = (url['bt:Override'] as Noeud[]).map((o) => o.$!);
    expect(overrides.map((o) => o.Locale)).toContain('fr-FR');
    for (const o of overrides) {
      expect(o.Locale).toMatch(/^fr-/);
      expect(o.Value).toBe('https://localhost:3000/functions.json');
    }
    const fichiers = new Set(
      tous
        .flatMap((e) => Object.values(e.n.$ ?? {}))
        .filter((v) => v.startsWith('https://localhost:3000/'))
        .map((v) => v.slice('https://localhost:3000/'.length)),
    );
    const absents = [...fichiers].filter((f) => !existsSync(path.join(dist, f)));
    expect(absents).toEqual([]);
    // Every function has a helpUrl to its own section of a page the build ships, in both languages.
    for (const [meta, page] of [
      ['functions.json', 'aide.html'],
      ['functions.en.json', 'help.html'],
    ] as const) {
      const html = readFileSync(path.join(dist, page), 'utf8');
      for (const f of JSON.parse(readFileSync(path.join(dist, meta), 'utf8')).functions as Array<{ id: string; helpUrl: string }>) {
        expect(f.helpUrl).toBe(`https://localhost:3000/${page}#${f.id}`);
        expect(html).toContain(`<section id="${f.id}">`);
      }
    }
    // Every text of the manifest: English by default, French for each French locale (en-GB, de-DE… get English).
    const francais = ['fr-FR', 'fr-BE', 'fr-CA', 'fr-CH', 'fr-LU'];
    const source = readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    expect(source).not.toContain('Locale="en-US"');
    for (const e of tous.filter((x) => x.n.Override || x.n['bt:Override'])) {
      const o = ((e.n.Override ?? e.n['bt:Override']) as Noeud[]).map((x) => x.$!.Locale);
      expect(o, e.nom).toEqual(francais);
    }
    // Requirement sets the add-in relies on.
    const manifeste = readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    for (const s of ['SharedRuntime" MinVersion="1.1', 'CustomFunctionsRuntime" MinVersion="1.3', 'ExcelApi" MinVersion="1.7']) expect(manifeste).toContain(s);
    // PNG icons of the announced size (IHDR width).
    for (const t of [16, 32, 64, 80]) expect(readFileSync(path.join(dist, `assets/icon-${t}.png`)).readUInt32BE(16)).toBe(t);
  });
});
