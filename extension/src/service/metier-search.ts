/**
 * Métier search for completion: by code prefix, label or appellation ("soudeur" → H2913). An index
 * of normalised words is built once per referential object and kept while the referential is.
 * (To be replaced by core/referential/lookup.ts `ReferentialIndex.search` once the core has it.)
 */
import { normalise } from '../../../core/format/suggest.js';
import type { Metier, Referential } from '../../../core/referential/model.js';

interface Entry {
  metier: Metier;
  code: string;
  /** Words of the label, then of each appellation. */
  label: string[];
  appellations: string[][];
}

const words = (s: string) => normalise(s).split(/[^a-z0-9]+/).filter(Boolean);
const indexes = new WeakMap<Referential, Entry[]>();

function indexOf(ref: Referential): Entry[] {
  let idx = indexes.get(ref);
  if (!idx) {
    idx = ref.metiers.map((m) => ({ metier: m, code: m.code.toLowerCase(), label: words(m.libelle), appellations: m.appellations.map(words) }));
    indexes.set(ref, idx);
  }
  return idx;
}

/** Every query word starts some word of `target`. */
const covers = (query: string[], target: string[]) => query.every((q) => target.some((w) => w.startsWith(q)));

export function searchMetiers(ref: Referential, text: string, limit: number): Metier[] {
  const query = words(text);
  if (!query.length) return [];
  const code = text.trim().toLowerCase();
  const ranked: Array<{ rank: number; e: Entry }> = [];
  for (const e of indexOf(ref)) {
    const rank = e.code.startsWith(code) ? 0 : covers(query, e.label) ? 1 : e.appellations.some((a) => covers(query, a)) ? 2 : -1;
    if (rank >= 0) ranked.push({ rank, e });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.e.metier.code.localeCompare(b.e.metier.code));
  return ranked.slice(0, limit).map((r) => r.e.metier);
}
