import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../core/host.js';
import { loadCsvReferentiel } from '../../core/referentiel/csv-referentiel.js';
import { loadReferentiel } from '../../core/referentiel/load.js';
import { fixtures } from './helpers.js';

const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'custom.csv')));
const enc = new TextEncoder();

describe('CSV referential', () => {
  it('reads the documented example', () => {
    const { referential: r, problems } = loadCsvReferentiel(bytes, 'custom.csv');
    expect(problems).toEqual([]);
    expect(r!.kind).toBe('csv');
    expect(r!.metiers.map((m) => m.code)).toEqual(['AIDE', 'CHAU', 'SOUD']);
    const soud = r!.metiers[2]!;
    expect(soud).toMatchObject({ libelle: "Soudeur d'atelier", domaine: 'H29', grandDomaine: 'H', appellations: ['Soudeur arc', 'Soudeur MIG'] });
    expect(soud.competences).toEqual([{ id: 'C1', coeur: 'principale' }, { id: 'C3' }, { id: 'S1' }, { id: 'E1' }]);
    expect(r!.competences.S1).toEqual({ id: 'S1', libelle: 'Procédés de soudage', type: 'savoir' });
    expect(r!.competences.E1).toMatchObject({ type: 'savoir-etre', macro: 'M9' });
    expect(r!.macros.M1).toEqual({ id: 'M1', libelle: 'Assembler par soudage', groupe: 'FAB' });
    expect(r!.domaines.K13).toBe('Aide à la vie quotidienne');
  });

  it('reports bad rows with their line and keeps the others', () => {
    const text = 'code_metier,libelle_metier,code_competence,libelle_competence,type,coeur\nA,Un,C1,X,savoir-faire,oui\nA,Un,C2,Y,talent,non\nA,Un,C3,Z,savoir,peut-être\n,Un,C4,W,savoir,non\n';
    const { referential, problems } = loadCsvReferentiel(enc.encode(text), 'r.csv');
    expect(referential!.metiers[0]!.competences).toEqual([{ id: 'C1', coeur: 'principale' }]);
    expect(problems.map((p) => `${p.code}@${p.location?.line}`)).toEqual(['GTEC-W301@3', 'GTEC-W301@4', 'GTEC-W301@5']);
    expect(problems[0]!.message.fr).toContain('type « talent » inconnu');
  });

  it('missing column → GTEC-E303; no row → GTEC-E305', () => {
    expect(loadCsvReferentiel(enc.encode('code_metier,libelle_metier\nA,B\n'), 'r.csv').problems.map((p) => p.code)).toEqual(['GTEC-E303', 'GTEC-E303']);
    expect(loadCsvReferentiel(enc.encode('code_metier,libelle_metier,code_competence,libelle_competence\n'), 'r.csv').problems.map((p) => p.code)).toEqual(['GTEC-E305']);
  });
});

describe('loadReferentiel', () => {
  it('demo, csv through the host, version mismatch warning, missing path', async () => {
    const demo = await loadReferentiel({ type: 'demo', version: '1' }, memoryHost({}));
    expect(demo.referential!.metiers).toHaveLength(40);
    expect(demo.problems).toEqual([]);
    const csv = await loadReferentiel({ type: 'csv', chemin: 'ref/custom.csv', version: '2' }, memoryHost({ 'ref/custom.csv': bytes }), '/referentiel');
    expect(csv.referential!.metiers).toHaveLength(3);
    expect(csv.problems.map((p) => [p.code, p.pointer])).toEqual([['GTEC-W303', '/referentiel/version']]);
    const none = await loadReferentiel({ type: 'rome-officiel' }, memoryHost({}), '/referentiel');
    expect(none.problems.map((p) => [p.code, p.pointer])).toEqual([['GTEC-E306', '/referentiel/chemin']]);
    const absent = await loadReferentiel({ type: 'csv', chemin: 'x.csv' }, memoryHost({}));
    expect(absent.problems[0]!.message.fr).toContain('« x.csv » introuvable');
  });
});
