/**
 * Step 5, typology: the families of each métier with their explanations, and the métiers of each
 * family; GTEC-W420 when BMO lower bounds drive verdicts, GTEC-W421 when the relative BMO
 * threshold has no reference share.
 */
import type { DiagnosticDoc, FamilleId } from '../../format/schema.js';
import { pointer, type Problem } from '../../problems.js';
import { analysisProblem } from '../problems-analysis.js';
import type { CellulesFamille, IndicateursMetier, MetierDiagnostique, ResultatBmo } from '../result.js';
import type { ResultatComposite } from '../synthese.js';
import { cellulesVerdicts, classifyMetier, FAMILLE_ORDER, seuilQuartilePostes, type TypologyContext } from '../typology/index.js';

export function classifyMetiers(
  doc: DiagnosticDoc,
  indicateurs: IndicateursMetier[],
  composite: Pick<ResultatComposite, 'normalisation'> | undefined,
  bmo: ResultatBmo | undefined,
  problems: Problem[],
): { metiers: MetierDiagnostique[]; familles: Record<FamilleId, string[]>; cellulesFamilles?: Partial<Record<FamilleId, CellulesFamille>> } {
  const reference = doc.territoire.reference;
  const seuilPostes = seuilQuartilePostes(indicateurs);
  const partReference = bmo?.reference?.partDifficiles;
  const ctx: TypologyContext = {
    regles: doc.regles,
    producteurs: new Map(doc.sources.filter((s) => s.producteur).map((s) => [s.id, s.producteur!])),
    ...(reference ? { referenceNom: reference.nom } : {}),
    ...(seuilPostes !== undefined ? { seuilPostes } : {}),
    ...(partReference?.valeur != null ? { partDifficilesReference: partReference.valeur } : {}),
    ...(composite ? { normalisationComposite: composite.normalisation } : {}),
  };
  if (bmo && doc.regles.tension.part_difficiles_seuil === 'reference' && ctx.partDifficilesReference === undefined) {
    problems.push(analysisProblem('GTEC-W421', pointer('regles', 'tension', 'part_difficiles_seuil'), { seuil: doc.regles.tension.part_difficiles_minimum }));
  }
  const declarations = new Map(doc.metiers.map((m) => [m.code, m]));
  const metiers = indicateurs.map((ind) => {
    const decl = declarations.get(ind.code);
    const c = classifyMetier(ind, decl, ctx);
    const m: MetierDiagnostique = { indicateurs: ind, familles: c.familles, explications: c.explications };
    if (decl?.note) m.note = decl.note;
    return m;
  });
  const surBornes = metiers.filter((m) => m.explications.some((e) => e.regle === 'part-difficiles' && e.masques)).map((m) => m.indicateurs.code);
  if (bmo && surBornes.length > 0) {
    const i = doc.sources.findIndex((s) => s.id === bmo.source);
    problems.push(
      analysisProblem('GTEC-W420', pointer('sources', i), {
        source: bmo.source,
        metiers: surBornes.length,
        codes: surBornes.slice(0, 10).join(', ') + (surBornes.length > 10 ? '…' : ''),
        value: surBornes,
      }),
    );
  }
  const familles = Object.fromEntries(FAMILLE_ORDER.map((f) => [f, metiers.filter((m) => m.familles.includes(f)).map((m) => m.indicateurs.code)]));
  const cellulesFamilles = compterCellules(metiers);
  return { metiers, familles: familles as Record<FamilleId, string[]>, ...(cellulesFamilles ? { cellulesFamilles } : {}) };
}

/**
 * The families decided on codes of another nomenclature and copied to several métiers: their
 * count in source cells (distinct origin codes; a métier decided on its own data counts as one)
 * beside the count of métiers. Undefined when no family has such copies.
 */
export function compterCellules(metiers: readonly MetierDiagnostique[]): Partial<Record<FamilleId, CellulesFamille>> | undefined {
  const out: Partial<Record<FamilleId, CellulesFamille>> = {};
  for (const f of FAMILLE_ORDER) {
    const dans = metiers.filter((m) => m.familles.includes(f));
    const cles = new Set(dans.flatMap((m) => cellulesVerdicts(m.indicateurs.code, f, m.explications)));
    if (cles.size === dans.length) continue;
    // Keys of origin cells are « nomenclature:code » (a métier's own code has no colon).
    const nomenclature = [...cles].find((c) => c.includes(':'))!.split(':')[0]!;
    out[f] = { cellules: cles.size, metiers: dans.length, nomenclature };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
