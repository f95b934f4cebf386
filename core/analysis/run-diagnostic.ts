/**
 * The diagnostic run: validate the file, load the referential, the data sources and crosswalks,
 * bring every source into the analysis nomenclature, select the territory and its reference,
 * compute the indicators of each métier, the typology, the passerelles, the action plan and the
 * evaluation. Problems of every step are returned together; each step goes on with what it can
 * use (a missing source does not stop the rest). Deterministic: codes sorted, no clock, no
 * randomness, so two runs on the same inputs give the same JSON.
 */
import { loadCorrespondance } from '../data/crosswalk.js';
import { loadSource } from '../data/load-source.js';
import { checkRelativePath } from '../paths.js';
import { PRESETS } from '../data/presets.js';
import type { LoadedSource } from '../data/records.js';
import type { DiagnosticDoc, FamilleId, SourceDoc } from '../format/schema.js';
import { parseDiagnosticText } from '../format/parse.js';
import { validateDiagnostic, validateDiagnosticSync } from '../validation/validate.js';
import type { FileHost } from '../host.js';
import { pointer, type Problem } from '../problems.js';
import { createPasserelleEngine } from '../passerelles/engine.js';
import { loadReferential } from '../referential/load.js';
import type { Referential } from '../referential/model.js';
import {
  calculerAges,
  calculerBmo,
  calculerEffectifs,
  calculerOffresDemandes,
  calculerQualifications,
  calculerTension,
  type IndicateursAges,
  type IndicateursBmo,
  type IndicateursEffectifs,
  type IndicateursTension,
} from './metier-indicators.js';
import { convertirRecords, passageDeTable, passagesDuReferentiel, trouverChemin, type Passage } from './nomenclature.js';
import { budgetPlan, avancementIndicateurs, couverturePlan } from './plan.js';
import { analysisProblem } from './problems-analysis.js';
import type { DiagnosticResult, MetierDiagnostique, Passerelle } from './result.js';
import { structureEtablissements, structureSecteurs } from './structure.js';
import { assembler, scoresComposites, type Composante, type Parts } from './synthese.js';
import { classerMetier, ORDRE_FAMILLES, seuilQuartilePostes } from './typology.js';
import { selectionnerPerimetre } from './zones.js';

export interface RunOptions {
  fileName: string;
  host: FileHost;
  /** A referential already loaded by the host (kept across runs); otherwise loaded from the file's declaration. */
  referential?: Referential;
  /** Today's date (AAAA-MM-JJ) for lateness of evaluation indicators; the core never reads the clock. */
  today?: string;
}

export interface RunOutput {
  result?: DiagnosticResult;
  doc?: DiagnosticDoc;
  problems: Problem[];
}

export async function runDiagnostic(text: string, options: RunOptions): Promise<RunOutput> {
  // The referential is needed to validate métier codes, and the file says which one: a cheap
  // static parse first tells which referential to load.
  let referential = options.referential;
  const refProblems: Problem[] = [];
  const parsed = parseDiagnosticText(text, options.fileName);
  if (!referential) {
    const pre = validateDiagnosticSync(text, { fileName: options.fileName, parsed });
    if (pre.doc) {
      const r = await chargerReferentiel(pre.doc, options.host);
      referential = r.referential;
      refProblems.push(...r.problems);
    }
  }
  // Data files are checked by loading them below (checking them here too would report twice).
  const validation = await validateDiagnostic(text, {
    fileName: options.fileName,
    host: options.host,
    checkData: false,
    parsed,
    ...(referential ? { referential } : {}),
  });
  const doc = validation.doc;
  if (!doc) return { problems: [...validation.problems, ...refProblems] };
  const analyse = await analyser(doc, options.host, referential, options.today);
  analyse.problemes.unshift(...refProblems);
  // Problems of loading and analysis carry a pointer: give them the place in the text it designates
  // (those about a data file already carry that file's own location).
  for (const p of analyse.problemes) {
    if (p.range || p.location) continue;
    const range = parsed.sourceMap.valueRange(p.pointer);
    if (range) p.range = range;
  }
  return { result: analyse, doc, problems: [...validation.problems, ...analyse.problemes] };
}

async function chargerReferentiel(doc: DiagnosticDoc, host: FileHost): Promise<{ referential?: Referential; problems: Problem[] }> {
  const decl = doc.referentiel;
  // A path refused by the format's rules (absolute, « .. ») is never handed to the host.
  if (decl.chemin !== undefined && !checkRelativePath(decl.chemin).ok) return { problems: [] };
  try {
    return await loadReferential(decl, host, '/referentiel');
  } catch (e) {
    return { problems: [analysisProblem('GTEC-E410', '/referentiel', { etape: 'référentiel', raison: e instanceof Error ? e.message : String(e) })] };
  }
}

type Selection<S extends LoadedSource> = {
  source: SourceDoc;
  territoire: S['records'];
  reference?: S['records'];
  /** The same rows before the nomenclature passage (totals, sectors). */
  brutTerritoire: S['records'];
  brutReference?: S['records'];
};

async function analyser(doc: DiagnosticDoc, host: FileHost, ref: Referential | undefined, today: string | undefined): Promise<DiagnosticResult> {
  const problems: Problem[] = [];
  const regles = doc.regles;
  const minimum = regles.effectif_minimum;
  const periode = doc.periode;
  const territoire = doc.territoire;
  const reference = territoire.reference;

  // ── Load sources and crosswalks in parallel; problems are kept in declaration order (not in
  // order of completion) so that two runs report identically.
  const lus = await Promise.all(
    doc.sources.map(async (source, i): Promise<{ loaded?: LoadedSource; problems: Problem[] }> => {
      if (!checkRelativePath(source.chemin).ok) return { problems: [] }; // refused by the format's rules
      try {
        return await loadSource(source, host, pointer('sources', i));
      } catch (e) {
        return { problems: [analysisProblem('GTEC-E410', pointer('sources', i), { etape: `source ${source.id}`, raison: e instanceof Error ? e.message : String(e) })] };
      }
    }),
  );
  for (const l of lus) problems.push(...l.problems);
  const charges = lus.map((l) => l.loaded);
  const passages: Passage[] = ref ? passagesDuReferentiel(ref) : [];
  const lues = await Promise.all(
    doc.correspondances.map(async (c, i) => {
      if (!checkRelativePath(c.chemin).ok) return { problems: [] as Problem[] };
      try {
        return await loadCorrespondance(c, host, pointer('correspondances', i));
      } catch (e) {
        return { problems: [analysisProblem('GTEC-E410', pointer('correspondances', i), { etape: `correspondance ${c.id}`, raison: e instanceof Error ? e.message : String(e) })] };
      }
    }),
  );
  for (const l of lues) problems.push(...l.problems);
  const tables = lues.map((l, i) => ('table' in l && l.table ? passageDeTable(l.table, doc.correspondances[i]!.id) : undefined));
  // Declared tables come first: a user's table wins over the built-in passage of the same length.
  passages.unshift(...tables.filter((t): t is Passage => t !== undefined));

  // ── Analysis nomenclature and perimeters.
  const selections: Array<Selection<LoadedSource> & { type: LoadedSource['type'] }> = [];
  doc.sources.forEach((source, i) => {
    const loaded = charges[i];
    if (!loaded) return;
    let records: LoadedSource['records'] = loaded.records;
    if (loaded.type !== 'etablissements') {
      // An official file (preset) has the publisher's codes, whatever the declaration says (the
      // loader warns about a mismatch, GTEC-W206).
      const de = source.preset ? PRESETS[source.preset].nomenclature : source.nomenclature;
      const chemin = trouverChemin(de, doc.nomenclature, passages);
      if (!chemin) {
        problems.push(analysisProblem('GTEC-W401', pointer('sources', i, 'nomenclature'), { source: source.id, de, vers: doc.nomenclature }));
        return;
      }
      const c = convertirRecords(loaded.records as Array<{ metier: string; libelle?: string }>, chemin);
      records = c.records as LoadedSource['records'];
      const info = { source: source.id, de, vers: doc.nomenclature };
      if (c.codesMultiples.length > 0) problems.push(analysisProblem('GTEC-I402', pointer('sources', i, 'nomenclature'), { ...info, codes: c.codesMultiples.length }));
      if (c.codesSansCorrespondance.length > 0) {
        const l = c.codesSansCorrespondance;
        problems.push(
          analysisProblem('GTEC-W411', pointer('sources', i, 'nomenclature'), {
            ...info,
            nombre: l.length,
            codes: l.slice(0, 10).join(', ') + (l.length > 10 ? '…' : ''),
            value: l,
          }),
        );
      }
    }
    const sel = (rs: readonly LoadedSource['records'][number][], p: { type: string; codes: readonly string[] }) => selectionnerPerimetre(rs, p);
    const s: Selection<LoadedSource> & { type: LoadedSource['type'] } = {
      type: loaded.type,
      source,
      territoire: sel(records, territoire) as LoadedSource['records'],
      brutTerritoire: sel(loaded.records, territoire) as LoadedSource['records'],
    };
    if (reference) {
      s.reference = sel(records, reference) as LoadedSource['records'];
      s.brutReference = sel(loaded.records, reference) as LoadedSource['records'];
    }
    if (records.length > 0 && s.territoire.length === 0) {
      problems.push(analysisProblem('GTEC-W405', pointer('sources', i), { source: source.id, perimetre: territoire.nom, type: territoire.type, codes: territoire.codes.join(', ') }));
    }
    if (reference && records.length > 0 && s.reference!.length === 0) {
      problems.push(analysisProblem('GTEC-I412', pointer('sources', i), { source: source.id, perimetre: reference.nom, type: reference.type, codes: reference.codes.join(', ') }));
    }
    selections.push(s);
  });
  const deType = <T extends LoadedSource['type']>(t: T) =>
    selections.filter((s) => s.type === t) as unknown as Array<Selection<Extract<LoadedSource, { type: T }>>>;
  const indexSource = (id: string) => doc.sources.findIndex((s) => s.id === id);

  // ── Per-source indicators; for each métier the first source (declaration order) that has it wins.
  const parts = new Map<string, Parts>();
  const part = (code: string) => {
    let p = parts.get(code);
    if (!p) parts.set(code, (p = {}));
    return p;
  };
  const libellesDonnees = new Map<string, string>();
  const noterLibelle = (code: string, l: string | undefined) => {
    if (l && !libellesDonnees.has(code)) libellesDonnees.set(code, l);
  };
  const fusionner = <K extends keyof Parts>(cle: K, m: Map<string, NonNullable<Parts[K]> & { libelle?: string }>) => {
    for (const [code, v] of m) {
      noterLibelle(code, v.libelle);
      const p = part(code);
      if (p[cle] === undefined) p[cle] = v;
    }
  };
  const valeursReference: Partial<Record<Composante, number[]>> = {};
  const ajouterReference = (c: Composante, m: Map<string, IndicateursBmo | IndicateursTension>) => {
    for (const v of m.values()) {
      const x = c === 'partDifficiles' ? (v as IndicateursBmo).partDifficiles : (v as IndicateursTension)[c as 'ratioOffresDemandeurs' | 'ecoulement'];
      if (x?.significatif && x.valeur !== null) (valeursReference[c] ??= []).push(x.valeur);
    }
  };
  const referencesVues = new Set<Composante>();
  const opts = { fin: periode.fin, minimum };

  let anneesEffectifs: { debut: number; fin: number } | undefined;
  for (const s of deType('effectifs')) {
    const r = calculerEffectifs(s.source, s, { territoire: s.brutTerritoire, reference: s.brutReference }, periode, minimum);
    if (r.parMetier.size > 0 && (r.annees?.debut !== periode.debut || r.annees?.fin !== periode.fin)) {
      problems.push(analysisProblem('GTEC-W406', pointer('sources', indexSource(s.source.id)), { source: s.source.id, debut: periode.debut, fin: periode.fin, annees: r.anneesLues.join(', ') }));
    }
    anneesEffectifs ??= r.annees;
    fusionner('effectifs', r.parMetier as Map<string, IndicateursEffectifs>);
  }
  for (const s of deType('ages')) {
    const r = calculerAges(s.source, s, { fin: periode.fin, minimum, regles });
    for (const t of r.tranchesInconnues) problems.push(analysisProblem('GTEC-W404', pointer('sources', indexSource(s.source.id)), { source: s.source.id, tranche: t }));
    fusionner('ages', r.parMetier as Map<string, IndicateursAges & { libelle?: string }>);
  }
  for (const s of deType('bmo')) {
    fusionner('bmo', calculerBmo(s.source, s.territoire, opts));
    if (s.reference && !referencesVues.has('partDifficiles')) {
      referencesVues.add('partDifficiles');
      ajouterReference('partDifficiles', calculerBmo(s.source, s.reference, opts));
    }
  }
  const refOD = (m: Map<string, IndicateursTension>) => {
    for (const c of ['ratioOffresDemandeurs', 'ecoulement'] as const) {
      if (referencesVues.has(c) || ![...m.values()].some((v) => v[c])) continue;
      referencesVues.add(c);
      ajouterReference(c, m);
    }
  };
  for (const s of deType('offres-demandes')) {
    fusionner('offresDemandes', calculerOffresDemandes(s.source, s.territoire, opts));
    if (s.reference) refOD(calculerOffresDemandes(s.source, s.reference, opts));
  }
  for (const s of deType('tension')) {
    fusionner('tension', calculerTension(s.source, s.territoire, opts));
    if (s.reference) refOD(calculerTension(s.source, s.reference, opts));
  }
  for (const s of deType('qualifications')) {
    for (const [code, q] of calculerQualifications(s.source, s.territoire, opts)) {
      const p = part(code);
      p.qualifications ??= q;
    }
  }

  // ── Métiers of the diagnostic: codes in the territory's data, declared, or in a fiche action.
  const codes = new Set<string>(parts.keys());
  for (const m of doc.metiers) codes.add(m.code);
  for (const f of doc.plan_action) for (const c of f.metiers) codes.add(c);
  const parCode = new Map(ref?.metiers.map((m) => [m.code, m]) ?? []);
  const declarations = new Map(doc.metiers.map((m) => [m.code, m]));
  const indicateurs = [...codes].sort().map((code) => {
    const fiche = parCode.get(code);
    const libelle = declarations.get(code)?.libelle ?? fiche?.libelle ?? libellesDonnees.get(code) ?? code;
    const ind = assembler(code, libelle, parts.get(code) ?? {}, regles.departs.horizon_annees);
    if (fiche?.domaine) {
      ind.groupe = fiche.domaine;
      const gl = ref?.domaines[fiche.domaine];
      if (gl) ind.groupeLibelle = gl;
    }
    const signaux = fiche?.tags?.filter((t) => t.startsWith('transition-'));
    if (signaux && signaux.length > 0) ind.signaux = signaux;
    return ind;
  });

  const composite = scoresComposites(indicateurs, valeursReference);
  if (indicateurs.some((m) => m.tension?.scoreComposite)) {
    for (const c of composite.normalisationLocale) problems.push(analysisProblem('GTEC-I407', '/regles/tension', { composante: libelleComposante(c) }));
  }
  if (indicateurs.some((m) => m.tcam) && !indicateurs.some((m) => m.tcamReference)) {
    problems.push(analysisProblem('GTEC-I408', reference ? '/territoire/reference' : '/territoire'));
  }

  // ── Typology.
  const producteurs = new Map(doc.sources.filter((s) => s.producteur).map((s) => [s.id, s.producteur!]));
  const ctx = {
    regles,
    producteurs,
    ...(reference ? { referenceNom: reference.nom } : {}),
    ...(() => {
      const q = seuilQuartilePostes(indicateurs);
      return q !== undefined ? { seuilPostes: q } : {};
    })(),
  };
  const metiers: MetierDiagnostique[] = indicateurs.map((ind) => {
    const decl = declarations.get(ind.code);
    const c = classerMetier(ind, decl, ctx);
    const m: MetierDiagnostique = { indicateurs: ind, familles: c.familles, explications: c.explications };
    if (decl?.note) m.note = decl.note;
    return m;
  });
  const familles = Object.fromEntries(ORDRE_FAMILLES.map((f) => [f, metiers.filter((m) => m.familles.includes(f)).map((m) => m.indicateurs.code)])) as Record<
    FamilleId,
    string[]
  >;

  // ── Passerelles from the `depuis` families to the `vers` families, among métiers of the referential.
  const passerelles: Passerelle[] = [];
  const params = doc.passerelles;
  const dans = (m: MetierDiagnostique, fs: readonly FamilleId[]) => m.familles.some((f) => fs.includes(f));
  const departs = metiers.filter((m) => dans(m, params.depuis)).map((m) => m.indicateurs.code);
  const arrivees = metiers.filter((m) => dans(m, params.vers)).map((m) => m.indicateurs.code);
  if (ref && departs.length > 0 && arrivees.length > 0) {
    const engine = createPasserelleEngine(ref);
    const absents = [...new Set([...departs, ...arrivees])].filter((c) => !engine.has(c)).sort();
    if (absents.length > 0) problems.push(analysisProblem('GTEC-I409', '/passerelles', { codes: absents.join(', '), value: absents }));
    const cibles = arrivees.filter((c) => engine.has(c));
    for (const source of departs.filter((c) => engine.has(c))) {
      const top = engine.topK(source, params.nombre, cibles.filter((c) => c !== source), params.score_minimum);
      top.forEach((t, i) => {
        const p = engine.passerelle(source, t.cible, i + 1);
        if (p) passerelles.push(p);
      });
    }
  } else if (!ref && departs.length > 0 && arrivees.length > 0) {
    problems.push(analysisProblem('GTEC-E410', '/passerelles', { etape: 'passerelles', raison: 'référentiel non chargé' }));
  }

  // ── Action plan and evaluation.
  const fragiles = metiers.filter((m) => m.familles.includes('fragile')).map((m) => ({ code: m.indicateurs.code, libelle: m.indicateurs.libelle }));
  const couverture = couverturePlan(doc, fragiles);
  problems.push(...couverture.problems);

  // ── Sectors (first effectifs source with a sector column) and establishments.
  let secteurs: DiagnosticResult['secteurs'] = [];
  let specialisation: DiagnosticResult['specialisation'];
  if (anneesEffectifs) {
    for (const s of deType('effectifs')) {
      const r = structureSecteurs(s.source, s.brutTerritoire, s.brutReference, anneesEffectifs.fin, minimum);
      if (r.secteurs.length > 0) {
        secteurs = r.secteurs;
        specialisation = r.specialisation;
        break;
      }
    }
  }
  const premierEtab = deType('etablissements')[0];
  const etablissements = premierEtab ? structureEtablissements(premierEtab.source, premierEtab.territoire, periode.fin) : undefined;

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
    referentiel: ref
      ? { kind: ref.kind, label: ref.label, version: ref.version, metiers: ref.metiers.length }
      : { kind: doc.referentiel.type, label: '', version: doc.referentiel.version ?? '', metiers: 0 },
    metiers,
    familles,
    secteurs,
    passerelles,
    plan: { couverture: couverture.couverture, fragilesSansAction: couverture.fragilesSansAction, ...budgetPlan(doc) },
    evaluation: avancementIndicateurs(doc, today),
    problemes: problems,
  };
  if (etablissements) result.etablissements = etablissements;
  if (specialisation && Object.keys(specialisation).length > 0) result.specialisation = specialisation;
  return result;
}

function libelleComposante(c: Composante): string {
  return c === 'ratioOffresDemandeurs' ? 'offres/demandeurs' : c === 'ecoulement' ? 'écoulement' : 'part de projets difficiles';
}
