/**
 * How `gtec diagnostic` writes its outputs (cli/write-outputs.ts, issue 13 « Outputs »): never in
 * the diagnostic's folder nor over a file it did not write without --force (manifest
 * `.gtec-sortie.json`), never through a link at an output name, all or nothing, a size limit.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locales } from '../../core/locale/index.js';
import { MANIFESTE, writeOutputs, type Output } from '../../cli/write-outputs.js';

const w = locales.fr.cli;
const base = mkdtempSync(path.join(tmpdir(), 'gtec-outputs-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
/** A fresh diagnostic folder and output folder. */
function place() {
  const root = path.join(base, String(n++));
  const diag = path.join(root, 'diag');
  mkdirSync(diag, { recursive: true });
  return { diag, sortie: path.join(root, 'sortie') };
}
const outputs = (tag: string): Output[] => [
  { name: 'rapport.html', content: `<html>${tag}</html>` },
  { name: 'diagnostic.xlsx', content: new TextEncoder().encode(`xlsx ${tag}`) },
  { name: 'diagnostic.json', content: `{"v":"${tag}"}` },
];
const opts = (p: { diag: string; sortie: string }, extra: Partial<{ force: boolean; limit: number; folder: string }> = {}) => ({ folder: p.sortie, diagnosticFolder: p.diag, force: false, limit: 1024 * 1024, ...extra });
const lire = (f: string) => readFileSync(f, 'utf8');

describe('gtec diagnostic outputs', () => {
  it('writes every output and a manifest; a second run replaces its own outputs', async () => {
    const p = place();
    const r = await writeOutputs(outputs('1'), opts(p), w);
    expect(r).toEqual({ written: ['rapport.html', 'diagnostic.xlsx', 'diagnostic.json'].map((f) => path.join(p.sortie, f)) });
    expect(JSON.parse(lire(path.join(p.sortie, MANIFESTE))).fichiers).toEqual(['diagnostic.json', 'diagnostic.xlsx', 'rapport.html']);
    expect('written' in (await writeOutputs(outputs('2'), opts(p), w))).toBe(true);
    expect(lire(path.join(p.sortie, 'rapport.html'))).toBe('<html>2</html>');
    // No temporary file left behind.
    expect(readdirSync(p.sortie).sort()).toEqual([MANIFESTE, 'diagnostic.json', 'diagnostic.xlsx', 'rapport.html']);
  });

  it('refuses the diagnostic’s own folder without --force', async () => {
    const p = place();
    writeFileSync(path.join(p.diag, 'x.gtec.yaml'), 'gtec: 1\n');
    const r = await writeOutputs(outputs('1'), opts(p, { folder: p.diag }), w);
    expect(r).toEqual({ refusals: [w.fichiers.sortieDansDiagnostic(p.diag)], problems: [] });
    expect(readdirSync(p.diag)).toEqual(['x.gtec.yaml']);
    expect('written' in (await writeOutputs(outputs('1'), opts(p, { folder: p.diag, force: true }), w))).toBe(true);
  });

  it('refuses to replace a file it did not write (no manifest, or not in it) without --force', async () => {
    const p = place();
    mkdirSync(p.sortie);
    writeFileSync(path.join(p.sortie, 'rapport.html'), 'le rapport de quelqu’un');
    const r = await writeOutputs(outputs('1'), opts(p), w);
    expect(r).toEqual({ refusals: [w.fichiers.nonEcritParGtec(path.join(p.sortie, 'rapport.html'))], problems: [] });
    expect(readdirSync(p.sortie)).toEqual(['rapport.html']);
    expect(lire(path.join(p.sortie, 'rapport.html'))).toBe('le rapport de quelqu’un');
    // A manifest that does not list it changes nothing.
    writeFileSync(path.join(p.sortie, MANIFESTE), JSON.stringify({ fichiers: ['diagnostic.json'] }));
    expect('refusals' in (await writeOutputs(outputs('1'), opts(p), w))).toBe(true);
    expect('written' in (await writeOutputs(outputs('1'), opts(p, { force: true }), w))).toBe(true);
    expect(lire(path.join(p.sortie, 'rapport.html'))).toBe('<html>1</html>');
  });

  it('never follows a symbolic link at an output name: refused, and with --force the link is replaced, not its target', async () => {
    const p = place();
    mkdirSync(p.sortie);
    const victime = path.join(p.diag, 'precieux.txt');
    writeFileSync(victime, 'ne pas écraser');
    symlinkSync(victime, path.join(p.sortie, 'diagnostic.json'));
    // Even listed in the manifest, a link is refused.
    writeFileSync(path.join(p.sortie, MANIFESTE), JSON.stringify({ fichiers: ['diagnostic.json'] }));
    const r = await writeOutputs(outputs('1'), opts(p), w);
    expect(r).toEqual({ refusals: [w.fichiers.lien(path.join(p.sortie, 'diagnostic.json'), victime)], problems: [] });
    expect(lire(victime)).toBe('ne pas écraser');
    expect('written' in (await writeOutputs(outputs('1'), opts(p, { force: true }), w))).toBe(true);
    expect(lire(victime)).toBe('ne pas écraser');
    expect(lstatSync(path.join(p.sortie, 'diagnostic.json')).isSymbolicLink()).toBe(false);
  });

  it('a folder at one output name: nothing is written, the previous outputs stay whole', async () => {
    const p = place();
    await writeOutputs(outputs('avant'), opts(p), w);
    rmSync(path.join(p.sortie, 'diagnostic.json'));
    mkdirSync(path.join(p.sortie, 'diagnostic.json'));
    const r = await writeOutputs(outputs('après'), opts(p, { force: true }), w);
    expect(r).toEqual({ refusals: [w.fichiers.dossier(path.join(p.sortie, 'diagnostic.json'))], problems: [] });
    expect(lire(path.join(p.sortie, 'rapport.html'))).toBe('<html>avant</html>');
    expect(lire(path.join(p.sortie, 'diagnostic.xlsx'))).toBe('xlsx avant');
    expect(readdirSync(p.sortie).sort()).toEqual([MANIFESTE, 'diagnostic.json', 'diagnostic.xlsx', 'rapport.html']);
  });

  it('a write that fails midway leaves the previous outputs whole and no temporary file', async () => {
    const p = place();
    await writeOutputs(outputs('avant'), opts(p), w);
    // A content that cannot be written (not a string nor bytes) makes the second temporary write throw.
    const bad = [outputs('après')[0]!, { name: 'diagnostic.xlsx', content: 42 as unknown as Uint8Array }, outputs('après')[2]!];
    await expect(writeOutputs(bad, opts(p), w)).rejects.toThrow();
    expect(lire(path.join(p.sortie, 'rapport.html'))).toBe('<html>avant</html>');
    expect(readdirSync(p.sortie).sort()).toEqual([MANIFESTE, 'diagnostic.json', 'diagnostic.xlsx', 'rapport.html']);
  });

  it('an output over the size limit: GTEC-E234 and nothing written', async () => {
    const p = place();
    const r = await writeOutputs([...outputs('1'), { name: 'gros.json', content: 'x'.repeat(2048) }], opts(p, { limit: 1024 }), w);
    expect('problems' in r && r.problems.map((x) => [x.code, x.data])).toEqual([['GTEC-E234', { file: 'gros.json', size: 2048, limit: 1024 }]]);
    expect(() => readdirSync(p.sortie)).toThrow();
  });

  it('a manifest that is a link is not trusted', async () => {
    const p = place();
    mkdirSync(p.sortie);
    writeFileSync(path.join(p.diag, 'faux.json'), JSON.stringify({ fichiers: ['rapport.html'] }));
    symlinkSync(path.join(p.diag, 'faux.json'), path.join(p.sortie, MANIFESTE));
    writeFileSync(path.join(p.sortie, 'rapport.html'), 'à garder');
    expect('refusals' in (await writeOutputs(outputs('1'), opts(p), w))).toBe(true);
    expect(readlinkSync(path.join(p.sortie, MANIFESTE))).toBe(path.join(p.diag, 'faux.json'));
  });
});
