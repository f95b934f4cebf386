/**
 * Step 4, the métiers of the diagnostic: codes in the territory's data, declared, or in a fiche
 * action, sorted; each one's indicators assembled from the sources' parts, labelled from the
 * declaration, the referential or the data; then the composite tension score across them.
 */
import type { DiagnosticDoc } from '../../format/schema.js';
import { pointer, type Problem } from '../../problems.js';
import type { Referentiel } from '../../referentiel/model.js';
import { analysisProblem } from '../problems-analysis.js';
import type { IndicateursMetier } from '../result.js';
import { assembler, COMPOSANTES, optionsComposite, scoresComposites, valeurComposante, type Composante, type ResultatComposite } from '../synthese.js';
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
    const o = sources.origines.get(code);
    if (o) ind.origines = o;
    return ind;
  });
}

/**
 * The composite tension score of every métier (DARES weights, z-scores normalised on the
 * reference's values when it has them: GTEC-I407 for each component normalised locally),
 * GTEC-I417 per source when no métier has enough components for a score, and GTEC-I408 when no
 * reference TCAM could be computed.
 */
export function scoreMetiers(doc: DiagnosticDoc, indicateurs: IndicateursMetier[], sources: SourceIndicateurs, problems: Problem[]): ResultatComposite {
  const options = optionsComposite(doc.regles.tension);
  const composite = scoresComposites(indicateurs, sources.valeursReference, options);
  if (composite.scores > 0) {
    for (const composante of composite.normalisationLocale) problems.push(analysisProblem('GTEC-I407', '/regles/tension', { composante }));
  } else {
    // Which components each source gave (by the source of the values), and which none gave.
    const parSource = new Map<string, Set<Composante>>();
    for (const m of indicateurs) {
      for (const c of COMPOSANTES) {
        const v = valeurComposante(m, c);
        if (v?.source === undefined || !(options.poids[c] > 0)) continue;
        let l = parSource.get(v.source);
        if (!l) parSource.set(v.source, (l = new Set()));
        l.add(c);
      }
    }
    const vues = new Set([...parSource.values()].flatMap((l) => [...l]));
    const manquantes = COMPOSANTES.filter((c) => options.poids[c] > 0 && !vues.has(c));
    for (const [source, l] of parSource) {
      const i = doc.sources.findIndex((s) => s.id === source);
      problems.push(
        analysisProblem('GTEC-I417', i >= 0 ? pointer('sources', i) : '/regles/tension', {
          source,
          presentes: COMPOSANTES.filter((c) => l.has(c)),
          manquantes,
          minimum: options.composantesMinimum,
        }),
      );
    }
  }
  if (indicateurs.some((m) => m.tcam) && !indicateurs.some((m) => m.tcamReference)) {
    problems.push(analysisProblem('GTEC-I408', doc.territoire.reference ? '/territoire/reference' : '/territoire'));
  }
  return composite;
}
