/**
 * The territory's total employment (and its reference's) from the first employment source of
 * territorial scope: a sum of the source's own rows in the end year, before any nomenclature
 * passage, so that copies made by a one-to-many passage (FAP 2009 → ROME 4.0) never inflate it.
 */
import type { EffectifRecord } from '../../data/records.js';
import type { DiagnosticDoc } from '../../format/schema.js';
import { anneeInstantane, cumuler, deLAnnee, mesureCumul } from '../cumul.js';
import type { ResultatEmploi } from '../result.js';
import { ofType, type Selections } from './perimetres.js';

export function totauxEmploi(doc: DiagnosticDoc, selections: Selections): ResultatEmploi | undefined {
  const s = ofType(selections, 'effectifs').find((x) => x.source.portee !== 'nationale');
  if (!s) return undefined;
  const avecAnnee = (rs: readonly EffectifRecord[]) => rs.map((r) => (r.annee === undefined && s.source.annee !== undefined ? { ...r, annee: s.source.annee } : r));
  const terr = avecAnnee(s.brutTerritoire);
  const annee = anneeInstantane(
    terr.map((r) => r.annee),
    doc.periode.fin,
  );
  const prov = { source: s.source.id, ...(annee !== undefined ? { annee } : {}) };
  const total = (rs: readonly EffectifRecord[]) => {
    const l = deLAnnee(rs, annee);
    return { m: mesureCumul(cumuler(l.map((r) => ({ n: r.effectif }))), doc.regles.effectif_minimum, prov), codes: new Set(l.map((r) => r.metier)).size };
  };
  const t = total(terr);
  const out: ResultatEmploi = { source: s.source.id, nomenclature: s.source.nomenclature, territoire: t.m, codes: t.codes };
  if (s.source.producteur) out.producteur = s.source.producteur;
  if (annee !== undefined) out.annee = annee;
  if (s.brutReference && s.brutReference.length > 0) out.reference = total(avecAnnee(s.brutReference)).m;
  return out;
}
