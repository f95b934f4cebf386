/**
 * Document links: the `chemin` of each source, correspondance and of the referentiel opens that
 * file (or folder), resolved against the diagnostic's folder with the core's own path rule, so a
 * path the format refuses (absolute, URL, `..` leaving the folder) gets no link.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLink } from 'vscode-languageserver-types';
import { isScalar, isSeq, type Document } from 'yaml';
import { checkRelativePath } from '../../../core/index.js';
import { folderOf, joinUri } from './workspace.js';
import { nodeAt, type Segment } from './yaml-ast.js';

function cheminPaths(yaml: Document): Segment[][] {
  const listed = (key: string) => {
    const seq = nodeAt(yaml, [key]);
    return isSeq(seq) ? seq.items.map((_, i) => [key, i, 'chemin']) : [];
  };
  return [...listed('sources'), ...listed('correspondances'), ['referentiel', 'chemin']];
}

export function documentLinks(yaml: Document, doc: TextDocument): DocumentLink[] {
  return cheminPaths(yaml).flatMap((path) => {
    const node = nodeAt(yaml, path);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return [];
    const checked = checkRelativePath(node.value);
    if (!checked.ok) return [];
    // The range of the text inside the quotes, when quoted.
    const [start, end] = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? [node.range[0] + 1, node.range[1] - 1] : [node.range[0], node.range[1]];
    const target = checked.path === '.' ? folderOf(doc.uri) : joinUri(folderOf(doc.uri), checked.path);
    return [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, target }];
  });
}
