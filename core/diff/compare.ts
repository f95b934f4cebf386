/**
 * Compares two versions of a diagnostic (their results, documents and problems) into a
 * `DiagnosticDiff`. Pure and deterministic: every list is sorted by a stable key.
 *
 * Scores compared with the tolerance (absolute difference): the composite tension score, the share
 * of difficult recruitments, the share of 55+ and the TCAM of each métier, and passerelle scores.
 */
import type { DiagnosticResult, IndicateursMetier, Mesure, MetierDiagnostique } from '../analysis/result.js';
import { FAMILLE_ORDER } from '../analysis/typology/order.js';
import type { DiagnosticDoc } from '../format/schema.js';
import type { Problem } from '../problems.js';
import type { AvantApres, ChangementFiche, ChangementIndicateur, ChangementPasserelle, ChangementScore, ChangementSource, DiagnosticDiff, MouvementFamille, Note, ProblemeDiff, Version } from './model.js';
import { TOLERANCE_DEFAUT } from './model.js';

export interface CompareOptions {
  /** Absolute difference below which a score is unchanged (default 0.05). */
  tolerance?: number;
  /** Notes found by the host (renamed data files, files read outside git…). */
  notes?: Note[];
}

/** Indicators a family rule can name, and where their value lives in a métier's indicators. */
const MESURES: Record<string, (i: IndicateursMetier) => Mesure | undefined> = {
  tcam: (i) => i.tcam,
  classe_tension: (i) => i.tension?.classe,
  part_difficiles: (i) => i.bmo?.partDifficiles,
  score_tension: (i) => i.tension?.scoreComposite,
  indice_specificite: (i) => i.indiceSpecificite,
  part_55_plus: (i) => i.ages?.part55Plus,
  postes_a_pourvoir_par_emploi: (i) => i.postesAPourvoirParEmploi,
  indice_renouvellement: (i) => i.ages?.indiceRenouvellement,
};
const SCORES = ['score_tension', 'part_difficiles', 'part_55_plus', 'tcam'] as const;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const aa = <T>(avant: T | null | undefined, apres: T | null | undefined): AvantApres<T> => ({ avant: avant ?? null, apres: apres ?? null });

export function compareDiagnostics(ancien: Version, nouveau: Version, options: CompareOptions = {}): DiagnosticDiff {
  const tolerance = options.tolerance ?? TOLERANCE_DEFAUT;
  // A version present but not computed (blocking errors) is compared by its problems only: its
  // empty families would otherwise read as every métier leaving.
  const calcule = (v: Version) => v.absent || v.result !== undefined;
  const semantique = calcule(ancien) && calcule(nouveau);
  const a = semantique ? ancien.result : undefined;
  const n = semantique ? nouveau.result : undefined;
  const notes: Note[] = [...(ancien.notes ?? []), ...(nouveau.notes ?? []), ...(options.notes ?? [])];
  const va = versionFormat(ancien.texte);
  const vn = versionFormat(nouveau.texte);
  if (va !== undefined && vn !== undefined && va !== vn) notes.push({ type: 'version-format', ancienne: va, nouvelle: vn });
  for (const [v, cote] of [
    [ancien, 'ancien'],
    [nouveau, 'nouveau'],
  ] as const) {
    if (!v.absent && v.texte !== undefined && !v.result) notes.push({ type: 'sans-resultat', cote, fichier: v.fichier });
  }

  const diff: DiagnosticDiff = {
    version: 1,
    fichier: nouveau.absent ? ancien.fichier : nouveau.fichier,
    ancien: { libelle: ancien.libelle, fichier: ancien.fichier },
    nouveau: { libelle: nouveau.libelle, fichier: nouveau.fichier },
    tolerance,
    notes,
    cadre: cadre(ancien.doc, nouveau.doc),
    sources: sources(ancien, nouveau),
    effectifsFamilles: FAMILLE_ORDER.map((f) => ({ famille: f, nombre: aa(a?.familles[f]?.length, n?.familles[f]?.length) })).filter((x) => x.nombre.avant !== x.nombre.apres),
    familles: familles(a, n),
    passerelles: passerelles(a, n, tolerance),
    scores: scores(a, n, tolerance),
    plan: plan(semantique ? ancien : { ...ancien, result: undefined }, semantique ? nouveau : { ...nouveau, result: undefined }),
    evaluation: evaluation(a, n),
    problemes: problemes(ancien.problems, nouveau.problems),
    identique: false,
  };
  const p = diff.plan;
  diff.identique =
    diff.cadre.length + diff.sources.length + diff.familles.length + diff.scores.length + diff.evaluation.length === 0 &&
    diff.passerelles.nouvelles.length + diff.passerelles.perdues.length + diff.passerelles.modifiees.length === 0 &&
    p.budgetTotal.avant === p.budgetTotal.apres &&
    p.financeurs.length + p.fiches.length + p.sansActionNouveaux.length + p.sansActionCouverts.length === 0 &&
    diff.problemes.nouveaux.length + diff.problemes.corriges.length === 0 &&
    !!ancien.absent === !!nouveau.absent;
  return diff;
}

/** The value of the top-level `gtec:` key, read from the text even when the file is invalid. */
export function versionFormat(texte: string | undefined): string | undefined {
  const m = texte?.match(/^["']?gtec["']?\s*:\s*["']?([^"'#,\s}]+)/m);
  return m?.[1];
}

function cadre(a: DiagnosticDoc | undefined, n: DiagnosticDoc | undefined): DiagnosticDiff['cadre'] {
  if (!a || !n) return [];
  const champs = (d: DiagnosticDoc): Record<string, string> => {
    const c: Record<string, string> = {
      titre: d.titre,
      territoire: `${d.territoire.nom} (${d.territoire.type} ${d.territoire.codes.join(', ')})`,
      reference: d.territoire.reference ? `${d.territoire.reference.nom} (${d.territoire.reference.type} ${d.territoire.reference.codes.join(', ')})` : '',
      periode: `${d.periode.debut}-${d.periode.fin}`,
      nomenclature: d.nomenclature,
      referentiel: [d.referentiel.type, d.referentiel.chemin, d.referentiel.version].filter(Boolean).join(' '),
    };
    // Rules and passerelle parameters, leaf by leaf: a reviewer sees which threshold moved.
    aplatir('regles', d.regles, c);
    aplatir('passerelles', d.passerelles, c);
    return c;
  };
  const ca = champs(a);
  const cn = champs(n);
  return [...new Set([...Object.keys(ca), ...Object.keys(cn)])]
    .filter((k) => ca[k] !== cn[k])
    .sort(cmp)
    .map((champ) => ({ champ, valeur: aa(ca[champ], cn[champ]) }));
}

function aplatir(prefixe: string, v: unknown, out: Record<string, string>): void {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) aplatir(`${prefixe}.${k}`, x, out);
  } else if (v !== undefined) out[prefixe] = Array.isArray(v) ? v.join(', ') : String(v);
}

function sources(ancien: Version, nouveau: Version): ChangementSource[] {
  const liste = (d: DiagnosticDoc | undefined) => new Map([...(d?.sources ?? []), ...(d?.correspondances ?? [])].map((s) => [s.id, s.chemin]));
  if (!ancien.doc || !nouveau.doc) return [];
  const sa = liste(ancien.doc);
  const sn = liste(nouveau.doc);
  const out: ChangementSource[] = [];
  for (const id of [...new Set([...sa.keys(), ...sn.keys()])].sort(cmp)) {
    const ca = sa.get(id);
    const cn = sn.get(id);
    const chemin = aa(ca, cn);
    if (ca === undefined) out.push({ id, type: 'ajoutee', chemin });
    else if (cn === undefined) out.push({ id, type: 'supprimee', chemin });
    else if (ca !== cn) out.push({ id, type: 'chemin', chemin });
    else {
      const ea = ancien.empreintes?.[ca];
      const en = nouveau.empreintes?.[cn];
      if (ea !== undefined && en !== undefined && ea !== en) out.push({ id, type: 'contenu', chemin });
    }
  }
  return out;
}

function parCode(r: DiagnosticResult | undefined): Map<string, MetierDiagnostique> {
  return new Map(r?.metiers.map((m) => [m.indicateurs.code, m]) ?? []);
}

function valeurIndicateur(m: MetierDiagnostique | undefined, indicateur: string): number | string | boolean | null {
  if (!m) return null;
  const e = MESURES[indicateur]?.(m.indicateurs);
  if (e) return e.valeur;
  return m.explications.find((x) => x.indicateur === indicateur)?.valeur ?? null;
}

function familles(a: DiagnosticResult | undefined, n: DiagnosticResult | undefined): MouvementFamille[] {
  const ma = parCode(a);
  const mn = parCode(n);
  const out: MouvementFamille[] = [];
  for (const code of [...new Set([...ma.keys(), ...mn.keys()])].sort(cmp)) {
    const x = ma.get(code);
    const y = mn.get(code);
    for (const famille of FAMILLE_ORDER) {
      const avant = x?.familles.includes(famille) ?? false;
      const apres = y?.familles.includes(famille) ?? false;
      if (avant === apres) continue;
      const dedans = apres ? y! : x!;
      const e = dedans.explications.find((ex) => ex.famille === famille);
      const mv: MouvementFamille = {
        famille,
        sens: apres ? 'entree' : 'sortie',
        code,
        libelle: (y ?? x)!.indicateurs.libelle,
        valeur: { avant: null, apres: null },
      };
      if (e) {
        mv.indicateur = e.indicateur;
        // The value on the side where the rule fired is the rule's own; the other side's is read
        // from the métier's indicators (null when the métier or the indicator is absent there).
        mv.valeur = apres ? aa(valeurIndicateur(x, e.indicateur), e.valeur) : aa(e.valeur, valeurIndicateur(y, e.indicateur));
        if (e.indicateur === 'famille') mv.valeur = apres ? aa(null, e.valeur) : aa(e.valeur, null);
        if (e.seuil !== undefined) mv.seuil = e.seuil;
        if (e.comparaison !== undefined) mv.comparaison = e.comparaison;
      }
      out.push(mv);
    }
  }
  // By family (format order), entering first, then by code.
  const rang = (f: string) => FAMILLE_ORDER.indexOf(f as never);
  return out.sort((p, q) => rang(p.famille) - rang(q.famille) || cmp(p.sens, q.sens) || cmp(p.code, q.code));
}

function passerelles(a: DiagnosticResult | undefined, n: DiagnosticResult | undefined, tolerance: number): DiagnosticDiff['passerelles'] {
  const cle = (p: { source: string; cible: string }) => `${p.source}→${p.cible}`;
  const pa = new Map(a?.passerelles.map((p) => [cle(p), p]) ?? []);
  const pn = new Map(n?.passerelles.map((p) => [cle(p), p]) ?? []);
  const res: DiagnosticDiff['passerelles'] = { nouvelles: [], perdues: [], modifiees: [] };
  for (const k of [...new Set([...pa.keys(), ...pn.keys()])].sort(cmp)) {
    const x = pa.get(k);
    const y = pn.get(k);
    const p = (y ?? x)!;
    const c: ChangementPasserelle = { source: p.source, cible: p.cible, cibleLibelle: p.cibleLibelle, score: aa(x?.score, y?.score) };
    if (!x) res.nouvelles.push(c);
    else if (!y) res.perdues.push(c);
    else if (Math.abs(x.score - y.score) > tolerance) res.modifiees.push(c);
  }
  return res;
}

function scores(a: DiagnosticResult | undefined, n: DiagnosticResult | undefined, tolerance: number): ChangementScore[] {
  const ma = parCode(a);
  const mn = parCode(n);
  const out: ChangementScore[] = [];
  for (const [code, y] of [...mn].sort((p, q) => cmp(p[0], q[0]))) {
    const x = ma.get(code);
    if (!x) continue;
    for (const indicateur of SCORES) {
      const va = MESURES[indicateur]!(x.indicateurs)?.valeur;
      const vn = MESURES[indicateur]!(y.indicateurs)?.valeur;
      if (typeof va !== 'number' || typeof vn !== 'number' || Math.abs(vn - va) <= tolerance) continue;
      out.push({ code, libelle: y.indicateurs.libelle, indicateur, valeur: aa(va, vn) });
    }
  }
  return out;
}

function plan(ancien: Version, nouveau: Version): DiagnosticDiff['plan'] {
  const a = ancien.result?.plan;
  const n = nouveau.result?.plan;
  const financeurs = new Map<string, { nom: string; avant?: number; apres?: number }>();
  for (const f of a?.budgetParFinanceur ?? []) financeurs.set(f.financeur, { nom: f.nom, avant: f.montant });
  for (const f of n?.budgetParFinanceur ?? []) financeurs.set(f.financeur, { ...financeurs.get(f.financeur), nom: f.nom, apres: f.montant });

  const fiches: ChangementFiche[] = [];
  const fa = new Map(a?.fiches.map((f) => [f.id, f]) ?? []);
  const fn = new Map(n?.fiches.map((f) => [f.id, f]) ?? []);
  const lignes = (v: Version, id: string) => new Set(v.doc?.plan_action.find((f) => f.id === id)?.financements.map((x) => x.financement) ?? []);
  const lignesExistantes = new Set(nouveau.doc?.financements.map((f) => f.id) ?? []);
  for (const id of [...new Set([...fa.keys(), ...fn.keys()])].sort(cmp)) {
    const x = fa.get(id);
    const y = fn.get(id);
    const base = { id, titre: (y ?? x)!.titre, budget: aa(x?.budget, y?.budget) };
    if (!x) fiches.push({ ...base, type: 'ajoutee' });
    else if (!y) fiches.push({ ...base, type: 'supprimee' });
    else {
      // A fiche loses funding when a line it drew on is gone from it, or gone from the diagnostic.
      const avant = lignes(ancien, id);
      const apres = lignes(nouveau, id);
      const perdues = [...avant].filter((l) => !apres.has(l) || !lignesExistantes.has(l)).sort(cmp);
      if (perdues.length > 0 || (x.budget > 0 && y.budget === 0)) fiches.push({ ...base, type: 'financement-perdu', lignesPerdues: perdues });
      else if (x.budget !== y.budget) fiches.push({ ...base, type: 'budget' });
      const ajoutes = y.metiers.filter((m) => !x.metiers.includes(m)).sort(cmp);
      const retires = x.metiers.filter((m) => !y.metiers.includes(m)).sort(cmp);
      if (ajoutes.length + retires.length > 0) fiches.push({ ...base, type: 'metiers', metiersAjoutes: ajoutes, metiersRetires: retires });
    }
  }
  const sa = new Set(a?.fragilesSansAction ?? []);
  const sn = new Set(n?.fragilesSansAction ?? []);
  return {
    budgetTotal: aa(a?.budgetTotal, n?.budgetTotal),
    financeurs: [...financeurs.entries()]
      .filter(([, f]) => f.avant !== f.apres)
      .sort((p, q) => cmp(p[0], q[0]))
      .map(([financeur, f]) => ({ financeur, nom: f.nom, montant: aa(f.avant, f.apres) })),
    fiches,
    sansActionNouveaux: [...sn].filter((c) => !sa.has(c)).sort(cmp),
    sansActionCouverts: [...sa].filter((c) => !sn.has(c)).sort(cmp),
  };
}

function evaluation(a: DiagnosticResult | undefined, n: DiagnosticResult | undefined): ChangementIndicateur[] {
  const ea = new Map(a?.evaluation.map((e) => [e.indicateur.id, e]) ?? []);
  const en = new Map(n?.evaluation.map((e) => [e.indicateur.id, e]) ?? []);
  const out: ChangementIndicateur[] = [];
  for (const id of [...new Set([...ea.keys(), ...en.keys()])].sort(cmp)) {
    const x = ea.get(id);
    const y = en.get(id);
    const c: ChangementIndicateur = {
      id,
      libelle: (y ?? x)!.indicateur.libelle,
      type: !x ? 'ajoute' : !y ? 'supprime' : 'avancement',
      avancement: aa(x?.avancement, y?.avancement),
      valeur: aa(x?.indicateur.valeur, y?.indicateur.valeur),
      atteint: aa(x?.atteint, y?.atteint),
      enRetard: aa(x?.enRetard, y?.enRetard),
    };
    const pareil = x && y && x.avancement === y.avancement && x.indicateur.valeur === y.indicateur.valeur && x.atteint === y.atteint && x.enRetard === y.enRetard;
    if (!pareil) out.push(c);
  }
  return out;
}

function problemes(a: readonly Problem[], n: readonly Problem[]): DiagnosticDiff['problemes'] {
  // Offsets move with every edit: a problem is the same when its code, place and message are.
  const cle = (p: Problem) => [p.code, p.pointer, p.location?.file ?? '', p.message.fr].join('\u0000');
  const vers = (p: Problem): ProblemeDiff => ({
    code: p.code,
    severity: p.severity,
    pointer: p.pointer,
    ...(p.location ? { fichier: p.location.file } : {}),
    message: { fr: p.message.fr, en: p.message.en },
  });
  const ka = new Set(a.map(cle));
  const kn = new Set(n.map(cle));
  const tri = (p: ProblemeDiff, q: ProblemeDiff) => cmp(p.code, q.code) || cmp(p.pointer, q.pointer) || cmp(p.message.fr, q.message.fr);
  const uniques = (ps: readonly Problem[], exclus: Set<string>) => {
    const vus = new Set<string>();
    return ps
      .filter((p) => !exclus.has(cle(p)) && !vus.has(cle(p)) && vus.add(cle(p)))
      .map(vers)
      .sort(tri);
  };
  return { nouveaux: uniques(n, ka), corriges: uniques(a, kn) };
}
