import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFileHost } from '../../node-host/file-host.js';
import { demoReferentiel } from '../../core/referentiel/demo.js';
import { ReferentielIndex, normalizeText } from '../../core/referentiel/lookup.js';
import { editDistance } from '../../core/suggest.js';
import { loadRomeOfficiel } from '../../core/referentiel/rome-officiel.js';
import { hasRome, romeDir } from './helpers.js';

describe('ReferentielIndex on the demo', () => {
  const ix = new ReferentielIndex(demoReferentiel());

  it('normalises accents, case, ligatures', () => {
    expect(normalizeText('  Manœuvre BÂTIMENT ')).toBe('manoeuvre batiment');
    expect(editDistance('M1850', 'M1805')).toBe(1);
    expect(editDistance('H2913', 'H2913')).toBe(0);
  });

  it('finds by label, appellation, feminine form, code prefix', () => {
    expect(ix.search('soudeur')[0]!.code).toBe('H2913');
    expect(ix.search('SOUDEUSE')[0]!.code).toBe('H2913');
    expect(ix.search('manoeuvre batiment')[0]!.code).toBe('F1704');
    expect(ix.search('chaudronniere soudeuse')[0]).toMatchObject({ code: 'H2902', trouve: 'Chaudronnier soudeur / Chaudronnière soudeuse' });
    expect(ix.search('baby-sitter')[0]!.code).toBe('K1303');
    expect(ix.search('H29', 10).map((h) => h.code)).toEqual(['H2902', 'H2903', 'H2909', 'H2912', 'H2913']);
    expect(ix.search('zzz')).toEqual([]);
  });

  it('suggests near codes, maps ROME v3', () => {
    expect(ix.suggest('M1850')).toEqual(['M1805']);
    expect(ix.suggest('h2931')[0]).toBe('H2913');
    expect(ix.suggest('Z0000')).toEqual([]);
    expect(ix.toRome3('I1334')).toBe('I1305');
    expect(ix.fromRome3('I1305')).toEqual(['I1334']);
    expect(ix.metier('J1501')!.libelle).toBe('Aide-soignant / Aide-soignante');
    expect(ix.competence('souder-arc')!.type).toBe('savoir-faire');
  });
});

describe.skipIf(!hasRome)('ReferentielIndex on the real ROME', () => {
  let ix: ReferentielIndex;
  beforeAll(async () => {
    ix = new ReferentielIndex((await loadRomeOfficiel(nodeFileHost(romeDir), '.')).referential!);
  }, 120_000);

  it('« soudeur » finds H2913 first; v3 children', () => {
    expect(ix.search('soudeur', 3).map((h) => h.code)).toEqual(['H2913', 'H2917', 'H2916']);
    expect(ix.search('aide-soignante')[0]!.code).toBe('J1501');
    expect(ix.fromRome3('I1305')).toContain('I1334');
  });
});
