/**
 * Fills the generated parts of docs/format.md: the complete example (the fixture
 * tests/fixtures/format/valide-complet.gtec.yaml, which tests validate) and the field tables (from
 * the schema's descriptions). Text outside the `<!-- généré:… -->` markers is written by hand.
 * tests/format/generated.test.ts fails when the committed page is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaJson } from './generate-schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FORMAT_PATH = 'docs/format.md';
const EXEMPLE = 'tests/fixtures/format/valide-complet.gtec.yaml';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  additionalProperties?: JsonSchema | boolean;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(', ');
  if (s.type === 'array') return `liste de ${s.items ? typeOf(s.items) : 'valeurs'}`;
  if (s.type === 'object') return s.properties ? 'table (voir ci-dessous)' : 'table clé → texte';
  const t = { string: 'texte', number: 'nombre', integer: 'entier', boolean: 'booléen' }[s.type ?? ''] ?? s.type ?? '?';
  const bounds = [s.minimum !== undefined ? `≥ ${s.minimum}` : '', s.maximum !== undefined ? `≤ ${s.maximum}` : '', s.minLength ? 'non vide' : '', s.minItems ? `au moins ${s.minItems}` : ''].filter(Boolean);
  return bounds.length ? `${t} (${bounds.join(', ')})` : t;
}

/** One table per object of the schema, in document order, headed by its path. */
function tables(s: JsonSchema, where: string, out: string[]): void {
  const props = s.properties ?? {};
  out.push(`### \`${where}\``, '');
  if (s.description) out.push(cell(s.description), '');
  out.push('| clé | type | obligatoire | défaut | description |', '|---|---|---|---|---|');
  for (const [k, v] of Object.entries(props)) {
    const req = s.required?.includes(k) && v.default === undefined ? 'oui' : '';
    const def = v.default !== undefined ? `\`${JSON.stringify(v.default)}\`` : '';
    const desc = v.description ?? v.items?.description ?? '';
    out.push(`| \`${k}\` | ${cell(typeOf(v))} | ${req} | ${cell(def)} | ${cell(desc)} |`);
  }
  out.push('');
  for (const [k, v] of Object.entries(props)) {
    const p = where === '(racine)' ? k : `${where}.${k}`;
    if (v.type === 'object' && v.properties) tables(v, p, out);
    else if (v.type === 'array' && v.items?.type === 'object' && v.items.properties) tables(v.items, `${p}[]`, out);
  }
}

function replaceBlock(text: string, name: string, content: string): string {
  const re = new RegExp(`(<!-- généré:${name} -->\\n)[\\s\\S]*?(<!-- fin:${name} -->)`);
  if (!re.test(text)) throw new Error(`docs/format.md : marqueurs « ${name} » absents`);
  return text.replace(re, (_m, a: string, b: string) => a + content + b);
}

export function formatDocs(current: string): string {
  const exemple = readFileSync(path.join(ROOT, EXEMPLE), 'utf8').trimEnd();
  let text = replaceBlock(current, 'exemple', '```yaml\n' + exemple + '\n```\n');
  const out: string[] = [];
  tables(JSON.parse(schemaJson()) as JsonSchema, '(racine)', out);
  text = replaceBlock(text, 'tables', out.join('\n'));
  return text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(ROOT, FORMAT_PATH);
  writeFileSync(file, formatDocs(readFileSync(file, 'utf8')));
  console.log(`écrit : ${FORMAT_PATH}`);
}
