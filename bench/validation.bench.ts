/**
 * Validation time of a large generated diagnostic (300 métiers, 300 fiches action, 300
 * indicators, 100 actors): parse (with positions) vs schema vs semantic rules, and against a
 * reference without positions in the same run (`YAML.parse` + `Diagnostic.safeParse`), to show
 * what positions and rules cost. Run: `npx tsx bench/validation.bench.ts`.
 */
import YAML from 'yaml';
import { parseDiagnosticText } from '../core/format/parse.js';
import { Diagnostic, type DiagnosticInput } from '../core/format/schema.js';
import { semanticProblems } from '../core/format/semantic/index.js';
import { validateDiagnosticSync } from '../core/validation/validate.js';

const RUNS = 9;

function generate(): string {
  const code = (i: number) => `${String.fromCharCode(65 + (i % 14))}${String(1000 + i).padStart(4, '0')}`;
  const acteurs = Array.from({ length: 100 }, (_, i) => ({ id: `a${i}`, nom: `Acteur ${i}`, type: 'entreprise' as const, roles: i % 2 ? ['financement' as const, 'mise-en-oeuvre' as const] : ['pilotage' as const, 'diagnostic' as const] }));
  const financements = Array.from({ length: 50 }, (_, i) => ({ id: `f${i}`, financeur: `a${2 * i + 1}`, montant: 1_000_000, debut: '2025-01', fin: '2027-12' }));
  const doc: DiagnosticInput = {
    gtec: 1,
    titre: 'Grand diagnostic généré',
    territoire: { nom: 'Région', type: 'region', codes: ['52'] },
    periode: { debut: 2019, fin: 2024 },
    metiers: Array.from({ length: 300 }, (_, i) => ({ code: code(i), strategique: i % 3 === 0, note: `Note ${i}` })),
    acteurs,
    gouvernance: { porteur: 'a0', comites: [{ id: 'copil', type: 'pilotage', membres: acteurs.slice(0, 20).map((a) => a.id) }] },
    financements,
    plan_action: Array.from({ length: 300 }, (_, i) => ({
      id: `fa${i}`,
      titre: `Fiche ${i}`,
      objectifs: ['Former', 'Accompagner'],
      cibles: ['salaries' as const],
      metiers: [code(i), code((i + 1) % 300)],
      acteurs: [{ acteur: `a${(2 * i + 1) % 100}`, role: 'mise-en-oeuvre' as const }],
      financements: [{ financement: `f${i % 50}`, montant: 1000 }],
      calendrier: { debut: '2025-01', fin: '2026-12', etapes: [{ libelle: 'Bilan', date: '2026-06' }] },
      indicateurs: [`i${i}`],
    })),
    evaluation: { indicateurs: Array.from({ length: 300 }, (_, i) => ({ id: `i${i}`, libelle: `Indicateur ${i}`, type: 'realisation' as const, unite: 'personnes', cible: 10, echeance: '2026-12' })) },
  };
  return YAML.stringify(doc);
}

function median(f: () => unknown): number {
  const times: number[] = [];
  f(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}

const text = generate();
const parsed = parseDiagnosticText(text, 'x.gtec.yaml');
const doc = Diagnostic.parse(parsed.value);
const check = validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' });
if (!check.doc || check.problems.some((p) => p.severity === 'error')) throw new Error('document généré invalide : ' + JSON.stringify(check.problems.slice(0, 3)));

const rows: Array<[string, number]> = [
  ['parse (yaml parseDocument + positions + garde-fous)', median(() => parseDiagnosticText(text, 'x.gtec.yaml'))],
  ['schéma (Diagnostic.safeParse)', median(() => Diagnostic.safeParse(parsed.value))],
  ['règles sémantiques', median(() => semanticProblems(doc, {}))],
  ['total validateDiagnosticSync', median(() => validateDiagnosticSync(text, { fileName: 'x.gtec.yaml' }))],
  ['référence : YAML.parse + safeParse (sans positions ni règles)', median(() => Diagnostic.safeParse(YAML.parse(text)))],
];
console.log(`Diagnostic généré : ${(text.length / 1024).toFixed(0)} Kio, ${text.split('\n').length} lignes ; médiane de ${RUNS} exécutions`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(64)} ${ms.toFixed(1).padStart(8)} ms`);
const total = rows[3]![1];
const ref = rows[4]![1];
console.log(`  rapport total / référence : ${(total / ref).toFixed(2)}`);
