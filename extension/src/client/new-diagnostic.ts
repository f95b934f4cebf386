/**
 * `GTEC : Nouveau diagnostic` / `GTEC: New diagnostic`: from an empty folder to a valid diagnostic,
 * with the same core code as `gtec init`. Its work (new-diagnostic-run.ts, with the BMO workbook
 * reader) is a bundle of its own, `dist/new-diagnostic-run.cjs` (esbuild.config.js), loaded when
 * the command runs: the client that starts with every GTEC file stays small.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

type Run = typeof import('./new-diagnostic-run.js');

export function registerNewDiagnostic(): vscode.Disposable {
  return vscode.commands.registerCommand('gtec.nouveauDiagnostic', async () => {
    const run = require(path.join(__dirname, 'new-diagnostic-run.cjs')) as Run;
    await run.newDiagnostic();
  });
}
