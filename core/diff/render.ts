/**
 * A `DiagnosticDiff` as text a reviewer reads in a minute (French or English), as markdown to paste
 * in a pull request, or as deterministic JSON. Long sections are cut after `max` lines in text and
 * markdown (the JSON keeps everything) and say how many lines were left out.
 */
import { nombre, pourcent, tauxAnnuel } from '../analysis/format-nombres.js';
import type { FamilleId } from '../format/schema.js';
import type { Lang } from '../problems.js';
import { nomFamille } from '../report/labels.js';
import type { AvantApres, DiagnosticDiff, Note } from './model.js';

export type FormatDiff = 'texte' | 'markdown';

export interface RenderOptions {
  lang: Lang;
  format: FormatDiff;
  /** Lines per section in text and markdown (default 30). */
  max?: number;
}

const NOMS_INDICATEURS: Record<string, { fr: string; en: string }> = {
  tcam: { fr: 'TCAM', en: 'CAGR' },
  classe_tension: { fr: 'classe de tension', en: 'tension class' },
  part_difficiles: { fr: 'part de projets difficiles', en: 'share of difficult recruitments' },
  score_tension: { fr: 'score de tension', en: 'tension score' },
  indice_specificite: { fr: 'indice de spécificité', en: 'specificity index' },
  part_55_plus: { fr: 'part des 55 ans et plus', en: 'share aged 55+' },
  postes_a_pourvoir_par_emploi: { fr: 'postes à pourvoir par emploi', en: 'openings per job' },
  indice_renouvellement: { fr: 'indice de renouvellement', en: 'renewal index' },
  declaration: { fr: 'déclaration d’expert', en: 'expert declaration' },
  famille: { fr: 'famille', en: 'family' },
};

export function nomIndicateur(indicateur: string, lang: Lang): string {
  return NOMS_INDICATEURS[indicateur]?.[lang] ?? indicateur;
}

/** A value of an indicator, in the unit its name implies. */
export function valeurIndicateur(indicateur: string, v: number | string | boolean | null, lang: Lang): string {
  if (v === null) return lang === 'fr' ? 'absent' : 'none';
  if (typeof v === 'boolean') return v ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  if (typeof v === 'string') return FAMILLES.has(v) ? nomFamille(v as FamilleId, lang) : v;
  if (indicateur === 'tcam') return tauxAnnuel(v, lang);
  if (indicateur.startsWith('part_') || indicateur === 'postes_a_pourvoir_par_emploi' || indicateur === 'avancement') return pourcent(v, lang);
  if (indicateur === 'classe_tension') return nombre(v, lang, 0);
  return nombre(v, lang, 2);
}
const symbole = (c: string) => ({ '>=': '≥', '<=': '≤' })[c] ?? c;
const FAMILLES = new Set(['en-crise', 'en-croissance', 'en-tension', 'en-mutation', 'strategique', 'fragile', 'porteur']);

export function renderDiff(diff: DiagnosticDiff, options: RenderOptions): string {
  const { lang, format } = options;
  const max = options.max ?? 30;
  const t = (fr: string, en: string) => (lang === 'en' ? en : fr);
  const md = format === 'markdown';
  const c = (s: string) => (md ? '`' + s.replace(/`/g, "'") + '`' : s);
  const euros = (x: number | null) => (x === null ? '—' : nombre(x, lang, 0) + (lang === 'fr' ? '\u202f€' : ' €'));
  const fleche = <T>(v: AvantApres<T>, f: (x: T | null) => string) => `${f(v.avant)} → ${f(v.apres)}`;
  const libelle = (cote: 'ancien' | 'nouveau') => diff[cote].libelle;
  const sep = t(' : ', ': ');

  const sortie: string[] = [];
  const titre = t(`Diagnostic ${c(diff.fichier)} : ${c(diff.ancien.libelle)} → ${c(diff.nouveau.libelle)}`, `Diagnostic ${c(diff.fichier)}: ${c(diff.ancien.libelle)} → ${c(diff.nouveau.libelle)}`);
  sortie.push(md ? `### ${titre}` : titre);
  const section = (nom: string, lignes: string[]) => {
    if (lignes.length === 0) return;
    sortie.push('', md ? `**${nom}**` : nom, '');
    const coupe = lignes.slice(0, max);
    for (const l of coupe) sortie.push(md ? `- ${l}` : `  ${l}`);
    if (lignes.length > max) {
      const reste = lignes.length - max;
      const l = t(`… et ${reste} autre${reste > 1 ? 's' : ''} (toutes dans --format json)`, `… and ${reste} more (all in --format json)`);
      sortie.push(md ? `- ${l}` : `  ${l}`);
    }
  };
  if (diff.notes.length) section(t('Remarques', 'Notes'), diff.notes.map((n) => note(n, libelle, lang, c)));
  if (diff.identique) {
    sortie.push('', t('Aucun changement de diagnostic.', 'No change of diagnosis.'));
    return sortie.join('\n') + '\n';
  }

  section(
    t('Cadre du diagnostic', 'Frame of the diagnostic'),
    diff.cadre.map((x) => `${x.champ}${sep}${fleche(x.valeur, (v) => (v === null || v === '' ? '—' : c(v)))}`),
  );

  // Families: the count per family, then each métier entering or leaving with the indicator that moved.
  const familles: string[] = diff.effectifsFamilles.map(
    (f) => `${nomFamille(f.famille, lang)}${sep}${fleche(f.nombre, (v) => String(v ?? 0))} métiers`,
  );
  for (const m of diff.familles) {
    const f = `« ${nomFamille(m.famille, lang)} »`;
    const fEn = `"${nomFamille(m.famille, lang)}"`;
    let l = m.sens === 'entree' ? t(`+ ${c(m.code)} ${m.libelle} entre en ${f}`, `+ ${c(m.code)} ${m.libelle} enters ${fEn}`) : t(`− ${c(m.code)} ${m.libelle} sort de ${f}`, `− ${c(m.code)} ${m.libelle} leaves ${fEn}`);
    if (m.indicateur) {
      const ind = m.indicateur;
      l += `${sep}${nomIndicateur(ind, lang)} ${fleche(m.valeur, (v) => valeurIndicateur(ind, v, lang))}`;
      if (m.seuil !== undefined && m.comparaison) l += t(` (seuil ${symbole(m.comparaison)} ${valeurIndicateur(ind, m.seuil, lang)})`, ` (threshold ${symbole(m.comparaison)} ${valeurIndicateur(ind, m.seuil, lang)})`);
    }
    familles.push(l);
  }
  section(t('Familles de métiers', 'Families of métiers'), familles);

  const score = (v: number | null) => (v === null ? '—' : nombre(v, lang, 2));
  const p = diff.passerelles;
  section(t('Passerelles', 'Passerelles'), [
    ...p.nouvelles.map((x) => t(`+ nouvelle : ${c(x.source)} → ${c(x.cible)} ${x.cibleLibelle} (score ${score(x.score.apres)})`, `+ new: ${c(x.source)} → ${c(x.cible)} ${x.cibleLibelle} (score ${score(x.score.apres)})`)),
    ...p.perdues.map((x) => t(`− perdue : ${c(x.source)} → ${c(x.cible)} ${x.cibleLibelle} (score ${score(x.score.avant)})`, `− lost: ${c(x.source)} → ${c(x.cible)} ${x.cibleLibelle} (score ${score(x.score.avant)})`)),
    ...p.modifiees.map((x) => t(`~ ${c(x.source)} → ${c(x.cible)} ${x.cibleLibelle} : score ${fleche(x.score, score)}`, `~ ${c(x.source)} → ${c(x.cible)} ${x.cibleLibelle}: score ${fleche(x.score, score)}`)),
  ]);

  section(
    t(`Scores modifiés (écart > ${nombre(diff.tolerance, lang, 3)})`, `Scores changed (difference > ${nombre(diff.tolerance, lang, 3)})`),
    diff.scores.map((s) => `${c(s.code)} ${s.libelle}${t(' : ', ': ')}${nomIndicateur(s.indicateur, lang)} ${fleche(s.valeur, (v) => valeurIndicateur(s.indicateur, v, lang))}`),
  );

  const pl = diff.plan;
  const planLignes: string[] = [];
  if (pl.budgetTotal.avant !== pl.budgetTotal.apres) {
    const ecart = (pl.budgetTotal.apres ?? 0) - (pl.budgetTotal.avant ?? 0);
    planLignes.push(t(`Budget total : ${fleche(pl.budgetTotal, euros)} (${ecart > 0 ? '+' : ''}${euros(ecart)})`, `Total budget: ${fleche(pl.budgetTotal, euros)} (${ecart > 0 ? '+' : ''}${euros(ecart)})`));
  }
  for (const f of pl.financeurs) planLignes.push(t(`Financeur ${f.nom} : ${fleche(f.montant, euros)}`, `Financer ${f.nom}: ${fleche(f.montant, euros)}`));
  for (const f of pl.fiches) {
    const nomFiche = `${c(f.id)} « ${f.titre} »`;
    const nomFicheEn = `${c(f.id)} "${f.titre}"`;
    if (f.type === 'ajoutee') planLignes.push(t(`+ fiche ajoutée ${nomFiche} (budget ${euros(f.budget.apres)})`, `+ fiche added ${nomFicheEn} (budget ${euros(f.budget.apres)})`));
    else if (f.type === 'supprimee') planLignes.push(t(`− fiche supprimée ${nomFiche} (budget ${euros(f.budget.avant)})`, `− fiche removed ${nomFicheEn} (budget ${euros(f.budget.avant)})`));
    else if (f.type === 'financement-perdu') {
      const lignes = f.lignesPerdues?.length ? f.lignesPerdues.map(c).join(', ') : '';
      planLignes.push(
        t(
          `! la fiche ${nomFiche} a perdu du financement${lignes ? ` (ligne${f.lignesPerdues!.length > 1 ? 's' : ''} ${lignes})` : ''} : budget ${fleche(f.budget, euros)}`,
          `! fiche ${nomFicheEn} lost funding${lignes ? ` (line${f.lignesPerdues!.length > 1 ? 's' : ''} ${lignes})` : ''}: budget ${fleche(f.budget, euros)}`,
        ),
      );
    } else if (f.type === 'budget') planLignes.push(t(`~ fiche ${nomFiche} : budget ${fleche(f.budget, euros)}`, `~ fiche ${nomFicheEn}: budget ${fleche(f.budget, euros)}`));
    else {
      const plus = f.metiersAjoutes?.length ? ` +${f.metiersAjoutes.map(c).join(', +')}` : '';
      const moins = f.metiersRetires?.length ? ` −${f.metiersRetires.map(c).join(', −')}` : '';
      planLignes.push(t(`~ fiche ${nomFiche} : métiers${plus}${moins}`, `~ fiche ${nomFicheEn}: métiers${plus}${moins}`));
    }
  }
  if (pl.sansActionNouveaux.length) planLignes.push(t(`! métiers fragiles désormais sans fiche action : ${pl.sansActionNouveaux.map(c).join(', ')}`, `! fragile métiers now without a fiche action: ${pl.sansActionNouveaux.map(c).join(', ')}`));
  if (pl.sansActionCouverts.length) planLignes.push(t(`✓ métiers fragiles désormais couverts (ou plus fragiles) : ${pl.sansActionCouverts.map(c).join(', ')}`, `✓ fragile métiers now covered (or no longer fragile): ${pl.sansActionCouverts.map(c).join(', ')}`));
  section(t('Plan d’action et budget', 'Action plan and budget'), planLignes);

  const av = (v: number | null) => (v === null ? '—' : pourcent(v, lang, 0));
  section(
    t('Évaluation', 'Evaluation'),
    diff.evaluation.map((e) => {
      const nom = `${c(e.id)} ${e.libelle}`;
      if (e.type === 'ajoute') return t(`+ indicateur ajouté ${nom} (avancement ${av(e.avancement.apres)})`, `+ indicator added ${nom} (progress ${av(e.avancement.apres)})`);
      if (e.type === 'supprime') return t(`− indicateur supprimé ${nom}`, `− indicator removed ${nom}`);
      const etat = (x: { atteint: boolean | null; enRetard: boolean | null }) =>
        x.atteint ? t('atteint', 'reached') : x.enRetard ? t('en retard', 'late') : t('en cours', 'in progress');
      const ea = etat({ atteint: e.atteint.avant, enRetard: e.enRetard.avant });
      const en = etat({ atteint: e.atteint.apres, enRetard: e.enRetard.apres });
      return t(`~ ${nom} : avancement ${fleche(e.avancement, av)}`, `~ ${nom}: progress ${fleche(e.avancement, av)}`) + (ea !== en ? ` (${ea} → ${en})` : '');
    }),
  );

  const sev = (s: string) => (s === 'error' ? t('erreur', 'error') : s === 'warning' ? t('avertissement', 'warning') : 'info');
  section(t('Problèmes de validation', 'Validation problems'), [
    ...diff.problemes.nouveaux.map((x) => t(`+ nouveau ${sev(x.severity)} ${c(x.code)} ${x.message.fr}`, `+ new ${sev(x.severity)} ${c(x.code)} ${x.message.en}`)),
    ...diff.problemes.corriges.map((x) => t(`✓ corrigé ${c(x.code)} ${x.message.fr}`, `✓ fixed ${c(x.code)} ${x.message.en}`)),
  ]);

  const typeSource = { ajoutee: t('ajoutée', 'added'), supprimee: t('supprimée', 'removed'), chemin: t('chemin changé', 'path changed'), contenu: t('fichier de données modifié', 'data file changed') };
  section(
    t('Sources de données', 'Data sources'),
    diff.sources.map((s) => `${c(s.id)}${t(' : ', ': ')}${typeSource[s.type]} (${s.type === 'chemin' ? fleche(s.chemin, (v) => c(v ?? '—')) : c((s.chemin.apres ?? s.chemin.avant)!)})`),
  );
  return sortie.join('\n') + '\n';
}

function note(n: Note, libelle: (c: 'ancien' | 'nouveau') => string, lang: Lang, c: (s: string) => string): string {
  const t = (fr: string, en: string) => (lang === 'en' ? en : fr);
  switch (n.type) {
    case 'absent':
      return t(
        `${c(n.fichier)} est absent de ${c(n.revision)} : le diagnostic y est ${n.cote === 'ancien' ? 'ajouté' : 'supprimé'}.`,
        `${c(n.fichier)} is absent from ${c(n.revision)}: the diagnostic is ${n.cote === 'ancien' ? 'added' : 'removed'} there.`,
      );
    case 'binaire':
      return t(
        `${c(n.fichier)} (${c(libelle(n.cote))}) est un fichier binaire, pas un diagnostic YAML ou JSON : cette version n’est pas analysée.`,
        `${c(n.fichier)} (${c(libelle(n.cote))}) is a binary file, not a YAML or JSON diagnostic: this version is not analysed.`,
      );
    case 'volumineux':
      return t(
        `${c(n.fichier)} (${c(libelle(n.cote))}) fait ${nombre(n.octets / 1048576, lang, 1)} Mio, au-delà de la limite de ${nombre(n.limite / 1048576, lang, 0)} Mio : non lu.`,
        `${c(n.fichier)} (${c(libelle(n.cote))}) is ${nombre(n.octets / 1048576, lang, 1)} MiB, above the ${nombre(n.limite / 1048576, lang, 0)} MiB limit: not read.`,
      );
    case 'illisible':
      return t(`${c(n.fichier)} (${c(libelle(n.cote))}) : lecture impossible (${n.raison}).`, `${c(n.fichier)} (${c(libelle(n.cote))}): cannot read (${n.raison}).`);
    case 'version-format':
      return t(
        `Version du format changée : gtec: ${n.ancienne} → gtec: ${n.nouvelle}. Cette version de gtec lit le format 1 ; la version dans un autre format n’est comparée que par ses problèmes.`,
        `Format version changed: gtec: ${n.ancienne} → gtec: ${n.nouvelle}. This version of gtec reads format 1; the version in another format is compared by its problems only.`,
      );
    case 'sans-resultat':
      return t(
        `${c(n.fichier)} (${c(libelle(n.cote))}) a des erreurs bloquantes : le diagnostic n’a pas pu y être calculé, seuls ses problèmes sont comparés.`,
        `${c(n.fichier)} (${c(libelle(n.cote))}) has blocking errors: the diagnostic could not be computed there, only its problems are compared.`,
      );
    case 'renomme':
      return t(
        `Fichier de données renommé dans ${c(libelle(n.cote))} : ${c(n.ancien)} → ${c(n.nouveau)}. Le diagnostic doit citer le nouveau nom.`,
        `Data file renamed in ${c(libelle(n.cote))}: ${c(n.ancien)} → ${c(n.nouveau)}. The diagnostic must name the new path.`,
      );
    case 'hors-git':
      return t(
        `Fichiers non versionnés, lus dans la copie de travail (les mêmes pour les deux versions) : ${n.fichiers.map(c).join(', ')}.`,
        `Files not in git, read from the working tree (the same for both versions): ${n.fichiers.map(c).join(', ')}.`,
      );
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
