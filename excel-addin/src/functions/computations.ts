/**
 * Adapters between Excel-shaped arguments and the core: read the cells, call the core function,
 * lay the result out as rows. No analysis here: every figure comes from core/.
 */
import {
  readTranche,
  structureAges,
  indiceSpecificite,
  tcam,
  readHeaders,
  reglesFromPairs,
  tensionFromLignes,
  typologyFromLignes,
  type ChampLigne,
  type Ligne,
  Regles,
  type ReglesDoc,
  libelles,
  familleName,
  competenceTypeName,
  partsBmo,
  type Nombre,
  type Nomenclatures,
} from '../../../core/index.js';
import { type IdentiteNomenclatures, type IdentiteReferentiel, type ReferentielState, nomenclaturesDesFormules, referentielDesFormules, workbookReferentiel } from '../shared/state.js';
import { langue } from '../shared/language.js';
import type { ReponseMoteur, RequeteMoteur } from '../shared/engine-queries.js';
import { aplatir, cellule, ErreurCellule, estPromesse, estVide, formeCommune, matrice, nombre, nombreOptionnel, nonDisponible, texte, toutVide, valeurIncorrecte, type Cellule, type Matrice } from './args.js';
import type { Resultat } from './call.js';
import { MESSAGES } from './messages.js';

const MESSAGES_ACTUELS = () => MESSAGES[langue()];

type Valeur = Resultat[number][number];

/** Applies `f` cell by cell over broadcast numeric arguments; an empty input cell gives an empty result. */
function parCellule(args: unknown[], noms: readonly string[], f: (xs: number[]) => Valeur): Resultat | ErreurCellule {
  const ms: Matrice[] = [];
  for (let k = 0; k < args.length; k++) {
    const m = matrice(args[k]);
    if (!m) return valeurIncorrecte((w) => w.argumentManquant(String(noms[k])));
    ms.push(m);
  }
  const forme = formeCommune(ms, noms);
  if (forme instanceof ErreurCellule) return forme;
  const out: Resultat = [];
  for (let i = 0; i < forme.lignes; i++) {
    const ligne: Valeur[] = [];
    for (let j = 0; j < forme.colonnes; j++) {
      const xs: number[] = [];
      let v: Valeur | undefined;
      for (let k = 0; k < ms.length && v === undefined; k++) {
        const n = nombre(cellule(ms[k]!, i, j), noms[k]!);
        if (n instanceof ErreurCellule) v = n;
        else if (n === undefined) v = '';
        else xs.push(n);
      }
      ligne.push(v ?? f(xs));
    }
    out.push(ligne);
  }
  return out;
}

export function calculTcam(e0: unknown, e1: unknown, t0: unknown, t1: unknown): Resultat | ErreurCellule {
  // An undefined rate (start ≤ 0, end < 0, end year ≤ start year) is #NUM!, as Excel's RRI.
  return parCellule([e0, e1, t0, t1], ['effectif_debut', 'effectif_fin', 'annee_debut', 'annee_fin'], ([a, b, c, d]) => tcam(a!, b!, c!, d!) ?? new ErreurCellule('#NUM!'));
}

export function calculIndiceSpecificite(eSz: unknown, eZ: unknown, eSR: unknown, eR: unknown): Resultat | ErreurCellule {
  return parCellule([eSz, eZ, eSR, eR], ['emploi_metier_zone', 'emploi_zone', 'emploi_metier_reference', 'emploi_reference'], ([a, b, c, d]) => indiceSpecificite(a!, b!, c!, d!) ?? new ErreurCellule('#DIV/0!'));
}

/** A column argument as a list of optional numbers (shares accept « 57 % »). */
function colonne(v: unknown, nom: string, part = false): Array<number | undefined> | ErreurCellule {
  const out: Array<number | undefined> = [];
  for (const c of aplatir(matrice(v))) {
    const n = nombre(c, nom, part);
    if (n instanceof ErreurCellule) return n;
    out.push(n);
  }
  return out;
}

function regles(v: unknown): ReglesDoc | ErreurCellule {
  const m = matrice(v);
  if (toutVide(m)) return Regles.parse({});
  const paires: Array<[string, unknown]> = [];
  for (const l of m!) {
    if (estVide(l[0])) continue;
    if (l.length < 2) return valeurIncorrecte((w) => w.seuilsDeuxColonnes);
    const n = nombre(l[1], String(l[0]), true);
    paires.push([texte(l[0]), n instanceof ErreurCellule || n === undefined ? l[1] : n]);
  }
  const r = reglesFromPairs(paires);
  return 'erreur' in r ? valeurIncorrecte((_, lang) => r.erreur[lang]) : r.regles;
}

/**
 * TENSION: the core's composite (DARES 30/20/50 weights renormalised over the components given,
 * tensionFromLignes). The publication rule (règle des 30, `effectif_minimum`) is stated in every
 * row: a row with fewer than 30 offers or job seekers is « non significatif ». The z parameters come
 * from the significant rows; with fewer than two of them (a small bassin) they come from all rows,
 * and the basis column says so. With one component only (offers and job seekers, as in France
 * Travail's bassin file) the score is its z-score, said in the basis column. Classes: on the given
 * thresholds (official scale), else relative (quintiles of the rows), said in the header.
 */
export function calculTension(offres: unknown, demandeurs: unknown, partDifficiles: unknown, ecoulement: unknown, seuilsClasses: unknown): Resultat | ErreurCellule {
  const o = colonne(offres, 'offres');
  const d = colonne(demandeurs, 'demandeurs');
  const p = toutVide(matrice(partDifficiles)) ? [] : colonne(partDifficiles, 'part_difficiles', true);
  const e = toutVide(matrice(ecoulement)) ? [] : colonne(ecoulement, 'ecoulement', true);
  for (const c of [o, d, p, e]) if (c instanceof ErreurCellule) return c;
  let seuils: number[] | undefined;
  if (!toutVide(matrice(seuilsClasses))) {
    const s = colonne(seuilsClasses, 'seuils_classes');
    if (s instanceof ErreurCellule) return s;
    if (s.length !== 4 || s.some((x, i) => x === undefined || (i > 0 && !(x > s[i - 1]!)))) return valeurIncorrecte((w) => w.seuilsClasses);
    seuils = s as number[];
  }
  const cols = [o, d, p, e] as Array<Array<number | undefined>>;
  const n = Math.max(...cols.map((c) => c.length));
  const at = (c: Array<number | undefined>, i: number) => (c.length === 1 ? c[0] : c[i]);
  if (cols.some((c) => c.length > 1 && c.length !== n)) {
    return valeurIncorrecte((w) => w.longueursDifferentes(n));
  }
  const lignes = Array.from({ length: n }, (_, i) => {
    const l: { offres?: number; demandeurs?: number; partDifficiles?: number; ecoulement?: number } = {};
    const [vo, vd, vp, ve] = cols.map((c) => at(c, i));
    if (vo !== undefined) l.offres = vo;
    if (vd !== undefined) l.demandeurs = vd;
    if (vp !== undefined) l.partDifficiles = vp;
    if (ve !== undefined) l.ecoulement = ve;
    return l;
  });
  const defaut = Regles.parse({});
  const minimum = defaut.effectif_minimum;
  const significative = (l: (typeof lignes)[number]) => l.offres === undefined || l.demandeurs === undefined || (l.offres >= minimum && l.demandeurs >= minimum);
  const donnees = lignes.filter((l) => l.offres !== undefined && l.demandeurs !== undefined);
  const toutes = donnees.length > 0 && donnees.filter(significative).length < 2;
  const composantes = [donnees.length > 0 ? 'od' : undefined, cols[3]!.length ? 'ecoulement' : undefined, cols[2]!.length ? 'difficiles' : undefined].filter((c): c is 'od' | 'ecoulement' | 'difficiles' => c !== undefined);
  const regles = Regles.parse({ effectif_minimum: toutes ? 0 : minimum, tension: { composantes_minimum: Math.max(1, Math.min(2, composantes.length)) } });
  const t = tensionFromLignes(lignes, regles);
  const manque = nonDisponible((w) => w.tensionNonCalculable);
  const m = MESSAGES_ACTUELS();
  const base = m.baseTension(
    composantes.map((c) => m.composantesTension[c]),
    toutes,
    minimum,
  );
  const classe = (s: number | null, relative: number | null) => (s === null ? manque : seuils ? 1 + seuils.filter((x) => s >= x).length : (relative ?? manque));
  return [
    [...m.entetesTension(seuils !== undefined)],
    ...t.map((x, i): Valeur[] => {
      const l = lignes[i]!;
      if (Object.keys(l).length === 0) return ['', '', '', ''];
      return [x.score ?? manque, classe(x.score, x.classe), significative(l) ? m.significatif : m.nonSignificatif(minimum), base];
    }),
  ];
}

/** A BMO count cell: a number, "*" (withheld), or empty. */
function compteBmo(c: Cellule, nom: string): Nombre | undefined | ErreurCellule {
  if (typeof c === 'string' && c.trim() === '*') return { valeur: null, masque: true };
  const n = nombre(c, nom);
  if (n instanceof ErreurCellule) return n;
  return n === undefined ? undefined : { valeur: n, masque: false };
}

/** BMO.PARTS: totals and shares of the rows given (one métier over bassins, one bassin over métiers…). */
export function calculBmoParts(projets: unknown, difficiles: unknown, saisonniers: unknown): Resultat | ErreurCellule {
  const cols: Array<Array<Nombre | undefined>> = [];
  for (const [v, nom] of [
    [projets, 'projets'],
    [difficiles, 'difficiles'],
    [saisonniers, 'saisonniers'],
  ] as const) {
    const out: Array<Nombre | undefined> = [];
    for (const c of aplatir(matrice(v))) {
      const x = compteBmo(c, nom);
      if (x instanceof ErreurCellule) return x;
      out.push(x);
    }
    cols.push(out);
  }
  const n = Math.max(...cols.map((c) => c.length));
  if (cols.some((c) => c.length > 0 && c.length !== n)) return valeurIncorrecte((w) => w.longueursDifferentes(n));
  const minimum = Regles.parse({}).effectif_minimum;
  const r = partsBmo(
    Array.from({ length: n }, (_, i) => ({ projets: cols[0]![i], difficiles: cols[1]![i], saisonniers: cols[2]![i] })),
    minimum,
  );
  const m = MESSAGES_ACTUELS();
  const v = (x: number | null) => x ?? '';
  return [[...m.entetesBmo], [v(r.projets.valeur), v(r.difficiles.valeur), v(r.saisonniers.valeur), v(r.partDifficiles), v(r.partSaisonniers), m.bmoNote(r.masques, minimum, r.significatif)]];
}

export function calculDeparts(tranches: unknown, effectifs: unknown, horizon: unknown, part5054: unknown): Resultat | ErreurCellule {
  const libelles = aplatir(matrice(tranches)).map(texte);
  if (libelles.length === 0) return valeurIncorrecte((w) => w.tranchesAttendues);
  const bandes = [];
  for (const l of libelles) {
    const t = readTranche(l);
    if (!t) return valeurIncorrecte((w) => w.trancheInconnue(l));
    bandes.push(t);
  }
  const h = nombreOptionnel(horizon, 'horizon', 10);
  const p = nombreOptionnel(part5054, 'part_50_54', 0.5);
  if (h instanceof ErreurCellule) return h;
  if (p instanceof ErreurCellule) return p;
  const m = matrice(effectifs);
  if (!m) return valeurIncorrecte((w) => w.argumentManquant('effectifs'));
  // One métier when the employment range has the bands' shape; else one métier per row.
  const lignes: Cellule[][] = aplatir(m).length === libelles.length ? [aplatir(m)] : m;
  const out: Resultat = [];
  for (const l of lignes) {
    if (l.length !== libelles.length) {
      return valeurIncorrecte((w) => w.effectifsParLigne(l.length, libelles.length));
    }
    const eff = [];
    let vide = true;
    for (let k = 0; k < l.length; k++) {
      const n = nombre(l[k], 'effectifs');
      if (n instanceof ErreurCellule) return n;
      if (n !== undefined) vide = false;
      eff.push({ tranche: bandes[k]!, effectif: n ?? 0 });
    }
    const s = structureAges(eff, { horizon: h, part5054: p });
    out.push([vide ? '' : s.partPartants === null ? new ErreurCellule('#DIV/0!') : s.partPartants * s.total]);
  }
  return out;
}

export function calculFamilles(plage: unknown, seuils: unknown): Resultat | ErreurCellule {
  const m = matrice(plage);
  if (!m || m.length < 2) return valeurIncorrecte((w) => w.plageMetiers);
  const { colonnes } = readHeaders(m[0]!.map(texte));
  const champs = Object.keys(colonnes).filter((c) => c !== 'code' && c !== 'libelle');
  if (champs.length === 0) {
    return valeurIncorrecte((w) => w.aucuneColonne);
  }
  const r = regles(seuils);
  if (r instanceof ErreurCellule) return r;
  const texteSeul: ReadonlySet<ChampLigne> = new Set(['code', 'libelle', 'en_mutation', 'strategique']);
  const parts: ReadonlySet<ChampLigne> = new Set(['tcam', 'tcam_reference', 'part_difficiles', 'part_55_plus', 'part_55_plus_reference', 'ecoulement']);
  const lignes: Ligne[] = [];
  const erreurs = new Map<number, ErreurCellule>();
  m.slice(1).forEach((l, i) => {
    const ligne: Ligne = {};
    for (const [champ, k] of Object.entries(colonnes) as Array<[ChampLigne, number]>) {
      const c = l[k];
      if (texteSeul.has(champ)) ligne[champ] = typeof c === 'boolean' || typeof c === 'number' ? c : texte(c) || null;
      else {
        const n = nombre(c, m[0]![k] as string, parts.has(champ));
        if (n instanceof ErreurCellule) erreurs.set(i, n);
        else ligne[champ] = n ?? null;
      }
    }
    lignes.push(ligne);
  });
  const lang = langue();
  const typo = typologyFromLignes(lignes, r);
  const l = libelles(lang);
  const entete: Valeur[] = [l.familles, l.raisons];
  return [
    entete,
    ...typo.map((t, i): Valeur[] => {
      const e = erreurs.get(i);
      if (e) return [e, e];
      if (lignes[i]!.code === null && Object.values(lignes[i]!).every((v) => v === null)) return ['', ''];
      // "No family" is an answer, not missing data: said, with the reason.
      if (t.familles.length === 0) return [MESSAGES_ACTUELS().aucuneFamille, MESSAGES_ACTUELS().aucuneFamilleRaison(champs)];
      return [t.familles.map((f) => familleName(f, lang)).join(', '), t.raisons.map((x) => x[lang]).join(l.pv)];
    }),
  ];
}

/** A ROME code from a cell, checked against the active referential. */
function codeMetier(c: Cellule, nom: string, etat: ReferentielState): string | ErreurCellule {
  const code = texte(c).toUpperCase();
  if (!code) return valeurIncorrecte((w) => w.codeAttendu(nom));
  if (etat.index.metier(code)) return code;
  const proches = etat.index.suggest(code);
  const r = etat.referential.label;
  return nonDisponible((w) => w.codeInconnu(code, r, proches));
}

function premier(v: unknown): Cellule {
  return matrice(v)?.[0]?.[0];
}

const nommer = (i: IdentiteReferentiel) => `« ${i.nom} » (version ${i.version}, ${i.source})`;

/** The referential of the formulas, or #N/A naming the one the workbook records when it is not loaded here. */
function referentielOuErreur(): ReferentielState | ErreurCellule {
  const r = referentielDesFormules();
  if ('etat' in r) return r.etat;
  return nonDisponible((w) => w.referentielAbsent(nommer(r.manque), nommer(r.actif)));
}

export function calculReferentiel(): Resultat | ErreurCellule {
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const r = etat.referential;
  return [[...MESSAGES_ACTUELS().entetesReferentiel], [r.label, r.version, r.kind, r.metiers.length, workbookReferentiel() ? MESSAGES_ACTUELS().enregistre : MESSAGES_ACTUELS().nonEnregistre]];
}

export function calculLibelle(code: unknown): Resultat | ErreurCellule {
  const m = matrice(code);
  if (!m) return valeurIncorrecte((w) => w.argumentManquant('code'));
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  return m.map((l) =>
    l.map((c) => {
      if (estVide(c)) return '';
      const k = codeMetier(c, 'code', etat);
      return k instanceof ErreurCellule ? k : etat.index.metier(k)!.libelle;
    }),
  );
}

export function calculRechercher(texteCherche: unknown, n: unknown): Resultat | ErreurCellule {
  const q = texte(premier(texteCherche));
  if (!q) return valeurIncorrecte((w) => w.texteAttendu);
  const k = nombreOptionnel(n, 'n', 10);
  if (k instanceof ErreurCellule) return k;
  if (!(k >= 1)) return valeurIncorrecte((w) => w.auMoinsUn('n'));
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const hits = etat.index.search(q, Math.floor(k));
  if (hits.length === 0) return nonDisponible((w) => w.aucunMetierTrouve(q));
  return hits.map((h) => [h.code, h.libelle, h.trouve]);
}

/** A result now, or later when the engine answers from the pane's Web Worker. */
export type Differe = Resultat | ErreurCellule | Promise<Resultat | ErreurCellule>;

/** Asks the engine of the formulas' referential, then lays its answer out with `f`. */
function avecMoteur<R extends ReponseMoteur['q']>(etat: ReferentielState, r: RequeteMoteur & { q: R }, f: (x: ReponseMoteur & { q: R }) => Resultat | ErreurCellule): Differe {
  const x = etat.interroger(r);
  if (!estPromesse(x)) return f(x as ReponseMoteur & { q: R });
  // The worker was stopped (the user cancelled its build in the pane): said, never a blocked thread.
  return x.then(
    (y) => f(y as ReponseMoteur & { q: R }),
    () => nonDisponible((w) => w.moteurIndisponible),
  );
}

export function calculSimilarite(a: unknown, b: unknown): Differe {
  const ma = matrice(a);
  const mb = matrice(b);
  if (!ma || !mb) return valeurIncorrecte((w) => w.deuxCodes);
  const forme = formeCommune([ma, mb], ['a', 'b']);
  if (forme instanceof ErreurCellule) return forme;
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const grille: Array<Array<Valeur | [string, string]>> = [];
  const paires: Array<[string, string]> = [];
  for (let i = 0; i < forme.lignes; i++) {
    const l: Array<Valeur | [string, string]> = [];
    for (let j = 0; j < forme.colonnes; j++) {
      const ca = cellule(ma, i, j);
      const cb = cellule(mb, i, j);
      if (estVide(ca) || estVide(cb)) {
        l.push('');
        continue;
      }
      const x = codeMetier(ca, 'a', etat);
      const y = codeMetier(cb, 'b', etat);
      if (x instanceof ErreurCellule) l.push(x);
      else if (y instanceof ErreurCellule) l.push(y);
      else {
        const p: [string, string] = [x, y];
        paires.push(p);
        l.push(p);
      }
    }
    grille.push(l);
  }
  const remplir = (scores: ReadonlyArray<number | undefined>): Resultat => {
    let k = 0;
    return grille.map((l) => l.map((v) => (Array.isArray(v) ? (scores[k++] ?? valeurIncorrecte((w) => w.memeMetier('a', 'b'))) : v)));
  };
  if (paires.length === 0) return remplir([]);
  return avecMoteur(etat, { q: 'scores', paires }, (x) => remplir(x.scores));
}

export function calculPasserelles(code: unknown, n: unknown, cibles: unknown): Differe {
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const source = codeMetier(premier(code), 'code_source', etat);
  if (source instanceof ErreurCellule) return source;
  const k = nombreOptionnel(n, 'n', 5);
  if (k instanceof ErreurCellule) return k;
  if (!(k >= 1)) return valeurIncorrecte((w) => w.auMoinsUn('n'));
  let candidats: string[] | undefined;
  if (!toutVide(matrice(cibles))) {
    candidats = [];
    for (const c of aplatir(matrice(cibles))) {
      if (estVide(c)) continue;
      const x = codeMetier(c, 'cibles', etat);
      if (x instanceof ErreurCellule) return x;
      candidats.push(x);
    }
  }
  return avecMoteur(etat, { q: 'passerelles', source, k: Math.floor(k), ...(candidats ? { candidats } : {}) }, ({ passerelles }) =>
    passerelles.length === 0 ? nonDisponible((w) => w.aucunePasserelle) : passerelles.map((p) => [p.cible, p.cibleLibelle, p.score, p.ecart.length]),
  );
}

export function calculEcart(source: unknown, cible: unknown): Differe {
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const a = codeMetier(premier(source), 'source', etat);
  if (a instanceof ErreurCellule) return a;
  const b = codeMetier(premier(cible), 'cible', etat);
  if (b instanceof ErreurCellule) return b;
  return avecMoteur(etat, { q: 'passerelle', a, b }, ({ passerelle: p }) => {
    if (!p) return valeurIncorrecte((w) => w.memeMetier('source', 'cible'));
    const l = libelles(langue());
    if (p.ecart.length === 0) return [[l.aucuneCompetenceAAcquerir, '', '', '']];
    return p.ecart.map((e) => [e.id, e.libelle, competenceTypeName(e.type, l), e.coeur ? l.coeur : '']);
  });
}

/** ROME.V3.VERS.4: the ROME 4.0 fiches descending from a ROME v3 code (header, then one row each). */
export function calculRomeV3Vers4(code: unknown): Resultat | ErreurCellule {
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const c = texte(premier(code)).toUpperCase();
  if (!c) return valeurIncorrecte((w) => w.codeAttendu('code_v3'));
  const enfants = etat.index.fromRome3(c);
  if (enfants.length === 0) return nonDisponible((w) => w.aucunEnfant(c));
  return [[...MESSAGES_ACTUELS().entetesRome4], ...enfants.map((k) => [k, etat.index.metier(k)!.libelle])];
}

/** ROME.4.VERS.V3: the ROME v3 code each ROME 4.0 fiche descends from. */
export function calculRome4VersV3(code: unknown): Resultat | ErreurCellule {
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const m = matrice(code);
  if (!m) return valeurIncorrecte((w) => w.codeAttendu('code'));
  return m.map((l) =>
    l.map((c) => {
      if (estVide(c)) return '';
      const k = codeMetier(c, 'code', etat);
      if (k instanceof ErreurCellule) return k;
      return etat.index.toRome3(k) ?? nonDisponible((w) => w.pasDeParent(k));
    }),
  );
}

// ───────────── Public nomenclatures (loaded in the pane: FAP 2009, FAP 2021 / BMO, bassins, FAP 2009 → ROME v3)

type SorteNom = 'fap2009' | 'fap2021' | 'bassins' | 'fap2009Rome3';

const nommerNomenclatures = (i: IdentiteNomenclatures) => i.fichiers.map((f) => `${f.nom} (${f.lignes})`).join(', ');

/** The loaded nomenclatures holding `sorte`, or #N/A saying what to load (or which files the workbook records). */
function nomenclature(sorte: SorteNom): Nomenclatures | ErreurCellule {
  const r = nomenclaturesDesFormules();
  if ('manque' in r) return nonDisponible((w) => w.nomenclaturesAbsentes(nommerNomenclatures(r.manque), r.actif ? nommerNomenclatures(r.actif) : undefined));
  if ('aucune' in r || Object.keys(r.n[sorte]).length === 0) return nonDisponible((w) => w.nomenclatureNonChargee(sorte));
  return r.n;
}

/** A label looked up cell by cell in one nomenclature (codes as text: « 01 » stays « 01 »). */
function libellesDe(code: unknown, sorte: 'fap2009' | 'fap2021' | 'bassins'): Resultat | ErreurCellule {
  const m = matrice(code);
  if (!m) return valeurIncorrecte((w) => w.argumentManquant('code'));
  const n = nomenclature(sorte);
  if (n instanceof ErreurCellule) return n;
  const table = n[sorte];
  return m.map((l) =>
    l.map((c) => {
      if (estVide(c)) return '';
      const k = texte(c).toUpperCase();
      return table[k] ?? table[texte(c)] ?? nonDisponible((w) => w.codeNomenclatureInconnu(sorte, texte(c)));
    }),
  );
}

export const calculFap2009Libelle = (code: unknown) => libellesDe(code, 'fap2009');
export const calculFap2021Libelle = (code: unknown) => libellesDe(code, 'fap2021');
export const calculBassinLibelle = (code: unknown) => libellesDe(code, 'bassins');

/**
 * FAP.2009.VERS.ROME: the ROME v3 codes of a FAP 2009 métier (DARES crosswalk), then the ROME 4.0
 * fiches of each in the workbook's referential (code_rome_parent). Header, then one row per fiche.
 */
export function calculFap2009VersRome(code: unknown): Resultat | ErreurCellule {
  const fap = texte(premier(code)).toUpperCase();
  if (!fap) return valeurIncorrecte((w) => w.codeAttendu('code_fap2009'));
  const n = nomenclature('fap2009Rome3');
  if (n instanceof ErreurCellule) return n;
  const etat = referentielOuErreur();
  if (etat instanceof ErreurCellule) return etat;
  const v3 = n.fap2009Rome3[fap];
  if (!v3?.length) return nonDisponible((w) => w.codeNomenclatureInconnu('fap2009Rome3', fap));
  const m = MESSAGES_ACTUELS();
  const lignes: Resultat = [[...m.entetesFapRome]];
  for (const [c3, l3] of v3) {
    const enfants = etat.index.fromRome3(c3);
    if (enfants.length === 0) lignes.push([fap, c3, l3, nonDisponible((w) => w.aucunEnfant(c3)), '']);
    for (const k of enfants) lignes.push([fap, c3, l3, k, etat.index.metier(k)!.libelle]);
  }
  return lignes;
}
