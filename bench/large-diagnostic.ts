/**
 * The generated large diagnostic of the editor benches (language-service.bench.ts,
 * vscode-preview.bench.ts): up to 300 ROME codes, a ~100 000-row effectifs CSV (codes × 55 zones ×
 * 6 years), 60 acteurs, 20 financements, `fiches` fiches action with one indicateur each. Each
 * bench orders the parts as it needs (where completion is asked, for example).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The first 300 fiche codes of the ROME export's `unix_referentiel_code_rome` file. */
export function romeCodes(romeCsv: string): string[] {
  const lines = readFileSync(romeCsv, 'utf8').split('\n').slice(1);
  return [...new Set(lines.map((l) => l.split(',')[0]!.replace(/"/g, '')).filter((c) => /^[A-N]\d{4}$/.test(c)))].slice(0, 300);
}

/** Writes `effectifs.csv` into `dir`; its number of data rows. */
export function writeEffectifs(dir: string, codes: readonly string[]): number {
  const zones = ['9901', '99', ...Array.from({ length: 53 }, (_, i) => String(1000 + i))];
  const rows = ['metier;zone;annee;effectif'];
  for (const c of codes) for (const z of zones) for (let y = 2019; y <= 2024; y++) rows.push(`${c};${z};${y};${30 + ((c.charCodeAt(1) * 7 + y + z.length) % 200)}`);
  writeFileSync(path.join(dir, 'effectifs.csv'), `${rows.join('\n')}\n`);
  return rows.length - 1;
}

/** The lines of the diagnostic: its head (through `sources`), `acteurs` + `financements`, `metiers`, and the plan and evaluation of `fiches` fiches action. */
export function diagnosticParts(codes: readonly string[], real: boolean): { head: string[]; acteurs: string[]; metiers: string[]; plan: (fiches: number) => string[] } {
  const head = [
    'gtec: 1',
    'titre: Grand diagnostic de banc d’essai',
    'territoire:',
    '  nom: Bassin du banc',
    '  type: zone-emploi',
    "  codes: ['9901']",
    '  reference:',
    '    nom: Région',
    '    type: region',
    "    codes: ['99']",
    'periode:',
    '  debut: 2019',
    '  fin: 2024',
    ...(real ? ['referentiel:', '  type: rome-officiel', '  chemin: $donnees/rome-officiel/v460'] : ['referentiel:', '  type: demo']),
    'sources:',
    '  - id: emploi',
    '    type: effectifs',
    '    chemin: effectifs.csv',
  ];
  const acteurs = [
    'acteurs:',
    ...Array.from({ length: 60 }, (_, i) => [`  - id: a${i}`, `    nom: Acteur ${i}`, '    type: entreprise', '    roles: [mise-en-oeuvre, financement]']).flat(),
    'financements:',
    ...Array.from({ length: 20 }, (_, i) => [`  - id: f${i}`, `    financeur: a${i}`, '    montant: 10000']).flat(),
  ];
  const metiers = ['metiers:', ...codes.flatMap((c, i) => [`  - code: ${c}`, `    strategique: ${i % 7 === 0}`])];
  const plan = (fiches: number) => [
    'plan_action:',
    ...Array.from({ length: fiches }, (_, i) => [
      `  - id: fa${i}`,
      `    titre: Action ${i}   # commentaire`,
      '    objectifs: [Former, Recruter]',
      `    metiers: [${codes[i % codes.length]}, ${codes[(i * 7) % codes.length]}]`,
      `    acteurs: [{ acteur: a${i % 60}, role: mise-en-oeuvre }]`,
      `    indicateurs: [ind${i}]`,
    ]).flat(),
    'evaluation:',
    '  indicateurs:',
    ...Array.from({ length: fiches }, (_, i) => [`    - id: ind${i}`, `      libelle: Indicateur ${i}`, '      type: realisation', '      unite: personnes', '      cible: 10']).flat(),
  ];
  return { head, acteurs, metiers, plan };
}
