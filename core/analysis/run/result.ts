/**
 * Steps 7 to 9: the action plan and the evaluation, the territory's structure (sectors from the
 * first employment source that has them, establishments), and the result itself.
 */
import type { DiagnosticDoc } from '../../format/schema.js';
import { pushAll, type Problem } from '../../problems.js';
import type { Referentiel } from '../../referentiel/model.js';
import { avancementIndicateurs, budgetPlan, couverturePlan } from '../plan.js';
import { BASE_PARTS_BMO, computeTotauxBmo } from '../metier-indicators.js';
import type { DiagnosticResult, MetierDiagnostique, ResultatBmo } from '../result.js';
import { structureEtablissements, structureSecteurs } from '../structure.js';
import type { SourceIndicateurs } from './indicateurs.js';
import { ofType, type Selections } from './perimetres.js';

/** Which fragile métiers the fiches action cover (GTEC-W403 for the others), the budget, the evaluation. */
export function planAndEvaluation(doc: DiagnosticDoc, metiers: readonly MetierDiagnostique[], today: string | undefined, problems: Problem[]): Pick<DiagnosticResult, 'plan' | 'evaluation'> {
  const fragiles = metiers.filter((m) => m.familles.includes('fragile')).map((m) => ({ code: m.indicateurs.code, libelle: m.indicateurs.libelle }));
  const couverture = couverturePlan(doc, fragiles);
  pushAll(problems, couverture.problems);
  return {
    plan: { couverture: couverture.couverture, fragilesSansAction: couverture.fragilesSansAction, ...budgetPlan(doc) },
    evaluation: avancementIndicateurs(doc, today),
  };
}

/** Sectors with the specialisation indices, and the establishments by size band. */
export function structure(doc: DiagnosticDoc, selections: Selections, sources: SourceIndicateurs): Pick<DiagnosticResult, 'secteurs' | 'etablissements' | 'specialisation'> {
  const out: Pick<DiagnosticResult, 'secteurs' | 'etablissements' | 'specialisation'> = { secteurs: [] };
  if (sources.anneesEffectifs) {
    for (const s of ofType(selections, 'effectifs')) {
      const r = structureSecteurs(s.source, s.brutTerritoire, s.brutReference, sources.anneesEffectifs.fin, doc.regles.effectif_minimum);
      if (r.secteurs.length > 0) {
        out.secteurs = r.secteurs;
        if (r.specialisation && Object.keys(r.specialisation).length > 0) out.specialisation = r.specialisation;
        break;
      }
    }
  }
  const etab = ofType(selections, 'etablissements')[0];
  const etablissements = etab ? structureEtablissements(etab.source, etab.territoire, doc.periode.fin) : undefined;
  if (etablissements) out.etablissements = etablissements;
  return out;
}

/** The first BMO source's totals for the territory and its reference (raw rows: no nomenclature copies). */
export function totauxBmo(doc: DiagnosticDoc, selections: Selections): ResultatBmo | undefined {
  const s = ofType(selections, 'bmo')[0];
  if (!s) return undefined;
  const opts = { fin: doc.periode.fin, minimum: doc.regles.effectif_minimum };
  const territoire = computeTotauxBmo(s.source, s.brutTerritoire, opts);
  const out: ResultatBmo = { source: s.source.id, base: BASE_PARTS_BMO, territoire };
  const annee = territoire.projets.annee;
  if (annee !== undefined) out.annee = annee;
  if (s.brutReference && s.brutReference.length > 0) out.reference = computeTotauxBmo(s.source, s.brutReference, opts);
  return out;
}

/** The result: what was computed, with the territory, period, nomenclature and referential it was computed for. */
export function buildResult(
  doc: DiagnosticDoc,
  ref: Referentiel | undefined,
  calcule: Pick<DiagnosticResult, 'metiers' | 'familles' | 'cellulesFamilles' | 'passerelles' | 'plan' | 'evaluation' | 'secteurs' | 'etablissements' | 'specialisation' | 'bmo' | 'emploi'>,
  problemes: Problem[],
): DiagnosticResult {
  const { territoire, periode } = doc;
  const { reference } = territoire;
  const result: DiagnosticResult = {
    version: 1,
    titre: doc.titre,
    territoire: {
      nom: territoire.nom,
      type: territoire.type,
      codes: [...territoire.codes],
      ...(reference ? { reference: { nom: reference.nom, type: reference.type, codes: [...reference.codes] } } : {}),
    },
    periode: { debut: periode.debut, fin: periode.fin },
    nomenclature: doc.nomenclature,
    referentiel: ref ? { kind: ref.kind, label: ref.label, version: ref.version, metiers: ref.metiers.length } : { kind: doc.referentiel.type, label: '', version: doc.referentiel.version ?? '', metiers: 0 },
    ...(calcule.bmo ? { bmo: calcule.bmo } : {}),
    ...(calcule.emploi ? { emploi: calcule.emploi } : {}),
    metiers: calcule.metiers,
    familles: calcule.familles,
    ...(calcule.cellulesFamilles ? { cellulesFamilles: calcule.cellulesFamilles } : {}),
    secteurs: calcule.secteurs,
    passerelles: calcule.passerelles,
    plan: calcule.plan,
    evaluation: calcule.evaluation,
    problemes,
  };
  if (calcule.etablissements) result.etablissements = calcule.etablissements;
  if (calcule.specialisation) result.specialisation = calcule.specialisation;
  return result;
}
