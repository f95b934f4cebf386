/** Status bar item: referential in use, error and warning counts of the active GTEC document. */
import * as vscode from 'vscode';
import type { Lang } from '../../../core/index.js';
import type { StatusParams } from '../protocol.js';
import { uiText } from './texts.js';

export const isGtecDocument = (doc: vscode.TextDocument | undefined) => doc?.languageId === 'gtec' || doc?.languageId === 'gtec-json';

export class GtecStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gtec.status', vscode.StatusBarAlignment.Left, 10);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor(private readonly lang: () => Lang) {
    this.item.name = 'GTEC';
    this.item.command = 'gtec.preview.open';
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    this.render();
  }

  /** Shows the active document's status again (the language setting changed). */
  render(): void {
    const t = (m: string, ...a: Array<string | number>) => uiText(this.lang(), m, ...a);
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc && isGtecDocument(doc) ? this.byUri.get(doc.uri.toString()) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    const icon = status.errors ? '$(error)' : status.warnings ? '$(warning)' : '$(check)';
    const ref = status.referential ?? t('no referential');
    const short = ref.length > 32 ? `${ref.slice(0, 31)}…` : ref;
    this.item.text = `${icon} GTEC · ${short}${status.restricted ? ' · ' + t('restricted') : ''}`;
    this.item.tooltip = [t('Referential: {0}', ref), t('{0} error(s), {1} warning(s)', status.errors, status.warnings), status.restricted ? t('Untrusted workspace: data files are not read.') : '', t('Click to open the preview.')]
      .filter(Boolean)
      .join('\n');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscription.dispose();
  }
}
