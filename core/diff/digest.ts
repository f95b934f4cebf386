/**
 * The semantic digest of ONE version of a diagnostic, for git's textconv (`gtec diff --textconv`):
 * git compares two digests line by line, so each fact is on its own line, in a stable order, with
 * numbers written the same way every time. One line per métier (families and key indicators), per
 * passerelle, per financer, per fiche and per evaluation indicator.
 */
import { formatNumber, formatPercent, formatRate } from '../locale/format-numbers.js';
import type { DiagnosticResult, Mesure } from '../analysis/result.js';
import { FAMILLE_ORDER } from '../analysis/typology/order.js';
import { locales } from '../locale/index.js';
import { pushAll, type Lang, type Problem } from '../problems.js';

export interface DigestInput {
  fichier: string;
  result?: DiagnosticResult;
  problems: readonly Problem[];
  /** Where the data files were read from, when not beside the file (said in the header). */
  donnees?: string;
}

export function renderDigest(input: DigestInput, lang: Lang): string {
  const w = locales[lang].diff;
  const d = w.digest;
  const sep = w.dp;
  const r = input.result;
  const l: string[] = [d.titre(input.fichier)];
  if (input.donnees) l.push(d.donnees(input.donnees));
  const compte = (s: Problem['severity']) => input.problems.filter((p) => p.severity === s).length;
  l.push(d.problemes(compte('error'), compte('warning'), compte('info')));
  const problemes = [...input.problems]
    .filter((p) => p.severity !== 'info')
    .map((p) => `  ${p.code} ${p.pointer || '/'} ${p.message[lang]}`)
    .sort();
  pushAll(l, problemes);
  if (!r) {
    l.push(d.nonCalcule);
    return l.join('\n') + '\n';
  }
  l.push(
    `${d.champs.titre}${sep}${r.titre}`,
    `${d.champs.territoire}${sep}${r.territoire.nom} (${r.territoire.type} ${r.territoire.codes.join(', ')})`,
    `${d.champs.periode}${sep}${r.periode.debut}-${r.periode.fin}`,
    `${d.champs.referentiel}${sep}${r.referentiel.kind} ${r.referentiel.version}`.trimEnd(),
  );

  l.push('', d.titres.familles);
  for (const f of FAMILLE_ORDER) l.push(`${f} (${r.familles[f].length})${sep}${r.familles[f].join(', ')}`);

  l.push('', d.titres.metiers);
  const v = (m: Mesure | undefined, f: (x: number) => string) => (m && m.valeur !== null ? f(m.valeur) + (m.significatif ? '' : '*') : undefined);
  for (const m of r.metiers) {
    const i = m.indicateurs;
    const champs = [
      m.familles.length ? m.familles.join(',') : '-',
      [d.metier.effectif, v(i.effectifFin, (x) => formatNumber(x, lang, 0))],
      [d.metier.tcam, v(i.tcam, (x) => formatRate(x, lang))],
      [d.metier.classe, v(i.tension?.classe, (x) => formatNumber(x, lang, 0))],
      [d.metier.score, v(i.tension?.scoreComposite, (x) => formatNumber(x, lang, 2))],
      [d.metier.difficiles, v(i.bmo?.partDifficiles, (x) => formatPercent(x, lang, 0))],
      [d.metier.plus55, v(i.ages?.part55Plus, (x) => formatPercent(x, lang, 0))],
    ]
      .filter((c) => typeof c === 'string' || c[1] !== undefined)
      .map((c) => (typeof c === 'string' ? c : `${c[0]} ${c[1]}`));
    l.push(`${i.code} ${i.libelle} | ${champs.join(' | ')}`);
  }

  l.push('', d.titres.passerelles);
  for (const p of r.passerelles) l.push(`${p.source} → ${p.cible} ${p.cibleLibelle} | score ${formatNumber(p.score, lang, 2)} | ${d.champs.rang} ${p.rang}`);

  const euros = (x: number) => formatNumber(x, lang, 0) + ' €';
  l.push('', d.titres.plan, `${d.champs.budgetTotal}${sep}${euros(r.plan.budgetTotal)}`);
  for (const f of [...r.plan.budgetParFinanceur].sort((a, b) => (a.financeur < b.financeur ? -1 : 1))) l.push(`${d.champs.financeur} ${f.financeur} (${f.nom})${sep}${euros(f.montant)}`);
  for (const f of r.plan.fiches) l.push(`${d.champs.fiche} ${f.id} ${f.titre} | ${euros(f.budget)} | ${f.metiers.join(', ')}`);
  if (r.plan.fragilesSansAction.length) l.push(`${d.champs.fragilesSansAction}${sep}${r.plan.fragilesSansAction.join(', ')}`);

  l.push('', d.titres.evaluation);
  for (const e of r.evaluation) {
    const etat = e.atteint ? w.etat.atteint : e.enRetard ? w.etat.enRetard : w.etat.enCours;
    l.push(`${e.indicateur.id} ${e.indicateur.libelle} | ${e.avancement === null ? '—' : formatPercent(e.avancement, lang, 0)} | ${etat}`);
  }
  return l.join('\n') + '\n';
}
