/** The CLI places a problem of a `$donnees/…` file in the declared data folder, not under the diagnostic's folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFile } from '../../cli/report-problems.js';
import { dataProblem } from '../../core/data/problems-data.js';

describe('reportFile and $donnees', () => {
  const problem = (file: string) => dataProblem('GTEC-E211', '/sources/0/chemin', { file, line: 3, column: 2, value: 'x', field: 'effectif' }, { location: { file, line: 3, column: 2 } });
  it('a $donnees/… file is shown in the declared folder; other files under the diagnostic’s folder', () => {
    const r = reportFile({ file: 'examples/x/d.gtec.yaml', text: '', problems: [problem('$donnees/bmo/e.csv'), problem('data/e.csv')], donnees: '../shared/data' }, 'fr', '/repo');
    expect(r.problems.map((p) => p.file)).toEqual([path.join('..', 'shared', 'data', 'bmo', 'e.csv'), path.join('examples', 'x', 'data', 'e.csv')]);
  });
});
