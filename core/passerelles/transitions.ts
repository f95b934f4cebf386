/**
 * Learned proximity of domaines: how much more often experts move from a fiche of domaine dA to a
 * fiche of domaine dB than to any fiche (a smoothed lift), at the domaine professionnel and the
 * grand domaine levels. Counted on the training lists by scripts/fit-passerelles.ts and stored in
 * the model (modele-rome.ts); the engine only looks the values up. Content-only: at run time it
 * reads the fiches' domaines, never a mobilités table.
 *
 * lift(dA → dB) = ln((n(dA→dB) + α·p(dB)) / ((n(dA) + α)·p(dB))), with n(dA→dB) the expert moves
 * from dA to dB, n(dA) all moves from dA, p(dB) the share of all moves that land in dB and α the
 * smoothing (a domaine with few moves stays near 0). An unseen pair from dA is stored once, as
 * `'*'`: ln(α / (n(dA) + α)).
 */

/** Source domaine → target domaine (or `'*'` for any other) → lift. */
export type TableTransitions = Record<string, Record<string, number>>;

export const ALPHA_TRANSITIONS = 5;

/** Moves (source domaine, target domaine) counted; `minus` removes one source's own moves (leave-one-out). */
export class CompteTransitions {
  readonly pairs = new Map<string, Map<string, number>>();
  readonly from = new Map<string, number>();
  readonly to = new Map<string, number>();
  total = 0;

  add(da: string, db: string, k = 1): void {
    const row = this.pairs.get(da) ?? new Map<string, number>();
    row.set(db, (row.get(db) ?? 0) + k);
    this.pairs.set(da, row);
    this.from.set(da, (this.from.get(da) ?? 0) + k);
    this.to.set(db, (this.to.get(db) ?? 0) + k);
    this.total += k;
  }

  /** The lift of da → db, optionally without the moves `without` (one source's own list). */
  lift(da: string, db: string, without?: CompteTransitions, alpha = ALPHA_TRANSITIONS): number {
    const nab = (this.pairs.get(da)?.get(db) ?? 0) - (without?.pairs.get(da)?.get(db) ?? 0);
    const na = (this.from.get(da) ?? 0) - (without?.from.get(da) ?? 0);
    const total = this.total - (without?.total ?? 0);
    const tb = (this.to.get(db) ?? 0) - (without?.to.get(db) ?? 0);
    if (total <= 0) return 0;
    const pb = tb / total;
    if (pb <= 0) return Math.log(alpha / (na + alpha));
    return Math.log((nab + alpha * pb) / ((na + alpha) * pb));
  }

  /** The table stored in the model (rounded to 4 decimals, keys sorted). */
  table(alpha = ALPHA_TRANSITIONS): TableTransitions {
    const out: TableTransitions = {};
    for (const da of [...this.pairs.keys()].sort()) {
      const row: Record<string, number> = { '*': round4(Math.log(alpha / (this.from.get(da)! + alpha))) };
      for (const db of [...this.pairs.get(da)!.keys()].sort()) row[db] = round4(this.lift(da, db, undefined, alpha));
      out[da] = row;
    }
    return out;
  }
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The stored lift of da → db (0 when either is unknown to the table). */
export function liftDe(table: TableTransitions | undefined, da: string | undefined, db: string | undefined): number {
  if (!table || da === undefined || db === undefined) return 0;
  const row = table[da];
  if (!row) return 0;
  return row[db] ?? row['*'] ?? 0;
}

/** Dense lookup matrix over the referential's own domaine ids (ids from `codes`, −1 = none). */
export function matriceTransitions(table: TableTransitions | undefined, codes: readonly string[]): Float64Array {
  const d = codes.length;
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m[i * d + j] = liftDe(table, codes[i], codes[j]);
  return m;
}
