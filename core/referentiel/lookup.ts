/**
 * Lookups over a referential, for validation messages and editors: by code, full-text search over
 * labels and appellations (accent- and case-insensitive), nearest codes for a typo, and the
 * ROME 4 ↔ ROME v3 correspondence (`code_rome_parent`).
 */
import { editDistance, foldAccents } from '../suggest.js';
import type { Competence, Metier, Referentiel } from './model.js';

/** Lower case, no accents, ligatures spelled out, punctuation as spaces. */
export function normalizeText(s: string): string {
  return foldAccents(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface SearchEntry {
  metier: Metier;
  label: string;
  text: string;
  /** The masculine / feminine alternatives of a ROME label (« Soudeur / Soudeuse »). */
  alternatives: string[];
  tokens: string[];
  /** 1 for the label, a little less for an appellation. */
  weight: number;
}

export interface SearchHit {
  code: string;
  libelle: string;
  /** The label or appellation that matched. */
  trouve: string;
  score: number;
}

export class ReferentielIndex {
  private readonly metiers = new Map<string, Metier>();
  private readonly v3 = new Map<string, string[]>();
  private readonly entries: SearchEntry[] = [];

  constructor(readonly referential: Referentiel) {
    for (const m of referential.metiers) {
      this.metiers.set(m.code, m);
      if (m.codeRomeV3) {
        const list = this.v3.get(m.codeRomeV3) ?? [];
        list.push(m.code);
        this.v3.set(m.codeRomeV3, list);
      }
      this.entries.push(entry(m, m.libelle, 1));
      for (const a of m.appellations) this.entries.push(entry(m, a, 0.9));
    }
    for (const list of this.v3.values()) list.sort();
  }

  metier(code: string): Metier | undefined {
    return this.metiers.get(code);
  }

  competence(id: string): Competence | undefined {
    return this.referential.competences[id];
  }

  /** Best métiers for a free text (labels and appellations), best first; a code prefix also matches. */
  search(text: string, limit = 10): SearchHit[] {
    const q = normalizeText(text);
    if (!q) return [];
    const qTokens = q.split(' ');
    const best = new Map<string, SearchHit>();
    const codeQuery = text.trim().toUpperCase();
    for (const e of this.entries) {
      const s = matchScore(q, qTokens, e);
      // Shorter texts are closer matches: « Soudeur / Soudeuse » before « Soudeur / Soudeuse TIG ».
      let score = s > 0 ? s * e.weight - e.text.length / 10_000 : 0;
      // A code or code prefix (« H29 ») lists the fiches in code order.
      if (/^[A-Z]\d{0,4}$/.test(codeQuery) && e.metier.code.startsWith(codeQuery)) score = Math.max(score, codeQuery.length === 5 ? 1.1 : 0.7);
      if (score <= 0) continue;
      const prev = best.get(e.metier.code);
      if (!prev || score > prev.score) best.set(e.metier.code, { code: e.metier.code, libelle: e.metier.libelle, trouve: e.label, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1)).slice(0, limit);
  }

  /** Existing codes nearest to an unknown one (edit distance ≤ 2), nearest first. */
  suggest(code: string, limit = 3): string[] {
    const c = code.trim().toUpperCase();
    return [...this.metiers.keys()]
      .map((k) => ({ k, d: editDistance(c, k) }))
      .filter((x) => x.d <= 2)
      .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
      .slice(0, limit)
      .map((x) => x.k);
  }

  /** ROME v3 code a ROME 4 fiche descends from. */
  toRome3(code: string): string | undefined {
    return this.metiers.get(code)?.codeRomeV3;
  }

  /** ROME 4 fiches descending from a ROME v3 code (sorted). */
  fromRome3(code: string): string[] {
    return [...(this.v3.get(code) ?? [])];
  }
}

function entry(metier: Metier, label: string, weight: number): SearchEntry {
  const text = normalizeText(label);
  return {
    metier,
    label,
    text,
    alternatives: label.split('/').map(normalizeText).filter(Boolean),
    tokens: text.split(' '),
    weight,
  };
}

function matchScore(q: string, qTokens: string[], e: SearchEntry): number {
  if (e.text === q) return 1;
  if (e.alternatives.includes(q)) return 0.95;
  if (e.text.startsWith(q) || e.alternatives.some((a) => a.startsWith(q))) return 0.8;
  if (qTokens.every((t) => e.tokens.some((w) => w.startsWith(t)))) return 0.6;
  if (e.text.includes(q)) return 0.4;
  return 0;
}
