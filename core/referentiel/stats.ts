/** Counts describing a referential, for `gtec referentiel info`. */
import type { CompetenceType, Referentiel } from './model.js';

export interface ReferentielStats {
  kind: Referentiel['kind'];
  label: string;
  version: string;
  metiers: number;
  /** Distinct competences linked to at least one métier, by type. */
  competences: Record<CompetenceType, number> & { total: number };
  /** Métier × competence links, by type, and how many are cœur de métier. */
  liens: Record<CompetenceType, number> & { total: number; coeur: number };
  macros: number;
  domaines: number;
  grandsDomaines: number;
  appellations: number;
  contextes: number;
  mobilites: number;
}

export function referentielStats(ref: Referentiel): ReferentielStats {
  const zero = () => ({ 'savoir-faire': 0, 'savoir-etre': 0, savoir: 0, total: 0 });
  const competences = zero();
  const liens = { ...zero(), coeur: 0 };
  const seen = new Set<string>();
  const domaines = new Set<string>();
  const grands = new Set<string>();
  const contextes = new Set<string>();
  let appellations = 0;
  for (const m of ref.metiers) {
    appellations += m.appellations.length;
    if (m.domaine) domaines.add(m.domaine);
    if (m.grandDomaine) grands.add(m.grandDomaine);
    for (const x of m.contextes ?? []) contextes.add(x);
    for (const c of m.competences) {
      const type = ref.competences[c.id]?.type;
      if (!type) continue;
      liens[type]++;
      liens.total++;
      if (c.coeur === 'principale') liens.coeur++;
      if (!seen.has(c.id)) {
        seen.add(c.id);
        competences[type]++;
        competences.total++;
      }
    }
  }
  return {
    kind: ref.kind,
    label: ref.label,
    version: ref.version,
    metiers: ref.metiers.length,
    competences,
    liens,
    macros: Object.keys(ref.macros).length,
    domaines: domaines.size,
    grandsDomaines: grands.size,
    appellations,
    contextes: contextes.size,
    mobilites: ref.mobilites?.length ?? 0,
  };
}
