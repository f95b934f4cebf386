/**
 * Action plan and evaluation: which fragile métiers the fiches action cover, the budget (total,
 * per financer, per fiche) and the progress of each evaluation indicator.
 *
 * Budget: a fiche's budget is the sum of its `financements` shares. The total and the split by
 * financer come from those shares when at least one fiche has some; otherwise (a plan not yet
 * allocated) from the diagnostic's financing lines themselves.
 */
import type { DiagnosticDoc } from '../format/schema.js';
import { pointer, type Problem } from '../problems.js';
import { analysisProblem } from './problems-analysis.js';
import type { AvancementIndicateur, CouvertureFragile, DiagnosticResult } from './result.js';

export function couverturePlan(doc: Pick<DiagnosticDoc, 'plan_action' | 'metiers'>, fragiles: ReadonlyArray<{ code: string; libelle: string }>): { couverture: CouvertureFragile[]; fragilesSansAction: string[]; problems: Problem[] } {
  const couverture: CouvertureFragile[] = [];
  const sans: string[] = [];
  const problems: Problem[] = [];
  for (const m of fragiles) {
    const fiches = doc.plan_action.filter((f) => f.metiers.includes(m.code)).map((f) => f.id);
    couverture.push({ code: m.code, libelle: m.libelle, fiches });
    if (fiches.length === 0) {
      sans.push(m.code);
      const i = doc.metiers.findIndex((d) => d.code === m.code);
      problems.push(analysisProblem('GTEC-W403', i >= 0 ? pointer('metiers', i) : '/metiers', { code: m.code, libelle: m.libelle }));
    }
  }
  return { couverture, fragilesSansAction: sans, problems };
}

export function budgetPlan(doc: Pick<DiagnosticDoc, 'plan_action' | 'financements' | 'acteurs'>): Omit<DiagnosticResult['plan'], 'couverture' | 'fragilesSansAction'> {
  const lignes = new Map(doc.financements.map((f) => [f.id, f]));
  const noms = new Map(doc.acteurs.map((a) => [a.id, a.nom]));
  const fiches = doc.plan_action.map((f) => ({
    id: f.id,
    titre: f.titre,
    metiers: [...f.metiers],
    budget: f.financements.reduce((acc, x) => acc + x.montant, 0),
    indicateurs: [...f.indicateurs],
  }));
  const parFinanceur = new Map<string, number>();
  const ajouter = (financeur: string, montant: number) => parFinanceur.set(financeur, (parFinanceur.get(financeur) ?? 0) + montant);
  const alloue = doc.plan_action.some((f) => f.financements.length > 0);
  if (alloue) {
    for (const f of doc.plan_action) {
      for (const x of f.financements) {
        // A share pointing to an unknown line is reported by the format's semantic rules; its
        // amount still counts in the fiche's budget, under the line id.
        ajouter(lignes.get(x.financement)?.financeur ?? x.financement, x.montant);
      }
    }
  } else {
    for (const l of doc.financements) ajouter(l.financeur, l.montant);
  }
  const budgetParFinanceur = [...parFinanceur.entries()]
    .map(([financeur, montant]) => ({ financeur, nom: noms.get(financeur) ?? financeur, montant }))
    .sort((a, b) => b.montant - a.montant || (a.financeur < b.financeur ? -1 : a.financeur > b.financeur ? 1 : 0));
  const budgetTotal = budgetParFinanceur.reduce((acc, x) => acc + x.montant, 0);
  return { budgetTotal, budgetParFinanceur, fiches };
}

/**
 * Progress (valeur − base)/(cible − base), base 0 by default; null when not measured or when the
 * target equals the base. Reached when progress ≥ 1 (or, target = base, when the value equals the
 * target). Late when not reached and `today` is after the end of the échéance (a year or a month
 * échéance ends on its last day). Without `today` (the core never reads the clock), nothing is late.
 */
export function avancementIndicateurs(doc: Pick<DiagnosticDoc, 'evaluation'>, today?: string): AvancementIndicateur[] {
  return doc.evaluation.indicateurs.map((ind) => {
    const base = ind.base ?? 0;
    let avancement: number | null = null;
    let atteint = false;
    if (ind.valeur !== undefined) {
      if (ind.cible !== base) {
        avancement = (ind.valeur - base) / (ind.cible - base);
        atteint = avancement >= 1 - 1e-9;
      } else {
        atteint = ind.valeur === ind.cible;
      }
    }
    const enRetard = !atteint && today !== undefined && ind.echeance !== undefined && debutDate(today) > finDate(ind.echeance);
    return { indicateur: ind, avancement, atteint, enRetard };
  });
}

/** Last day of a date, month or year, as comparable text ('2025' → '2025-12-31'; '2025-02' → '2025-02-31', later than any real day of the month). */
function finDate(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** First day of a date, month or year. */
function debutDate(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
