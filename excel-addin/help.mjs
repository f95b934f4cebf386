// Help pages the add-in ships: aide.html (French) and help.html (English), one section per
// function (anchor = its id, as the metadata's helpUrl points to it) with its parameters and an
// example, plus how the workbook records its referential. Also the SupportUrl/LearnMoreUrl page.

/** One example per function (the formula as typed in a French Excel, then in an English one). */
export const EXEMPLES = {
  TCAM: ['=GTEC.TCAM(B2;C2;2015;2021)', '=GTEC.CAGR(B2,C2,2015,2021)'],
  'INDICE.SPECIFICITE': ['=GTEC.INDICE.SPECIFICITE(B2;B$100;C2;C$100)', '=GTEC.LOCATION.QUOTIENT(B2,B$100,C2,C$100)'],
  TENSION: ['=GTEC.TENSION(B2:B214;C2:C214)', '=GTEC.TENSION(B2:B214,C2:C214)'],
  'BMO.PARTS': ['=GTEC.BMO.PARTS(D2:D191;E2:E191;F2:F191)', '=GTEC.BMO.SHARES(D2:D191,E2:E191,F2:F191)'],
  'DEPARTS.FIN.CARRIERE': ['=GTEC.DEPARTS.FIN.CARRIERE(B1:E1;B2:E2)', '=GTEC.RETIREMENTS(B1:E1,B2:E2)'],
  FAMILLES: ['=GTEC.FAMILLES(A1:H40)', '=GTEC.FAMILIES(A1:H40)'],
  PASSERELLES: ['=GTEC.PASSERELLES("H2913";5)', '=GTEC.PATHWAYS("H2913",5)'],
  ECART: ['=GTEC.ECART("H2913";"H2902")', '=GTEC.GAP("H2913","H2902")'],
  SIMILARITE: ['=GTEC.SIMILARITE(A2;B2)', '=GTEC.SIMILARITY(A2,B2)'],
  LIBELLE: ['=GTEC.LIBELLE(A2:A50)', '=GTEC.LABEL(A2:A50)'],
  RECHERCHER: ['=GTEC.RECHERCHER("soudeur";5)', '=GTEC.OCCUPATION.SEARCH("welder",5)'],
  REFERENTIEL: ['=GTEC.REFERENTIEL()', '=GTEC.REFERENTIAL()'],
  'ROME.V3.VERS.4': ['=GTEC.ROME.V3.VERS.4("D1106")', '=GTEC.ROME.V3.TO.4("D1106")'],
  'ROME.4.VERS.V3': ['=GTEC.ROME.4.VERS.V3(A2:A50)', '=GTEC.ROME.4.TO.V3(A2:A50)'],
  'FAP.2009.LIBELLE': ['=GTEC.FAP.2009.LIBELLE(A2:A50)', '=GTEC.FAP.2009.LABEL(A2:A50)'],
  'FAP.2021.LIBELLE': ['=GTEC.FAP.2021.LIBELLE("S1X20")', '=GTEC.FAP.2021.LABEL("S1X20")'],
  'BMO.BASSIN.LIBELLE': ['=GTEC.BMO.BASSIN.LIBELLE("8412")', '=GTEC.BMO.AREA.LABEL("8412")'],
  'FAP.2009.VERS.ROME': ['=GTEC.FAP.2009.VERS.ROME("A0Z40")', '=GTEC.FAP.2009.TO.ROME("A0Z40")'],
};

const MOTS = {
  fr: {
    lang: 'fr',
    titre: 'Fonctions GTEC pour Excel',
    intro: 'Chaque fonction s’écrit =GTEC.NOM(…) ; les résultats de plusieurs cellules se déploient, avec une ligne d’en-têtes quand un tableau est rendu. Aucune fonction n’est volatile.',
    nomenclatures: 'Nomenclatures publiques',
    nomenclaturesTexte:
      'FAP.2009.LIBELLE, FAP.2021.LIBELLE, BMO.BASSIN.LIBELLE et FAP.2009.VERS.ROME lisent les fichiers chargés dans le volet (section « Nomenclatures publiques ») : fap2009_nomenclature.csv, fap2021_nomenclature.csv et fap2009_rome_v3.csv de la DARES, bmo_2024_bassins.csv, bmo_2024_metiers.csv ou le classeur BMO officiel. Ils sont gardés d’une session à l’autre et enregistrés dans le classeur (réglage « gtec.nomenclatures ») ; tant qu’ils ne sont pas chargés, ces fonctions répondent #N/A en disant quel fichier charger.',
    repro: 'Classeur reproductible',
    reproTexte:
      'Le volet enregistre dans le classeur le référentiel qu’utilisent ses formules (nom, version, source : réglage « gtec.referentiel »). Sur un autre poste, les fonctions qui utilisent un référentiel répondent #N/A en le nommant tant qu’il n’y est pas chargé : jamais un autre à sa place. =GTEC.REFERENTIEL() dit lequel est utilisé.',
    parametres: 'Paramètres',
    exemple: 'Exemple',
    facultatif: 'facultatif',
    autre: 'English',
    autreUrl: 'help.html',
  },
  en: {
    lang: 'en',
    titre: 'GTEC functions for Excel',
    intro: 'Each function is written =GTEC.NAME(…); results of several cells spill, with a header row when a table is returned. No function is volatile.',
    nomenclatures: 'Public nomenclatures',
    nomenclaturesTexte:
      'FAP.2009.LABEL, FAP.2021.LABEL, BMO.AREA.LABEL and FAP.2009.TO.ROME read the files loaded in the pane (section "Public nomenclatures"): DARES\'s fap2009_nomenclature.csv, fap2021_nomenclature.csv and fap2009_rome_v3.csv, bmo_2024_bassins.csv, bmo_2024_metiers.csv or the official BMO workbook. They are kept from one session to the next and recorded in the workbook (setting "gtec.nomenclatures"); until they are loaded, these functions answer #N/A saying which file to load.',
    repro: 'Reproducible workbooks',
    reproTexte:
      'The pane records in the workbook the referential its formulas use (name, version, source: setting "gtec.referentiel"). On another machine, the functions that use a referential answer #N/A naming it until it is loaded there: never another one in its place. =GTEC.REFERENTIAL() tells which one is used.',
    parametres: 'Parameters',
    exemple: 'Example',
    facultatif: 'optional',
    autre: 'Français',
    autreUrl: 'aide.html',
  },
};

const echapper = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function pageAide(meta, lang) {
  const m = MOTS[lang];
  const sections = meta.functions.map((f) => {
    const ex = EXEMPLES[f.id]?.[lang === 'fr' ? 0 : 1];
    const params = f.parameters.map((p) => `<li><code>${echapper(p.name)}</code>${p.optional ? ` (${m.facultatif})` : ''} : ${echapper(p.description ?? '')}</li>`).join('');
    return `<section id="${echapper(f.id)}"><h2>GTEC.${echapper(f.name)}</h2><p>${echapper(f.description ?? '')}</p>${params ? `<h3>${m.parametres}</h3><ul>${params}</ul>` : ''}${ex ? `<h3>${m.exemple}</h3><pre>${echapper(ex)}</pre>` : ''}</section>`;
  });
  return `<!doctype html>
<html lang="${m.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.titre}</title><link rel="stylesheet" href="taskpane.css"></head>
<body><header><h1>${m.titre}</h1><a href="${m.autreUrl}">${m.autre}</a></header>
<p>${m.intro}</p>
<section id="reproductible"><h2>${m.repro}</h2><p>${m.reproTexte}</p></section>
<section id="nomenclatures"><h2>${m.nomenclatures}</h2><p>${m.nomenclaturesTexte}</p></section>
${sections.join('\n')}
</body></html>
`;
}

/** The metadata with a helpUrl on every function (its section of the page in that language). */
export function avecAide(meta, url) {
  return { ...meta, functions: meta.functions.map((f) => ({ ...f, helpUrl: `${url}#${f.id}` })) };
}
