/**
 * Property-based fuzzing of the validator and the run (issue 13, « Fuzzing kept »): generated and
 * mutated diagnostics (tests/fuzz/documents.ts), a fixed seed and a bounded count, so that the
 * suite stays deterministic. Whatever the input: no exception, no caught defect (GTEC-E090),
 * every problem with a known code, its range inside the text, messages without raw control
 * characters and at most MESSAGE_MAX characters. The longer run is scripts/fuzz.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from './check-document.js';
import { fuzzDocument } from './documents.js';

const SEED = 20_261_202;

describe('fuzzed diagnostics', () => {
  it('validation: 2 000 documents (YAML and JSON, hostile keys and values, text mutations of the examples)', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzDocument, async (doc) => {
        expect(await checkDocument(doc)).toEqual([]);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  }, 300_000);

  it('the whole run on an empty host: 200 documents', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzDocument, async (doc) => {
        expect(await checkDocument(doc, { analyse: true })).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  }, 300_000);
});
