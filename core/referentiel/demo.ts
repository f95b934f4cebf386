/** The built-in demonstration referential (see demo-data.ts), so everything runs with no download. */
import { COMPETENCES, CONTEXTES, DOMAINES, GROUPES, MACROS, METIERS } from './demo-data.js';
import type { Competence, CompetenceDeMetier, MacroCompetence, Referentiel } from './model.js';

export function demoReferentiel(): Referentiel {
  const competences: Record<string, Competence> = {};
  for (const [id, [libelle, type, macro]] of Object.entries(COMPETENCES)) {
    competences[id] = macro ? { id, libelle, type, macro } : { id, libelle, type };
  }
  const macros: Record<string, MacroCompetence> = {};
  // The grouping label itself serves as the group id (ROME uses objectif codes such as 1A1).
  for (const [id, [libelle, groupe]] of Object.entries(MACROS)) macros[id] = { id, libelle, groupe: GROUPES[groupe] ?? groupe };
  const metiers = METIERS.map((m) => ({
    code: m.code,
    libelle: m.libelle,
    domaine: m.domaine,
    grandDomaine: m.domaine.charAt(0),
    codeRomeV3: m.v3,
    appellations: [...m.appellations],
    competences: m.competences.map((c): CompetenceDeMetier => (c.endsWith('*') ? { id: c.slice(0, -1), coeur: 'principale' } : { id: c })),
    contextes: [...m.contextes],
  })).sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    kind: 'demo',
    label: 'Référentiel de démonstration GTEC (40 fiches ROME 4.0, compétences rédigées pour l’exemple)',
    version: '1',
    metiers,
    competences,
    macros,
    domaines: { ...DOMAINES },
    contextes: { ...CONTEXTES },
  };
}
