/**
 * A `DiagnosticDiff` as text a reviewer reads in a minute (French or English), as markdown to paste
 * in a pull request, or as deterministic JSON. Long sections are cut after `max` lines in text and
 * markdown (the JSON keeps everything) and say how many lines were left out.
 */
import { formatNumber, formatPercent, formatRate } from '../locale/format-numbers.js';
import type { FamilleId } from '../format/schema.js';
import type { Lang } from '../problems.js';
import { locales } from '../locale/index.js';
import { FAMILLE_ORDER, familleName } from '../report/labels.js';
import type { AvantApres, DiagnosticDiff, Note } from './model.js';

export type FormatDiff = 'texte' | 'markdown';

export interface RenderOptions {
  lang: Lang;
  format: FormatDiff;
  /** Lines per section in text and markdown (default 30). */
  max?: number;
}

export function nomIndicateur(indicateur: string, lang: Lang): string {
  return (locales[lang].indicators as Record<string, string>)[indicateur] ?? indicateur;
}

/** A value of an indicator, in the unit its name implies. */
export function valeurIndicateur(indicateur: string, v: number | string | boolean | null, lang: Lang): string {
  const w = locales[lang].diff;
  if (v === null) return w.absent;
  if (typeof v === 'boolean') return v ? w.oui : w.non;
  if (typeof v === 'string') return FAMILLES.has(v) ? familleName(v as FamilleId, lang) : v;
  if (indicateur === 'tcam') return formatRate(v, lang);
  if (indicateur.startsWith('part_') || indicateur === 'postes_a_pourvoir_par_emploi' || indicateur === 'avancement') return formatPercent(v, lang);
  if (indicateur === 'classe_tension') return formatNumber(v, lang, 0);
  return formatNumber(v, lang, 2);
}
const symbole = (c: string) => ({ '>=': '≥', '<=': '≤' })[c] ?? c;
const FAMILLES = new Set<string>(FAMILLE_ORDER);

export function renderDiff(diff: DiagnosticDiff, options: RenderOptions): string {
  const { lang, format } = options;
  const max = options.max ?? 30;
  const w = locales[lang].diff;
  const md = format === 'markdown';
  const c = (s: string) => (md ? '`' + s.replace(/`/g, "'") + '`' : s);
  const euros = (x: number | null) => (x === null ? '—' : w.euros(formatNumber(x, lang, 0)));
  const fleche = <T>(v: AvantApres<T>, f: (x: T | null) => string) => `${f(v.avant)} → ${f(v.apres)}`;
  const libelle = (cote: 'ancien' | 'nouveau') => diff[cote].libelle;
  const sep = w.dp;

  const sortie: string[] = [];
  const titre = w.titre(c(diff.fichier), c(diff.ancien.libelle), c(diff.nouveau.libelle));
  sortie.push(md ? `### ${titre}` : titre);
  const section = (nom: string, lignes: string[]) => {
    if (lignes.length === 0) return;
    sortie.push('', md ? `**${nom}**` : nom, '');
    const coupe = lignes.slice(0, max);
    for (const l of coupe) sortie.push(md ? `- ${l}` : `  ${l}`);
    if (lignes.length > max) {
      const l = w.reste(lignes.length - max);
      sortie.push(md ? `- ${l}` : `  ${l}`);
    }
  };
  if (diff.notes.length)
    section(
      w.sections.remarques,
      diff.notes.map((n) => note(n, libelle, lang, c)),
    );
  if (diff.identique) {
    sortie.push('', w.aucunChangement);
    return sortie.join('\n') + '\n';
  }

  section(
    w.sections.cadre,
    diff.cadre.map((x) => `${x.champ}${sep}${fleche(x.valeur, (v) => (v === null || v === '' ? '—' : c(v)))}`),
  );

  // Families: the count per family, then each métier entering or leaving with the indicator that moved.
  const familles: string[] = diff.effectifsFamilles.map((f) => `${familleName(f.famille, lang)}${sep}${w.nombreMetiers(fleche(f.nombre, (v) => String(v ?? 0)))}`);
  for (const m of diff.familles) {
    const f = familleName(m.famille, lang);
    let l = m.sens === 'entree' ? w.entre(c(m.code), m.libelle, f) : w.sort(c(m.code), m.libelle, f);
    if (m.indicateur) {
      const ind = m.indicateur;
      l += `${sep}${nomIndicateur(ind, lang)} ${fleche(m.valeur, (v) => valeurIndicateur(ind, v, lang))}`;
      if (m.seuil !== undefined && m.comparaison) l += w.seuil(symbole(m.comparaison), valeurIndicateur(ind, m.seuil, lang));
    }
    familles.push(l);
  }
  section(w.sections.familles, familles);

  const score = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 2));
  const p = diff.passerelles;
  section(w.sections.passerelles, [
    ...p.nouvelles.map((x) => w.passerelleNouvelle(c(x.source), c(x.cible), x.cibleLibelle, score(x.score.apres))),
    ...p.perdues.map((x) => w.passerellePerdue(c(x.source), c(x.cible), x.cibleLibelle, score(x.score.avant))),
    ...p.modifiees.map((x) => w.passerelleModifiee(c(x.source), c(x.cible), x.cibleLibelle, fleche(x.score, score))),
  ]);

  section(
    w.sections.scores(formatNumber(diff.tolerance, lang, 3)),
    diff.scores.map((s) => `${c(s.code)} ${s.libelle}${sep}${nomIndicateur(s.indicateur, lang)} ${fleche(s.valeur, (v) => valeurIndicateur(s.indicateur, v, lang))}`),
  );

  const pl = diff.plan;
  const planLignes: string[] = [];
  if (pl.budgetTotal.avant !== pl.budgetTotal.apres) {
    const ecart = (pl.budgetTotal.apres ?? 0) - (pl.budgetTotal.avant ?? 0);
    planLignes.push(w.budgetTotal(fleche(pl.budgetTotal, euros), `${ecart > 0 ? '+' : ''}${euros(ecart)}`));
  }
  for (const f of pl.financeurs) planLignes.push(w.financeur(f.nom, fleche(f.montant, euros)));
  for (const f of pl.fiches) {
    const nomFiche = w.nomFiche(c(f.id), f.titre);
    if (f.type === 'ajoutee') planLignes.push(w.ficheAjoutee(nomFiche, euros(f.budget.apres)));
    else if (f.type === 'supprimee') planLignes.push(w.ficheSupprimee(nomFiche, euros(f.budget.avant)));
    else if (f.type === 'financement-perdu') {
      const lignes = f.lignesPerdues?.length ? f.lignesPerdues.map(c).join(', ') : '';
      planLignes.push(w.financementPerdu(nomFiche, lignes, f.lignesPerdues?.length ?? 0, fleche(f.budget, euros)));
    } else if (f.type === 'budget') planLignes.push(w.ficheBudget(nomFiche, fleche(f.budget, euros)));
    else {
      const plus = f.metiersAjoutes?.length ? ` +${f.metiersAjoutes.map(c).join(', +')}` : '';
      const moins = f.metiersRetires?.length ? ` −${f.metiersRetires.map(c).join(', −')}` : '';
      planLignes.push(w.ficheMetiers(nomFiche, `${plus}${moins}`));
    }
  }
  if (pl.sansActionNouveaux.length) planLignes.push(w.sansActionNouveaux(pl.sansActionNouveaux.map(c).join(', ')));
  if (pl.sansActionCouverts.length) planLignes.push(w.sansActionCouverts(pl.sansActionCouverts.map(c).join(', ')));
  section(w.sections.plan, planLignes);

  const av = (v: number | null) => (v === null ? '—' : formatPercent(v, lang, 0));
  section(
    w.sections.evaluation,
    diff.evaluation.map((e) => {
      const nom = `${c(e.id)} ${e.libelle}`;
      if (e.type === 'ajoute') return w.indicateurAjoute(nom, av(e.avancement.apres));
      if (e.type === 'supprime') return w.indicateurSupprime(nom);
      const etat = (x: { atteint: boolean | null; enRetard: boolean | null }) => (x.atteint ? w.etat.atteint : x.enRetard ? w.etat.enRetard : w.etat.enCours);
      const ea = etat({ atteint: e.atteint.avant, enRetard: e.enRetard.avant });
      const en = etat({ atteint: e.atteint.apres, enRetard: e.enRetard.apres });
      return w.avancement(nom, fleche(e.avancement, av)) + (ea !== en ? ` (${ea} → ${en})` : '');
    }),
  );

  const sev = locales[lang].severity.nom;
  section(w.sections.problemes, [...diff.problemes.nouveaux.map((x) => w.problemeNouveau(sev[x.severity], c(x.code), x.message[lang])), ...diff.problemes.corriges.map((x) => w.problemeCorrige(c(x.code), x.message[lang]))]);

  section(
    w.sections.sources,
    diff.sources.map((s) => `${c(s.id)}${sep}${w.typeSource[s.type]} (${s.type === 'chemin' ? fleche(s.chemin, (v) => c(v ?? '—')) : c((s.chemin.apres ?? s.chemin.avant)!)})`),
  );
  return sortie.join('\n') + '\n';
}

function note(n: Note, libelle: (c: 'ancien' | 'nouveau') => string, lang: Lang, c: (s: string) => string): string {
  const w = locales[lang].diff.notes;
  switch (n.type) {
    case 'absent':
      return w.absent(c(n.fichier), c(n.revision), n.cote === 'ancien');
    case 'binaire':
      return w.binaire(c(n.fichier), c(libelle(n.cote)));
    case 'volumineux':
      return w.volumineux(c(n.fichier), c(libelle(n.cote)), formatNumber(n.octets / 1048576, lang, 1), formatNumber(n.limite / 1048576, lang, 0));
    case 'illisible':
      return w.illisible(c(n.fichier), c(libelle(n.cote)), n.raison);
    case 'version-format':
      return w.versionFormat(n.ancienne, n.nouvelle);
    case 'sans-resultat':
      return w.sansResultat(c(n.fichier), c(libelle(n.cote)));
    case 'renomme':
      return w.renomme(c(libelle(n.cote)), c(n.ancien), c(n.nouveau));
    case 'hors-git':
      return w.horsGit(n.fichiers.map(c).join(', '));
  }
}

/** The diff as JSON: keys sorted at every level, 2-space indent, trailing newline. */
export function renderDiffJson(diffs: readonly DiagnosticDiff[]): string {
  return JSON.stringify(trier(diffs), null, 2) + '\n';
}

function trier(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(trier);
  if (v === null || typeof v !== 'object') return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) o[k] = trier(x);
  }
  return o;
}
