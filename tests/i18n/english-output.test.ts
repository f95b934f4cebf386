/**
 * The built CLI's output in one language carries no words of ours from the other language:
 * `gtec check` and `gtec diagnostic` on every example, in English (no French words, no « »
 * guillemets, no space before a colon) and in French (no English words). What is scanned: stdout
 * and stderr, the HTML report's text (text nodes and tooltips) and the workbook's strings (sheet
 * names, cells, notes). Data values are French and allowed: every string of the diagnostic file
 * (values and keys) and of the result (labels from the referential and the data, the user's titles
 * and notes, producers) is removed from the text before the scan, except our own sentences in it
 * (explanations and problem messages).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const GTEC = path.join(ROOT, 'dist/cli/gtec.cjs');
const SORTIES = mkdtempSync(path.join(tmpdir(), 'gtec-i18n-'));

/** The real public data, declared as the data folder (`--donnees`) of the examples that read `$donnees/…`. */
const DONNEES = path.resolve(ROOT, '../shared/data');
const AVEC_DONNEES = existsSync(DONNEES) ? ['--donnees', DONNEES] : [];

/**
 * The examples: every *.gtec.yaml under examples/ (without ../shared/data, the real-data examples
 * say so in one information; with it, reel-region's ≈ 30 MB of JSON and 12 MB of HTML are scanned
 * too, which is why data values are found through an index rather than one search per value).
 */
function exemples(): string[] {
  const out: string[] = [];
  for (const d of readdirSync(path.join(ROOT, 'examples')).sort()) {
    const dossier = path.join(ROOT, 'examples', d);
    if (!statSync(dossier).isDirectory()) continue;
    for (const f of readdirSync(dossier).sort()) if (/\.gtec\.ya?ml$/.test(f)) out.push(path.join('examples', d, f));
  }
  return out;
}

beforeAll(() => {
  if (!existsSync(GTEC)) throw new Error('dist/cli/gtec.cjs is missing: run `npm run build` first');
});
afterAll(() => rmSync(SORTIES, { recursive: true, force: true }));

function gtec(args: string[]): { code: number | null; sortie: string } {
  const r = spawnSync(process.execPath, [GTEC, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GTEC_LANG: '' } });
  return { code: r.status, sortie: `${r.stdout}\n${r.stderr}` };
}

// ---- Data values: what the user and the data wrote, allowed in any language ----

/** Keys of the result whose strings are our own words (sentences in both languages), not data. */
const NOS_MOTS = new Set(['texte', 'message', 'messages', 'problemes']);

function chaines(v: unknown, out: Set<string>, dansResultat: boolean): void {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) chaines(x, out, dansResultat);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (dansResultat && NOS_MOTS.has(k)) continue;
      out.add(k);
      chaines(x, out, dansResultat);
    }
  }
}

/**
 * The data values of a run, indexed by their first word: a line's data values are found from its own
 * words (one lookup per word), not by searching the line for every value.
 */
interface Valeurs {
  /** First word (letters and digits) → [value, offset of that word in the value], longest value first. */
  parMot: Map<string, Array<[string, number]>>;
  /** Every value, sorted: a chart label cut by an ellipsis is allowed when it starts one of them. */
  triees: string[];
}

const MOT = /[\p{L}\p{N}]+/gu;

function donnees(fichier: string, json: string | undefined): Valeurs {
  const out = new Set<string>();
  chaines(parse(readFileSync(path.join(ROOT, fichier), 'utf8')), out, false);
  if (json) chaines(JSON.parse(json), out, true);
  const parMot = new Map<string, Array<[string, number]>>();
  const triees = [...out].filter((s) => s.trim().length > 1).sort();
  for (const v of triees) {
    const premier = new RegExp(MOT.source, 'u').exec(v);
    if (!premier) continue;
    const liste = parMot.get(premier[0]) ?? [];
    liste.push([v, premier.index]);
    parMot.set(premier[0], liste);
  }
  for (const liste of parMot.values()) liste.sort((a, b) => b[0].length - a[0].length);
  return { parMot, triees };
}

const lettreOuChiffre = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** `ligne` with every data value replaced by a space: at each word, the longest value that starts there as a whole (not inside a longer word). */
function sansValeurs(ligne: string, valeurs: Valeurs): string {
  let out = '';
  let fin = 0;
  for (const m of ligne.matchAll(MOT)) {
    if (m.index < fin) continue;
    for (const [v, decalage] of valeurs.parMot.get(m[0]) ?? []) {
      const debut = m.index - decalage;
      if (debut < fin || !ligne.startsWith(v, debut)) continue;
      if (lettreOuChiffre(ligne[debut - 1]) || lettreOuChiffre(ligne[debut + v.length])) continue;
      out += `${ligne.slice(fin, debut)} `;
      fin = debut + v.length;
      break;
    }
  }
  return out + ligne.slice(fin);
}

/** Some data value starts with `debut` (binary search in the sorted values). */
function commenceUneValeur(debut: string, valeurs: Valeurs): boolean {
  const t = valeurs.triees;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! < debut) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.length && t[lo]!.startsWith(debut);
}

// ---- Text of the outputs ----

const ENTITES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decoder = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITES[e] ?? m)));

/** The report's visible text: text nodes (charts' SVG text included) and tooltips, one per line. */
function texteHtml(html: string): string[] {
  const sans = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const out: string[] = [];
  for (const m of sans.matchAll(/\s(?:title|aria-label|alt)="([^"]*)"/g)) out.push(decoder(m[1]!));
  for (const m of sans.matchAll(/>([^<]+)</g)) out.push(decoder(m[1]!));
  return out;
}

async function texteXlsx(fichier: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        if (typeof v === 'string') out.push(v);
        else if (v && typeof v === 'object' && 'richText' in v) out.push((v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join(''));
        const note = c.note as unknown;
        if (typeof note === 'string') out.push(note);
        else if (note && typeof note === 'object' && 'texts' in note) out.push((note as { texts: Array<{ text: string }> }).texts.map((t) => t.text).join(''));
      }),
    );
  });
  return out;
}

// ---- The scan ----

/** French words of ours, unaccented or not (accented words are caught by their letters). */
const FRANCAIS = new Set(
  (
    'metier metiers passerelle passerelles fiche fiches famille familles referentiel donnees effectif effectifs territoire ligne lignes ' +
    'fichier fichiers erreur erreurs avertissement avertissements dossier tranche seuil projets emplois bassin aucun aucune ' +
    'et ou le la les des du un une pour dans sur avec sans est sont pas par au aux ce cette ces qui que'
  ).split(' '),
);
const ACCENTS = /[àâäçéèêëîïôöùûüÿœæ]/i;

/** English words of ours in French output. */
const ANGLAIS = new Set(
  (
    'the and of with without from for is are not by per this that these none yes error errors warning warnings file files line sheet ' +
    'occupation occupations pathway pathways family families threshold share employment found expected missing unknown cannot should must'
  ).split(' '),
);

/** The words of `lignes` (data values removed) that belong to the other language, with their context. */
function fautes(lignes: readonly string[], valeurs: Valeurs, lang: 'fr' | 'en'): string[] {
  const out: string[] = [];
  for (const ligne of lignes) {
    let t = sansValeurs(ligne, valeurs);
    // A label cut by a chart ends with an ellipsis: allowed when it starts a data value.
    t = t.replace(/(\S[^…]*)…/g, (m, debut: string) => (commenceUneValeur(debut.trim().replace(/^[A-Z0-9]{4,6} /, ''), valeurs) ? ' ' : m));
    // Names to type as they are, in any language: options, environment variables, settings, `$donnees`.
    t = t.replace(/--[\p{L}-]+|\$donnees|GTEC_[A-Z_]+|gtec\.[\p{L}.]+/gu, ' ');
    const mots = t.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
    const mauvais = lang === 'en' ? mots.filter((m) => ACCENTS.test(m) || FRANCAIS.has(m.toLowerCase())) : mots.filter((m) => ANGLAIS.has(m.toLowerCase()));
    const typo = lang === 'en' ? /[«»]|[\p{L}\p{N})\]"]\s[:;!?](?:\s|$)/u.test(t) : false;
    if (mauvais.length || typo) out.push(`${[...new Set(mauvais)].join(', ') || 'typography'} ← ${ligne.trim().slice(0, 200)}`);
  }
  return [...new Set(out)];
}

const LISTE = exemples();

describe.each(['en', 'fr'] as const)('gtec check and diagnostic --lang %s: no words of the other language', (lang) => {
  it.each(LISTE)('%s', async (fichier) => {
    const dossier = path.join(SORTIES, `${fichier.replace(/[\\/]/g, '__')}.${lang}`);
    const diag = gtec(['diagnostic', fichier, '--sortie', dossier, '--lang', lang, ...AVEC_DONNEES]);
    const check = gtec(['check', fichier, '--lang', lang, ...AVEC_DONNEES]);
    expect(check.code === 0 || check.code === 1, check.sortie).toBe(true);
    const json = existsSync(path.join(dossier, 'diagnostic.json')) ? readFileSync(path.join(dossier, 'diagnostic.json'), 'utf8') : undefined;
    const valeurs = donnees(fichier, json);
    // The output folder is ours to name: its path is not a word of the output.
    const sans = (s: string) => s.split(dossier).join(' ');
    const rapport: Record<string, string[]> = {
      'stdout/stderr': [...sans(diag.sortie).split('\n'), ...check.sortie.split('\n')],
    };
    if (existsSync(path.join(dossier, 'rapport.html'))) rapport['rapport.html'] = texteHtml(readFileSync(path.join(dossier, 'rapport.html'), 'utf8'));
    if (existsSync(path.join(dossier, 'diagnostic.xlsx'))) rapport['diagnostic.xlsx'] = await texteXlsx(path.join(dossier, 'diagnostic.xlsx'));
    const trouve = Object.entries(rapport).flatMap(([ou, lignes]) => fautes(lignes, valeurs, lang).map((f) => `${ou}: ${f}`));
    expect(trouve).toEqual([]);
  });
});
