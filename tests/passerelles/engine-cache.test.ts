import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPasserelleEngine, type EngineState, pack, type Problem, scoringEngineOf, unpack } from '../../core/index.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import { cacheDir, cacheKey, readCachedState, unchangedSince, writeCachedState } from '../../node-host/engine-cache.js';

/** The key alone. */
const keyOf = async (...args: Parameters<typeof cacheKey>) => (await cacheKey(...args))?.key;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gtec-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const warning: Problem = { code: 'GTEC-W301', severity: 'warning', pointer: '', message: { fr: 'Ligne 3 ignorée.', en: 'Line 3 skipped.' } };

describe('where the cache lives', () => {
  it('GTEC_CACHE_DIR first, then the platform cache folder', () => {
    expect(cacheDir({ GTEC_CACHE_DIR: 'rel/c' }, 'linux', '/home/a')).toBe(path.resolve('rel/c'));
    expect(cacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/a')).toBe(path.join('/x', 'gtec'));
    expect(cacheDir({}, 'linux', '/home/a')).toBe(path.join('/home/a', '.cache', 'gtec'));
    expect(cacheDir({}, 'darwin', '/Users/a')).toBe(path.join('/Users/a', 'Library', 'Caches', 'gtec'));
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a')).toBe(path.join('C:\\Users\\a\\AppData\\Local', 'gtec', 'Cache'));
  });
});

describe('the key: code, options and every byte of the referential', () => {
  it('same files, same key; a changed byte, an added or renamed file, other options or code: another', async () => {
    const ref = path.join(dir, 'ref');
    mkdirSync(ref);
    writeFileSync(path.join(ref, 'a.csv'), 'code;libelle\nA1;Un\n');
    writeFileSync(path.join(ref, 'b.csv'), 'x');
    const k = await keyOf('code', 'auto', ref);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyOf('code', 'auto', ref)).toBe(k);
    // Same size, same date: the bytes decide.
    const t = statSync(path.join(ref, 'a.csv')).mtime;
    writeFileSync(path.join(ref, 'a.csv'), 'code;libelle\nA1;Uo\n');
    utimesSync(path.join(ref, 'a.csv'), t, t);
    const changed = await keyOf('code', 'auto', ref);
    expect(changed).not.toBe(k);
    writeFileSync(path.join(ref, 'c.csv'), '');
    const added = await keyOf('code', 'auto', ref);
    expect(added).not.toBe(changed);
    rmSync(path.join(ref, 'c.csv'));
    expect(await keyOf('code', 'auto', ref)).toBe(changed);
    writeFileSync(path.join(ref, 'd.csv'), 'x');
    rmSync(path.join(ref, 'b.csv'));
    expect(await keyOf('code', 'auto', ref)).not.toBe(changed);
    expect(await keyOf('code', 'contenu', ref)).not.toBe(await keyOf('code', 'auto', ref));
    expect(await keyOf('code2', 'auto', ref)).not.toBe(await keyOf('code', 'auto', ref));
    // One file.
    expect(await keyOf('code', 'auto', path.join(ref, 'a.csv'))).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyOf('code', 'auto', path.join(dir, 'absent'))).toBeUndefined();
    // A folder holding only `r.csv` (the ROME export loader) is not the file `r.csv` (the CSV loader).
    const seul = path.join(dir, 'seul');
    mkdirSync(seul);
    writeFileSync(path.join(seul, 'r.csv'), 'code_metier;libelle_metier\nA;Un\n');
    expect(await keyOf('code', 'auto', seul)).not.toBe(await keyOf('code', 'auto', path.join(seul, 'r.csv')));
    // What the loader would refuse counts by its name: a link that leads out of the folder.
    const outside = path.join(dir, 'dehors.csv');
    writeFileSync(outside, 'x');
    const before = await keyOf('code', 'auto', ref);
    symlinkSync(outside, path.join(ref, 'lien.csv'));
    const linked = await keyOf('code', 'auto', ref);
    expect(linked).not.toBe(before);
    writeFileSync(outside, 'y');
    expect(await keyOf('code', 'auto', ref)).toBe(linked);
  });
});

describe('the index: the key without hashing while the files keep their identity', () => {
  it('same identity: the remembered key; a file rewritten with its old date, or too fresh: hashed again', async () => {
    const ref = path.join(dir, 'ref');
    const cache = path.join(dir, 'cache');
    mkdirSync(ref);
    writeFileSync(path.join(ref, 'a.csv'), 'code;libelle\nA1;Un\n');
    // Files written a moment ago are too fresh to be remembered…
    const real = await keyOf('code', 'auto', ref, cache);
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
    // …and remembered once they are older (a run later: `now` moved on).
    const later = Date.now() + 10_000;
    expect(await keyOf('code', 'auto', ref, cache, later)).toBe(real);
    const index = path.join(cache, readdirSync(cache).find((f) => f.startsWith('index-'))!);
    // The index decides while the identity holds: a forged key in it is what comes back.
    const remembered = JSON.parse(readFileSync(index, 'utf8')) as { identity: string; key: string };
    writeFileSync(index, JSON.stringify({ ...remembered, key: 'f'.repeat(64) }));
    expect(await keyOf('code', 'auto', ref, cache, later)).toBe('f'.repeat(64));
    // Other options or another code: another index.
    expect(await keyOf('code', 'contenu', ref, cache, later)).not.toBe('f'.repeat(64));
    // Same size, the old modification date put back: the change time moved, the bytes are hashed.
    const t = statSync(path.join(ref, 'a.csv')).mtime;
    writeFileSync(path.join(ref, 'a.csv'), 'code;libelle\nA1;Uo\n');
    utimesSync(path.join(ref, 'a.csv'), t, t);
    const changed = await keyOf('code', 'auto', ref, cache, Date.now() + 20_000);
    expect(changed).not.toBe('f'.repeat(64));
    expect(changed).not.toBe(real);
    expect(changed).toBe(await keyOf('code', 'auto', ref));
    // A key in the index that is not one (a path) is not used.
    writeFileSync(index, JSON.stringify({ ...remembered, identity: JSON.parse(readFileSync(index, 'utf8')).identity, key: '../../x' }));
    expect(await keyOf('code', 'auto', ref, cache, Date.now() + 20_000)).toBe(changed);
    // A damaged index is a miss.
    writeFileSync(index, '{');
    expect(await keyOf('code', 'auto', ref, cache, Date.now() + 20_000)).toBe(changed);
  });
});

describe('unchangedSince: a state is stored only under the key of the files it was built from', () => {
  it('by identity once the files are old enough, by their bytes before', async () => {
    const ref = path.join(dir, 'ref');
    mkdirSync(ref);
    writeFileSync(path.join(ref, 'a.csv'), 'code;libelle\nA1;Un\n');
    // Fresh files: the bytes decide.
    const fresh = (await cacheKey('code', 'auto', ref))!;
    expect(fresh.identity).toBeUndefined();
    expect(await unchangedSince(fresh)).toBe(true);
    writeFileSync(path.join(ref, 'a.csv'), 'code;libelle\nA1;Deux\n');
    expect(await unchangedSince(fresh)).toBe(false);
    // Old files (a run later): their identity decides; a rewrite with the same bytes moves it.
    const later = Date.now() + 10_000;
    const old = (await cacheKey('code', 'auto', ref, undefined, later))!;
    expect(old.identity).toBeDefined();
    expect(await unchangedSince(old, later)).toBe(true);
    writeFileSync(path.join(ref, 'a.csv'), 'code;libelle\nA1;Deux\n');
    expect(await unchangedSince(old, later + 10_000)).toBe(false);
    writeFileSync(path.join(ref, 'b.csv'), '');
    expect(await unchangedSince(old, later + 10_000)).toBe(false);
  });
});

describe('writing and reading a state', () => {
  it('round trip: the same rankings from the state read back, in a shared buffer, with the warnings', () => {
    const engine = createPasserelleEngine(demoReferentiel());
    writeCachedState(dir, 'c'.repeat(64), pack(engine.state), [warning]);
    expect(readdirSync(dir)).toEqual([`moteur-${'c'.repeat(32)}.bin`]);
    const got = readCachedState(dir, 'c'.repeat(64))!;
    expect(got.warnings).toEqual([warning]);
    expect(got.packed.buffer).toBeInstanceOf(SharedArrayBuffer);
    const again = scoringEngineOf(unpack<EngineState>(got.packed));
    expect(again.mode).toBe(engine.mode);
    expect(again.allPairsTopK(5)).toEqual(engine.allPairsTopK(5));
    expect(again.topK('H2913', 3)).toEqual(engine.topK('H2913', 3));
    // The full engine over the state read back: same explanations.
    const full = createPasserelleEngine(demoReferentiel(), {}, { state: unpack<EngineState>(got.packed) });
    expect(full.passerelle('H2913', 'H2902', 1)).toEqual(engine.passerelle('H2913', 'H2902', 1));
  });

  it('expert-aware: a partial table (most métiers without a list) comes back whole', () => {
    const ref = demoReferentiel();
    const lists: Record<string, string[]> = { H2913: ['H2902', 'H2909'], K1302: ['J1501'] };
    const withLists = { ...ref, mobilites: Object.entries(lists).flatMap(([source, cibles]) => cibles.map((cible, i) => ({ source, cible, rang: i + 1 }))) };
    const engine = createPasserelleEngine(withLists);
    expect(engine.mode).toBe('expert');
    writeCachedState(dir, 'e'.repeat(64), pack(engine.state), []);
    const again = scoringEngineOf(readCachedState(dir, 'e'.repeat(64))!.state);
    expect(again.listesExpertes).toBe(2);
    expect(again.allPairsTopK(5)).toEqual(engine.allPairsTopK(5));
  });

  it('numbers JSON cannot carry (−0, NaN, ±Infinity) come back as they were', () => {
    const value = { n: 0, codes: [], a: -0, b: Number.NaN, c: Number.POSITIVE_INFINITY, d: Number.NEGATIVE_INFINITY, e: 1.5, v: new Float64Array([-0, 2]) };
    writeCachedState(dir, 'd'.repeat(64), pack(value), []);
    const back = readCachedState(dir, 'd'.repeat(64))!.state as unknown as typeof value;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(back.b).toBeNaN();
    expect(back.c).toBe(Number.POSITIVE_INFINITY);
    expect(back.d).toBe(Number.NEGATIVE_INFINITY);
    expect(back.e).toBe(1.5);
    expect(Object.is(back.v[0], -0)).toBe(true);
  });

  it('absent, truncated, foreign or of another key: a miss, not an error', () => {
    const key = 'a'.repeat(64);
    expect(readCachedState(dir, key)).toBeUndefined();
    expect(readCachedState(path.join(dir, 'nowhere'), key)).toBeUndefined();
    writeCachedState(dir, key, pack(createPasserelleEngine(demoReferentiel()).state), []);
    const file = path.join(dir, readdirSync(dir)[0]!);
    // Same first 32 characters, another key: the header tells.
    expect(readCachedState(dir, `${'a'.repeat(32)}${'b'.repeat(32)}`)).toBeUndefined();
    const bytes = readFileSync(file);
    truncateSync(file, bytes.length - 1);
    expect(readCachedState(dir, key)).toBeUndefined();
    writeFileSync(file, Buffer.concat([bytes, Buffer.from([0])]));
    expect(readCachedState(dir, key)).toBeUndefined();
    writeFileSync(file, 'pas un cache');
    expect(readCachedState(dir, key)).toBeUndefined();
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 16), Buffer.from('{pas du json')]));
    expect(readCachedState(dir, key)).toBeUndefined();
  });

  it('a flipped bit in the data, a layout that does not fit its buffer, or no state in it: a miss', () => {
    const key = '1'.repeat(64);
    writeCachedState(dir, key, pack(createPasserelleEngine(demoReferentiel()).state), []);
    const file = path.join(dir, readdirSync(dir)[0]!);
    const bytes = readFileSync(file);
    expect(readCachedState(dir, key)).toBeDefined();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 1;
    writeFileSync(file, flipped);
    expect(readCachedState(dir, key)).toBeUndefined();
    // A changed byte in the header (a layout offset): the checksum covers it too.
    const header = Buffer.from(bytes);
    const at = header.indexOf('"codes"');
    expect(at).toBeGreaterThan(0);
    header[at + 1] = 'k'.charCodeAt(0);
    writeFileSync(file, header);
    expect(readCachedState(dir, key)).toBeUndefined();
    // Checksum right, layout beyond its buffer.
    const tooLong: ReturnType<typeof pack> = { ...pack({ n: 1, codes: ['A'], x: new Int32Array(3) }) };
    tooLong.layout = ['o', { n: 1, codes: ['a', ['A']], x: ['t', 'Int32Array', 0, 3_000_000] }];
    writeCachedState(dir, key, tooLong, []);
    expect(readCachedState(dir, key)).toBeUndefined();
    writeCachedState(dir, key, pack({ x: new Int32Array(3) }), []);
    expect(readCachedState(dir, key)).toBeUndefined();
    // Written again over the bad file: read.
    writeCachedState(dir, key, pack({ n: 1, codes: ['A'] }), []);
    expect(readCachedState(dir, key)?.state.codes).toEqual(['A']);
  });

  it('keeps the six most recently used files, removes old temporary files', () => {
    const state = pack({ n: 1, codes: ['A'], x: new Int32Array([1, 2, 3]) });
    const keys = Array.from({ length: 8 }, (_, i) => String(i).repeat(64));
    const old = new Date(Date.now() - 2 * 3_600_000);
    writeFileSync(path.join(dir, 'moteur-x.bin.123.tmp'), 'reste');
    utimesSync(path.join(dir, 'moteur-x.bin.123.tmp'), old, old);
    writeFileSync(path.join(dir, 'autre.txt'), 'pas à nous');
    keys.forEach((key, i) => {
      writeCachedState(dir, key, state, []);
      const t = new Date(Date.now() - (100 - i) * 1000);
      utimesSync(path.join(dir, `moteur-${key.slice(0, 32)}.bin`), t, t);
      // The first one is used again each time: it stays.
      if (i > 0) expect(readCachedState(dir, keys[0]!)).toBeDefined();
    });
    const left = readdirSync(dir).sort();
    expect(left).toContain('autre.txt');
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const kept = left.filter((f) => f.endsWith('.bin'));
    expect(kept).toHaveLength(6);
    expect(kept).toContain(`moteur-${keys[0]!.slice(0, 32)}.bin`);
    expect(kept).not.toContain(`moteur-${keys[1]!.slice(0, 32)}.bin`);
  });

  it('a folder that cannot be written: an error for the caller, nothing left behind', () => {
    const file = path.join(dir, 'un-fichier');
    writeFileSync(file, 'x');
    expect(() => writeCachedState(file, 'c'.repeat(64), pack({ x: 1 }), [])).toThrow();
    expect(readdirSync(dir)).toEqual(['un-fichier']);
  });
});
