/**
 * The semantic digest of ONE version of a diagnostic, for git's textconv (`gtec diff --textconv`):
 * git compares two digests line by line, so each fact is on its own line, in a stable order, with
 * numbers written the same way every time. One line per métier (families and key indicators), per
 * passerelle, per financer, per fiche and per evaluation indicator.
 */
import { nombre, pourcent, tauxAnnuel } from '../analysis/format-nombres.js';
import type { DiagnosticResult, Mesure } from '../analysis/result.js';
import { ORDRE_FAMILLES } from '../analysis/typology/ordre.js';
import type { Lang, Problem } from '../problems.js';

export interface DigestInput {
  fichier: string;
  result?: DiagnosticResult;
  problems: readonly Problem[];
  /** Where the data files were read from, when not beside the file (said in the header). */
  donnees?: string;
}

export function renderDigest(input: DigestInput, lang: Lang): string {
  const t = (fr: string, en: string) => (lang === 'en' ? en : fr);
  const sep = t(' : ', ': ');
  const r = input.result;
  const l: string[] = [t(`# gtec : résumé sémantique de ${input.fichier}`, `# gtec: semantic digest of ${input.fichier}`)];
  if (input.donnees) l.push(t(`# données lues dans ${input.donnees}`, `# data read from ${input.donnees}`));
  const compte = (s: Problem['severity']) => input.problems.filter((p) => p.severity === s).length;
  l.push(t(`problèmes${sep}${compte('error')} erreur(s), ${compte('warning')} avertissement(s), ${compte('info')} info(s)`, `problems${sep}${compte('error')} error(s), ${compte('warning')} warning(s), ${compte('info')} info(s)`));
  const problemes = [...input.problems]
    .filter((p) => p.severity !== 'info')
    .map((p) => `  ${p.code} ${p.pointer || '/'} ${p.message[lang]}`)
    .sort();
  l.push(...problemes);
  if (!r) {
    l.push(t('(diagnostic non calculé : erreurs bloquantes)', '(diagnostic not computed: blocking errors)'));
    return l.join('\n') + '\n';
  }
  l.push(
    `${t('titre', 'title')}${sep}${r.titre}`,
    `${t('territoire', 'territory')}${sep}${r.territoire.nom} (${r.territoire.type} ${r.territoire.codes.join(', ')})`,
    `${t('période', 'period')}${sep}${r.periode.debut}-${r.periode.fin}`,
    `${t('référentiel', 'referential')}${sep}${r.referentiel.kind} ${r.referentiel.version}`.trimEnd(),
  );

  l.push('', t('## Familles', '## Families'));
  for (const f of ORDRE_FAMILLES) l.push(`${f} (${r.familles[f].length})${sep}${r.familles[f].join(', ')}`);

  l.push('', t('## Métiers (familles et indicateurs clés)', '## Métiers (families and key indicators)'));
  const v = (m: Mesure | undefined, f: (x: number) => string) => (m && m.valeur !== null ? f(m.valeur) + (m.significatif ? '' : '*') : undefined);
  for (const m of r.metiers) {
    const i = m.indicateurs;
    const champs = [
      m.familles.length ? m.familles.join(',') : '-',
      ['effectif', v(i.effectifFin, (x) => nombre(x, lang, 0))],
      ['tcam', v(i.tcam, (x) => tauxAnnuel(x, lang))],
      ['classe', v(i.tension?.classe, (x) => nombre(x, lang, 0))],
      ['score', v(i.tension?.scoreComposite, (x) => nombre(x, lang, 2))],
      ['difficiles', v(i.bmo?.partDifficiles, (x) => pourcent(x, lang, 0))],
      ['55+', v(i.ages?.part55Plus, (x) => pourcent(x, lang, 0))],
    ]
      .filter((c) => typeof c === 'string' || c[1] !== undefined)
      .map((c) => (typeof c === 'string' ? c : `${c[0]} ${c[1]}`));
    l.push(`${i.code} ${i.libelle} | ${champs.join(' | ')}`);
  }

  l.push('', '## Passerelles');
  for (const p of r.passerelles) l.push(`${p.source} → ${p.cible} ${p.cibleLibelle} | score ${nombre(p.score, lang, 2)} | ${t('rang', 'rank')} ${p.rang}`);

  const euros = (x: number) => nombre(x, lang, 0) + ' €';
  l.push('', t('## Plan d’action et budget', '## Action plan and budget'), `${t('budget total', 'total budget')}${sep}${euros(r.plan.budgetTotal)}`);
  for (const f of [...r.plan.budgetParFinanceur].sort((a, b) => (a.financeur < b.financeur ? -1 : 1))) l.push(`${t('financeur', 'financer')} ${f.financeur} (${f.nom})${sep}${euros(f.montant)}`);
  for (const f of r.plan.fiches) l.push(`${t('fiche', 'fiche')} ${f.id} ${f.titre} | ${euros(f.budget)} | ${f.metiers.join(', ')}`);
  if (r.plan.fragilesSansAction.length) l.push(`${t('fragiles sans action', 'fragile without action')}${sep}${r.plan.fragilesSansAction.join(', ')}`);

  l.push('', t('## Évaluation', '## Evaluation'));
  for (const e of r.evaluation) {
    const etat = e.atteint ? t('atteint', 'reached') : e.enRetard ? t('en retard', 'late') : t('en cours', 'in progress');
    l.push(`${e.indicateur.id} ${e.indicateur.libelle} | ${e.avancement === null ? '—' : pourcent(e.avancement, lang, 0)} | ${etat}`);
  }
  return l.join('\n') + '\n';
}
