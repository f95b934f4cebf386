/**
 * The editor's declared data folder (setting `gtec.donnees`): the language server's file host reads
 * `$donnees/…` from it, through the same guarded reader as the CLI; without it, one information.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { nodeWorkspace } from '../../extension/src/server/node-workspace.js';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import { BASE, fixture } from './fixtures.js';

const base = mkdtempSync(path.join(tmpdir(), 'gtec-ext-donnees-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const ws = path.join(base, 'ws');
const donnees = path.join(base, 'donnees');
mkdirSync(ws);
mkdirSync(donnees);
writeFileSync(path.join(donnees, 'effectifs.csv'), 'metier;zone;annee;effectif\nH2913;9901;2023;10\nH2913;9901;2024;12\n');
symlinkSync('/etc/passwd', path.join(ws, 'passwd.csv'));
const uri = `${pathToFileURL(ws).href}/test.gtec.yaml`;
const text = (chemin: string) => `${BASE}sources:\n  - { id: e, type: effectifs, chemin: ${chemin} }\n`;

describe('setting gtec.donnees', () => {
  test('declared: $donnees/… is read; undeclared: one GTEC-I230', async () => {
    let setting = '';
    const ls = createLanguageService({
      workspace: nodeWorkspace(
        () => true,
        () => setting,
      ),
      settings: { lang: 'fr' },
    });
    const sans = await ls.validateDeep(fixture(text('$donnees/effectifs.csv'), uri).doc);
    expect(sans.diagnostics.filter((d) => d.code === 'GTEC-I230')).toHaveLength(1);
    expect(sans.errors).toBe(0);
    setting = donnees;
    ls.updateSettings({});
    const avec = await ls.validateDeep(fixture(text('$donnees/effectifs.csv'), uri).doc);
    expect(avec.diagnostics.map((d) => d.code)).not.toContain('GTEC-I230');
    expect(avec.errors).toBe(0);
    const absent = await ls.validateDeep(fixture(text('$donnees/absent.csv'), uri).doc);
    expect(absent.diagnostics.map((d) => d.code)).toContain('GTEC-E232');
  });

  test('a file of the declared folder changed on disk is read again (its cache key is `$donnees/…`)', async () => {
    const ls = createLanguageService({
      workspace: nodeWorkspace(
        () => true,
        () => donnees,
      ),
      settings: { lang: 'fr' },
    });
    const doc = fixture(text('$donnees/change.csv'), uri).doc;
    writeFileSync(path.join(donnees, 'change.csv'), 'metier;zone;annee;effectif\nH2913;9901;2024;12\n');
    expect((await ls.validateDeep(doc)).errors).toBe(0);
    writeFileSync(path.join(donnees, 'change.csv'), 'code;zone;annee;effectif\nH2913;9901;2024;12\n');
    ls.filesChanged([pathToFileURL(path.join(donnees, 'change.csv')).href]);
    const apres = await ls.validateDeep(doc);
    expect(apres.diagnostics.map((d) => d.code)).toContain('GTEC-E209');
  });

  test('a link to /etc/passwd in the workspace is refused (GTEC-E230)', async () => {
    const ls = createLanguageService({ workspace: nodeWorkspace(() => true), settings: { lang: 'fr' } });
    const r = await ls.validateDeep(fixture(text('passwd.csv'), uri).doc);
    expect(r.diagnostics.map((d) => d.code)).toContain('GTEC-E230');
    expect(JSON.stringify(r.diagnostics)).not.toMatch(/root:/);
  });
});
