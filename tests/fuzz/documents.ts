/**
 * Generated and mutated diagnostic documents for the fuzzer (tests/fuzz/fuzz.test.ts, and the
 * longer run of scripts/fuzz.ts): YAML and JSON texts built from hostile values (keys such as
 * toString, __proto__ and constructor, control characters, deep nesting, huge arrays and strings)
 * put into the repository's examples, then mutated as text (bytes inserted, deleted, cut).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The examples' diagnostic files (text), the seeds of the mutations. */
export const EXEMPLES: readonly string[] = readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(ROOT, 'examples', d.name))
      .filter((f) => f.endsWith('.gtec.yaml'))
      .map((f) => readFileSync(path.join(ROOT, 'examples', d.name, f), 'utf8')),
  );

export const MINI = 'gtec: 1\ntitre: x\nterritoire: { nom: T, type: region, codes: ["52"] }\nperiode: { debut: 2019, fin: 2024 }\n';

/** Keys of the format and keys that name Object.prototype's members. */
const KEYS = [
  'toString',
  '__proto__',
  'constructor',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  'prototype',
  'gtec',
  'titre',
  'territoire',
  'periode',
  'metiers',
  'code',
  'sources',
  'chemin',
  'type',
  'acteurs',
  'id',
  'roles',
  'financements',
  'plan_action',
  'evaluation',
  'indicateurs',
  'referentiel',
  'regles',
  'correspondances',
  'gouvernance',
  'nomenclature',
  'debut',
  'fin',
  'montant',
];

/** Characters that break parsers, terminals and spreadsheets. */
const NASTY = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b[2J',
  '\r',
  '\n',
  '\t',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ud800',
  '"',
  "'",
  ':',
  '#',
  '&a',
  '*a',
  '!tag',
  '{',
  '[',
  ']',
  '}',
  ',',
  '- ',
  '? ',
  '|',
  '>',
  '%',
  '@',
  '=',
  '+',
  '\\',
  '..',
  '/etc/passwd',
  '$donnees/',
];

const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY, 'a', 'H2913', '2024', 'region'), { maxLength: 6 }).map((xs) => xs.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
);

/** Texts and lists far longer than a real diagnostic holds (not nested in one another: the document stays under a few MB). */
const long = fc.oneof(
  fc.integer({ min: 1000, max: 50_000 }).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.integer({ min: 100, max: 5000 }), fc.oneof(fc.integer(), fc.constantFrom('H2913', '', 'a\u0000', '{'))).map(([n, x]) => new Array(n).fill(x)),
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 3000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A hostile value: scalars, mappings with hostile keys, lists, some deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list'), tie('deep')),
  map: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    return o;
  }),
  list: fc.array(tie('value'), { maxLength: 5 }),
  deep: fc.tuple(fc.integer({ min: 10, max: 80 }), scalar).map(([n, leaf]) => {
    let v: unknown = leaf;
    for (let i = 0; i < n; i++) v = i % 2 ? [v] : { k: v };
    return v;
  }),
})).value;

/** A path into a document: keys of the format or hostile ones, list indices. */
const where = fc.array(fc.oneof(key, fc.nat({ max: 5 })), { minLength: 1, maxLength: 4 });

/** Sets `value` at `at` inside `root` (creating what is missing), through defineProperty (no setter runs). */
function setAt(root: Record<string, unknown>, at: ReadonlyArray<string | number>, value: unknown): void {
  let cur: Record<string | number, unknown> = root;
  for (let i = 0; i < at.length; i++) {
    const k = at[i]!;
    if (i === at.length - 1) {
      Object.defineProperty(cur, k, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(cur, k) ? cur[k] : undefined;
    if (next === null || typeof next !== 'object') {
      const made = typeof at[i + 1] === 'number' ? [] : {};
      Object.defineProperty(cur, k, { value: made, enumerable: true, writable: true, configurable: true });
      cur = made as Record<string, unknown>;
    } else cur = next as Record<string, unknown>;
  }
}

/** Text mutations: insert a nasty piece, delete a span, duplicate a span, cut the end. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(s: string, m: Mutation): string {
  const i = Math.floor(m.at * s.length);
  switch (m.kind) {
    case 'insert':
      return s.slice(0, i) + m.piece + s.slice(i);
    case 'delete':
      return s.slice(0, i) + s.slice(i + m.length);
    case 'duplicate':
      return s.slice(0, i + m.length) + s.slice(i, i + m.length) + s.slice(i + m.length);
    case 'cut':
      return s.slice(0, i);
  }
}

export interface FuzzDocument {
  fileName: 'fuzz.gtec.yaml' | 'fuzz.gtec.json';
  text: string;
}

/** Serialises a value as YAML or JSON; YAML may refuse a value (lone surrogates…): then JSON. */
function serialise(value: unknown, json: boolean): FuzzDocument {
  if (!json) {
    try {
      return { fileName: 'fuzz.gtec.yaml', text: stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 }) };
    } catch {
      // falls through to JSON
    }
  }
  return { fileName: 'fuzz.gtec.json', text: JSON.stringify(value) ?? 'null' };
}

/** A diagnostic document: an example or a minimal file with hostile values set in it, as YAML or JSON, possibly mutated as text. */
export const fuzzDocument: fc.Arbitrary<FuzzDocument> = fc
  .record({
    base: fc.oneof(fc.constant(MINI), fc.constantFrom(...EXEMPLES)),
    edits: fc.array(fc.tuple(where, fc.oneof({ weight: 6, arbitrary: hostileValue }, { weight: 1, arbitrary: long })), { maxLength: 3 }),
    json: fc.boolean(),
    asText: fc.boolean(),
    // Two documents in three are kept whole, so that the schema and the semantic rules see them.
    mutations: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
  })
  .map(({ base, edits, json, asText, mutations }) => {
    let doc: FuzzDocument;
    if (asText && !edits.length) doc = { fileName: 'fuzz.gtec.yaml', text: base };
    else {
      const value = parse(base) as Record<string, unknown>;
      for (const [at, v] of edits) setAt(value, at, v);
      doc = serialise(value, json);
    }
    let t = doc.text;
    for (const m of mutations) t = mutate(t, m);
    return { fileName: doc.fileName, text: t };
  });
