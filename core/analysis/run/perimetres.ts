/**
 * Step 2, nomenclatures and perimeters: each loaded source is brought into the analysis
 * nomenclature (establishments have no métier), then its rows of the territory and of the
 * reference territory are selected.
 */
import { PRESETS } from '../../data/presets.js';
import type { LoadedSource } from '../../data/records.js';
import type { DiagnosticDoc, SourceDoc } from '../../format/schema.js';
import { pointer, type Problem } from '../../problems.js';
import { convertRecords, findPassagePath, type Passage } from '../nomenclature.js';
import { analysisProblem } from '../problems-analysis.js';
import { selectPerimetre } from '../zones.js';
import { versNiveauFap } from '../../data/niveau-fap.js';

export type Selection<S extends LoadedSource> = {
  source: SourceDoc;
  territoire: S['records'];
  reference?: S['records'];
  /** The same rows before the nomenclature passage (totals, sectors). */
  brutTerritoire: S['records'];
  brutReference?: S['records'];
  /** When codes of the source's nomenclature reach several métiers: that nomenclature and each such code's destinations. */
  fanOut?: { nomenclature: string; destinations: ReadonlyMap<string, readonly string[]> };
};

export type Selections = Array<Selection<LoadedSource> & { type: LoadedSource['type'] }>;

/** The selections of the sources of one type. */
export const ofType = <T extends LoadedSource['type']>(selections: Selections, t: T) => selections.filter((s) => s.type === t) as unknown as Array<Selection<Extract<LoadedSource, { type: T }>>>;

export function selectSources(doc: DiagnosticDoc, charges: ReadonlyArray<LoadedSource | undefined>, passages: readonly Passage[], problems: Problem[]): Selections {
  const selections: Selections = [];
  doc.sources.forEach((source, i) => {
    let loaded = charges[i];
    if (!loaded) return;
    if (source.niveau && loaded.type !== 'etablissements') loaded = auNiveau(source, i, loaded, problems);
    const c = loaded.type === 'etablissements' ? { records: loaded.records } : versNomenclature(doc, source, i, loaded, passages, problems);
    // BMO rows with no passage to the analysis nomenclature still give the territory's totals (context, not mixed).
    if (!c && loaded.type !== 'bmo') return;
    const s = source.portee === 'nationale' ? nationale(doc, source, i, loaded, c?.records ?? [], problems) : perimetres(doc, source, i, loaded, c?.records ?? [], problems);
    if (!c) {
      s.territoire = [];
      delete s.reference;
    }
    if (c?.fanOut) s.fanOut = c.fanOut;
    selections.push(s);
  });
  return selections;
}

/** The source's rows in the analysis nomenclature, or undefined when there is no path to it (W401). */
function versNomenclature(doc: DiagnosticDoc, source: SourceDoc, i: number, loaded: LoadedSource, passages: readonly Passage[], problems: Problem[]) {
  // An official file (preset) has the publisher's codes, whatever the declaration says (the
  // loader warns about a mismatch, GTEC-W206).
  const de = source.preset ? PRESETS[source.preset].nomenclature : source.nomenclature;
  const ou = pointer('sources', i, 'nomenclature');
  const chemin = findPassagePath(de, doc.nomenclature, passages);
  if (!chemin) {
    problems.push(analysisProblem('GTEC-W401', ou, { source: source.id, de, vers: doc.nomenclature, ...(loaded.type === 'bmo' ? { totaux: true } : {}) }));
    return undefined;
  }
  const c = convertRecords(loaded.records as Array<{ metier: string; libelle?: string }>, chemin);
  const info = { source: source.id, de, vers: doc.nomenclature };
  if (c.codesMultiples.length > 0) problems.push(analysisProblem('GTEC-I402', ou, { ...info, codes: c.codesMultiples.length }));
  const l = c.codesSansCorrespondance;
  if (l.length > 0) {
    problems.push(analysisProblem('GTEC-W411', ou, { ...info, nombre: l.length, codes: l.slice(0, 10).join(', ') + (l.length > 10 ? '…' : ''), value: l }));
  }
  const fanOut = c.destinations.size > 0 ? { nomenclature: de, destinations: c.destinations } : undefined;
  return { records: c.records as LoadedSource['records'], ...(fanOut ? { fanOut } : {}) };
}

/** The rows of the territory and of its reference, converted and raw; W405 / I412 when a perimeter has none. */
function perimetres(doc: DiagnosticDoc, source: SourceDoc, i: number, loaded: LoadedSource, records: LoadedSource['records'], problems: Problem[]) {
  const { territoire } = doc;
  const { reference } = territoire;
  const sel = (rs: readonly LoadedSource['records'][number][], p: { type: string; codes: readonly string[] }) => selectPerimetre(rs, p) as LoadedSource['records'];
  const s: Selections[number] = { type: loaded.type, source, territoire: sel(records, territoire), brutTerritoire: sel(loaded.records, territoire) };
  if (reference) {
    s.reference = sel(records, reference);
    s.brutReference = sel(loaded.records, reference);
  }
  if (records.length > 0 && s.territoire.length === 0) {
    problems.push(analysisProblem('GTEC-W405', pointer('sources', i), { source: source.id, perimetre: territoire.nom, type: territoire.type, codes: territoire.codes.join(', ') }));
  }
  if (reference && records.length > 0 && s.reference!.length === 0) {
    problems.push(analysisProblem('GTEC-I412', pointer('sources', i), { source: source.id, perimetre: reference.nom, type: reference.type, codes: reference.codes.join(', ') }));
  }
  return s;
}

/** The source's rows at its declared FAP 2009 level (core/analysis/niveau-fap.ts), and I430 saying what was done. */
function auNiveau(source: SourceDoc, i: number, loaded: Exclude<LoadedSource, { type: 'etablissements' }>, problems: Problem[]): LoadedSource {
  const n = versNiveauFap(loaded.records as Array<{ metier: string }>, source.niveau!);
  if (n.ramenes > 0 || n.ecartes > 0) problems.push(analysisProblem('GTEC-I430', pointer('sources', i, 'niveau'), { source: source.id, niveau: source.niveau!, ramenes: n.ramenes, familles: n.familles, ecartes: n.ecartes }));
  return { ...loaded, records: n.records } as LoadedSource;
}

/** A national-scope source: its national rows stand for the territory; no reference (I431). */
function nationale(doc: DiagnosticDoc, source: SourceDoc, i: number, loaded: LoadedSource, records: LoadedSource['records'], problems: Problem[]) {
  const france = { type: 'france', codes: [] };
  const sel = (rs: readonly LoadedSource['records'][number][]) => selectPerimetre(rs, france) as LoadedSource['records'];
  problems.push(analysisProblem('GTEC-I431', pointer('sources', i, 'portee'), { source: source.id, perimetre: doc.territoire.nom }));
  const s: Selections[number] = { type: loaded.type, source, territoire: sel(records), brutTerritoire: sel(loaded.records) };
  return s;
}
