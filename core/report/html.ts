/**
 * The diagnostic report as ONE self-contained HTML file: inline CSS, inline SVG charts, no script,
 * no external resource, and a Content-Security-Policy that forbids loading anything. Every label
 * from the result is escaped (see `html-template.ts`). French by default, English on request.
 */
import type { DiagnosticResult, IndicateursMetier, Mesure, MetierDiagnostique, Passerelle, TotauxBmo } from '../analysis/result.js';
import type { FamilleId } from '../format/schema.js';
import type { Lang, Problem } from '../problems.js';
import { type ChartCache, graphiques, type Graphique } from './charts.js';
import { COLONNES_TABLEAU, type ColonneMesure, type Genre } from './columns.js';
import { brut, h, type Html } from './html-template.js';
import { STYLE } from './html-style.js';
import { FAMILLE_ORDER, definitionFamille, libelles, familleName, nombreFamille, texteCellules, nomGravite, competenceTypeName, type Libelles } from './labels.js';
import { lieuProbleme, type Localiser } from './problem-place.js';
import { sourcesCitees } from './sources.js';
import { mesureState, texteMontant, texteValeur } from './values.js';

export interface OptionsHtml {
  lang: Lang;
  /** Turns a problem's source offsets into `fichier:ligne:colonne` (only the host knows the text). */
  locate?: Localiser;
  /**
   * Click-to-source (the editor's preview): the diagnostic document as parsed (plain value) whose
   * métiers, fiches, indicators, actors and problems get a `data-pointeur` attribute, the JSON
   * pointer of their place in it. Absent by default: the standalone report is unchanged.
   */
  liens?: { source: unknown };
  /** Charts drawn by earlier renders, by specification (the editor's preview): see ChartCache. */
  graphiques?: ChartCache;
}

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

interface Contexte {
  r: DiagnosticResult;
  lang: Lang;
  l: Libelles;
  libelleDe: (code: string) => string | undefined;
  graphe: (id: string) => Graphique | undefined;
  locate?: Localiser;
  /** `data-pointeur="…"` for an element, or nothing (no links asked, or no place in the source). */
  ptr: Pointeurs;
}

type Pointeurs = {
  metier: (code: string) => Html;
  fiche: (id: string) => Html;
  indicateur: (id: string) => Html;
  acteur: (id: string) => Html;
  probleme: (p: Problem) => Html;
};

const SANS_POINTEUR: Pointeurs = { metier: () => h``, fiche: () => h``, indicateur: () => h``, acteur: () => h``, probleme: () => h`` };

/** Index of each id in the document's lists, read defensively (the value is only parsed YAML). */
function pointeurs(source: unknown): Pointeurs {
  const o = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const liste = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const doc = o(source);
  const index = (items: unknown[], cle: string, base: string) => {
    const m = new Map<string, string>();
    items.forEach((x, i) => {
      const id = o(x)[cle];
      if (typeof id === 'string' && !m.has(id)) m.set(id, `${base}/${i}`);
    });
    return m;
  };
  const fiches = liste(doc.plan_action);
  const metiers = index(liste(doc.metiers), 'code', '/metiers');
  // A métier not declared points to the first fiche that cites it.
  fiches.forEach((f, i) =>
    liste(o(f).metiers).forEach((code, j) => {
      if (typeof code === 'string' && !metiers.has(code)) metiers.set(code, `/plan_action/${i}/metiers/${j}`);
    }),
  );
  const attr = (m: Map<string, string>) => (id: string) => {
    const p = m.get(id);
    return p === undefined ? h`` : h` data-pointeur="${p}"`;
  };
  return {
    metier: attr(metiers),
    fiche: attr(index(fiches, 'id', '/plan_action')),
    indicateur: attr(index(liste(o(doc.evaluation).indicateurs), 'id', '/evaluation/indicateurs')),
    acteur: attr(index(liste(doc.acteurs), 'id', '/acteurs')),
    // The whole document ('') is no place to go to.
    probleme: (p) => (p.pointer ? h` data-pointeur="${p.pointer}"` : h``),
  };
}

export async function renderHtml(result: DiagnosticResult, options: OptionsHtml): Promise<string> {
  const { lang } = options;
  const l = libelles(lang);
  const libellesParCode = new Map(result.metiers.map((m) => [m.indicateurs.code, m.indicateurs.libelle]));
  const rendus = await graphiques(result, lang, options.graphiques);
  const c: Contexte = {
    r: result,
    lang,
    l,
    libelleDe: (code) => libellesParCode.get(code),
    graphe: (id) => rendus.find((g) => g.id === id),
    ...(options.locate ? { locate: options.locate } : {}),
    ptr: options.liens ? pointeurs(options.liens.source) : SANS_POINTEUR,
  };
  const sections: Array<{ id: string; titre: string; corps: Html }> = [
    { id: 'synthese', titre: l.synthese, corps: synthese(c) },
    { id: 'familles', titre: l.metiersParFamille, corps: parFamille(c) },
    { id: 'metiers', titre: l.detailMetiers, corps: detailMetiers(c) },
    { id: 'graphiques', titre: l.graphiques, corps: h`${['pyramides', 'tcam', 'bmo'].map((id) => figure(c, id))}` },
    { id: 'passerelles', titre: l.passerelles, corps: passerelles(c) },
    { id: 'plan', titre: l.planAction, corps: plan(c) },
    { id: 'financements', titre: l.financements, corps: financements(c) },
    { id: 'evaluation', titre: l.evaluation, corps: evaluation(c) },
    { id: 'problemes', titre: l.problemes, corps: problemes(c) },
    { id: 'sources', titre: l.sourcesMethode, corps: sources(c) },
  ];
  const page = h`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${result.titre} — ${l.rapport}</title>
<style>${brut(STYLE)}</style>
</head>
<body>
<header>
<p class="surtitre">${l.rapport}</p>
<h1>${result.titre}</h1>
${faits(c)}
</header>
<nav aria-label="${l.sommaire}"><ol>${sections.map((s) => h`<li><a href="#${s.id}">${s.titre}</a></li>`)}</ol></nav>
<main>
${sections.map((s) => h`<section id="${s.id}" aria-labelledby="h-${s.id}">\n<h2 id="h-${s.id}">${s.titre}</h2>\n${s.corps}\n</section>\n`)}
</main>
<footer><p>${l.genere}</p></footer>
</body>
</html>
`;
  return page.texte;
}

// ───────────────────────────── Pieces ─────────────────────────────

function faits(c: Contexte): Html {
  const { r, l } = c;
  const t = r.territoire;
  const ref = t.reference;
  return h`<dl class="faits">
<dt>${l.territoire}</dt><dd>${t.nom} (${t.type}${t.codes.length ? h`, ${l.codes} ${t.codes.join(', ')}` : ''})</dd>
${ref ? h`<dt>${l.reference}</dt><dd>${ref.nom} (${ref.type}${ref.codes.length ? h`, ${l.codes} ${ref.codes.join(', ')}` : ''})</dd>` : ''}
<dt>${l.periode}</dt><dd>${r.periode.debut} – ${r.periode.fin}</dd>
<dt>${l.referentiel}</dt><dd>${r.referentiel.label} (${r.referentiel.kind}, version ${r.referentiel.version}, ${r.referentiel.metiers} ${l.metiers.toLowerCase()})</dd>
<dt>${l.nomenclature}</dt><dd>${r.nomenclature}</dd>
</dl>`;
}

/** A measure as a table cell: value, « masqué », « — », with the « ns » mark when not significant. */
function cellule(m: Mesure | undefined, genre: Genre, c: Contexte): Html {
  const etat = mesureState(m);
  if (etat === 'absent') return h`<td class="n">${c.l.absent}</td>`;
  if (etat === 'masque') return h`<td class="n"><span class="masque" title="${c.l.masqueTitre}">${c.l.masque}</span></td>`;
  const ns = etat === 'non-significatif' ? h`<abbr class="ns" title="${c.l.nonSignificatifTitre}">${c.l.nonSignificatif}</abbr>` : '';
  const nat = m!.nationale ? h`<abbr class="nat" title="${c.l.nationaleTitre}">${c.l.nationale}</abbr>` : '';
  return h`<td class="n">${valeurAffichee(m!, genre, c)}${nat}${ns}</td>`;
}

/** The value, « ≥ … » when it is a lower bound (some cells withheld). */
function valeurAffichee(m: Mesure, genre: Genre, c: Contexte): Html {
  const v = texteValeur(m.valeur!, genre, c.lang);
  return m.borneInferieure ? h`<span class="borne" title="${c.l.auMoinsTitre}">${c.l.auMoins(v)}</span>` : h`${v}`;
}

/** Where the total employment comes from, and the reference's (`result.emploi`). */
function baseEmploi(c: Contexte): Html {
  const { r, l, lang } = c;
  const e = r.emploi;
  if (!e) return h``;
  const ref = e.reference?.valeur != null && r.territoire.reference ? { nom: r.territoire.reference.nom, total: texteValeur(e.reference.valeur, 'entier', lang) } : undefined;
  return h`<p class="base-emploi">${l.baseEmploi({ source: e.source, ...(e.producteur ? { producteur: e.producteur } : {}), ...(e.annee !== undefined ? { annee: e.annee } : {}), codes: texteValeur(e.codes, 'entier', lang), nomenclature: e.nomenclature, ...(ref ? { reference: ref } : {}) })}</p>`;
}

/** The BMO totals of the territory beside its reference's, with the basis of the figures. */
function totauxBmo(c: Contexte): Html {
  const { r, l, lang } = c;
  const b = r.bmo;
  if (!b) return h``;
  const lignes: Array<{ nom: string; t: TotauxBmo }> = [{ nom: r.territoire.nom, t: b.territoire }];
  if (b.reference && r.territoire.reference) lignes.push({ nom: r.territoire.reference.nom, t: b.reference });
  const masques = (t: TotauxBmo) => [t.projets, t.difficiles, t.saisonniers].map((m) => texteValeur(m.masques ?? 0, 'entier', lang)).join(' / ');
  const total = (t: TotauxBmo) => (t.projets.masques ?? 0) + (t.difficiles.masques ?? 0) + (t.saisonniers.masques ?? 0);
  const n = total(b.territoire);
  return h`<div class="defile"><table id="totaux-bmo">
<caption>${b.annee !== undefined ? l.totauxBmoAnnee(b.annee) : l.totauxBmo}</caption>
<thead><tr><th scope="col">${l.perimetre}</th><th scope="col" class="n">${l.bmoProjets}</th><th scope="col" class="n">${l.bmoDifficiles}</th><th scope="col" class="n">${l.bmoSaisonniers}</th><th scope="col" class="n">${l.partDifficiles}</th><th scope="col" class="n">${l.partSaisonniers}</th><th scope="col" class="n">${l.cellulesMasquees}</th><th scope="col" class="n">${l.lignesSommees}</th></tr></thead>
<tbody>${lignes.map(
    ({ nom, t }) =>
      h`<tr><th scope="row">${nom}</th>${cellule(t.projets, 'entier', c)}${cellule(t.difficiles, 'entier', c)}${cellule(t.saisonniers, 'entier', c)}${cellule(t.partDifficiles, 'pourcent', c)}${cellule(t.partSaisonniers, 'pourcent', c)}<td class="n">${masques(t)}</td><td class="n">${texteValeur(t.lignes, 'entier', lang)}</td></tr>`,
  )}</tbody>
</table></div>
<p class="base-bmo">${l.baseBmo(n, texteValeur(n, 'entier', lang))}</p>`;
}

function badges(familles: readonly FamilleId[], c: Contexte): Html {
  return h`${FAMILLE_ORDER.filter((f) => familles.includes(f)).map((f) => h`<span class="badge f-${f}">${familleName(f, c.lang)}</span> `)}`;
}

function figure(c: Contexte, id: string): Html {
  const g = c.graphe(id);
  if (!g) return h``;
  return h`<figure id="figure-${id}"><figcaption id="titre-${id}">${g.titre}</figcaption>${brut(g.svg)}</figure>\n`;
}

function metierNomme(code: string, c: Contexte): Html {
  const libelle = c.libelleDe(code);
  return libelle ? h`<code>${code}</code> ${libelle}` : h`<code>${code}</code>`;
}

function synthese(c: Contexte): Html {
  const { r, l, lang } = c;
  const effectifs = r.metiers.map((m) => m.indicateurs.effectifFin?.valeur).filter((v): v is number => typeof v === 'number');
  const e = r.emploi;
  const effectifTotal =
    e?.territoire.valeur != null
      ? texteValeur(e.territoire.valeur, 'entier', lang)
      : effectifs.length
        ? texteValeur(
            effectifs.reduce((s, v) => s + v, 0),
            'entier',
            lang,
          )
        : l.absent;
  const erreurs = r.problemes.filter((p) => p.severity === 'error').length;
  const avertissements = r.problemes.filter((p) => p.severity === 'warning').length;
  const cellules = (f: FamilleId) => {
    const t = texteCellules(r, f, lang);
    return t ? h` <small>(${t})</small>` : '';
  };
  const points: Html[] = [];
  if (r.plan.fragilesSansAction.length) {
    points.push(h`<li><a href="#plan">${l.fragilesSansActionMsg(r.plan.fragilesSansAction.length)}</a>${l.dp}${r.plan.fragilesSansAction.map((code, i) => h`${i ? ', ' : ''}${metierNomme(code, c)}`)}</li>`);
  }
  for (const a of r.evaluation.filter((e) => e.enRetard)) {
    points.push(h`<li><a href="#evaluation">${a.indicateur.libelle}</a>${l.dp}<span class="etat-retard">${l.enRetard}</span></li>`);
  }
  if (erreurs || avertissements) points.push(h`<li><a href="#problemes">${l.problemesNombre(erreurs, avertissements)}</a></li>`);
  for (const p of r.problemes.filter((p) => p.severity === 'error').slice(0, 5)) {
    points.push(h`<li class="grave-error">${p.code}${l.dp}${p.message[lang]}</li>`);
  }
  return h`<ul class="chiffres">
<li><strong>${r.metiers.length}</strong>${l.metiersAnalyses}</li>
<li><strong>${effectifTotal}</strong>${l.effectif} ${r.periode.fin}</li>
<li><strong>${nombreFamille(r, 'fragile')}</strong>${familleName('fragile', lang)}${cellules('fragile')}</li>
<li><strong>${nombreFamille(r, 'porteur')}</strong>${familleName('porteur', lang)}${cellules('porteur')}</li>
<li><strong>${r.passerelles.length}</strong>${l.passerelles}</li>
<li><strong>${texteMontant(r.plan.budgetTotal, lang)}</strong>${l.budgetTotal}</li>
</ul>
${baseEmploi(c)}
${totauxBmo(c)}
<div class="defile"><table>
<caption>${l.metiersParFamille}</caption>
<thead><tr><th scope="col">${l.famille}</th><th scope="col">${l.definition}</th><th scope="col" class="n">${l.nombreMetiers}</th><th scope="col">${l.metiers}</th></tr></thead>
<tbody>${FAMILLE_ORDER.map((f) => {
    const codes = r.familles[f] ?? [];
    return h`<tr><th scope="row"><a href="#famille-${f}">${familleName(f, lang)}</a></th><td>${definitionFamille(f, lang)}</td><td class="n">${nombreFamille(r, f)}${cellules(f)}</td><td>${codes.join(', ')}</td></tr>`;
  })}</tbody>
</table></div>
${figure(c, 'familles')}
<h3>${l.pointsAttention}</h3>
${points.length ? h`<ul>${points}</ul>` : h`<p>${l.aucunPoint}</p>`}
${secteurs(c)}`;
}

function secteurs(c: Contexte): Html {
  const { r, l } = c;
  const e = r.etablissements;
  return h`${
    r.secteurs.length
      ? h`<h3>${l.secteurs}</h3><div class="defile"><table><caption>${l.secteurs}</caption>
<thead><tr><th scope="col">${l.code}</th><th scope="col">${l.libelle}</th><th scope="col" class="n">${l.effectif}</th><th scope="col" class="n">${l.indiceSpecificite}</th></tr></thead>
<tbody>${r.secteurs.map((s) => h`<tr><th scope="row"><code>${s.code}</code></th><td>${s.libelle ?? ''}</td>${cellule(s.effectif, 'entier', c)}${cellule(s.indiceSpecificite, 'decimal', c)}</tr>`)}</tbody></table></div>`
      : ''
  }
${
  e
    ? h`<h3>${l.etablissements}</h3><div class="defile"><table><caption>${l.etablissements}${e.herfindahl?.valeur != null ? h` — ${l.herfindahl}${l.dp}${texteValeur(e.herfindahl.valeur, 'entier', c.lang)}` : ''}</caption>
<thead><tr><th scope="col">${l.taille}</th><th scope="col" class="n">${l.nombreEtablissements}</th><th scope="col" class="n">${l.effectif}</th></tr></thead>
<tbody>${e.tranches.map((t) => h`<tr><th scope="row">${t.taille}</th><td class="n">${texteValeur(t.etablissements, 'entier', c.lang)}</td><td class="n">${t.effectif !== undefined ? texteValeur(t.effectif, 'entier', c.lang) : l.absent}</td></tr>`)}</tbody></table></div>`
    : ''
}`;
}

function tableMetiers(metiers: readonly MetierDiagnostique[], legende: string, c: Contexte): Html {
  const colonnes: readonly ColonneMesure[] = COLONNES_TABLEAU;
  return h`<div class="defile"><table>
<caption>${legende}</caption>
<thead><tr><th scope="col">${c.l.code}</th><th scope="col">${c.l.libelle}</th>${colonnes.map((col) => h`<th scope="col" class="n">${col.titre(c.l)}</th>`)}<th scope="col">${c.l.familles}</th></tr></thead>
<tbody>${metiers.map((m) => ligneMetier(m, colonnes, c))}</tbody>
</table></div>`;
}

function ligneMetier(m: MetierDiagnostique, colonnes: readonly ColonneMesure[], c: Contexte): Html {
  const i: IndicateursMetier = m.indicateurs;
  return h`<tr${c.ptr.metier(i.code)}><th scope="row"><a href="#metier-${i.code}"><code>${i.code}</code></a></th><td class="libelle">${i.libelle}</td>${colonnes.map((col) => cellule(col.lire(i), col.genre, c))}<td>${badges(m.familles, c)}</td></tr>`;
}

function parFamille(c: Contexte): Html {
  const { r, l, lang } = c;
  return h`${FAMILLE_ORDER.map((f) => {
    const membres = r.metiers.filter((m) => m.familles.includes(f));
    return h`<h3 id="famille-${f}"><span class="badge f-${f}">${familleName(f, lang)}</span> ${membres.length}</h3>
<p>${definitionFamille(f, lang)}</p>
${membres.length ? tableMetiers(membres, `${familleName(f, lang)} — ${membres.length} ${l.metiers.toLowerCase()}`, c) : h`<p>${l.aucunMetier}</p>`}`;
  })}`;
}

function detailMetiers(c: Contexte): Html {
  const { r, l, lang } = c;
  return h`${r.metiers.map((m) => {
    const i = m.indicateurs;
    const parFamille = FAMILLE_ORDER.filter((f) => m.familles.includes(f)).map((f) => ({
      f,
      textes: m.explications.filter((e) => e.famille === f).map((e) => e.texte[lang]),
    }));
    return h`<article class="metier" id="metier-${i.code}">
<h3${c.ptr.metier(i.code)}><code>${i.code}</code> ${i.libelle}</h3>
${i.groupeLibelle || i.groupe ? h`<p>${l.groupe}${l.dp}${i.groupeLibelle ?? i.groupe}</p>` : ''}
${
  parFamille.length
    ? h`<p>${l.pourquoi}${l.dp}</p><ul class="explications">${parFamille.map(({ f, textes }) => h`<li><span class="badge f-${f}">${familleName(f, lang)}</span> ${textes.map((t, k) => h`${k ? ' ' : ''}${t}`)}</li>`)}</ul>`
    : h`<p>${l.aucuneFamille}</p>`
}
${m.note ? h`<p><strong>${l.note}${l.dp}</strong> ${m.note}</p>` : ''}
</article>`;
  })}`;
}

function ecartTrie(p: Passerelle) {
  return [...p.ecart].sort((a, b) => Number(b.coeur) - Number(a.coeur));
}

function passerelles(c: Contexte): Html {
  const { r, l } = c;
  if (r.passerelles.length === 0) return h`<p>${l.passerellesIntro}</p><p>${l.aucunePasserelle}</p>`;
  const sourcesOrdonnees = [...new Set(r.passerelles.map((p) => p.source))];
  return h`<p>${l.passerellesIntro}</p>
${figure(c, 'passerelles')}
${sourcesOrdonnees.map((source) => {
  const liste = r.passerelles.filter((p) => p.source === source).sort((a, b) => a.rang - b.rang);
  return h`<h3 id="passerelles-${source}"${c.ptr.metier(source)}>${l.depuis} ${metierNomme(source, c)}</h3>
<div class="defile"><table>
<caption>${l.passerelles}${l.dp}${source} → ${liste.length}</caption>
<thead><tr><th scope="col" class="n">${l.rang}</th><th scope="col">${l.cible}</th><th scope="col" class="n">${l.score}</th><th scope="col" class="n">${l.acquises}</th><th scope="col">${l.ecart}</th><th scope="col">${l.mobiliteOfficielle}</th></tr></thead>
<tbody>${liste.map(
    (p) => h`<tr${c.ptr.metier(p.cible)}>
<td class="n">${p.rang}</td>
<th scope="row"><code>${p.cible}</code> ${p.cibleLibelle}</th>
<td class="n">${texteValeur(p.score, 'decimal', c.lang)}</td>
<td class="n" title="${p.acquises.map((a) => a.libelle).join(' ; ')}">${p.acquises.length}</td>
<td>${p.ecart.length ? h`<ul class="ecart">${ecartTrie(p).map((e) => h`<li${e.coeur ? h` class="coeur"` : ''}>${e.libelle} <small>(${competenceTypeName(e.type, l)}${e.coeur ? h`, ${l.coeur}` : ''})</small></li>`)}</ul>` : l.aucunEcart}</td>
<td>${p.mobiliteOfficielle === undefined ? l.absent : p.mobiliteOfficielle ? l.oui : l.non}</td>
</tr>`,
  )}</tbody>
</table></div>`;
})}`;
}

function plan(c: Contexte): Html {
  const { r, l, lang } = c;
  const sansAction = new Set(r.plan.fragilesSansAction);
  return h`${sansAction.size ? h`<div class="alerte" role="note"><h3>${l.sansActionAlerte}</h3><ul>${r.plan.fragilesSansAction.map((code) => h`<li${c.ptr.metier(code)}>${metierNomme(code, c)}</li>`)}</ul></div>` : ''}
<h3>${l.fiches}</h3>
${
  r.plan.fiches.length
    ? h`<div class="defile"><table>
<caption>${l.fiches} — ${l.budgetTotal}${l.dp}${texteMontant(r.plan.budgetTotal, lang)}</caption>
<thead><tr><th scope="col">${l.fiche}</th><th scope="col">${l.titre}</th><th scope="col">${l.metiers}</th><th scope="col" class="n">${l.budget}</th><th scope="col">${l.indicateurs}</th></tr></thead>
<tbody>${r.plan.fiches.map((f) => h`<tr${c.ptr.fiche(f.id)}><td><code>${f.id}</code></td><th scope="row">${f.titre}</th><td>${f.metiers.map((code, i) => h`${i ? ', ' : ''}<span title="${c.libelleDe(code) ?? ''}">${code}</span>`)}</td><td class="n">${texteMontant(f.budget, lang)}</td><td>${f.indicateurs.join(', ')}</td></tr>`)}</tbody>
</table></div>`
    : h`<p>${l.aucuneFiche}</p>`
}
${
  r.plan.couverture.length
    ? h`<h3>${l.couverture}</h3><div class="defile"><table>
<caption>${l.couverture}</caption>
<thead><tr><th scope="col">${l.code}</th><th scope="col">${l.libelle}</th><th scope="col">${l.couvertPar}</th></tr></thead>
<tbody>${r.plan.couverture.map((cf) => h`<tr${sansAction.has(cf.code) || cf.fiches.length === 0 ? h` class="sans-action"` : ''}${c.ptr.metier(cf.code)}><th scope="row"><code>${cf.code}</code></th><td>${cf.libelle}</td><td>${cf.fiches.length ? cf.fiches.join(', ') : h`<strong class="etat-retard">${l.sansAction}</strong>`}</td></tr>`)}</tbody>
</table></div>`
    : ''
}`;
}

function financements(c: Contexte): Html {
  const { r, l, lang } = c;
  const lignes = r.plan.budgetParFinanceur;
  if (lignes.length === 0) return h`<p>${l.aucunFinancement}</p>`;
  const total = lignes.reduce((s, b) => s + b.montant, 0);
  return h`<div class="defile"><table>
<caption>${l.financements}</caption>
<thead><tr><th scope="col">${l.financeur}</th><th scope="col" class="n">${l.montant}</th><th scope="col" class="n">${l.partBudget}</th></tr></thead>
<tbody>${lignes.map((b) => h`<tr${c.ptr.acteur(b.financeur)}><th scope="row">${b.nom} <small>(${b.financeur})</small></th><td class="n">${texteMontant(b.montant, lang)}</td><td class="n">${total > 0 ? texteValeur(b.montant / total, 'pourcent', lang) : l.absent}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${l.total}</th><td class="n">${texteMontant(total, lang)}</td><td class="n">${total > 0 ? texteValeur(1, 'pourcent', lang) : l.absent}</td></tr></tfoot>
</table></div>
${figure(c, 'budget')}`;
}

function evaluation(c: Contexte): Html {
  const { r, l, lang } = c;
  if (r.evaluation.length === 0) return h`<p>${l.aucunIndicateur}</p>`;
  const nombreOuAbsent = (v: number | undefined) => (v === undefined ? l.absent : texteValeur(v, 'decimal', lang));
  return h`<div class="defile"><table>
<caption>${l.evaluation}</caption>
<thead><tr><th scope="col">${l.indicateur}</th><th scope="col">${l.type}</th><th scope="col" class="n">${l.base}</th><th scope="col" class="n">${l.valeur}</th><th scope="col" class="n">${l.cibleValeur}</th><th scope="col">${l.unite}</th><th scope="col">${l.avancement}</th><th scope="col">${l.echeance}</th></tr></thead>
<tbody>${r.evaluation.map((a) => {
    const ind = a.indicateur;
    const pct = a.avancement === null ? null : Math.max(0, Math.min(1, a.avancement));
    const classe = a.atteint ? ' atteint' : a.enRetard ? ' retard' : '';
    const etat = a.atteint ? h` <span class="etat-atteint">${l.atteint}</span>` : a.enRetard ? h` <span class="etat-retard">${l.enRetard}</span>` : '';
    const barre =
      pct === null
        ? h`<span class="masque">${l.nonMesure}</span>`
        : h`<span class="barre${classe}" role="img" aria-label="${l.avancement} ${texteValeur(a.avancement!, 'pourcent', lang)}"><span style="width:${(pct * 100).toFixed(1)}%"></span></span> ${texteValeur(a.avancement!, 'pourcent', lang)}`;
    return h`<tr${c.ptr.indicateur(ind.id)}><th scope="row"><code>${ind.id}</code> ${ind.libelle}${ind.source ? h`<br><small>${l.source}${l.dp}${ind.source}</small>` : ''}</th><td>${l.typesIndicateur[ind.type] ?? ind.type}</td><td class="n">${nombreOuAbsent(ind.base ?? 0)}</td><td class="n">${nombreOuAbsent(ind.valeur)}${ind.date_mesure ? h`<br><small>${ind.date_mesure}</small>` : ''}</td><td class="n">${nombreOuAbsent(ind.cible)}</td><td>${ind.unite}</td><td>${barre}${etat}</td><td>${ind.echeance ?? l.absent}</td></tr>`;
  })}</tbody>
</table></div>`;
}

function problemes(c: Contexte): Html {
  const { r, l, lang } = c;
  if (r.problemes.length === 0) return h`<p>${l.aucunProbleme}</p>`;
  const rang = { error: 0, warning: 1, info: 2 } as const;
  const tries = [...r.problemes].sort((a, b) => rang[a.severity] - rang[b.severity]);
  return h`<div class="defile"><table>
<caption>${l.problemes} (${r.problemes.length})</caption>
<thead><tr><th scope="col">${l.gravite}</th><th scope="col">${l.code}</th><th scope="col">${l.message}</th><th scope="col">${l.emplacement}</th></tr></thead>
<tbody>${tries.map((p: Problem) => h`<tr${c.ptr.probleme(p)}><td class="grave-${p.severity}">${nomGravite(p.severity, lang)}</td><th scope="row"><code>${p.code}</code></th><td>${p.message[lang]}</td><td>${lieuProbleme(p, c.locate) ?? (p.pointer ? h`<code>${p.pointer}</code>` : l.absent)}</td></tr>`)}</tbody>
</table></div>`;
}

function sources(c: Contexte): Html {
  const { r, l } = c;
  const citees = sourcesCitees(r, l);
  return h`<h3>${l.sourcesUtilisees}</h3>
${
  citees.length
    ? h`<div class="defile"><table>
<caption>${l.sourcesUtilisees}</caption>
<thead><tr><th scope="col">${l.source}</th><th scope="col">${l.annees}</th><th scope="col">${l.utiliseePour}</th></tr></thead>
<tbody>${citees.map((s) => h`<tr><th scope="row">${s.source}</th><td>${s.annees.join(', ') || l.absent}</td><td>${s.usages.join(', ')}</td></tr>`)}</tbody>
</table></div>`
    : h`<p>${l.aucuneSource}</p>`
}
<p>${l.referentiel}${l.dp}${r.referentiel.label} (${r.referentiel.kind}, version ${r.referentiel.version}). ${l.periode}${l.dp}${r.periode.debut} – ${r.periode.fin}.</p>
<h3>${l.methodeTitre}</h3>
<ul>${l.methode.map((m) => h`<li>${m}</li>`)}</ul>`;
}
