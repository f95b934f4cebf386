/**
 * `gtec check --format github`: GitHub Actions workflow commands, one per problem, so that each
 * problem is shown as an annotation on the line of the file in the pull request:
 * `::error file=…,line=…,col=…,title=CODE::message` (`::warning`, `::notice` for infos).
 */
import { escapeControls } from '../../core/index.js';
import type { FileReport } from '../report-problems.js';

const NIVEAU = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(reports: readonly FileReport[]): string {
  const lignes: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) {
      const props: string[] = [`file=${propriete(p.file)}`];
      if (p.line !== undefined) props.push(`line=${p.line}`);
      if (p.column !== undefined) props.push(`col=${p.column}`);
      if (p.endLine !== undefined) props.push(`endLine=${p.endLine}`);
      if (p.endColumn !== undefined) props.push(`endColumn=${p.endColumn}`);
      props.push(`title=${propriete(p.code)}`);
      const cellule = p.cell !== undefined ? ` (${p.sheet ? p.sheet + '!' : ''}${p.cell})` : '';
      lignes.push(`::${NIVEAU[p.severity]} ${props.join(',')}::${donnee(p.message + cellule)}`);
    }
  }
  return lignes.map((l) => l + '\n').join('');
}

// Control characters (ESC, BEL, CR…) escaped as text, so that the log shows them and the runner
// never reads a second command; then the escaping of its command parser (actions/toolkit, command.ts).
function donnee(s: string): string {
  return escapeControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function propriete(s: string): string {
  return donnee(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
