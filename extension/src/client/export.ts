/** `GTEC: Export the Diagnostic`: the same HTML / xlsx / JSON report as the CLI, computed by the server. */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { fromBase64 } from '../base64.js';
import { ExportRequest, type ExportParams, type ExportResult } from '../protocol.js';
import type { Lang } from '../../../core/index.js';
import { isGtecDocument } from './status.js';
import { uiText } from './texts.js';

const FORMATS: Array<{ format: ExportParams['format']; label: string; ext: string }> = [
  { format: 'html', label: 'HTML', ext: 'html' },
  { format: 'xlsx', label: 'Excel (xlsx)', ext: 'xlsx' },
  { format: 'json', label: 'JSON', ext: 'json' },
];

export async function exportDiagnostic(client: LanguageClient, lang: Lang): Promise<void> {
  const t = (m: string, ...a: Array<string | number>) => uiText(lang, m, ...a);
  const doc = vscode.window.activeTextEditor?.document;
  if (!isGtecDocument(doc) || !doc) {
    void vscode.window.showWarningMessage(t('Open a GTEC diagnostic (*.gtec.yaml) first.'));
    return;
  }
  const choice = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ label: f.label, f })),
    { placeHolder: t('Report format') },
  );
  if (!choice) return;
  const base = doc.uri.path.replace(/\.gtec\.(ya?ml|json)$/i, '').replace(/\.[^./]*$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: doc.uri.with({ path: `${base}.rapport.${choice.f.ext}` }),
    filters: { [choice.f.label]: [choice.f.ext] },
  });
  if (!target) return;
  const result = await client.sendRequest<ExportResult>(ExportRequest, {
    uri: doc.uri.toString(),
    format: choice.f.format,
  } satisfies ExportParams);
  const bytes = result.base64 !== undefined ? fromBase64(result.base64) : result.text !== undefined ? new TextEncoder().encode(result.text) : undefined;
  if (!bytes) {
    void vscode.window.showErrorMessage(t('The diagnostic could not be computed: {0}', result.messages.slice(0, 3).join(' · ')));
    return;
  }
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(t('Report written: {0}', vscode.workspace.asRelativePath(target)));
}
