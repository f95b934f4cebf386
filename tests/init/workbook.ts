/** A small BMO workbook laid out like France Travail's « Base open data BMO » (same sheet and headers), for init tests. */
import ExcelJS from 'exceljs';

export const ENTETES_BMO = ['annee', 'Code métier BMO', 'Nom métier BMO', 'Famille_met', 'Lbl_fam_met', 'REG', 'NOM_REG', 'Dept', 'NomDept', 'BE24', 'NOMBE24', 'met', 'xmet', 'smet'];

/** Bassins: [REG, NOM_REG, Dept, NomDept, BE24, NOMBE24]. */
export const LIGNES_TERRITOIRES: string[][] = [
  ['52', 'Pays de la Loire', '44', 'Loire-Atlantique', '5225', 'SAINT NAZAIRE'],
  ['52', 'Pays de la Loire', '44', 'Loire-Atlantique', '5224', 'NANTES'],
  ['52', 'Pays de la Loire', '85', 'Vendée', '5230', 'CHALLANS'],
  ['28', 'Normandie', '50', 'Manche', '2824', 'SAINT LO COUTANCES'],
  ['75', 'Nouvelle-Aquitaine', '87', 'Haute-Vienne', '7548', 'ST YRIEIX'],
  ['75', 'Nouvelle-Aquitaine', '17', 'Charente-Maritime', '7520', "SAINT JEAN D'ANGÉLY"],
  // A bassin over two départements (Pays Basque 7539 spans 64 and 40 in BMO 2024).
  ['75', 'Nouvelle-Aquitaine', '64', 'Pyrénées-Atlantiques', '7539', 'PAYS BASQUE'],
  ['75', 'Nouvelle-Aquitaine', '40', 'Landes', '7539', 'PAYS BASQUE'],
];

const METIERS = [
  ['D1X33', 'Soudeurs', 'I', 'Métiers de l’industrie'],
  ['T2A60', 'Aides à domicile', 'S', 'Fonctions sociales et médico-sociales'],
];

export async function bmoWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('BMO_2024_open_data');
  ws.addRow(ENTETES_BMO);
  let n = 0;
  for (const t of LIGNES_TERRITOIRES) {
    for (const m of METIERS) {
      n++;
      ws.addRow(['2024', ...m, ...t, String(40 + n), String(20 + n), n % 3 ? '*' : String(n)]);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
