// `npm run test:unit`: the fast loop. Every test that needs no spawned process (the built CLI or
// language server), no browser (Chromium), no VS Code (code-server), no LibreOffice, no git
// repository and no real data (../shared/data, outside the repository: GTEC_REAL_DATA=0 turns off
// the real-data parts of the tests that also have others); `npm test` (CI) runs them all.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      env: { GTEC_REAL_DATA: '0' },
      // One module graph per worker thread instead of one process per file: a third of the CPU
      // time. The full suite keeps forks and isolation, so a test that leaks state still fails there.
      pool: 'threads',
      isolate: false,
      exclude: [
        '**/node_modules/**',
        // code-server + Chromium
        'tests/e2e/**',
        // Chromium
        'tests/report/browser.test.ts',
        'tests/extension/preview.test.ts',
        'tests/excel/taskpane.test.ts',
        // LibreOffice
        'tests/excel/libreoffice.test.ts',
        // git repositories and the built CLI
        'tests/diff/**',
        // the built CLI
        'tests/format/check-cli.test.ts',
        'tests/passerelles/cli.test.ts',
        'tests/report/cli.test.ts',
        'tests/files/cli.test.ts',
        'tests/init/cli.test.ts',
        'tests/i18n/**',
        // the built language server over stdio
        'tests/extension/server.test.ts',
        // real data only, and a 50 MB CSV written and read
        'tests/data/real-data.test.ts',
        'tests/analysis/real-data.test.ts',
        'tests/analysis/bmo-real-data.test.ts',
        'tests/data/large-csv.test.ts',
      ],
    },
  }),
);
