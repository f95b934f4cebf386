/**
 * A simple CSV format for custom referentials: one row per (métier, compétence). See
 * docs/referentiels.md. Columns (header, any order, `,` `;` or tab):
 *   code_metier, libelle_metier, code_competence, libelle_competence   (required)
 *   type (savoir-faire | savoir-etre | savoir; default savoir-faire), coeur (oui/non, principale,
 *   emergente), macro, libelle_macro, groupe_macro, domaine, libelle_domaine, grand_domaine,
 *   appellations (separated by `|`)                                     (optional)
 */
import type { Problem } from '../problems.js';
import { columns, readCsvTable } from './csv-table.js';
import type { CompetenceType, Metier, Referentiel } from './model.js';
import { problem, type RaisonLigne } from './problems-referentiel.js';

const TYPES: Record<string, CompetenceType> = {
  'savoir-faire': 'savoir-faire',
  'savoir faire': 'savoir-faire',
  sf: 'savoir-faire',
  'savoir-etre': 'savoir-etre',
  'savoir-être': 'savoir-etre',
  'savoir etre': 'savoir-etre',
  se: 'savoir-etre',
  savoir: 'savoir',
  connaissance: 'savoir',
};

function coeurOf(v: string): 'principale' | 'emergente' | undefined | null {
  const x = v.trim().toLowerCase();
  if (x === '' || x === 'non' || x === '0' || x === 'false') return undefined;
  if (x === 'oui' || x === '1' || x === 'true' || x.startsWith('princ')) return 'principale';
  if (x.startsWith('émerg') || x.startsWith('emerg')) return 'emergente';
  return null;
}

export function loadCsvReferentiel(bytes: Uint8Array, file: string, pointer = ''): { referential?: Referentiel; problems: Problem[] } {
  const problems: Problem[] = [];
  const table = readCsvTable(bytes, file, problems);
  if (!table) return { problems };
  const c = columns(table, ['code_metier', 'libelle_metier', 'code_competence', 'libelle_competence'], problems, ['type', 'coeur', 'macro', 'libelle_macro', 'groupe_macro', 'domaine', 'libelle_domaine', 'grand_domaine', 'appellations']);
  if (!c) return { problems };
  const ref: Referentiel = { kind: 'csv', label: file, version: '', metiers: [], competences: {}, macros: {}, domaines: {} };
  const metiers = new Map<string, Metier>();
  const get = (r: string[], k: string) => (c[k] !== undefined ? (r[c[k]!] ?? '').trim() : '');
  const skip = (i: number, raison: RaisonLigne) => {
    const line = table.lines[i]!;
    problems.push(problem('GTEC-W301', pointer, { file, line, ...raison }, { location: { file, line } }));
  };
  table.rows.forEach((r, i) => {
    const code = get(r, 'code_metier');
    const id = get(r, 'code_competence');
    if (!code || !id) return skip(i, { raison: 'codes-vides' });
    const typeText = get(r, 'type').toLowerCase();
    const type = typeText === '' ? 'savoir-faire' : TYPES[typeText];
    if (!type) return skip(i, { raison: 'type-inconnu', value: typeText });
    const coeur = coeurOf(get(r, 'coeur'));
    if (coeur === null) return skip(i, { raison: 'coeur-inconnu', value: get(r, 'coeur') });
    let m = metiers.get(code);
    if (!m) {
      m = { code, libelle: get(r, 'libelle_metier') || code, appellations: [], competences: [] };
      const domaine = get(r, 'domaine');
      if (domaine) {
        m.domaine = domaine;
        const libelle = get(r, 'libelle_domaine');
        if (libelle) ref.domaines[domaine] = libelle;
      }
      const gd = get(r, 'grand_domaine') || (/^[A-Z]\d\d$/.test(domaine) ? domaine.charAt(0) : '');
      if (gd) m.grandDomaine = gd;
      metiers.set(code, m);
    }
    for (const a of get(r, 'appellations')
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (!m.appellations.includes(a)) m.appellations.push(a);
    }
    const macro = get(r, 'macro');
    if (!ref.competences[id]) {
      ref.competences[id] = { id, libelle: get(r, 'libelle_competence') || id, type };
      if (macro && type !== 'savoir') ref.competences[id]!.macro = macro;
    }
    if (macro && type !== 'savoir' && !ref.macros[macro]) {
      ref.macros[macro] = { id: macro, libelle: get(r, 'libelle_macro') || macro };
      const groupe = get(r, 'groupe_macro');
      if (groupe) ref.macros[macro]!.groupe = groupe;
    }
    if (!m.competences.some((x) => x.id === id)) m.competences.push(coeur ? { id, coeur } : { id });
  });
  ref.metiers = [...metiers.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (ref.metiers.length === 0) {
    problems.push(problem('GTEC-E305', pointer, { file }, { location: { file } }));
    return { problems };
  }
  return { referential: ref, problems };
}
