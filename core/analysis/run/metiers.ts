/**
 * Step 4, the métiers of the diagnostic: codes in the territory's data, declared, or in a fiche
 * action, sorted; each one's indicators assembled from the sources' parts, labelled from the
 * declaration, the referential or the data; then the composite tension score across them.
 */
import type { DiagnosticDoc } from '../../format/schema.js';
import type { Problem } from '../../problems.js';
import type { Referentiel } from '../../referentiel/model.js';
import { analysisProblem } from '../problems-analysis.js';
import type { IndicateursMetier } from '../result.js';
import { assembler, scoresComposites } from '../synthese.js';
import type { SourceIndicateurs } from './indicateurs.js';

export function assembleMetiers(doc: DiagnosticDoc, ref: Referentiel | undefined, sources: SourceIndicateurs): IndicateursMetier[] {
  const codes = new Set<string>(sources.parts.keys());
  for (const m of doc.metiers) codes.add(m.code);
  for (const f of doc.plan_action) for (const c of f.metiers) codes.add(c);
  const parCode = new Map(ref?.metiers.map((m) => [m.code, m]) ?? []);
  const declarations = new Map(doc.metiers.map((m) => [m.code, m]));
  return [...codes].sort().map((code) => {
    const fiche = parCode.get(code);
    const libelle = declarations.get(code)?.libelle ?? fiche?.libelle ?? sources.libelles.get(code) ?? code;
    const ind = assembler(code, libelle, sources.parts.get(code) ?? {}, doc.regles.departs.horizon_annees);
    if (fiche?.domaine) {
      ind.groupe = fiche.domaine;
      const gl = ref?.domaines[fiche.domaine];
      if (gl) ind.groupeLibelle = gl;
    }
    const signaux = fiche?.tags?.filter((t) => t.startsWith('transition-'));
    if (signaux && signaux.length > 0) ind.signaux = signaux;
    return ind;
  });
}

/**
 * The composite tension score of every métier (z-scores normalised on the reference's values when
 * it has them: GTEC-I407 for each component normalised locally), and GTEC-I408 when no reference
 * TCAM could be computed.
 */
export function scoreMetiers(doc: DiagnosticDoc, indicateurs: IndicateursMetier[], sources: SourceIndicateurs, problems: Problem[]): void {
  const composite = scoresComposites(indicateurs, sources.valeursReference);
  if (indicateurs.some((m) => m.tension?.scoreComposite)) {
    for (const composante of composite.normalisationLocale) problems.push(analysisProblem('GTEC-I407', '/regles/tension', { composante }));
  }
  if (indicateurs.some((m) => m.tcam) && !indicateurs.some((m) => m.tcamReference)) {
    problems.push(analysisProblem('GTEC-I408', doc.territoire.reference ? '/territoire/reference' : '/territoire'));
  }
}
