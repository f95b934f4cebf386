/**
 * Which rows of a data file belong to a perimeter (the territory or its reference).
 *
 * - Fine perimeters (commune, epci, pays, bassin-bmo, zone-emploi, pole-competitivite, autre):
 *   the row's own `zone` is one of the codes.
 * - departement / region (and multi-regions, a set of regions): rows whose `departement` /
 *   `region` column, or else their `zone`, is one of the codes. When the file mixes levels (rows
 *   that are the département itself, zone = its code or no département column, beside finer
 *   rows of it), only the aggregate rows are kept: summing both would count twice.
 * - france: the file's national rows when it has some (zone 'FR', 'FRA', 'France', 'nat',
 *   'national', 'ensemble', '00', case-insensitive), otherwise every row.
 *
 * A perimeter's figures are the sums over its selected rows.
 */

interface Zoned {
  zone: string;
  departement?: string;
  region?: string;
}

const NATIONAL = new Set(['fr', 'fra', 'france', 'nat', 'national', 'ensemble', '00', 'fm', 'france entiere']);

export function isNational(zone: string): boolean {
  return NATIONAL.has(zone.trim().toLowerCase());
}

export function selectPerimetre<R extends Zoned>(records: readonly R[], perimetre: { type: string; codes: readonly string[] }): R[] {
  const codes = new Set(perimetre.codes.map((c) => c.trim()));
  switch (perimetre.type) {
    case 'france': {
      const nationales = records.filter((r) => isNational(r.zone));
      return nationales.length > 0 ? nationales : [...records];
    }
    case 'departement':
      return parNiveau(records, codes, (r) => r.departement);
    case 'region':
    case 'multi-regions':
      return parNiveau(records, codes, (r) => r.region);
    default:
      return records.filter((r) => codes.has(r.zone));
  }
}

function parNiveau<R extends Zoned>(records: readonly R[], codes: Set<string>, niveau: (r: R) => string | undefined): R[] {
  const candidats = records.filter((r) => codes.has(niveau(r) ?? r.zone));
  const agregats = candidats.filter((r) => niveau(r) === undefined || niveau(r) === r.zone);
  return agregats.length > 0 ? agregats : candidats;
}
