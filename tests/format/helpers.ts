import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../core/problems.js';
import { LineIndex } from '../../core/positions.js';
import type { Referentiel } from '../../core/referentiel/model.js';

export const FIXTURES = path.resolve(__dirname, '../fixtures/format');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** `CODE line:col` of each problem, for readable assertions. */
export function at(text: string, problems: readonly Problem[]): string[] {
  const index = new LineIndex(text);
  return problems.map((p) => {
    const pos = p.range ? index.position(p.range.start) : undefined;
    return `${p.code} ${pos ? `${pos.line}:${pos.column}` : '-'}`;
  });
}

/** A two-métier referential, enough to test code checks and suggestions. */
export const PETIT_REFERENTIEL: Referentiel = {
  kind: 'csv',
  label: 'test (2 métiers)',
  version: '1',
  metiers: [
    { code: 'H2913', libelle: 'Soudeur / Soudeuse', appellations: [], competences: [] },
    { code: 'I1304', libelle: 'Technicien / Technicienne de maintenance industrielle', appellations: [], competences: [] },
  ],
  competences: {},
  macros: {},
  domaines: {},
};
