// `npm run test:unit`: the fast loop. Every test that needs no spawned process (the built CLI or
// language server, a script), no browser (Chromium), no VS Code (code-server), no LibreOffice and
// no git repository; `npm test` (CI) runs them all.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
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
        // the built language server over stdio
        'tests/extension/server.test.ts',
      ],
    },
  }),
);
