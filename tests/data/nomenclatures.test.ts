/**
 * Public nomenclature files recognised by their headers (core/data/nomenclatures.ts): the DARES
 * and France Travail CSVs, the official BMO workbook's columns; an unknown file is reported.
 */
import { describe, expect, it } from 'vitest';
import { addNomenclatureTable, nomenclaturesVides, readNomenclatureFiles } from '../../core/data/nomenclatures.js';

const octets = (t: string) => new TextEncoder().encode(t);

describe('nomenclatures publiques', () => {
  it('chaque fichier est reconnu à ses en-têtes ; un fichier inconnu est signalé, non deviné', async () => {
    const r = await readNomenclatureFiles({
      'fap2009_nomenclature.csv': octets('code_fap_225,intitule_fap_225,code_fap_87,intitule_fap_87,code_domaine_22,intitule_domaine_22\nA0Z40,Agriculteurs salariés,A0Z,Agriculteurs,A,Agriculture\n'),
      'bmo_2024_metiers.csv': octets('code_metier_bmo,libelle_metier_bmo,code_famille_metier,libelle_famille_metier\nA0X40,Agriculteurs,Z,Autres métiers\n'),
      'fap2009_rome_v3.csv': octets('code_fap2009,code_rome_v3,libelle_rome_v3\nA0Z40,a1416,"Polyculture, élevage"\nA0Z40,A1416,"Polyculture, élevage"\n'),
      'autre.csv': octets('x;y\n1;2\n'),
    });
    expect(r.inconnus).toEqual(['autre.csv']);
    expect(r.nomenclatures.fap2009).toEqual({ A0Z40: 'Agriculteurs salariés', A0Z: 'Agriculteurs', A: 'Agriculture' });
    expect(r.nomenclatures.fap2021).toEqual({ A0X40: 'Agriculteurs' });
    // ROME codes upper-cased, each once.
    expect(r.nomenclatures.fap2009Rome3).toEqual({ A0Z40: [['A1416', 'Polyculture, élevage']] });
    expect(r.nomenclatures.fichiers.map((f) => [f.nom, f.sortes, f.lignes])).toEqual([
      ['fap2009_nomenclature.csv', ['fap2009'], 1],
      ['bmo_2024_metiers.csv', ['fap2021'], 1],
      ['fap2009_rome_v3.csv', ['fap2009Rome3'], 2],
    ]);
  });

  it('le classeur BMO officiel donne les métiers (FAP 2021) et les bassins ; les codes restent du texte', () => {
    const n = nomenclaturesVides();
    const sortes = addNomenclatureTable(n, {
      file: 'Base_open_data_BMO_2024.xlsx',
      sheet: 'BMO_2024_open_data',
      headers: ['annee', 'Code métier BMO', 'Nom métier BMO', 'Famille_met', 'REG', 'Dept', 'BE24', 'NOMBE24', 'met', 'xmet', 'smet'],
      rows: [
        { line: 2, cells: ['2024', 'S1X20', 'Aides de cuisine', 'S', '84', '38', '8412', 'Grenoble', '120', '40', '*'] },
        { line: 3, cells: ['2024', 'S1X20', 'Aides de cuisine', 'S', '84', '01', '0101', 'Bourg', '5', '*', '*'] },
      ],
    });
    expect(sortes).toEqual(['fap2021', 'bassins']);
    expect(n.fap2021).toEqual({ S1X20: 'Aides de cuisine' });
    expect(n.bassins).toEqual({ '8412': 'Grenoble', '0101': 'Bourg' });
  });
});
