/**
 * Bringing a source's métier codes into the diagnostic's analysis nomenclature.
 *
 * Passages available: the referential (ROME v3 ↔ ROME 4 through each fiche's `codeRomeV3`) and
 * every declared correspondance table. The shortest chain of passages is used (e.g. fap2009 →
 * rome3 by a declared table, then rome3 → rome4 by the referential).
 *
 * Counts cannot be split: when one origin code reaches several destination codes, each
 * destination receives a copy of the record flagged `approximatif` (ratios and classes of the
 * origin group stay valid, the counts are not summable). Several origin codes reaching one
 * destination are summed downstream, which is exact.
 */
import type { NomenclatureId } from '../format/schema.js';
import type { CrosswalkTable } from '../data/records.js';
import type { Referentiel } from '../referentiel/model.js';

export interface Passage {
  de: string;
  vers: string;
  map: ReadonlyMap<string, readonly string[]>;
  /** 'referentiel', or the id of the declared correspondance. */
  origine: string;
}

/** ROME v3 → ROME 4 (one to many) and ROME 4 → ROME v3 (many to one) from the referential. */
export function passagesFromReferentiel(ref: Referentiel): Passage[] {
  const v3v4 = new Map<string, string[]>();
  const v4v3 = new Map<string, string[]>();
  for (const m of ref.metiers) {
    if (!m.codeRomeV3) continue;
    const liste = v3v4.get(m.codeRomeV3);
    if (liste) liste.push(m.code);
    else v3v4.set(m.codeRomeV3, [m.code]);
    v4v3.set(m.code, [m.codeRomeV3]);
  }
  if (v3v4.size === 0) return [];
  for (const l of v3v4.values()) l.sort();
  return [
    { de: 'rome3', vers: 'rome4', map: v3v4, origine: 'referentiel' },
    { de: 'rome4', vers: 'rome3', map: v4v3, origine: 'referentiel' },
  ];
}

export function passageFromTable(table: CrosswalkTable, id: string): Passage {
  return { de: table.de, vers: table.vers, map: table.map, origine: id };
}

/**
 * Shortest chain of passages from `de` to `vers` (breadth-first; among chains of equal length the
 * first declared wins). `[]` for the identity, undefined when there is no path.
 */
export function findPassagePath(de: NomenclatureId | string, vers: NomenclatureId | string, passages: readonly Passage[]): Passage[] | undefined {
  if (de === vers) return [];
  const precedent = new Map<string, Passage>();
  const file: string[] = [de];
  const vus = new Set<string>([de]);
  while (file.length > 0) {
    const n = file.shift()!;
    for (const p of passages) {
      if (p.de !== n || vus.has(p.vers)) continue;
      vus.add(p.vers);
      precedent.set(p.vers, p);
      if (p.vers === vers) {
        const chemin: Passage[] = [];
        for (let c: string = vers; c !== de; ) {
          const q = precedent.get(c)!;
          chemin.unshift(q);
          c = q.de;
        }
        return chemin;
      }
      file.push(p.vers);
    }
  }
  return undefined;
}

/** Destination codes of one origin code through a chain (sorted, distinct). */
export function codesDestination(code: string, chemin: readonly Passage[]): string[] {
  let codes = [code];
  for (const p of chemin) {
    const suivants = new Set<string>();
    for (const c of codes) for (const d of p.map.get(c) ?? []) suivants.add(d);
    codes = [...suivants];
  }
  return codes.sort();
}

/** A record in the analysis nomenclature; a copy of a code reaching several métiers keeps its `codeOrigine`. */
export type Converti<R> = R & { approximatif?: boolean; codeOrigine?: string };

export interface Conversion<R> {
  records: Array<Converti<R>>;
  /** Origin codes reaching several destination codes (their counts are approximate). */
  codesMultiples: string[];
  /** Origin codes with no destination (their rows are left out). */
  codesSansCorrespondance: string[];
  /** Destination codes of each origin code reaching several (the fan-out of the copies). */
  destinations: Map<string, string[]>;
}

/** Rewrites the `metier` code of each record through the chain (see the module comment). */
export function convertRecords<R extends { metier: string; libelle?: string }>(records: readonly R[], chemin: readonly Passage[]): Conversion<R> {
  if (chemin.length === 0) return { records: [...records], codesMultiples: [], codesSansCorrespondance: [], destinations: new Map() };
  const cache = new Map<string, string[]>();
  const multiples = new Set<string>();
  const sans = new Set<string>();
  const out: Array<Converti<R>> = [];
  for (const r of records) {
    let dest = cache.get(r.metier);
    if (!dest) {
      dest = codesDestination(r.metier, chemin);
      cache.set(r.metier, dest);
    }
    if (dest.length === 0) sans.add(r.metier);
    if (dest.length > 1) multiples.add(r.metier);
    for (const code of dest) {
      // The label belongs to the origin code: it is dropped with it.
      const copie: Converti<R> = { ...r, metier: code, libelle: undefined };
      if (dest.length > 1) {
        copie.approximatif = true;
        copie.codeOrigine = r.metier;
      }
      out.push(copie);
    }
  }
  const destinations = new Map([...multiples].sort().map((c) => [c, cache.get(c)!]));
  return { records: out, codesMultiples: [...multiples].sort(), codesSansCorrespondance: [...sans].sort(), destinations };
}
