/**
 * Typology of métiers (docs/methodes.md §3): en-crise, en-croissance, en-tension, en-mutation,
 * strategique, then the operational pair fragile / porteur. One module per family decides (its
 * verdicts are data: indicator, value, threshold, comparison, source and year, the numbers its
 * sentence cites); each locale (core/locale/<lang>/typology.ts) words them. Thresholds come from
 * `regles`. Values marked non significant (≥ 30 rule) are shown but never fire a rule.
 */
import type { FamilleId } from '../../format/schema.js';
import { locales } from '../../locale/index.js';
import type { Explication, IndicateursMetier } from '../result.js';
import { enCrise } from './en-crise.js';
import { enCroissance } from './en-croissance.js';
import { enMutation } from './en-mutation.js';
import { enTension } from './en-tension.js';
import { fragile } from './fragile.js';
import { FAMILLE_ORDER } from './order.js';
import { porteur } from './porteur.js';
import { strategique } from './strategique.js';
import type { TypologyContext, Declaration, FamilleRule, Verdict } from './types.js';

export { FAMILLE_ORDER } from './order.js';
export { seuilQuartilePostes } from './porteur.js';
export type { Composantes, TypologyContext, Provenance, Verdict, VerdictOf } from './types.js';

/** The rule of each family; they run in `FAMILLE_ORDER`, so fragile and porteur see the families before them. */
const REGLES: Record<FamilleId, FamilleRule> = {
  'en-crise': enCrise,
  'en-croissance': enCroissance,
  'en-tension': enTension,
  'en-mutation': enMutation,
  strategique,
  fragile,
  porteur,
};

/**
 * Every rule that fires for a métier, as data, in the order of the families. A verdict on a value
 * copied from a code of the source's nomenclature (ROME v3 → ROME 4.0…) carries that `origine`:
 * it was decided on the source's code, and is shown on each métier that code reaches.
 */
export function verdictsMetier(ind: IndicateursMetier, decl: Declaration | undefined, ctx: TypologyContext): Verdict[] {
  const verdicts: Verdict[] = [];
  const familles = new Set<FamilleId>();
  for (const f of FAMILLE_ORDER) {
    for (const v of REGLES[f]({ ind, decl, ctx, familles })) {
      const o = v.approximatif && v.source !== undefined ? ind.origines?.find((x) => x.source === v.source) : undefined;
      if (o) v.origine = { nomenclature: o.nomenclature, codes: o.codes, fiches: o.fiches };
      verdicts.push(v);
      familles.add(v.famille);
    }
  }
  return verdicts;
}

/**
 * The cells of the source nomenclature behind a métier's verdicts of one family: the origin codes
 * when every verdict of the family was decided on them (a derived family inherits them), else the
 * métier's own code.
 */
export function cellulesVerdicts(
  code: string,
  f: FamilleId,
  verdicts: ReadonlyArray<{ famille: FamilleId; regle?: string; valeur: unknown; origine?: { nomenclature: string; codes: readonly string[] } }>,
  vus = new Set<FamilleId>(),
): string[] {
  vus.add(f);
  const cles = new Set<string>();
  for (const v of verdicts.filter((x) => x.famille === f)) {
    if (v.regle === 'famille-derivee' && typeof v.valeur === 'string' && !vus.has(v.valeur as FamilleId)) {
      for (const c of cellulesVerdicts(code, v.valeur as FamilleId, verdicts, vus)) cles.add(c);
    } else if (v.origine) for (const c of v.origine.codes) cles.add(`${v.origine.nomenclature}:${c}`);
    else return [code];
  }
  return cles.size > 0 ? [...cles] : [code];
}

/** A verdict with its sentence in each language. */
export function explain(v: Verdict, ctx: Pick<TypologyContext, 'referenceNom'>): Explication {
  const o = ctx.referenceNom !== undefined ? { referenceNom: ctx.referenceNom } : {};
  return { ...v, texte: { fr: locales.fr.typology.explain(v, o), en: locales.en.typology.explain(v, o) } };
}

/** The families of a métier (in `FAMILLE_ORDER`) and one explanation per rule that fired. */
export function classifyMetier(ind: IndicateursMetier, decl: Declaration | undefined, ctx: TypologyContext): { familles: FamilleId[]; explications: Explication[] } {
  const verdicts = verdictsMetier(ind, decl, ctx);
  const familles = new Set(verdicts.map((v) => v.famille));
  return { familles: FAMILLE_ORDER.filter((f) => familles.has(f)), explications: verdicts.map((v) => explain(v, ctx)) };
}
