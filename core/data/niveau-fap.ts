/**
 * FAP 2009 codes at the level a diagnostic reads them (`niveau` of a source, `niveau_de` of a
 * correspondance). The FAP 2009 has 22 domains (`A`), 87 families (`A0Z`, `T2A`) and 225 métiers
 * (`A0Z40`); a métier's family is its first three characters.
 *
 * - fap87: when the rows have family codes, only those rows are kept (a file that gives both
 *   levels, as DARES's tension file, would otherwise count twice); otherwise métier codes are
 *   brought up to their family (counts of one family are then summed downstream, which is exact).
 *   Rows at any other level (domains, `ENS`) are left out.
 * - fap225: only the rows with métier codes are kept.
 */
export type NiveauFap = 'fap87' | 'fap225';

const FAMILLE = /^[A-Z]\d[A-Z]$/;
const METIER = /^[A-Z]\d[A-Z]\d{2}$/;

/** A FAP 225 code's family (A0Z40 → A0Z); undefined for a code of another shape. */
export const familleFap = (code: string): string | undefined => (METIER.test(code) ? code.slice(0, 3) : undefined);

export interface NiveauLu<R> {
  records: R[];
  /** Distinct FAP 225 codes brought up to their family, and the families they made. */
  ramenes: number;
  familles: number;
  /** Rows left out (other levels). */
  ecartes: number;
}

export function versNiveauFap<R extends { metier: string }>(records: readonly R[], niveau: NiveauFap): NiveauLu<R> {
  if (niveau === 'fap225') {
    const records2 = records.filter((r) => METIER.test(r.metier));
    return { records: records2, ramenes: 0, familles: 0, ecartes: records.length - records2.length };
  }
  const familles = records.filter((r) => FAMILLE.test(r.metier));
  if (familles.length > 0) return { records: familles, ramenes: 0, familles: 0, ecartes: records.length - familles.length };
  const ramenes = new Set<string>();
  const out: R[] = [];
  for (const r of records) {
    const f = familleFap(r.metier);
    if (f === undefined) continue;
    ramenes.add(r.metier);
    out.push({ ...r, metier: f, libelle: undefined });
  }
  return { records: out, ramenes: ramenes.size, familles: new Set(out.map((r) => r.metier)).size, ecartes: records.length - out.length };
}
