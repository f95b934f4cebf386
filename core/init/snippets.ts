/**
 * Snippets of the format, one source for every editor: a whole minimal diagnostic, a source, a
 * métier, a fiche action and an indicateur, with tab stops and the schema's enum values as choices.
 * Written out as VS Code snippet files for `gtec` (YAML) and `gtec-json` (scripts/generate-snippets.ts)
 * and as `defaultSnippets` of the JSON schema (scripts/generate-schema.ts), which Red Hat's
 * yaml-language-server and VS Code's JSON service offer in completion (an empty file gets the
 * skeleton). Each expansion is valid as inserted (tests/init/snippets.test.ts).
 */
import { Cible, Indicateur, TypeSource, TypeTerritoire } from '../format/schema.js';
import { locales } from '../locale/index.js';
import type { Lang } from '../problems.js';

/**
 * A leaf: snippet text (tab stops, choices) and how it is written: `texte` plain in YAML and quoted
 * in JSON, `code` quoted in both (leading zeros count), `brut` unquoted in both (numbers, booleans).
 */
export interface SnippetLeaf {
  snippet: string;
  kind: 'texte' | 'code' | 'brut';
}
export type SnippetBody = SnippetLeaf | SnippetBody[] | { [key: string]: SnippetBody };

export type SnippetId = 'diagnostic' | 'source' | 'metier' | 'fiche-action' | 'indicateur';

export interface GtecSnippet {
  id: SnippetId;
  /** What the user types: `gtec-diagnostic`, `gtec-source`… */
  prefix: string;
  label: string;
  description: string;
  /** Where it goes: the list it is an item of (`['sources']`), or `[]` for the whole document. */
  place: readonly string[];
  body: SnippetBody;
}

const isLeaf = (b: SnippetBody): b is SnippetLeaf => typeof b === 'object' && b !== null && !Array.isArray(b) && typeof (b as SnippetLeaf).snippet === 'string' && typeof (b as SnippetLeaf).kind === 'string';

/** Snippet syntax escapes in a default text (`$`, `}`, `\`) and in a choice (also `,` and `|`). */
const escapeDefault = (s: string) => s.replace(/[$}\\]/g, '\\$&');
const escapeChoice = (s: string) => s.replace(/[$}\\,|]/g, '\\$&');

/** Tab stops numbered in reading order within one snippet. */
function stops() {
  let n = 0;
  return {
    texte: (d: string): SnippetLeaf => ({ snippet: `\${${++n}:${escapeDefault(d)}}`, kind: 'texte' }),
    code: (d: string): SnippetLeaf => ({ snippet: `\${${++n}:${escapeDefault(d)}}`, kind: 'code' }),
    nombre: (d: number): SnippetLeaf => ({ snippet: `\${${++n}:${d}}`, kind: 'brut' }),
    /** The schema's values, `first` first (the default a Tab keeps), then the others in schema order. */
    choix: (values: readonly string[], first: string, kind: 'texte' | 'brut' = 'texte'): SnippetLeaf => ({
      snippet: `\${${++n}|${[first, ...values.filter((v) => v !== first)].map(escapeChoice).join(',')}|}`,
      kind,
    }),
  };
}

const fixe = (snippet: string | number): SnippetLeaf => ({ snippet: String(snippet), kind: typeof snippet === 'number' ? 'brut' : 'texte' });

/** The snippets in a language (labels, descriptions and example texts). */
export function gtecSnippets(lang: Lang): GtecSnippet[] {
  const w = locales[lang].init.snippets;
  const diagnostic = (() => {
    const t = stops();
    return {
      gtec: fixe(1),
      titre: t.texte(w.exemples.titre),
      territoire: { nom: t.texte(w.exemples.territoire), type: t.choix(TypeTerritoire.options, 'bassin-bmo'), codes: [t.code('5225')] },
      periode: { debut: t.nombre(2019), fin: t.nombre(2024) },
    };
  })();
  const source = (() => {
    const t = stops();
    return { id: t.texte('effectifs'), type: t.choix(TypeSource.options, 'effectifs'), chemin: t.texte(w.exemples.chemin), producteur: t.texte('INSEE') };
  })();
  const metier = (() => {
    const t = stops();
    return { code: t.code('H2913'), strategique: t.choix(['true', 'false'], 'true', 'brut'), note: t.texte(w.exemples.note) };
  })();
  const fiche = (() => {
    const t = stops();
    return {
      id: t.texte('FA1'),
      titre: t.texte(w.exemples.fiche),
      objectifs: [t.texte(w.exemples.objectif)],
      cibles: [t.choix(Cible.options, 'salaries')],
      calendrier: { debut: t.code('2025-09') },
    };
  })();
  const indicateur = (() => {
    const t = stops();
    return { id: t.texte('IND-1'), libelle: t.texte(w.exemples.indicateur), type: t.choix(Indicateur.shape.type.options, 'realisation'), unite: t.texte(w.exemples.unite), cible: t.nombre(50) };
  })();
  const s = (id: SnippetId, place: readonly string[], body: SnippetBody): GtecSnippet => ({ id, prefix: `gtec-${id}`, label: w[id].label, description: w[id].description, place, body });
  return [s('diagnostic', [], diagnostic), s('source', ['sources'], source), s('metier', ['metiers'], metier), s('fiche-action', ['plan_action'], fiche), s('indicateur', ['evaluation', 'indicateurs'], indicateur)];
}

/** A leaf as YAML: `texte` plain, `code` double-quoted (the snippet text holds no quote), `brut` as is. */
const yamlLeaf = (l: SnippetLeaf) => (l.kind === 'code' ? `"${l.snippet}"` : l.snippet);
const jsonLeaf = (l: SnippetLeaf) => (l.kind === 'brut' ? l.snippet : `"${l.snippet}"`);

function yamlLines(body: SnippetBody, indent: string): string[] {
  if (isLeaf(body)) return [yamlLeaf(body)];
  if (Array.isArray(body)) {
    // Lists of scalars on one line when they are codes or choices (`[salaries]`), else one item a line.
    if (body.every((b) => isLeaf(b) && (b.kind !== 'texte' || b.snippet.includes('|')))) return [`[${body.map((b) => yamlLeaf(b as SnippetLeaf)).join(', ')}]`];
    return body.flatMap((b) => {
      const [first, ...rest] = yamlLines(b, `${indent}  `);
      return [`- ${first}`, ...rest.map((l) => `  ${l}`)];
    });
  }
  return Object.entries(body).flatMap(([k, v]) => {
    if (isLeaf(v)) return [`${k}: ${yamlLeaf(v)}`];
    const inner = yamlLines(v, `${indent}  `);
    if (Array.isArray(v) && inner.length === 1 && inner[0]!.startsWith('[')) return [`${k}: ${inner[0]}`];
    return [`${k}:`, ...inner.map((l) => `  ${l}`)];
  });
}

/** The snippet's text for a YAML file: a mapping for the document, a `- ` item for a list. */
export function snippetYaml(s: GtecSnippet): string {
  const lines = yamlLines(s.place.length ? [s.body] : s.body, '');
  return `${lines.join('\n')}\n`;
}

function jsonText(body: SnippetBody, indent: string): string {
  if (isLeaf(body)) return jsonLeaf(body);
  const next = `${indent}  `;
  if (Array.isArray(body)) return `[${body.map((b) => jsonText(b, next)).join(', ')}]`;
  return `{\n${Object.entries(body)
    .map(([k, v]) => `${next}"${k}": ${jsonText(v, next)}`)
    .join(',\n')}\n${indent}}`;
}

/** The snippet's text for a JSON file: the document's object, or an item's object for a list. */
export function snippetJson(s: GtecSnippet): string {
  return s.place.length ? jsonText(s.body, '') : `${jsonText(s.body, '')}\n`;
}

/**
 * The body as JSON Schema `defaultSnippets` carry it (yaml-language-server, vscode-json-languageservice):
 * values are snippet text, quoted by the server as strings unless they start with `^` (written as is).
 * A code is written `^"…"`: double quotes read the same in YAML and JSON, and keep `5225` a text.
 */
export function defaultSnippetBody(body: SnippetBody): unknown {
  if (isLeaf(body)) return body.kind === 'brut' ? `^${body.snippet}` : body.kind === 'code' ? `^"${body.snippet}"` : body.snippet;
  if (Array.isArray(body)) return body.map(defaultSnippetBody);
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, defaultSnippetBody(v)]));
}
