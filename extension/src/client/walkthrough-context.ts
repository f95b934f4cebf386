/**
 * The context key `gtec.diagnosticSansErreur`: true while the active editor is a GTEC diagnostic
 * with no error in Problems. The « Corriger les problèmes » step of the getting-started walkthrough
 * (package.json `walkthroughs`, completion event `onContext:`) is done when it turns true.
 */
import * as vscode from 'vscode';
import { isGtecDocument } from './status.js';

export function registerWalkthroughContext(): vscode.Disposable {
  let last: boolean | undefined;
  const render = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const ok = !!doc && isGtecDocument(doc) && !vscode.languages.getDiagnostics(doc.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error);
    if (ok === last) return;
    last = ok;
    void vscode.commands.executeCommand('setContext', 'gtec.diagnosticSansErreur', ok);
  };
  render();
  return vscode.Disposable.from(vscode.languages.onDidChangeDiagnostics(render), vscode.window.onDidChangeActiveTextEditor(render));
}
