/** Status bar item: referential in use, error and warning counts of the active GTEC document. */
import * as vscode from 'vscode';
import type { StatusParams } from '../protocol.js';

export const isGtecDocument = (doc: vscode.TextDocument | undefined) => doc?.languageId === 'gtec' || doc?.languageId === 'gtec-json';

export class GtecStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gtec.status', vscode.StatusBarAlignment.Left, 10);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.item.name = 'GTEC';
    this.item.command = 'gtec.preview.open';
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc && isGtecDocument(doc) ? this.byUri.get(doc.uri.toString()) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    const icon = status.errors ? '$(error)' : status.warnings ? '$(warning)' : '$(check)';
    const ref = status.referential ?? vscode.l10n.t('no referential');
    const short = ref.length > 32 ? `${ref.slice(0, 31)}…` : ref;
    this.item.text = `${icon} GTEC · ${short}${status.restricted ? ' · ' + vscode.l10n.t('restricted') : ''}`;
    this.item.tooltip = [
      vscode.l10n.t('Referential: {0}', ref),
      vscode.l10n.t('{0} error(s), {1} warning(s)', status.errors, status.warnings),
      status.restricted ? vscode.l10n.t('Untrusted workspace: data files are not read.') : '',
      vscode.l10n.t('Click to open the preview.'),
    ]
      .filter(Boolean)
      .join('\n');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscription.dispose();
  }
}
