/**
 * Step 3, indicators per source: each source type gives its part of the métiers' indicators; for
 * each métier the first source (declaration order) that has it wins. The reference territory's
 * values of the composite score's components are gathered for its normalisation; those of
 * offers / job seekers and écoulement are taken in the source's own nomenclature (one value per
 * source cell: copies made by a one-to-many passage would weight a code by its fan-out).
 */
import type { DiagnosticDoc } from '../../format/schema.js';
import { pointer, type Problem } from '../../problems.js';
import {
  computeAges,
  computeBmo,
  computeEffectifs,
  computeOffresDemandes,
  computeQualifications,
  computeTension,
  type IndicateursAges,
  type IndicateursBmo,
  type IndicateursEffectifs,
  type IndicateursTension,
} from '../metier-indicators.js';
import { analysisProblem } from '../problems-analysis.js';
import type { Origine } from '../result.js';
import type { Composante, Parts } from '../synthese.js';
import { ofType, type Selections } from './perimetres.js';

export interface SourceIndicateurs {
  /** Each métier's parts, by code in the analysis nomenclature. */
  parts: Map<string, Parts>;
  /** Labels read in the data files, by code (first one wins). */
  libelles: Map<string, string>;
  /** Significant values of the reference territory, by component of the composite score. */
  valeursReference: Partial<Record<Composante, number[]>>;
  /** Years of the first employment source (for the sectors). */
  anneesEffectifs?: { debut: number; fin: number };
  /** By code: the codes of another nomenclature its values were copied from, per source (see `origines`). */
  origines: Map<string, Origine[]>;
}

/**
 * For each métier of the analysis nomenclature, per source whose codes reach several métiers, the
 * origin codes of its rows in the territory and how many métiers those codes reach.
 */
export function origines(selections: Selections): Map<string, Origine[]> {
  const out = new Map<string, Origine[]>();
  for (const s of selections) {
    if (!s.fanOut) continue;
    const { nomenclature, destinations } = s.fanOut;
    const parCible = new Map<string, Set<string>>();
    for (const r of s.territoire as ReadonlyArray<{ metier?: string; codeOrigine?: string }>) {
      if (r.codeOrigine === undefined || r.metier === undefined) continue;
      let l = parCible.get(r.metier);
      if (!l) parCible.set(r.metier, (l = new Set()));
      l.add(r.codeOrigine);
    }
    for (const [code, l] of parCible) {
      const codes = [...l].sort();
      const fiches = new Set(codes.flatMap((c) => destinations.get(c) ?? [])).size;
      const o: Origine = { source: s.source.id, nomenclature, codes, fiches };
      const liste = out.get(code);
      if (liste) liste.push(o);
      else out.set(code, [o]);
    }
  }
  return out;
}

export function indicateursBySource(doc: DiagnosticDoc, selections: Selections, problems: Problem[]): SourceIndicateurs {
  const { regles, periode } = doc;
  const minimum = regles.effectif_minimum;
  const out: SourceIndicateurs = { parts: new Map(), libelles: new Map(), valeursReference: {}, origines: origines(selections) };
  const part = (code: string) => {
    let p = out.parts.get(code);
    if (!p) out.parts.set(code, (p = {}));
    return p;
  };
  const fusionner = <K extends keyof Parts>(cle: K, m: Map<string, NonNullable<Parts[K]> & { libelle?: string }>) => {
    for (const [code, v] of m) {
      if (v.libelle && !out.libelles.has(code)) out.libelles.set(code, v.libelle);
      const p = part(code);
      if (p[cle] === undefined) p[cle] = v;
    }
  };
  // The reference values of a component come from the first source that has them.
  const vues = new Set<Composante>();
  const addReference = (c: Composante, m: Map<string, IndicateursBmo | IndicateursTension>) => {
    if (vues.has(c)) return;
    vues.add(c);
    for (const v of m.values()) {
      const x = c === 'partDifficiles' ? (v as IndicateursBmo).partDifficiles : (v as IndicateursTension)[c as 'ratioOffresDemandeurs' | 'ecoulement'];
      if (x?.significatif && x.valeur !== null) (out.valeursReference[c] ??= []).push(x.valeur);
    }
  };
  const referenceOffresDemandes = (m: Map<string, IndicateursTension>) => {
    for (const c of ['ratioOffresDemandeurs', 'ecoulement'] as const) if ([...m.values()].some((v) => v[c])) addReference(c, m);
  };
  /** A national series gives only the evolution and TCAM (France's), beside the territory's own employment. */
  const evolutionNationale = (m: Map<string, IndicateursEffectifs>) => {
    for (const [code, v] of m) {
      const p = part(code);
      const e = (p.effectifs ??= {});
      if (v.evolution && !e.evolution) e.evolution = { ...v.evolution, nationale: true };
      if (v.tcam && !e.tcam) e.tcam = { ...v.tcam, nationale: true };
    }
  };
  const indexSource = (id: string) => doc.sources.findIndex((s) => s.id === id);
  const opts = { fin: periode.fin, minimum };

  // National-scope sources last, whatever their order: a territory's own employment and evolution win.
  const nationaleApres = (x: { source: { portee?: string } }) => (x.source.portee === 'nationale' ? 1 : 0);
  for (const s of [...ofType(selections, 'effectifs')].sort((a, b) => nationaleApres(a) - nationaleApres(b))) {
    const r = computeEffectifs(s.source, s, { territoire: s.brutTerritoire, reference: s.brutReference }, periode, minimum);
    if (r.parMetier.size > 0 && (r.annees?.debut !== periode.debut || r.annees?.fin !== periode.fin)) {
      problems.push(analysisProblem('GTEC-W406', pointer('sources', indexSource(s.source.id)), { source: s.source.id, debut: periode.debut, fin: periode.fin, annees: r.anneesLues.join(', ') }));
    }
    if (s.source.portee === 'nationale') {
      evolutionNationale(r.parMetier);
      continue;
    }
    if (r.annees) out.anneesEffectifs ??= r.annees;
    fusionner('effectifs', r.parMetier as Map<string, IndicateursEffectifs>);
  }
  for (const s of ofType(selections, 'ages')) {
    const r = computeAges(s.source, s, { fin: periode.fin, minimum, regles });
    if (s.source.portee === 'nationale') for (const a of r.parMetier.values()) marquerNationale(a);
    for (const t of r.tranchesInconnues) problems.push(analysisProblem('GTEC-W404', pointer('sources', indexSource(s.source.id)), { source: s.source.id, tranche: t }));
    fusionner('ages', r.parMetier as Map<string, IndicateursAges & { libelle?: string }>);
  }
  for (const s of ofType(selections, 'bmo')) {
    fusionner('bmo', computeBmo(s.source, s.territoire, opts));
    if (s.reference && !vues.has('partDifficiles')) addReference('partDifficiles', computeBmo(s.source, s.reference, opts));
  }
  for (const s of ofType(selections, 'offres-demandes')) {
    fusionner('offresDemandes', computeOffresDemandes(s.source, s.territoire, opts));
    if (s.brutReference) referenceOffresDemandes(computeOffresDemandes(s.source, s.brutReference, opts));
  }
  const optsTension = { ...opts, publication: regles.tension.publication_minimum };
  for (const s of ofType(selections, 'tension')) {
    fusionner('tension', computeTension(s.source, s.territoire, optsTension));
    if (s.brutReference) referenceOffresDemandes(computeTension(s.source, s.brutReference, optsTension));
  }
  for (const s of ofType(selections, 'qualifications')) {
    for (const [code, q] of computeQualifications(s.source, s.territoire, opts)) part(code).qualifications ??= q;
  }
  return out;
}

/** Flags every measure of a national-scope source's age indicators. */
function marquerNationale(a: IndicateursAges): void {
  a.partPartants.nationale = true;
  for (const m of [a.ages.part50Plus, a.ages.part55Plus, a.ages.indiceRenouvellement, a.ages.part55PlusReference]) if (m) m.nationale = true;
}
