/**
 * One document whose validation breaks (a defect) gets GTEC-E090 in Problems instead of keeping
 * stale diagnostics, and the other documents are still validated (issue 13).
 */
import { describe, expect, test } from 'vitest';
import { createLanguageService } from '../../extension/src/service/language-service.js';
import type { ServiceWorkspace } from '../../extension/src/service/workspace.js';
import { BASE, fixture, FOLDER, memoryWorkspace } from './fixtures.js';

describe('a validation that throws', () => {
  test('is GTEC-E090 on its document, without stack; the next document validates normally', async () => {
    const { workspace } = memoryWorkspace({});
    const broken: ServiceWorkspace = {
      ...workspace,
      folder: (uri) => {
        if (uri.includes('/casse')) throw new TypeError('Cannot convert object to primitive value');
        return workspace.folder(uri);
      },
    };
    const ls = createLanguageService({ workspace: broken, settings: { lang: 'fr' } });
    for (const validate of [ls.validate, ls.validateDeep]) {
      const r = await validate(fixture(BASE, `${FOLDER}/casse/a.gtec.yaml`).doc);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['GTEC-E090']);
      expect(r.errors).toBe(1);
      expect(r.diagnostics[0]!.message).toContain('TypeError: Cannot convert object to primitive value');
      expect(r.diagnostics[0]!.message).not.toMatch(/\n\s+at /);
      const ok = await validate(fixture(BASE.replace('titre:', 'titr:')).doc);
      expect(ok.diagnostics.map((d) => d.code)).toContain('GTEC-E012');
    }
  });
});
