/**
 * Format Document: `*.gtec.yaml` through the `yaml` package's Document, which keeps comments, quotes
 * and flow collections (2-space indent, sequences indented under their key, no line folding);
 * `*.gtec.json` as JSON with 2 spaces. A file that does not parse is left as it is (its errors are
 * the diagnostics' to show). One edit replacing the whole text, none when nothing changes.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseYaml } from './yaml-ast.js';

const isJson = (doc: TextDocument) => doc.languageId === 'gtec-json' || doc.uri.endsWith('.json');

/** The formatted text, or undefined when the text does not parse. */
export function formattedText(text: string, json: boolean): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out: string;
  if (json) {
    try {
      out = JSON.stringify(JSON.parse(text), null, 2) + '\n';
    } catch {
      return undefined;
    }
  } else {
    const doc = parseYaml(text);
    if (doc.errors.length) return undefined;
    out = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
  }
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}

export function formatDocument(doc: TextDocument): TextEdit[] {
  const text = doc.getText();
  const out = formattedText(text, isJson(doc));
  if (out === undefined || out === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: out }];
}
