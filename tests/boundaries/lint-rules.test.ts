/**
 * The boundary rules of biome.jsonc catch what they are meant to: probe files, one forbidden import
 * per line, are linted with the project's configuration in a temporary folder laid out like the
 * repository; allowed imports raise nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIOME = path.join(ROOT, 'node_modules/@biomejs/biome/bin/biome');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gtec-lint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Each probe: its path, then its import lines, each with the rule it must break (or null). */
const PROBES: Record<string, Array<[string, string | null]>> = {
  'core/format/probe.ts': [
    ["import { inspectSource } from '../data/inspect.js';", 'noRestrictedImports'],
    ["import { validateDiagnostic } from '../validation/validate.js';", 'noRestrictedImports'],
    ["import { closest } from '../suggest.js';", null],
    ["import { z } from 'zod';", null],
  ],
  'core/format/semantic/probe.ts': [
    ["import { loadReferentiel } from '../../referentiel/load.js';", 'noRestrictedImports'],
    ["import { checkRelativePath } from '../../paths.js';", null],
    ["import { readFile } from 'node:fs/promises';", 'noNodejsModules'],
  ],
  'core/data/probe.ts': [
    ["import { readFile } from 'node:fs/promises';", 'noNodejsModules'],
    ["import { nodeFileHost } from '../../node-host/file-host.js';", 'noRestrictedImports'],
    ["import { Diagnostic } from '../format/schema.js';", null],
  ],
  'cli/commands/probe.ts': [
    ["import { runDiagnostic } from '../../core/analysis/run-diagnostic.js';", 'noRestrictedImports'],
    ["import { runDiagnostic as run } from '../../core/index.js';", null],
    ["import { readFile } from 'node:fs/promises';", null],
  ],
  'extension/src/server/probe.ts': [
    ["import { CliContext } from '../../../cli/context.js';", 'noRestrictedImports'],
    ["import { memoryHost } from '../../../core/host.js';", 'noRestrictedImports'],
    ["import { nodeFileHost } from '../../../node-host/file-host.js';", null],
    ["import { readFile } from 'node:fs';", null],
  ],
  'extension/src/service/probe.ts': [
    ["import path from 'node:path';", 'noNodejsModules'],
    ["import * as vscode from 'vscode';", 'noRestrictedImports'],
    ["import { createConnection } from 'vscode-languageserver/node';", 'noRestrictedImports'],
    ["import { nodeFileHost } from '../../../node-host/file-host.js';", 'noRestrictedImports'],
    ["import { TextDocument } from 'vscode-languageserver-textdocument';", null],
    ["import { parseDiagnosticText } from '../../../core/index.js';", null],
  ],
  // A file of the web build (its path is in the web override of biome.jsonc).
  'extension/src/server/server-web.ts': [
    ["import { readFile } from 'node:fs';", 'noNodejsModules'],
    ["import { createConnection } from 'vscode-languageserver/node';", 'noRestrictedImports'],
    ["import { nodeFileHost } from '../../../node-host/file-host.js';", 'noRestrictedImports'],
    ["import { BrowserMessageReader } from 'vscode-languageserver/browser';", null],
    ["import { parseDiagnosticText } from '../../../core/index.js';", null],
  ],
  'excel-addin/src/taskpane/probe.ts': [
    ["import { readFileSync } from 'node:fs';", 'noNodejsModules'],
    ["import { nodeFileHost } from '../../../node-host/file-host.js';", 'noRestrictedImports'],
    ["import { gtec } from '../../../cli/gtec.js';", 'noRestrictedImports'],
    ["import { renderJson } from '../../../core/report/json.js';", 'noRestrictedImports'],
    ["import { renderJson as render } from '../../../core/index.js';", null],
  ],
  'tests/probe.test.ts': [
    ["import { runDiagnostic } from '../core/analysis/run-diagnostic.js';", null],
    ["import { readFileSync } from 'node:fs';", null],
  ],
};

/** The imported names of a probe line, used once so that no unused-import rule fires. */
const names = (line: string) => [...line.matchAll(/(?:\* as |\{ (?:type )?\w+ as |\{ (?:type )?|import (?!type|\{|\*))(\w+)/g)].map((m) => m[1]!);

function lint(): Array<{ file: string; line: number; rule: string }> {
  // The project's configuration, without the schema reference (node_modules is not beside it).
  const config = readFileSync(path.join(ROOT, 'biome.jsonc'), 'utf8').replace(/^\s*"\$schema": .*\n/m, '');
  writeFileSync(path.join(tmp, 'biome.jsonc'), config);
  for (const [file, lines] of Object.entries(PROBES)) {
    mkdirSync(path.join(tmp, path.dirname(file)), { recursive: true });
    const used = lines.flatMap(([l]) => names(l));
    writeFileSync(path.join(tmp, file), `${lines.map(([l]) => l).join('\n')}\n\nexport const probe = [${used.join(', ')}];\n`);
  }
  const r = spawnSync(process.execPath, [BIOME, 'lint', '--reporter=json', '--vcs-enabled=false', '--max-diagnostics=none', '.'], { cwd: tmp, encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { diagnostics: Array<{ category: string; location: { path: string; start: { line: number } } }> };
  return report.diagnostics.map((d) => ({ file: d.location.path.split(path.sep).join('/'), line: d.location.start.line, rule: d.category.split('/').pop()! }));
}

describe('biome.jsonc boundary rules', () => {
  it('flag every forbidden import of the probes, and nothing else', () => {
    const expected = Object.entries(PROBES).flatMap(([file, lines]) => lines.flatMap(([, rule], i) => (rule ? [{ file, line: i + 1, rule }] : [])));
    const order = (a: { file: string; line: number }, b: { file: string; line: number }) => a.file.localeCompare(b.file) || a.line - b.line;
    expect(lint().sort(order)).toEqual(expected.sort(order));
  });
});
