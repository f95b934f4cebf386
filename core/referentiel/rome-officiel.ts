/**
 * Loader of the official ROME 4.0 open-data export, read exactly as France Travail publishes it:
 * a folder of `unix_<table>_v<NNN>_utf8.csv` files (comma-separated, every field quoted) and
 * `version.txt`. The version suffix is found by listing the folder.
 */
import type { FileHost } from '../host.js';
import type { Problem } from '../problems.js';
import { columns, decodeText, readCsvTable, scanCsvTable, type CsvTable, type RowFilter } from './csv-table.js';
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
  const names = (await host.listDirectory?.(dir)) ?? [];
  const suffix = findSuffix(names);
  if (!suffix) {
    const problems: Problem[] = [];
    if (names.length === 0) problems.push(problem('GTEC-E301', pointer, { value: dir }));
    else {
      const file = 'unix_referentiel_code_rome_v<NNN>_utf8.csv';
      problems.push(problem('GTEC-E302', pointer, { file, table: 'referentiel_code_rome', dir }, { location: { file } }));
    }
    return { problems };
  }
  // Plain exports: every table through the lean scanner. One it refuses: the whole export again
  // through the general reader (same records, same problems as reading each table in full).
  return (await loadExport(host, dir, names, suffix, pointer, true)) ?? (await loadExport(host, dir, names, suffix, pointer, false))!;
}

/** Where the problems of reading each table go, in this order (then those of using their rows). */
const READ_ORDER = [...REQUIRED, 'referentiel_contexte_travail', 'texte', 'rubrique_mobilite'] as const;
type Table = (typeof READ_ORDER)[number];

/**
 * One pass over the export: each table is streamed into the model as it is read, then dropped
 * (no table is kept whole, let alone all of them together). `undefined` when `lean` and the lean
 * scanner refused a table.
 */
async function loadExport(host: FileHost, dir: string, names: string[], suffix: string, pointer: string, lean: boolean): Promise<{ referential?: Referentiel; problems: Problem[] } | undefined> {
  const readProblems: Partial<Record<Table, Problem[]>> = {};
  const problems: Problem[] = [];
  const done = () => [...READ_ORDER.flatMap((t) => readProblems[t] ?? []), ...problems];
  let refused = false;
  /** Streams one table: `onHeader` returns the row handler (undefined: rows ignored). */
  const read = async (table: Table, onHeader: (t: CsvTable) => ((r: string[], line: number) => void) | undefined): Promise<void> => {
    const bucket: Problem[] = (readProblems[table] = []);
    if (refused) return;
    const required = (REQUIRED as readonly string[]).includes(table);
    const name = table === 'rubrique_mobilite' ? names.find((n) => /^unix_rubrique_mobilite_v\d+_utf8\.csv$/.test(n)) : `unix_${table}_v${suffix}_utf8.csv`;
    const bytes = name ? await host.readFile(joinPath(dir, name)) : undefined;
    if (!name || !bytes) {
      if (required) bucket.push(problem('GTEC-E302', pointer, { file: name!, table, dir }, { location: { file: name! } }));
      return;
    }
    let onRow: ((r: string[], line: number) => void) | undefined;
    const r = scanCsvTable(
      bytes,
      name,
      bucket,
      COLONNES[table],
      (header) => (onRow = onHeader({ file: name, header, rows: [], lines: [] })),
      (row, line) => onRow?.(row, line),
      lean,
    );
    if (r === 'lean-refuse') refused = true;
  };

  // Métiers, in file order, then sorted by code for determinism.
  const metiers = new Map<string, Metier>();
  let fichesOk = false;
  await read('referentiel_code_rome', (fiches) => {
    const c = columns(fiches, ['code_rome', 'libelle_rome'], problems, ['code_rome_parent', 'transition_eco', 'transition_num', 'transition_demo', 'emploi_reglemente', 'emploi_cadre']);
    if (!c) return undefined;
    fichesOk = true;
    return (r, line) => {
      const code = r[c.code_rome]!.trim();
      if (!/^[A-Z]\d{4}$/.test(code)) {
        problems.push(badRow(fiches.file, line, { raison: 'code-rome', value: code }));
        return;
      }
      const m: Metier = { code, libelle: r[c.libelle_rome]!.trim(), appellations: [], competences: [], contextes: [] };
      const parent = c.code_rome_parent !== undefined ? r[c.code_rome_parent]?.trim() : undefined;
      if (parent) m.codeRomeV3 = parent;
      const tags = romeTags(r, c);
      if (tags.length) m.tags = tags;
      metiers.set(code, m);
    };
  });
  // Without the fiches, the other tables are still read (their problems are reported), not used.
  const use = <T>(f: T): T | (() => undefined) => (fichesOk ? f : () => undefined);

  const domaines: Record<string, string> = {};
  await read(
    'cr_gd_dp',
    use((dp: CsvTable) => {
      // The publisher spells it `professionel` in this table; accept both spellings.
      const dpCol = dp.header.includes('code_domaine_professionnel') ? 'professionnel' : 'professionel';
      const c = columns(dp, ['code_rome', 'code_grand_domaine', 'libelle_grand_domaine', `code_domaine_${dpCol}`, `libelle_domaine_${dpCol}`], problems);
      if (!c) return undefined;
      return (r: string[], line: number) => {
        const m = metiers.get(r[c.code_rome]!);
        if (!m) return problems.push(unknownRef(dp.file, line, 'fiche', r[c.code_rome]!));
        const gd = r[c.code_grand_domaine]!;
        const d = r[c[`code_domaine_${dpCol}`]]!;
        m.grandDomaine = gd;
        m.domaine = d;
        domaines[gd] = r[c.libelle_grand_domaine]!;
        domaines[d] = r[c[`libelle_domaine_${dpCol}`]]!;
      };
    }),
  );

  await read(
    'referentiel_appellation',
    use((app: CsvTable) => {
      const c = columns(app, ['code_rome', 'libelle_appellation_long'], problems);
      if (!c) return undefined;
      return (r: string[], line: number) => {
        const m = metiers.get(r[c.code_rome]!);
        if (!m) return problems.push(unknownRef(app.file, line, 'fiche', r[c.code_rome]!));
        m.appellations.push(r[c.libelle_appellation_long]!);
      };
    }),
  );

  const competences: Record<string, Competence> = {};
  const macros: Record<string, MacroCompetence> = {};
  // Categories repeat on thousands of rows: one string each, not one per row.
  const categories = new Map<string, string>();
  const intern = (v: string) => {
    const seen = categories.get(v);
    if (seen !== undefined) return seen;
    categories.set(v, v);
    return v;
  };
  await read(
    'referentiel_competence',
    use((comp: CsvTable) => {
      const c = columns(comp, ['code_ogr', 'nature', 'libelle_competence', 'code_ogr_macro_comp', 'cat_comp', 'sous_cat_comp'], problems, ['code_macro_comp']);
      if (!c) return undefined;
      return (r: string[]) => {
        const id = r[c.code_ogr]!;
        const isMacro = /macro/i.test(r[c.nature]!);
        const comp: Competence = { id, libelle: r[c.libelle_competence]!, type: typeOfCompetence(r[c.cat_comp]!) };
        const macro = isMacro ? id : r[c.code_ogr_macro_comp]!;
        if (macro) comp.macro = macro;
        if (r[c.cat_comp]) comp.categorie = intern(r[c.cat_comp]!);
        if (r[c.sous_cat_comp]) comp.sousCategorie = intern(r[c.sous_cat_comp]!);
        competences[id] = comp;
        if (isMacro) {
          const m: MacroCompetence = { id, libelle: comp.libelle };
          // `code_macro_comp` is hierarchical (e.g. 1A101: domaine 1, enjeu A, objectif 1, macro 01):
          // its first three characters name the objectif grouping sibling macro-compétences.
          const code = c.code_macro_comp !== undefined ? r[c.code_macro_comp] : undefined;
          if (code && code.length >= 3) m.groupe = code.slice(0, 3);
          macros[id] = m;
        }
      };
    }),
  );

  await read(
    'referentiel_savoir',
    use((sav: CsvTable) => {
      const c = columns(sav, ['code_ogr_savoir', 'libelle_savoir', 'categorie_savoir', 'sous_categorie_savoir'], problems);
      if (!c) return undefined;
      return (r: string[]) => {
        const id = r[c.code_ogr_savoir]!;
        const comp: Competence = { id, libelle: r[c.libelle_savoir]!, type: 'savoir' };
        if (r[c.categorie_savoir]) comp.categorie = intern(r[c.categorie_savoir]!);
        if (r[c.sous_categorie_savoir]) comp.sousCategorie = intern(r[c.sous_categorie_savoir]!);
        competences[id] = comp;
      };
    }),
  );

  // Cœur de métier marks (Principale, Émergente), by fiche then competence.
  const coeurs = new Map<string, Map<string, 'principale' | 'emergente'>>();
  await read(
    'coherence_item',
    use((coh: CsvTable) => {
      const c = columns(coh, ['code_rome', 'code_ogr', 'coeur_metier'], problems);
      if (!c) return undefined;
      return (r: string[]) => {
        const v = r[c.coeur_metier]!;
        if (v === '') return;
        const lower = v.toLowerCase();
        const coeur = lower.startsWith('princ') ? 'principale' : lower.startsWith('émerg') || lower.startsWith('emerg') ? 'emergente' : undefined;
        if (!coeur) return;
        const code = r[c.code_rome]!;
        let byId = coeurs.get(code);
        if (!byId) coeurs.set(code, (byId = new Map()));
        byId.set(r[c.code_ogr]!, coeur);
      };
    }),
  );

  await read(
    'liens_rome_referentiels',
    use((liens: CsvTable) => {
      const c = columns(liens, ['code_rome', 'code_compo_bloc', 'code_rubrique', 'code_ogr'], problems);
      if (!c) return undefined;
      const rubriqueType: Record<string, CompetenceType> = { '1': 'savoir-faire', '2': 'savoir-etre', '3': 'savoir' };
      return (r: string[], line: number) => {
        const bloc = r[c.code_compo_bloc]!;
        if (bloc !== '5' && bloc !== '6') return;
        const code = r[c.code_rome]!;
        const m = metiers.get(code);
        if (!m) return problems.push(unknownRef(liens.file, line, 'fiche', code));
        const id = r[c.code_ogr]!;
        if (bloc === '6') {
          m.contextes!.push(id);
          return;
        }
        const rubrique = r[c.code_rubrique]!;
        const comp = competences[id];
        if (!comp) return problems.push(unknownRef(liens.file, line, 'competence', id));
        if (!rubriqueType[rubrique]) {
          return problems.push(badRow(liens.file, line, { raison: 'rubrique', value: rubrique }));
        }
        // The rubrique of the link is authoritative for the type (savoirs live in their own table).
        comp.type = rubriqueType[rubrique]!;
        const coeur = coeurs.get(code)?.get(id);
        m.competences.push(coeur ? { id: comp.id, coeur } : { id: comp.id });
      };
    }),
  );
  coeurs.clear();

  // Definitions (optional table): sentences of type `definition`, in position order.
  const sentences = new Map<string, Array<[number, string]>>();
  await read(
    'texte',
    use((texte: CsvTable) => {
      const c = columns(texte, ['code_rome', 'libelle_type_texte', 'libelle_texte'], [], ['position_phrase']);
      if (!c) return undefined;
      let i = -1;
      return (r: string[]) => {
        i++;
        if (r[c.libelle_type_texte] !== 'definition') return;
        const code = r[c.code_rome]!;
        const pos = c.position_phrase !== undefined ? Number(r[c.position_phrase]) : i;
        const list = sentences.get(code) ?? [];
        list.push([Number.isFinite(pos) ? pos : i, r[c.libelle_texte]!]);
        sentences.set(code, list);
      };
    }),
  );
  for (const [code, list] of sentences) {
    const m = metiers.get(code);
    if (m)
      m.definition = list
        .sort((x, y) => x[0] - y[0])
        .map((x) => x[1])
        .join(' ');
  }

  let contextes: Record<string, string> | undefined;
  await read(
    'referentiel_contexte_travail',
    use((ctx: CsvTable) => {
      const c = columns(ctx, ['code_ogr', 'libelle_cont_travail'], problems);
      if (!c) return undefined;
      const labels: Record<string, string> = (contextes = {});
      return (r: string[]) => {
        labels[r[c.code_ogr]!] = r[c.libelle_cont_travail]!;
      };
    }),
  );

  let mobilites: MobiliteOfficielle[] | undefined;
  let finishMobilites: (() => MobiliteOfficielle[]) | undefined;
  await read(
    'rubrique_mobilite',
    use((table: CsvTable) => {
      const m = mobilitesReader(table, metiers, problems);
      if (!m) return undefined;
      finishMobilites = m.finish;
      return m.row;
    }),
  );
  if (refused) return undefined;
  if (!fichesOk) return { problems: done() };
  if (finishMobilites) mobilites = finishMobilites();

  const versionBytes = await host.readFile(joinPath(dir, 'version.txt'));
  const { numero, titre } = versionBytes ? parseVersionText(decodeText(versionBytes, 'version.txt', problems)) : {};
  if (!numero) problems.push(problem('GTEC-W305', pointer, { file: 'version.txt', value: suffix.slice(-2) }, { location: { file: 'version.txt' } }));
  const version = numero ?? suffix.slice(-2);
  const edition = titre ? / - (\S+)\s*$/.exec(titre)?.[1] : undefined;

  const list = [...metiers.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (list.length === 0) {
    problems.push(problem('GTEC-E305', pointer, { file: `unix_referentiel_code_rome_v${suffix}_utf8.csv` }));
    return { problems: done() };
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
  return { referential, problems: done() };
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
function mobilitesReader(table: CsvTable, metiers: Map<string, Metier>, problems: Problem[]): { row: (r: string[], line: number) => void; finish: () => MobiliteOfficielle[] } | undefined {
  const c = columns(table, ['code_rome', 'code_rome_cible'], problems, ['numero_ordre', 'code_type_mobilite']);
  if (!c) return undefined;
  const best = new Map<string, MobiliteOfficielle>();
  const seen = new Map<string, number>();
  const row = (r: string[], line: number) => {
    const source = r[c.code_rome]!;
    const cible = r[c.code_rome_cible]!;
    if (!metiers.has(source)) return problems.push(unknownRef(table.file, line, 'fiche', source));
    if (!metiers.has(cible)) return problems.push(unknownRef(table.file, line, 'fiche', cible));
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
  };
  return { row, finish: () => [...best.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.rang - b.rang)) };
}

function badRow(file: string, line: number, raison: RaisonLigne): Problem {
  return problem('GTEC-W301', '', { file, line, ...raison }, { location: { file, line } });
}

function unknownRef(file: string, line: number, kind: ElementReferentiel, value: string): Problem {
  return problem('GTEC-W302', '', { file, line, kind, value }, { location: { file, line } });
}
