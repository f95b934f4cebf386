/**
 * Writes docs/erreurs.md: every problem code of every catalogue (`core/catalogues.ts`),
 * with its meaning, severity and its message rendered from its `exemple` in both languages;
 * format codes also show their test fixture.
 * tests/format/generated.test.ts fails when the committed file is stale, so the page stays complete
 * as codes are added.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueAreas, type AnyProblemDefinition } from '../core/catalogues.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ERREURS_PATH = 'docs/erreurs.md';

const AREAS: Record<keyof typeof catalogueAreas, string> = {
  format: 'Format et règles du fichier de diagnostic (E0xx, E1xx)',
  data: 'Fichiers de données (E2xx)',
  referential: 'Référentiel de compétences (E3xx)',
  analysis: 'Analyse (E4xx)',
  init: 'Création d’un diagnostic : gtec init, « Nouveau diagnostic » (E5xx)',
};
const SEVERITE = { error: 'erreur', warning: 'avertissement', info: 'info' } as const;

/** The message of a code rendered from its `exemple`. */
function sample(def: AnyProblemDefinition, lang: 'fr' | 'en'): string {
  return def[lang](def.exemple);
}

export async function errorDocs(): Promise<string> {
  const lines = [
    '# Codes des problèmes GTEC',
    '',
    '<!-- Généré par `npx tsx scripts/generate-error-docs.ts` depuis les catalogues `core/*/problems-*.ts` : ne pas modifier à la main. -->',
    '',
    'Chaque problème signalé par `gtec check`, `gtec diagnostic`, l’extension VS Code ou le complément Excel porte un code stable.',
    'Préfixe : **E** erreur (le fichier ou la donnée ne peut pas être utilisé tel quel), **W** avertissement (utilisable, mais à vérifier),',
    '**I** information. Les messages sont en français puis en anglais (`--lang en`), rendus depuis les données d’exemple de chaque code : les valeurs citées sont remplacées par les faits du cas réel.',
    '',
  ];
  for (const [area, { file, catalogue }] of Object.entries(catalogueAreas) as Array<[keyof typeof catalogueAreas, (typeof catalogueAreas)[keyof typeof catalogueAreas]]>) {
    const defs: Record<string, AnyProblemDefinition> = catalogue;
    lines.push(`## ${AREAS[area]}`, '', `Catalogue : \`${file}\`.`, '');
    const codes = Object.keys(defs).sort((a, b) => a.slice(6).localeCompare(b.slice(6)) || a.localeCompare(b));
    for (const code of codes) {
      const def = defs[code]!;
      lines.push(`### ${code} — ${def.title.replace(/\.$/, '')}`, '', `Gravité : ${SEVERITE[def.severity]}.`, '');
      const fr = sample(def, 'fr');
      const en = sample(def, 'en');
      // Messages may hold « <table> »: escaped so that Markdown does not read HTML.
      const md = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\*/g, '\\*');
      lines.push(`Exemple de message : « ${md(fr)} »`, '');
      lines.push(`*In English:* “${md(en)}”`, '');
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
