/**
 * Step 6, passerelles: from the métiers of the `depuis` families to those of the `vers` families,
 * among the métiers of the referential (GTEC-I409 for the others). Without a referential the step
 * cannot be carried out (GTEC-E410, `referentiel-absent`). With `cibles_hors_depart`, a métier of
 * both a departure and an arrival family is no target.
 *
 * Score: the learned model (expert-aware when the referential carries a mobilités table), the same
 * engine as `gtec passerelles`, the add-in and the extension. Viability (docs/passerelles.md): a
 * move is kept when its target is among the best `score_minimum` share of the source's candidate
 * targets (the `vers` families; 0.30: their best 30 %, at least one). The learned score is a
 * probability whose scale depends on the referential (texts, appellations) and on how far the
 * families are, so an absolute threshold would keep nothing between distant families on a lean
 * referential; a rank share means the same on the demo and on the full ROME. An official ROME
 * mobilité is always kept.
 */
import type { DiagnosticDoc, FamilleId } from '../../format/schema.js';
import { createPasserelleEngine, type PasserelleEngine } from '../../passerelles/engine.js';
import type { Problem } from '../../problems.js';
import type { Referentiel } from '../../referentiel/model.js';
import { analysisProblem } from '../problems-analysis.js';
import type { MetierDiagnostique, Passerelle } from '../result.js';
import { failedStep } from './failed-step.js';

export function computePasserelles(doc: DiagnosticDoc, ref: Referentiel | undefined, metiers: readonly MetierDiagnostique[], problems: Problem[]): Passerelle[] {
  const params = doc.passerelles;
  const dans = (fs: readonly FamilleId[]) => metiers.filter((m) => m.familles.some((f) => fs.includes(f))).map((m) => m.indicateurs.code);
  const departs = dans(params.depuis);
  const arrivees = dans(params.vers);
  if (departs.length === 0 || arrivees.length === 0) return [];
  if (!ref) {
    problems.push(failedStep('/passerelles', { etape: 'passerelles', raison: 'referentiel-absent' }));
    return [];
  }
  const engine = engineOf(ref);
  const absents = [...new Set([...departs, ...arrivees])].filter((c) => !engine.has(c)).sort();
  if (absents.length > 0) problems.push(analysisProblem('GTEC-I409', '/passerelles', { codes: absents.join(', '), value: absents }));
  // `cibles_hors_depart`: a passerelle leads out of the departure families (a fragile and porteur métier is no target).
  const horsDepart = params.cibles_hors_depart ? new Set(departs) : undefined;
  const cibles = arrivees.filter((c) => engine.has(c) && !horsDepart?.has(c));
  const passerelles: Passerelle[] = [];
  for (const source of departs.filter((c) => engine.has(c))) {
    const candidats = cibles.filter((c) => c !== source);
    const top = engine.topK(source, params.nombre, candidats, seuilViable(engine, source, candidats, params.score_minimum));
    top.forEach((t, i) => {
      const p = engine.passerelle(source, t.cible, i + 1);
      if (p) passerelles.push(p);
    });
  }
  return passerelles;
}

/**
 * The engine of a referential, built once per referential object: a host that keeps its
 * referential between runs (the editor's language server, for every deep pass and preview) keeps
 * its engine too (≈ 0.3 to 0.6 s on the full ROME). Referentials are not changed once loaded.
 */
const engines = new WeakMap<Referentiel, PasserelleEngine>();
export function engineOf(ref: Referentiel): PasserelleEngine {
  let engine = engines.get(ref);
  if (!engine) engines.set(ref, (engine = createPasserelleEngine(ref)));
  return engine;
}

/** The least viable score of a source: the lowest among its best ⌈score_minimum × |candidats|⌉ candidates. */
export function seuilViable(engine: PasserelleEngine, source: string, candidats: readonly string[], scoreMinimum: number): number {
  const best = engine.topK(source, Math.max(1, Math.ceil(scoreMinimum * candidats.length)), candidats);
  return best.reduce((m, c) => Math.min(m, c.score), Infinity);
}
