/**
 * Loader of the official ROME 4.0 open-data export, read exactly as France Travail publishes it:
 * a folder of `unix_<table>_v<NNN>_utf8.csv` files (comma-separated, every field quoted) and
 * `version.txt`. The version suffix is found by listing the folder.
 */
import type { FileHost } from '../host.js';
import type { Problem } from '../problems.js';
import { columns, decodeText, readCsvTable, type CsvTable, type RowFilter } from './csv-table.js';
import type { Competence, CompetenceType, MacroCompetence, Metier, MobiliteOfficielle, Referentiel } from './model.js';
import { problem, type ElementReferentiel, type RaisonLigne } from './problems-referentiel.js';

const REQUIRED = ['referentiel_code_rome', 'cr_gd_dp', 'referentiel_appellation', 'referentiel_competence', 'referentiel_savoir', 'liens_rome_referentiels', 'coherence_item'] as const;

/** The columns this loader reads, per table: the other cells are not kept (csv-table.ts). */
const COLONNES: Record<string, readonly string[]> = {
  referentiel_code_rome: ['code_rome', 'libelle_rome', 'code_rome_parent', 'transition_eco', 'transition_num', 'transition_demo', 'emploi_reglemente', 'emploi_cadre'],
  cr_gd_dp: ['code_rome', 'code_grand_domaine', 'libelle_grand_domaine', 'code_domaine_professionnel', 'libelle_domaine_professionnel', 'code_domaine_professionel', 'libelle_domaine_professionel'],
  referentiel_appellation: ['code_rome', 'libelle_appellation_long'],
  referentiel_competence: ['code_ogr', 'nature', 'libelle_competence', 'code_ogr_macro_comp', 'cat_comp', 'sous_cat_comp', 'code_macro_comp'],
  referentiel_savoir: ['code_ogr_savoir', 'libelle_savoir', 'categorie_savoir', 'sous_categorie_savoir'],
  liens_rome_referentiels: ['code_rome', 'code_compo_bloc', 'code_rubrique', 'code_ogr'],
  coherence_item: ['code_rome', 'code_ogr', 'coeur_metier'],
  referentiel_contexte_travail: ['code_ogr', 'libelle_cont_travail'],
  texte: ['code_rome', 'libelle_type_texte', 'libelle_texte', 'position_phrase'],
  rubrique_mobilite: ['code_rome', 'code_rome_cible', 'numero_ordre', 'code_type_mobilite'],
};

/** Rows the loader ignores anyway, dropped while reading (the two largest tables). */
const column = (header: string[], name: string) => header.findIndex((h) => h.toLowerCase() === name);
const LIGNES: Record<string, RowFilter> = {
  // Only the blocs 5 (competences) and 6 (contextes) are read.
  liens_rome_referentiels: (h) => {
    const i = column(h, 'code_compo_bloc');
    return i < 0 ? undefined : (r) => r[i] === '5' || r[i] === '6';
  },
  // Only cœur de métier marks (Principale, Émergente) are read.
  coherence_item: (h) => {
    const i = column(h, 'coeur_metier');
    return i < 0 ? undefined : (r) => r[i] !== '';
  },
};

function joinPath(dir: string, name: string): string {
  const d = dir.replace(/\/+$/, '');
  return d === '' || d === '.' ? name : `${d}/${name}`;
}

/** The export's version suffix (`460`), from the names of the files in the folder. */
function findSuffix(names: string[]): string | undefined {
  const versions = names
    .map((n) => /^unix_referentiel_code_rome_v(\d+)_utf8\.csv$/.exec(n)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ?? names.map((n) => /^unix_.*_v(\d+)_utf8\.csv$/.exec(n)?.[1]).find((v) => v !== undefined);
}

/**
 * Reads one table of the export; `undefined` (with a problem when required) if absent/unreadable.
 * `wanted`: the columns kept (default: all).
 */
export async function readRomeTable(host: FileHost, dir: string, table: string, suffix: string, problems: Problem[], pointer = '', required = true, wanted?: readonly string[], keepRow?: RowFilter): Promise<CsvTable | undefined> {
  const name = `unix_${table}_v${suffix}_utf8.csv`;
  const bytes = await host.readFile(joinPath(dir, name));
  if (!bytes) {
    if (required) problems.push(problem('GTEC-E302', pointer, { file: name, table, dir }, { location: { file: name } }));
    return undefined;
  }
  return readCsvTable(bytes, name, problems, wanted, keepRow);
}

/** Parses `version.txt`: « Numero de version : 60 » and « Titre/commentaire : ROME 4.0 version 60 - 25M09 ». */
function parseVersionText(text: string): { numero?: string; titre?: string } {
  const numero = /Num[ée]ro de version\s*:\s*(\S+)/i.exec(text)?.[1];
  const titre = /Titre\/commentaire\s*:\s*(.+)/i.exec(text)?.[1]?.trim();
  return { numero, titre };
}

function typeOfCompetence(catComp: string): CompetenceType {
  return /savoir-[eê]tre/i.test(catComp) ? 'savoir-etre' : 'savoir-faire';
}

export async function loadRomeOfficiel(host: FileHost, dir: string, pointer = ''): Promise<{ referential?: Referentiel; problems: Problem[] }> {
  const problems: Problem[] = [];
  const names = (await host.listDirectory?.(dir)) ?? [];
  const suffix = findSuffix(names);
  if (!suffix) {
    if (names.length === 0) problems.push(problem('GTEC-E301', pointer, { value: dir }));
    else {
      const file = 'unix_referentiel_code_rome_v<NNN>_utf8.csv';
      problems.push(problem('GTEC-E302', pointer, { file, table: 'referentiel_code_rome', dir }, { location: { file } }));
    }
    return { problems };
  }

  const tables: Partial<Record<(typeof REQUIRED)[number], CsvTable>> = {};
  for (const t of REQUIRED) {
    const tab = await readRomeTable(host, dir, t, suffix, problems, pointer, true, COLONNES[t], LIGNES[t]);
    if (tab) tables[t] = tab;
  }
  const contexteTable = await readRomeTable(host, dir, 'referentiel_contexte_travail', suffix, problems, pointer, false, COLONNES.referentiel_contexte_travail);
  const texteTable = await readRomeTable(host, dir, 'texte', suffix, problems, pointer, false, COLONNES.texte);
  const mobiliteName = names.find((n) => /^unix_rubrique_mobilite_v\d+_utf8\.csv$/.test(n));
  const mobiliteBytes = mobiliteName ? await host.readFile(joinPath(dir, mobiliteName)) : undefined;
  const mobiliteTable = mobiliteName && mobiliteBytes ? readCsvTable(mobiliteBytes, mobiliteName, problems, COLONNES.rubrique_mobilite) : undefined;

  const fiches = tables.referentiel_code_rome;
  const cFiches = fiches && columns(fiches, ['code_rome', 'libelle_rome'], problems, ['code_rome_parent', 'transition_eco', 'transition_num', 'transition_demo', 'emploi_reglemente', 'emploi_cadre']);
  if (!fiches || !cFiches) return { problems };

  // Métiers, in file order, then sorted by code for determinism.
  const metiers = new Map<string, Metier>();
  fiches.rows.forEach((r, i) => {
    const code = r[cFiches.code_rome]!.trim();
    if (!/^[A-Z]\d{4}$/.test(code)) {
      problems.push(badRow(fiches, i, { raison: 'code-rome', value: code }));
      return;
    }
    const m: Metier = { code, libelle: r[cFiches.libelle_rome]!.trim(), appellations: [], competences: [], contextes: [] };
    const parent = cFiches.code_rome_parent !== undefined ? r[cFiches.code_rome_parent]?.trim() : undefined;
    if (parent) m.codeRomeV3 = parent;
    const tags = romeTags(r, cFiches);
    if (tags.length) m.tags = tags;
    metiers.set(code, m);
  });

  const domaines: Record<string, string> = {};
  const dp = tables.cr_gd_dp;
  // The publisher spells it `professionel` in this table; accept both spellings.
  const dpCol = dp?.header.includes('code_domaine_professionnel') ? 'professionnel' : 'professionel';
  const cDp = dp && columns(dp, ['code_rome', 'code_grand_domaine', 'libelle_grand_domaine', `code_domaine_${dpCol}`, `libelle_domaine_${dpCol}`], problems);
  if (dp && cDp) {
    dp.rows.forEach((r, i) => {
      const m = metiers.get(r[cDp.code_rome]!);
      if (!m) return problems.push(unknownRef(dp, i, 'fiche', r[cDp.code_rome]!));
      const gd = r[cDp.code_grand_domaine]!;
      const d = r[cDp[`code_domaine_${dpCol}`]]!;
      m.grandDomaine = gd;
      m.domaine = d;
      domaines[gd] = r[cDp.libelle_grand_domaine]!;
      domaines[d] = r[cDp[`libelle_domaine_${dpCol}`]]!;
    });
  }

  const app = tables.referentiel_appellation;
  const cApp = app && columns(app, ['code_rome', 'libelle_appellation_long'], problems);
  if (app && cApp) {
    app.rows.forEach((r, i) => {
      const m = metiers.get(r[cApp.code_rome]!);
      if (!m) return problems.push(unknownRef(app, i, 'fiche', r[cApp.code_rome]!));
      m.appellations.push(r[cApp.libelle_appellation_long]!);
    });
  }

  const competences: Record<string, Competence> = {};
  const macros: Record<string, MacroCompetence> = {};
  const comp = tables.referentiel_competence;
  const cComp = comp && columns(comp, ['code_ogr', 'nature', 'libelle_competence', 'code_ogr_macro_comp', 'cat_comp', 'sous_cat_comp'], problems, ['code_macro_comp']);
  if (comp && cComp) {
    for (const r of comp.rows) {
      const id = r[cComp.code_ogr]!;
      const isMacro = /macro/i.test(r[cComp.nature]!);
      const c: Competence = { id, libelle: r[cComp.libelle_competence]!, type: typeOfCompetence(r[cComp.cat_comp]!) };
      const macro = isMacro ? id : r[cComp.code_ogr_macro_comp]!;
      if (macro) c.macro = macro;
      if (r[cComp.cat_comp]) c.categorie = r[cComp.cat_comp];
      if (r[cComp.sous_cat_comp]) c.sousCategorie = r[cComp.sous_cat_comp];
      competences[id] = c;
      if (isMacro) {
        const m: MacroCompetence = { id, libelle: c.libelle };
        // `code_macro_comp` is hierarchical (e.g. 1A101: domaine 1, enjeu A, objectif 1, macro 01):
        // its first three characters name the objectif grouping sibling macro-compétences.
        const code = cComp.code_macro_comp !== undefined ? r[cComp.code_macro_comp] : undefined;
        if (code && code.length >= 3) m.groupe = code.slice(0, 3);
        macros[id] = m;
      }
    }
  }

  const sav = tables.referentiel_savoir;
  const cSav = sav && columns(sav, ['code_ogr_savoir', 'libelle_savoir', 'categorie_savoir', 'sous_categorie_savoir'], problems);
  if (sav && cSav) {
    for (const r of sav.rows) {
      const id = r[cSav.code_ogr_savoir]!;
      const c: Competence = { id, libelle: r[cSav.libelle_savoir]!, type: 'savoir' };
      if (r[cSav.categorie_savoir]) c.categorie = r[cSav.categorie_savoir];
      if (r[cSav.sous_categorie_savoir]) c.sousCategorie = r[cSav.sous_categorie_savoir];
      competences[id] = c;
    }
  }

  const coeurs = new Map<string, 'principale' | 'emergente'>();
  const coh = tables.coherence_item;
  const cCoh = coh && columns(coh, ['code_rome', 'code_ogr', 'coeur_metier'], problems);
  if (coh && cCoh) {
    for (const r of coh.rows) {
      const v = r[cCoh.coeur_metier]!.toLowerCase();
      if (v.startsWith('princ')) coeurs.set(`${r[cCoh.code_rome]}|${r[cCoh.code_ogr]}`, 'principale');
      else if (v.startsWith('émerg') || v.startsWith('emerg')) coeurs.set(`${r[cCoh.code_rome]}|${r[cCoh.code_ogr]}`, 'emergente');
    }
  }

  const liens = tables.liens_rome_referentiels;
  const cLiens = liens && columns(liens, ['code_rome', 'code_compo_bloc', 'code_rubrique', 'code_ogr'], problems);
  if (liens && cLiens) {
    const rubriqueType: Record<string, CompetenceType> = { '1': 'savoir-faire', '2': 'savoir-etre', '3': 'savoir' };
    liens.rows.forEach((r, i) => {
      const bloc = r[cLiens.code_compo_bloc]!;
      if (bloc !== '5' && bloc !== '6') return;
      const code = r[cLiens.code_rome]!;
      const m = metiers.get(code);
      if (!m) return problems.push(unknownRef(liens, i, 'fiche', code));
      const id = r[cLiens.code_ogr]!;
      if (bloc === '6') {
        m.contextes!.push(id);
        return;
      }
      const rubrique = r[cLiens.code_rubrique]!;
      const c = competences[id];
      if (!c) return problems.push(unknownRef(liens, i, 'competence', id));
      if (!rubriqueType[rubrique]) {
        return problems.push(badRow(liens, i, { raison: 'rubrique', value: rubrique }));
      }
      // The rubrique of the link is authoritative for the type (savoirs live in their own table).
      c.type = rubriqueType[rubrique]!;
      const coeur = coeurs.get(`${code}|${id}`);
      m.competences.push(coeur ? { id, coeur } : { id });
    });
  }

  // Definitions (optional table): sentences of type `definition`, in position order.
  const cTxt = texteTable && columns(texteTable, ['code_rome', 'libelle_type_texte', 'libelle_texte'], [], ['position_phrase']);
  if (texteTable && cTxt) {
    const sentences = new Map<string, Array<[number, string]>>();
    texteTable.rows.forEach((r, i) => {
      if (r[cTxt.libelle_type_texte] !== 'definition') return;
      const code = r[cTxt.code_rome]!;
      const pos = cTxt.position_phrase !== undefined ? Number(r[cTxt.position_phrase]) : i;
      const list = sentences.get(code) ?? [];
      list.push([Number.isFinite(pos) ? pos : i, r[cTxt.libelle_texte]!]);
      sentences.set(code, list);
    });
    for (const [code, list] of sentences) {
      const m = metiers.get(code);
      if (m)
        m.definition = list
          .sort((x, y) => x[0] - y[0])
          .map((x) => x[1])
          .join(' ');
    }
  }

  let contextes: Record<string, string> | undefined;
  const cCtx = contexteTable && columns(contexteTable, ['code_ogr', 'libelle_cont_travail'], problems);
  if (contexteTable && cCtx) {
    contextes = {};
    for (const r of contexteTable.rows) contextes[r[cCtx.code_ogr]!] = r[cCtx.libelle_cont_travail]!;
  }

  const mobilites = mobiliteTable ? readMobilites(mobiliteTable, metiers, problems) : undefined;

  const versionBytes = await host.readFile(joinPath(dir, 'version.txt'));
  const { numero, titre } = versionBytes ? parseVersionText(decodeText(versionBytes, 'version.txt', problems)) : {};
  if (!numero) problems.push(problem('GTEC-W305', pointer, { file: 'version.txt', value: suffix.slice(-2) }, { location: { file: 'version.txt' } }));
  const version = numero ?? suffix.slice(-2);
  const edition = titre ? / - (\S+)\s*$/.exec(titre)?.[1] : undefined;

  const list = [...metiers.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (list.length === 0) {
    problems.push(problem('GTEC-E305', pointer, { file: fiches.file }));
    return { problems };
  }
  const referential: Referentiel = {
    kind: 'rome-officiel',
    label: `ROME 4.0 v${version}${edition ? ` (${edition})` : ''}`,
    version,
    metiers: list,
    competences,
    macros,
    domaines,
  };
  if (contextes) referential.contextes = contextes;
  if (mobilites) referential.mobilites = mobilites;
  return { referential, problems };
}

function romeTags(r: string[], c: Record<string, number | undefined>): string[] {
  const tags: string[] = [];
  const v = (k: string) => (c[k] !== undefined ? (r[c[k]!] ?? '').trim() : '');
  const eco = v('transition_eco');
  if (eco && eco !== 'Emploi Blanc') tags.push(`transition-ecologique:${eco}`);
  if (v('transition_num') === 'O') tags.push('transition-numerique');
  if (v('transition_demo') === 'O') tags.push('transition-demographique');
  if (v('emploi_reglemente') === 'O') tags.push('emploi-reglemente');
  if (v('emploi_cadre') === 'O') tags.push('emploi-cadre');
  return tags;
}

/** ROME 4: code_rome, code_rome_cible, numero_ordre. Older exports: code_type_mobilite 1/2. */
function readMobilites(table: CsvTable, metiers: Map<string, Metier>, problems: Problem[]): MobiliteOfficielle[] | undefined {
  const c = columns(table, ['code_rome', 'code_rome_cible'], problems, ['numero_ordre', 'code_type_mobilite']);
  if (!c) return undefined;
  const best = new Map<string, MobiliteOfficielle>();
  const seen = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const source = r[c.code_rome]!;
    const cible = r[c.code_rome_cible]!;
    if (!metiers.has(source)) return problems.push(unknownRef(table, i, 'fiche', source));
    if (!metiers.has(cible)) return problems.push(unknownRef(table, i, 'fiche', cible));
    if (source === cible) return;
    const order = c.numero_ordre !== undefined ? Number(r[c.numero_ordre]) : NaN;
    const n = (seen.get(source) ?? 0) + 1;
    seen.set(source, n);
    const rang = Number.isFinite(order) && order > 0 ? order : n;
    const m: MobiliteOfficielle = { source, cible, rang };
    const type = c.code_type_mobilite !== undefined ? r[c.code_type_mobilite] : undefined;
    if (type === '1') m.type = 'proche';
    else if (type === '2') m.type = 'evolution';
    const key = `${source}|${cible}`;
    const prev = best.get(key);
    if (!prev || m.rang < prev.rang) best.set(key, m);
  });
  return [...best.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.rang - b.rang));
}

function badRow(table: CsvTable, i: number, raison: RaisonLigne): Problem {
  const line = table.lines[i]!;
  return problem('GTEC-W301', '', { file: table.file, line, ...raison }, { location: { file: table.file, line } });
}

function unknownRef(table: CsvTable, i: number, kind: ElementReferentiel, value: string): Problem {
  const line = table.lines[i]!;
  return problem('GTEC-W302', '', { file: table.file, line, kind, value }, { location: { file: table.file, line } });
}
