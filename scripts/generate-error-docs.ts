/**
 * Writes docs/erreurs.md: every problem code of every catalogue (`core/<area>/problems-*.ts`),
 * with its meaning, severity and an example message; format codes also show their test fixture.
 * tests/format/generated.test.ts fails when the committed file is stale, so the page stays complete
 * as codes are added.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Catalogue, ProblemData, ProblemDefinition } from '../core/problems.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ERREURS_PATH = 'docs/erreurs.md';

const AREAS: Record<string, string> = {
  format: 'Format et règles du fichier de diagnostic (E0xx, E1xx)',
  data: 'Fichiers de données (E2xx)',
  referential: 'Référentiel de compétences (E3xx)',
  analysis: 'Analyse (E4xx)',
};
const SEVERITE = { error: 'erreur', warning: 'avertissement', info: 'info' } as const;

/** Catalogue files, in a stable order. */
function catalogueFiles(): Array<{ area: string; file: string }> {
  const out: Array<{ area: string; file: string }> = [];
  // In the order of the code ranges (E0/E1, E2, E3, E4), then any other area by name.
  const rank = (a: string) => (Object.keys(AREAS).indexOf(a) + 100) % 100;
  const areas = readdirSync(path.join(ROOT, 'core'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (Object.keys(AREAS).includes(a) ? rank(a) : 99) - (Object.keys(AREAS).includes(b) ? rank(b) : 99) || a.localeCompare(b));
  for (const area of areas) {
    const dir = path.join(ROOT, 'core', area);
    for (const f of readdirSync(dir).sort()) if (/^problems-.*\.ts$/.test(f)) out.push({ area, file: `core/${area}/${f}` });
  }
  return out;
}

/** The message of a code with sample data: its `exemple` when given, else placeholders. */
function sample(def: ProblemDefinition, lang: 'fr' | 'en'): string | undefined {
  const exemple = (def as ProblemDefinition & { exemple?: ProblemData }).exemple;
  const data = exemple ?? new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? `‹${k}›` : undefined) });
  try {
    return def[lang](data);
  } catch {
    return undefined;
  }
}

export async function errorDocs(): Promise<string> {
  const lines = [
    '# Codes des problèmes GTEC',
    '',
    '<!-- Généré par `npx tsx scripts/generate-error-docs.ts` depuis les catalogues `core/*/problems-*.ts` : ne pas modifier à la main. -->',
    '',
    'Chaque problème signalé par `gtec check`, `gtec diagnostic`, l’extension VS Code ou le complément Excel porte un code stable.',
    'Préfixe : **E** erreur (le fichier ou la donnée ne peut pas être utilisé tel quel), **W** avertissement (utilisable, mais à vérifier),',
    '**I** information. Les messages sont en français puis en anglais (`--lang en`). Les valeurs entre ‹ › sont remplacées par les faits du cas réel.',
    '',
  ];
  for (const { area, file } of catalogueFiles()) {
    const mod = (await import(pathToFileURL(path.join(ROOT, file)).href)) as { Catalogue?: Catalogue };
    if (!mod.Catalogue) continue;
    lines.push(`## ${AREAS[area] ?? area}`, '', `Catalogue : \`${file}\`.`, '');
    const codes = Object.keys(mod.Catalogue).sort((a, b) => a.slice(6).localeCompare(b.slice(6)) || a.localeCompare(b));
    for (const code of codes) {
      const def = mod.Catalogue[code]!;
      lines.push(`### ${code} — ${def.title.replace(/\.$/, '')}`, '', `Gravité : ${SEVERITE[def.severity]}.`, '');
      const fr = sample(def, 'fr');
      const en = sample(def, 'en');
      // Messages may hold « <table> »: escaped so that Markdown does not read HTML.
      const md = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\*/g, '\\*');
      if (fr) lines.push(`Exemple de message : « ${md(fr)} »`, '');
      if (en) lines.push(`*In English:* “${md(en)}”`, '');
      const fixture = ['yaml', 'json'].map((x) => `tests/fixtures/format/${code}.gtec.${x}`).find((f) => existsSync(path.join(ROOT, f)));
      if (fixture) {
        const text = readFileSync(path.join(ROOT, fixture), 'utf8').trimEnd();
        lines.push(`Exemple de fichier (\`${fixture}\`) :`, '', '```' + (fixture.endsWith('json') ? 'json' : 'yaml'), text, '```', '');
      }
    }
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(path.join(ROOT, ERREURS_PATH), await errorDocs());
  console.log(`écrit : ${ERREURS_PATH}`);
}
