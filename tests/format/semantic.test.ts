import { describe, expect, it } from 'vitest';
import { Diagnostic, type DiagnosticInput } from '../../core/format/schema.js';
import { endOf, startOf } from '../../core/format/semantic/dates.js';
import { metiersCouverts, semanticProblems } from '../../core/format/semantic/index.js';
import { validateDiagnosticSync } from '../../core/validation/validate.js';
import { PETIT_REFERENTIEL, fixture } from './helpers.js';

const base: DiagnosticInput = {
  gtec: 1,
  titre: 'Essai',
  territoire: { nom: 'X', type: 'region', codes: ['52'] },
  periode: { debut: 2019, fin: 2024 },
};
const codes = (input: Partial<DiagnosticInput>, ctx = {}) => semanticProblems(Diagnostic.parse({ ...base, ...input }), ctx).map((p) => `${p.code} ${p.pointer}`);
type Fiche = NonNullable<DiagnosticInput['plan_action']>[number];
const fiche = (id: string, extra: Partial<Fiche> = {}): Fiche => ({ id, titre: id, objectifs: ['o'], indicateurs: ['nb'], ...extra });
const nb = { evaluation: { indicateurs: [{ id: 'nb', libelle: 'n', type: 'realisation' as const, unite: 'p', cible: 1 }] } };

describe('semantic rules', () => {
  it('dates: a year or month stands for its whole period', () => {
    expect([startOf('2025'), endOf('2025'), startOf('2025-06'), endOf('2025-06'), startOf('2025-06-15')]).toEqual(['2025-01-01', '2025-12-31', '2025-06-01', '2025-06-31', '2025-06-15']);
    // debut 2025-06, fin 2025: coherent (June is inside 2025).
    expect(codes({ financements: [{ id: 'f', financeur: 'a', montant: 1, debut: '2025-06', fin: '2025' }], acteurs: [{ id: 'a', nom: 'A', type: 'region', roles: ['financement'] }] })).toEqual([]);
  });

  it('dates: leap years (2024-02-29 exists, 2023-02-29 and 2025-04-31 do not)', () => {
    expect(codes({ date: '2024-02-29' })).toEqual([]);
    expect(codes({ date: '2025-04-31' })).toEqual(['GTEC-E109 /date']);
    expect(codes({ date: '2100-02-29' })).toEqual(['GTEC-E109 /date']); // 2100 is not a leap year
  });

  it('periode: debut equal to fin is refused (no evolution can be computed)', () => {
    expect(codes({ periode: { debut: 2024, fin: 2024 } })).toEqual(['GTEC-E106 /periode/debut']);
  });

  it('amounts: compared to the cent — 0.1 + 0.2 on a line of 0.3 is not an overrun', () => {
    const input = {
      acteurs: [{ id: 'a', nom: 'A', type: 'region' as const, roles: ['financement' as const] }],
      financements: [{ id: 'f', financeur: 'a', montant: 0.3 }],
      plan_action: [fiche('x', { financements: [{ financement: 'f', montant: 0.1 }] }), fiche('y', { financements: [{ financement: 'f', montant: 0.2 }] })],
      ...nb,
    };
    expect(codes(input)).toEqual([]);
    input.plan_action[1]!.financements = [{ financement: 'f', montant: 0.21 }];
    expect(codes(input)).toEqual(['GTEC-E110 /financements/0/montant']);
  });

  it('references: comité members, fiche actors, every section’s duplicates', () => {
    const out = codes({
      acteurs: [{ id: 'a', nom: 'A', type: 'region', roles: ['pilotage'] }],
      gouvernance: {
        porteur: 'a',
        comites: [
          { id: 'c', type: 'pilotage', membres: ['a', 'b'] },
          { id: 'c', type: 'autre' },
        ],
      },
      plan_action: [fiche('x', { acteurs: [{ acteur: 'zz', role: 'pilotage' }] }), fiche('x')],
      metiers: [{ code: 'H2913' }, { code: 'H2913' }],
      ...nb,
    });
    expect(out).toEqual(['GTEC-E104 /plan_action/1/id', 'GTEC-E104 /metiers/1/code', 'GTEC-E104 /gouvernance/comites/1/id', 'GTEC-E101 /gouvernance/comites/0/membres/1', 'GTEC-E101 /plan_action/0/acteurs/0/acteur']);
  });

  it('métier codes: checked against the referential only for the rome4 nomenclature', () => {
    const metiers = [{ code: 'H2913' }, { code: 'A0X40' }];
    expect(codes({ metiers }, { referential: undefined })).toEqual(['GTEC-W103 /metiers/1/code']);
    const r = validateDiagnosticSync(fixture('GTEC-E105.gtec.yaml'), { fileName: 'x.gtec.yaml', referential: PETIT_REFERENTIEL });
    const p = r.problems.find((x) => x.code === 'GTEC-E105')!;
    expect(p.data).toMatchObject({ value: 'H2193', suggestion: 'H2913', suggestions: ['H2913'], libelles: ['Soudeur / Soudeuse'] });
    expect(p.message.fr).toBe('Code métier « H2193 » absent du référentiel test (2 métiers). Vouliez-vous dire « H2913 » (Soudeur / Soudeuse) ?');
    // A fap2021 diagnostic: its codes are not ROME 4 codes, nothing is checked.
    expect(codes({ nomenclature: 'fap2021', metiers })).toEqual([]);
    const fap = validateDiagnosticSync(fixture('GTEC-E105.gtec.yaml').replace('gtec: 1', 'gtec: 1\nnomenclature: fap2021'), { fileName: 'x', referential: PETIT_REFERENTIEL });
    expect(fap.problems.map((x) => x.code)).toEqual([]);
  });

  it('paths: absolute, URL, escaping and control characters are refused', () => {
    const src = (chemin: string) => ({ sources: [{ id: 's', type: 'effectifs' as const, chemin }] });
    expect(codes(src('/etc/passwd'))).toEqual(['GTEC-E111 /sources/0/chemin']);
    expect(codes(src('C:\\donnees\\x.csv'))).toEqual(['GTEC-E111 /sources/0/chemin']);
    expect(codes(src('https://exemple.fr/x.csv'))).toEqual(['GTEC-E111 /sources/0/chemin']);
    expect(codes(src('donnees/../../x.csv'))).toEqual(['GTEC-E111 /sources/0/chemin']);
    expect(codes(src('donnees/../x.csv'))).toEqual([]);
  });

  it('coverage: hook for the analysis lists the métiers some fiche covers', () => {
    const doc = Diagnostic.parse({ ...base, plan_action: [fiche('x', { metiers: ['H2913', 'I1304'] }), fiche('y', { metiers: ['H2913'] })], ...nb });
    expect([...metiersCouverts(doc)].sort()).toEqual(['H2913', 'I1304']);
    expect(codes({ metiers: [{ code: 'H2913', strategique: true, en_mutation: true }, { code: 'I1304' }] })).toEqual(['GTEC-I102 /metiers/0/code']);
  });
});

describe('GTEC-E104 wording (issue 12)', () => {
  it('names the first entry by its number, never by a raw JSON pointer', () => {
    const r = validateDiagnosticSync(fixture('GTEC-E104.gtec.yaml'), { fileName: 'x.gtec.yaml' });
    const p = r.problems.find((x) => x.code === 'GTEC-E104')!;
    for (const m of [p.message.fr, p.message.en]) expect(m).not.toMatch(/\/\w+\/\d/);
    expect(p.message.fr).toMatch(/par l’entrée n°\u00a0\d+ :/);
    expect(p.message.en).toMatch(/by entry \d+:/);
  });
});
