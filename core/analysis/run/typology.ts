/** Step 5, typology: the families of each métier with their explanations, and the métiers of each family. */
import type { DiagnosticDoc, FamilleId } from '../../format/schema.js';
import type { IndicateursMetier, MetierDiagnostique } from '../result.js';
import { classifyMetier, FAMILLE_ORDER, seuilQuartilePostes, type TypologyContext } from '../typology/index.js';

export function classifyMetiers(doc: DiagnosticDoc, indicateurs: IndicateursMetier[]): { metiers: MetierDiagnostique[]; familles: Record<FamilleId, string[]> } {
  const reference = doc.territoire.reference;
  const seuilPostes = seuilQuartilePostes(indicateurs);
  const ctx: TypologyContext = {
    regles: doc.regles,
    producteurs: new Map(doc.sources.filter((s) => s.producteur).map((s) => [s.id, s.producteur!])),
    ...(reference ? { referenceNom: reference.nom } : {}),
    ...(seuilPostes !== undefined ? { seuilPostes } : {}),
  };
  const declarations = new Map(doc.metiers.map((m) => [m.code, m]));
  const metiers = indicateurs.map((ind) => {
    const decl = declarations.get(ind.code);
    const c = classifyMetier(ind, decl, ctx);
    const m: MetierDiagnostique = { indicateurs: ind, familles: c.familles, explications: c.explications };
    if (decl?.note) m.note = decl.note;
    return m;
  });
  const familles = Object.fromEntries(FAMILLE_ORDER.map((f) => [f, metiers.filter((m) => m.familles.includes(f)).map((m) => m.indicateurs.code)]));
  return { metiers, familles: familles as Record<FamilleId, string[]> };
}
