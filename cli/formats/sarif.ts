/**
 * `gtec check --format sarif`: a SARIF 2.1.0 log (GitHub code scanning, GitLab, editors). One run
 * of the tool `gtec`, whose rules are every code of the problem catalogues (title and help text in
 * French), and one result per problem with its physical location (columns in UTF-16 code units, as
 * `LineIndex` counts them). Deterministic: no timestamps, no absolute paths.
 */
import { catalogues, type ProblemCode, type Severity } from '../../core/index.js';
import type { FileReport } from '../report-problems.js';

const NIVEAU: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const AIDE = 'docs/erreurs.md';

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const codes = (Object.keys(catalogues) as ProblemCode[]).sort();
  const index = new Map<string, number>(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => {
    const def = catalogues[code];
    return {
      id: code,
      shortDescription: { text: def.title },
      help: { text: `${def.title} Codes, exemples et corrections : ${AIDE} (${code}).` },
      defaultConfiguration: { level: NIVEAU[def.severity] },
    };
  });
  const results = reports.flatMap((r) =>
    r.problems.map((p) => {
      const region: Record<string, number> = {};
      if (p.line !== undefined) region.startLine = p.line;
      if (p.column !== undefined && p.line !== undefined) region.startColumn = p.column;
      if (p.endLine !== undefined) region.endLine = p.endLine;
      if (p.endColumn !== undefined && p.endLine !== undefined) region.endColumn = p.endColumn;
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: uri(p.file), uriBaseId: '%SRCROOT%' } };
      if (Object.keys(region).length) physicalLocation.region = region;
      const cellule = p.cell !== undefined ? ` (${p.sheet ? p.sheet + '!' : ''}${p.cell})` : '';
      const resultat: Record<string, unknown> = {
        ruleId: p.code,
        level: NIVEAU[p.severity],
        message: { text: p.message + cellule },
        locations: [{ physicalLocation }],
        properties: { pointer: p.pointer, diagnostic: r.file, ...(p.sheet ? { sheet: p.sheet } : {}), ...(p.cell ? { cell: p.cell } : {}) },
      };
      const i = index.get(p.code);
      if (i !== undefined) resultat.ruleIndex = i;
      return resultat;
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gtec', version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A relative path as a URI reference (each segment percent-encoded). */
function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
