import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { nodeFileHost } from '../../node-host/file-host.js';
import { memoryHost } from '../../core/host.js';
import type { Problem } from '../../core/problems.js';
import type { Referentiel } from '../../core/referentiel/model.js';
import { loadRomeOfficiel, readRomeTable } from '../../core/referentiel/rome-officiel.js';
import { referentielStats } from '../../core/referentiel/stats.js';
import { fixtures, folderFiles, hasRome, romeDir } from './helpers.js';

const mini = path.join(fixtures, 'mini-rome');
const enc = new TextEncoder();

describe('loadRomeOfficiel on a miniature export (fixture)', () => {
  it('reads fiches, domaines, appellations, competences, cœur, contextes, version and mobilités', async () => {
    const { referential: r, problems } = await loadRomeOfficiel(nodeFileHost(mini), '.');
    expect(problems).toEqual([]);
    expect(r!.label).toBe('ROME 4.0 v99 (99M99)');
    expect(r!.version).toBe('99');
    expect(r!.metiers.map((m) => m.code)).toEqual(['H2913', 'H2916', 'J1501']);
    const soudeur = r!.metiers[0]!;
    expect(soudeur).toMatchObject({ domaine: 'H29', grandDomaine: 'H', codeRomeV3: 'H2913', contextes: ['700'] });
    expect(soudeur.appellations).toEqual(["Soudeur / Soudeuse à l'arc électrique", 'Braseur / Braseuse']);
    expect(soudeur.competences).toEqual([{ id: '901', coeur: 'principale' }, { id: '900' }, { id: '990' }, { id: '800', coeur: 'emergente' }]);
    // A macro-compétence linked directly is its own macro; its group is the objectif (3 first characters).
    expect(r!.competences['900']).toMatchObject({ type: 'savoir-faire', macro: '900' });
    expect(r!.competences['901']).toMatchObject({ type: 'savoir-faire', macro: '900' });
    expect(r!.competences['990']!.type).toBe('savoir-etre');
    expect(r!.competences['800']!.type).toBe('savoir');
    expect(r!.macros['900']).toEqual({ id: '900', libelle: 'Réaliser des soudures', groupe: '1A1' });
    expect(r!.domaines).toMatchObject({ H: 'Industrie', H29: 'Mécanique, travail des métaux et outillage' });
    expect(r!.contextes!['701']).toBe('Travail en établissement de soins');
    expect(r!.metiers[2]!.tags).toEqual(['transition-demographique', 'emploi-reglemente']);
    expect(r!.mobilites).toEqual([
      { source: 'H2913', cible: 'H2916', rang: 1 },
      { source: 'H2916', cible: 'H2913', rang: 1 },
    ]);
  });

  it('missing folder → GTEC-E301', async () => {
    const { referential, problems } = await loadRomeOfficiel(memoryHost({}), 'nulle-part');
    expect(referential).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['GTEC-E301']);
    expect(problems[0]!.message.fr).toContain('nulle-part');
  });

  it('missing required table → GTEC-E302 naming the file', async () => {
    const files = folderFiles(mini);
    delete files['rome/unix_referentiel_savoir_v999_utf8.csv'];
    const { problems } = await loadRomeOfficiel(memoryHost(files), 'rome');
    const p = problems.find((x) => x.code === 'GTEC-E302')!;
    expect(p.severity).toBe('error');
    expect(p.location?.file).toBe('unix_referentiel_savoir_v999_utf8.csv');
    expect(p.message.fr).toContain('unix_referentiel_savoir_v999_utf8.csv');
  });

  it('missing column → GTEC-E303 naming the file, the column and what was expected', async () => {
    const files = folderFiles(mini);
    files['rome/unix_coherence_item_v999_utf8.csv'] = enc.encode('"code_rome","code_ogr"\n"H2913","901"\n');
    const { problems } = await loadRomeOfficiel(memoryHost(files), 'rome');
    const p = problems.find((x) => x.code === 'GTEC-E303')!;
    expect(p.data).toMatchObject({ missingKey: 'coeur_metier', file: 'unix_coherence_item_v999_utf8.csv' });
    expect(p.message.fr).toContain('Colonnes attendues : code_rome, code_ogr, coeur_metier');
  });

  it('bad rows → warnings with file and line, the rest is loaded', async () => {
    const files = folderFiles(mini);
    const liens = new TextDecoder().decode(files['rome/unix_liens_rome_referentiels_v999_utf8.csv']);
    // Line 16: unknown fiche; line 17: too few fields; line 18: unknown rubrique; line 19: unknown competence.
    files['rome/unix_liens_rome_referentiels_v999_utf8.csv'] = enc.encode(liens + '"Z9999","5","1","901"\n"H2913","5"\n"H2913","5","7","902"\n"H2913","5","1","123456"\n');
    const { referential, problems } = await loadRomeOfficiel(memoryHost(files), 'rome');
    expect(referential!.metiers).toHaveLength(3);
    const at = (p: Problem) => `${p.code}@${p.location?.line}`;
    const byLine = [...problems].sort((a, b) => a.location!.line! - b.location!.line!);
    expect(byLine.map(at)).toEqual(['GTEC-W302@16', 'GTEC-W301@17', 'GTEC-W301@18', 'GTEC-W302@19']);
    expect(byLine.every((p) => p.location?.file === 'unix_liens_rome_referentiels_v999_utf8.csv')).toBe(true);
    expect(byLine[1]!.message.fr).toBe('Ligne 17 de unix_liens_rome_referentiels_v999_utf8.csv ignorée : 2 champs au lieu de 4.');
  });

  it('an export without version.txt still loads, with a warning', async () => {
    const files = folderFiles(mini);
    delete files['rome/version.txt'];
    const { referential, problems } = await loadRomeOfficiel(memoryHost(files), 'rome');
    expect(referential!.version).toBe('99');
    expect(problems.map((p) => p.code)).toEqual(['GTEC-W305']);
  });
});

describe.skipIf(!hasRome)('loadRomeOfficiel on the real ROME 4.0 v60 export', () => {
  let r: Referentiel;
  let problems: Problem[];
  beforeAll(async () => {
    ({ referential: r, problems } = (await loadRomeOfficiel(nodeFileHost(romeDir), '.')) as { referential: Referentiel; problems: Problem[] });
  }, 120_000);

  it('has the published counts', () => {
    expect(problems).toEqual([]);
    expect(r.label).toBe('ROME 4.0 v60 (25M09)');
    const s = referentielStats(r);
    expect(s.metiers).toBe(1584);
    expect(s.liens).toMatchObject({ total: 90556, 'savoir-faire': 49440, 'savoir-etre': 5255, savoir: 35861, coeur: 18900 });
    expect(s.appellations).toBe(13120);
    expect(s.domaines).toBe(110);
    expect(s.grandsDomaines).toBe(14);
    expect(s.macros).toBe(507);
  });

  it('reads a fiche as published', () => {
    const m = r.metiers.find((x) => x.code === 'I1334')!;
    expect(m.libelle).toBe('Electronicien / Electronicienne de maintenance aéronautique');
    expect(m.codeRomeV3).toBe('I1305');
    expect(r.domaines[m.domaine!]).toBe('Equipements de production, équipements collectifs');
  });

  it('decodes the Windows-1252 NAF table despite its utf8 name', async () => {
    const probs: Problem[] = [];
    const t = await readRomeTable(nodeFileHost(romeDir), '.', 'arborescence_secteur_naf', '460', probs);
    expect(probs.map((p) => p.code)).toEqual(['GTEC-W304']);
    const row = t!.rows.find((x) => x[3] === 'A1211')!;
    expect(row[4]).toBe("Chef / Cheffe d'équipe paysagiste");
  });
});
