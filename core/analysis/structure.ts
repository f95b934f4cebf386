/**
 * The territory's economic structure: employment by sector with its indice de spécificité, the
 * Krugman and Herfindahl indices of the sector mix, and establishments by size band with the
 * Herfindahl index of establishment sizes.
 */
import type { EffectifRecord, EtablissementRecord } from '../data/records.js';
import type { SourceDoc } from '../format/schema.js';
import { ordreTranches } from './ages.js';
import { anneeInstantane, cumuler, deLAnnee, grouper, mesure, mesureCumul } from './cumul.js';
import { herfindahl, herfindahlParTranches, indiceSpecificite, krugman } from './indicators.js';
import type { DiagnosticResult, SecteurIndicateurs, StructureEtablissements } from './result.js';

const total = (rs: readonly { effectif?: EffectifRecord['effectif'] }[]) => cumuler(rs.map((r) => ({ n: r.effectif })));

/** Sectors of the rows with a `secteur`, at `annee` (rows in the source's own nomenclature). */
export function structureSecteurs(
  source: SourceDoc,
  territoire: readonly EffectifRecord[],
  reference: readonly EffectifRecord[] | undefined,
  annee: number,
  minimum: number,
): { secteurs: SecteurIndicateurs[]; specialisation?: NonNullable<DiagnosticResult['specialisation']> } {
  const annuel = (rs: readonly EffectifRecord[]) => rs.filter((r) => r.secteur && (r.annee ?? source.annee) === annee);
  const terr = grouper(annuel(territoire), (r) => r.secteur!);
  if (terr.size === 0) return { secteurs: [] };
  const ref = reference ? grouper(annuel(reference), (r) => r.secteur!) : undefined;
  const somme = (g: Map<string, EffectifRecord[]>) => {
    const m = new Map<string, number>();
    for (const [k, rs] of g) {
      const c = total(rs);
      if (c.valeur !== null) m.set(k, c.valeur);
    }
    return m;
  };
  const eZ = somme(terr);
  const eR = ref ? somme(ref) : undefined;
  const tZ = [...eZ.values()].reduce((a, b) => a + b, 0);
  const tR = eR ? [...eR.values()].reduce((a, b) => a + b, 0) : 0;
  const prov = { source: source.id, annee };
  const secteurs: SecteurIndicateurs[] = [];
  for (const [code, rs] of terr) {
    const s: SecteurIndicateurs = { code, effectif: mesureCumul(total(rs), minimum, prov) };
    const v = eZ.get(code);
    const vr = eR?.get(code);
    if (v !== undefined && vr !== undefined) s.indiceSpecificite = mesure(indiceSpecificite(v, tZ, vr, tR), v >= minimum, prov);
    secteurs.push(s);
  }
  const specialisation: NonNullable<DiagnosticResult['specialisation']> = {};
  const h = herfindahl([...eZ.values()]);
  if (h) {
    specialisation.herfindahl = mesure(h.hhi, true, prov);
    if (h.normalise !== null) specialisation.herfindahlNormalise = mesure(h.normalise, true, prov);
  }
  if (eR) {
    const k = krugman(eZ, eR);
    if (k !== null) specialisation.krugman = mesure(k, true, prov);
  }
  return { secteurs, specialisation };
}

/** Establishments and employment by size band (latest year ≤ `fin`); Herfindahl when every band gives its employment. */
export function structureEtablissements(source: SourceDoc, territoire: readonly EtablissementRecord[], fin: number): StructureEtablissements | undefined {
  const avecAnnee = territoire.map((r) => (r.annee === undefined && source.annee !== undefined ? { ...r, annee: source.annee } : r));
  const annee = anneeInstantane(
    avecAnnee.map((r) => r.annee),
    fin,
  );
  const rows = deLAnnee(avecAnnee, annee);
  if (rows.length === 0) return undefined;
  const tranches: StructureEtablissements['tranches'] = [];
  let complet = true;
  for (const [taille, rs] of grouper(rows, (r) => r.taille)) {
    const n = cumuler(rs.map((r) => ({ n: r.etablissements })));
    const e = rs.every((r) => r.effectif) ? total(rs) : undefined;
    if (n.valeur === null) {
      complet = false;
      continue;
    }
    const t: StructureEtablissements['tranches'][number] = { taille, etablissements: n.valeur };
    if (e?.valeur != null) t.effectif = e.valeur;
    else complet = false;
    tranches.push(t);
  }
  tranches.sort((a, b) => ordreTranches(a.taille, b.taille));
  const out: StructureEtablissements = { tranches };
  const prov = { source: source.id, ...(annee !== undefined ? { annee } : {}) };
  if (complet && tranches.length > 0) {
    const h = herfindahlParTranches(tranches.map((t) => ({ etablissements: t.etablissements, effectif: t.effectif! })));
    if (h) {
      out.herfindahl = mesure(h.hhi, true, prov);
      if (h.normalise !== null) out.herfindahlNormalise = mesure(h.normalise, true, prov);
    }
  }
  return out;
}
