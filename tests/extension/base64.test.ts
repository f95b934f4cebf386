/** extension/src/base64.ts: the bytes of files and xlsx exports in the messages of both builds, without Node's Buffer. */
import { describe, expect, test } from 'vitest';
import { fromBase64, toBase64 } from '../../extension/src/base64.js';

describe('base64 without Buffer', () => {
  test('same text as Buffer, and back, across the chunk size', () => {
    for (const n of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 * 3 + 7]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) % 256);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(fromBase64(text)).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});
