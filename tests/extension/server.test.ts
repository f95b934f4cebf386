/**
 * The built language server (extension/dist/server.cjs) spoken to through the real protocol over
 * stdio, as an editor would: initialize, didOpen, publishDiagnostics, hover, completion, quick fix,
 * didChange, the preview request and the workbook export.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { BASE } from './fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(ROOT, 'extension/dist/server.cjs');

describe('language server over stdio', () => {
  let child: ChildProcess;
  let conn: ProtocolConnection;
  let dir: string;
  let uri: string;
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];

  /** The next publishDiagnostics for `uri` satisfying `ok`. */
  const diagnosticsWhere = (ok: (d: Diagnostic[]) => boolean) =>
    new Promise<Diagnostic[]>((resolve) => {
      const check = () => {
        const last = published.filter((p) => p.uri === uri).at(-1);
        if (last && ok(last.diagnostics)) {
          resolve(last.diagnostics);
          return true;
        }
        return false;
      };
      // Other files publish too (workspace diagnostics): wait until one for `uri` satisfies `ok`.
      const wait = () => {
        if (!check()) waiters.push(wait);
      };
      wait();
    });

  beforeAll(() => {
    if (!existsSync(SERVER) || !existsSync(path.join(ROOT, 'extension/dist/erreurs.md'))) execFileSync('node', ['esbuild.config.js'], { cwd: ROOT });
    dir = mkdtempSync(path.join(os.tmpdir(), 'gtec-lsp-'));
    const file = path.join(dir, 'test.gtec.yaml');
    writeFileSync(file, BASE);
    uri = pathToFileURL(file).href;
    // A broken diagnostic nobody opens: workspace diagnostics show its problems all the same.
    mkdirSync(path.join(dir, 'sous-dossier'));
    writeFileSync(path.join(dir, 'sous-dossier/ferme.gtec.yaml'), BASE.replace('titre:', 'titr:'));
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.push(p);
      for (const w of waiters.splice(0)) w();
    });
    conn.listen();
  });

  afterAll(async () => {
    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    conn.dispose();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('initialize, open a file with an unknown key, fix it', async () => {
    const init = await conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
      initializationOptions: { lang: 'en', trusted: true, referentielFolder: '', delay: 10 },
    });
    expect(init.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: expect.anything(), documentSymbolProvider: true });
    await conn.sendNotification('initialized', {});

    const text = BASE.replace('titre:', 'titr:');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gtec', version: 1, text } });
    const diags = await diagnosticsWhere((d) => d.some((x) => x.code === 'GTEC-E012'));
    const e012 = diags.find((x) => x.code === 'GTEC-E012')!;
    expect(e012.range.start).toEqual({ line: 2, character: 0 });
    expect(e012.message).toContain('did you mean "titre"');
    // The code links to its section of the shipped docs/erreurs.md (`### GTEC-E012 — …`).
    const href = e012.codeDescription?.href ?? '';
    expect(href).toMatch(/\/extension\/dist\/erreurs\.md#L\d+$/);
    const line = Number(href.split('#L')[1]);
    expect(readFileSync(path.join(ROOT, 'extension/dist/erreurs.md'), 'utf8').split('\n')[line - 1]).toMatch(/^#+ GTEC-E012\b/);

    const hover = await conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } });
    // The server speaks English (initializationOptions): the schema's English description.
    expect(JSON.stringify(hover.contents)).toContain('Kind of area');

    const formatting = await conn.sendRequest<Array<{ newText: string }>>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(Array.isArray(formatting)).toBe(true);

    const completion = await conn.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 8 } });
    expect(completion.items.map((i) => i.label)).toContain('bassin-bmo');

    const actions = await conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: e012.range,
      context: { diagnostics: [e012] },
    });
    const fix = actions.find((a) => a.title === 'Replace with "titre"')!;
    const edit = fix.edit!.changes![uri]![0]!;
    expect(edit).toEqual({ range: e012.range, newText: 'titre' });

    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    await diagnosticsWhere((d) => !d.some((x) => x.code === 'GTEC-E012'));

    const preview = await conn.sendRequest<{ html?: string }>('gtec/preview', { uri });
    expect(preview.html).toContain('Bassin de test');

    // The renderers and exceljs are chunks loaded on first use: the workbook export reaches them.
    const xlsx = await conn.sendRequest<{ base64?: string; messages: string[] }>('gtec/export', { uri, format: 'xlsx' });
    expect(xlsx.messages).toEqual([]);
    expect(Buffer.from(xlsx.base64 ?? '', 'base64').subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });

  test('workspace diagnostics: a closed broken file has its problems; deleting it clears them', async () => {
    const closed = pathToFileURL(path.join(dir, 'sous-dossier/ferme.gtec.yaml')).href;
    const closedDiagnostics = () => published.filter((p) => p.uri === closed).at(-1)?.diagnostics;
    await expect.poll(() => closedDiagnostics()?.map((d) => d.code), { timeout: 30_000 }).toContain('GTEC-E012');
    rmSync(new URL(closed));
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: closed, type: 3 }] });
    await expect.poll(() => closedDiagnostics(), { timeout: 30_000 }).toEqual([]);
  });

  test('completion is answered while a long document is being validated (validation worker)', async () => {
    // ~6 000 lines: validation takes far longer than a completion.
    const metiers = Array.from({ length: 2000 }, (_, i) => `  - code: H2913\n    strategique: ${i % 2 === 0}\n    note: n${i}`).join('\n');
    const long = `${BASE}metiers:\n${metiers}\n  - code: soud\n`;
    const lines = long.split('\n').length;
    const events: string[] = [];
    const seen = published.length;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: long }] });
    await new Promise((r) => setTimeout(r, 30));
    const asked = conn.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: lines - 2, character: 14 } }).then((c) => {
      events.push(published.slice(seen).some((p) => p.uri === uri && p.version === 10) ? 'completion-after-validation' : 'completion-first');
      return c;
    });
    const completion = await asked;
    expect(completion.items.length).toBeGreaterThan(0);
    expect(events).toEqual(['completion-first']);
    await diagnosticsWhere(() => published.slice(seen).some((p) => p.uri === uri && p.version === 10));
  }, 60_000);
});
