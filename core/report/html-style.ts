/** The report's stylesheet, inlined (the page loads nothing). Screen and print. */
export const STYLE = `
:root { --bleu: #1f5f99; --orange: #c8590c; --rouge: #a61b1b; --vert: #2e7d32; --gris: #5f6b76; --fond: #f4f6f8; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d2329; margin: 0; line-height: 1.45; }
header, main, footer, nav { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 3px solid var(--bleu); }
header .surtitre { color: var(--gris); text-transform: uppercase; letter-spacing: .05em; font-size: .85rem; margin: 0; }
h1 { font-size: 1.8rem; margin: .2em 0 .4em; }
h2 { font-size: 1.4rem; margin-top: 2em; border-bottom: 1px solid #d5dbe1; padding-bottom: .2em; color: var(--bleu); }
h3 { font-size: 1.1rem; margin-top: 1.5em; }
dl.faits { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.2em; margin: 0 0 1em; }
dl.faits dt { font-weight: 600; color: var(--gris); }
dl.faits dd { margin: 0; }
nav ol { columns: 3; font-size: .95rem; padding-left: 1.2em; }
nav a { color: var(--bleu); }
.chiffres { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; }
.chiffres li { background: var(--fond); border-radius: 6px; padding: 10px 16px; min-width: 150px; }
.chiffres strong { display: block; font-size: 1.5rem; color: var(--bleu); }
.defile { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .3em 0; color: var(--gris); }
th, td { border: 1px solid #d5dbe1; padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--fond); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
td.libelle { min-width: 14em; }
tbody tr:nth-child(even) { background: #fafbfc; }
.masque { color: var(--gris); font-style: italic; }
.ns { color: var(--orange); font-size: .8em; margin-left: .2em; }
.nat { font-size: .8em; margin-left: .2em; font-style: italic; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: .8rem; margin: 1px 2px; border: 1px solid currentColor; white-space: nowrap; }
.f-en-crise, .f-fragile { color: var(--rouge); }
.f-en-croissance, .f-porteur { color: var(--vert); }
.f-en-tension { color: var(--orange); }
.f-en-mutation, .f-strategique { color: var(--bleu); }
article.metier { border-left: 4px solid #d5dbe1; padding: 2px 0 2px 14px; margin: 1em 0; break-inside: avoid; }
article.metier h3 { margin: .2em 0; }
ul.explications li { margin: .2em 0; }
ul.ecart { margin: 0; padding-left: 1.1em; }
.coeur { font-weight: 600; }
.alerte { border: 2px solid var(--rouge); background: #fdf1f1; border-radius: 6px; padding: 8px 14px; }
.alerte h3 { margin-top: .2em; color: var(--rouge); }
tr.sans-action td { background: #fdf1f1; }
.barre { width: 160px; height: 12px; background: #e3e7eb; border-radius: 6px; overflow: hidden; display: inline-block; vertical-align: middle; }
.barre span { display: block; height: 100%; background: var(--bleu); }
.barre.atteint span { background: var(--vert); }
.barre.retard span { background: var(--rouge); }
.etat-retard { color: var(--rouge); font-weight: 600; }
.etat-atteint { color: var(--vert); font-weight: 600; }
.grave-error { color: var(--rouge); font-weight: 600; }
.grave-warning { color: var(--orange); font-weight: 600; }
figure { margin: 1em 0 2em; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .4em; }
figure svg { max-width: 100%; height: auto; }
footer { color: var(--gris); font-size: .85rem; border-top: 1px solid #d5dbe1; margin-top: 3em; padding: 12px 24px 32px; }
code { font-size: .9em; white-space: nowrap; }
@media print {
  @page { margin: 14mm 12mm; }
  nav { display: none; }
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr, figure, .alerte { break-inside: avoid; }
  thead { display: table-header-group; }
  .defile { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: 2px 4px; }
  td.libelle { min-width: 0; }
  .badge { white-space: normal; font-size: 7pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
