/** A file a host refused to read (core/host.ts `FileRefusedError`) as a problem: GTEC-E230, E231, E233, E220 (too big). */
import type { FileRefusal } from '../host.js';
import type { Problem } from '../problems.js';
import { dataProblem } from './problems-data.js';

export function refusalProblem(r: FileRefusal, pointer: string): Problem {
  const location = { location: { file: r.file } };
  if (r.kind === 'trop-gros') return dataProblem('GTEC-E220', pointer, { file: r.file, value: r.size, max: r.max }, location);
  if (r.kind === 'pas-un-fichier') return dataProblem('GTEC-E231', pointer, { file: r.file, what: r.what }, location);
  return dataProblem(r.kind === 'lien-git' ? 'GTEC-E233' : 'GTEC-E230', pointer, { file: r.file, link: r.link, target: r.target }, location);
}
