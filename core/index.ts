/**
 * Public API of the GTEC core, for hosts (CLI, VS Code extension, Excel add-in). Everything here
 * is pure: no Node built-ins, files come through a `FileHost`, errors are `Problem` data.
 * Problem catalogues are exported under the name of their area (docs list them all).
 */

// ── Problems and hosts
export { problemFactory, hasErrors, sortProblems, pointer, parsePointer } from './problems.js';
export type { Problem, ProblemData, ProblemDefinition, Severity, Lang, DataLocation, Catalogue } from './problems.js';
export { entry, defineCatalogue, formatLocation, locationRef, valueText, safeText, escapeControls, pushAll, VALUE_MAX, MESSAGE_MAX } from './problems.js';
export type { CodeOf, DataOf, PlaceInFile, ProblemExtra } from './problems.js';
export { catalogues, catalogueAreas, isProblemCode } from './catalogues.js';
export type { ProblemCode, AnyProblemDefinition } from './catalogues.js';
export type { FormatCode, FormatData } from './format/problems-format.js';
export type { DataCode, DataData } from './data/problems-data.js';
export type { ReferentielCode, ReferentielData } from './referentiel/problems-referentiel.js';
export type { AnalysisCode, AnalysisData } from './analysis/problems-analysis.js';
export type { InitCode, InitData } from './init/problems-init.js';
export { memoryHost, FileRefusedError, refusalOf } from './host.js';
export type { FileHost, FileRefusal } from './host.js';
export { LineIndex } from './positions.js';
export { checkRelativePath, inDonnees, readablePath, DONNEES } from './paths.js';
export type { PathRefusal } from './paths.js';

// ── Diagnostic file format
export { Diagnostic, ReferentielSchema, Source, Regles, COLONNES_SOURCE, descriptionOf } from './format/schema.js';
export type {
  DiagnosticDoc,
  DiagnosticInput,
  SourceDoc,
  CorrespondanceDoc,
  ReglesDoc,
  PasserellesDoc,
  FamilleId,
  NomenclatureId,
  FicheActionDoc,
  IndicateurDoc,
  ActeurDoc,
  FinancementDoc,
} from './format/schema.js';
export { parseDiagnosticText } from './format/parse.js';
export type { ParseResult } from './format/parse.js';
export { SourceMap } from './format/source-map.js';
export { allowedKeys, schemaAt, unwrap } from './format/schema-walk.js';
export { validateDiagnostic, validateDiagnosticSync } from './validation/validate.js';
export { PROBLEMES_MAX, capProblems, internalErrorProblem } from './validation/problem-cap.js';
export type { ValidateOptions, ValidationResult } from './validation/validate.js';
export { Catalogue as formatCatalogue } from './format/problems-format.js';

// ── Data files
export { loadSource } from './data/load-source.js';
export { inspectSource } from './data/inspect.js';
export { loadCorrespondance } from './data/crosswalk.js';
export { addNomenclatureTable, nomenclaturesVides, readNomenclatureFiles } from './data/nomenclatures.js';
export type { Nomenclatures, SorteNomenclature } from './data/nomenclatures.js';
export { PRESETS } from './data/presets.js';
export { parseNombre, parsePart } from './data/numbers.js';
export { columnLetters } from './data/column-letters.js';
export { LIMITES_DEFAUT, LIMITE_NOMS, limitesOf, parseLimites, type LimitesDonnees } from './data/limits.js';
export type * from './data/records.js';
export { Catalogue as dataCatalogue } from './data/problems-data.js';

// ── Referentiel
export type * from './referentiel/model.js';
export { demoReferentiel } from './referentiel/demo.js';
export { loadReferentiel } from './referentiel/load.js';
export type { ReferentielDoc } from './referentiel/load.js';
export { loadRomeOfficiel } from './referentiel/rome-officiel.js';
export { loadCsvReferentiel } from './referentiel/csv-referentiel.js';
export { ReferentielIndex } from './referentiel/lookup.js';
export type { SearchHit } from './referentiel/lookup.js';
export { referentielStats } from './referentiel/stats.js';
export type { ReferentielStats } from './referentiel/stats.js';
export { Catalogue as referentielCatalogue } from './referentiel/problems-referentiel.js';

// ── Passerelles
export { createPasserelleEngine, scorerOf, scoringEngineOf } from './passerelles/engine.js';
export type { PasserelleEngine, ScoringEngine, Cible, EngineState } from './passerelles/engine.js';
export { topKBuffers, topKRange, topKRows } from './passerelles/all-pairs.js';
export type { TopKBuffers } from './passerelles/all-pairs.js';
export { pack, unpack } from './passerelles/pack.js';
export type { Packed } from './passerelles/pack.js';
export { DEFAULT_PARAMS as DEFAULT_PASSERELLE_PARAMS, resolveParams as resolvePasserelleParams } from './passerelles/params.js';
export type { PasserelleParams } from './passerelles/params.js';

// ── Analysis
export { runDiagnostic } from './analysis/run-diagnostic.js';
export type { RunOptions, RunOutput } from './analysis/run-diagnostic.js';
export type * from './analysis/result.js';
export {
  tcam,
  evolution,
  indiceSpecificite,
  krugman,
  herfindahl,
  herfindahlParTranches,
  moyenneEcartType,
  zScore,
  quantile,
  creationsNettes,
} from './analysis/indicators.js';
export { readTranche, recouvrement, structureAges, AGE_MIN, AGE_MAX } from './analysis/ages.js';
export type { TrancheAge, StructureAges } from './analysis/ages.js';
export { selectPerimetre, isNational } from './analysis/zones.js';
export { findPassagePath, convertRecords, passagesFromReferentiel, passageFromTable } from './analysis/nomenclature.js';
export type { Passage } from './analysis/nomenclature.js';
export { classifyMetier, verdictsMetier, explain, seuilQuartilePostes, FAMILLE_ORDER } from './analysis/typology/index.js';
export type { TypologyContext, Verdict, VerdictOf, Provenance, Composantes } from './analysis/typology/index.js';
export { couverturePlan, budgetPlan, avancementIndicateurs } from './analysis/plan.js';
export { formatNumber, formatPercent, formatRate, formatPoints } from './locale/format-numbers.js';
export { locales, LANGS, isLang } from './locale/index.js';
export type { Locale, CliWords, DiffWords, EditorWords, IndicatorWords, InitWords, NumberWords, ReportWords, SeverityWords, TypologyWords, TypologyOptions } from './locale/index.js';
export { partsBmo } from './analysis/bmo-parts.js';
export type { PartsBmo } from './analysis/bmo-parts.js';
export { readHeaders, reglesFromPairs, indicateursFromLigne, typologyFromLignes, tensionFromLignes } from './analysis/lignes.js';
export type { ChampLigne, Ligne, ValeurLigne, TypologieLigne } from './analysis/lignes.js';
export { Catalogue as analysisCatalogue } from './analysis/problems-analysis.js';

// ── A new diagnostic (gtec init, VS Code « Nouveau diagnostic »)
export { territoiresFromRows, territoiresOf, colonnesTerritoireManquantes } from './init/territoires.js';
export type { NiveauTerritoire, TerritoireBmo, TerritoiresBmo } from './init/territoires.js';
export { matchTerritoire, resolveTerritoire, nomNormalise, territoireLabel } from './init/match.js';
export type { MatchTerritoire } from './init/match.js';
export { draftDiagnostic, nomTerritoire, nomLisible, nomenclatureInit } from './init/draft.js';
export type { DaresInit } from './init/draft-dares.js';
export { choisirFichiersDares, emplacementsCorrespondance, fichiersDaresUtiles, CORRESPONDANCE_FAP_ROME } from './init/dares.js';
export type { FichierDares } from './init/dares.js';
export type { ChoixInit, PresetTension } from './init/draft.js';
export { readTerritoiresBmo, readPresetTension, presetTensionFromHeaders } from './init/read-files.js';
export { placeDataFile } from './init/place-file.js';
export type { PlaceOptions } from './init/place-file.js';
export { Catalogue as initCatalogue, initProblem } from './init/problems-init.js';

// ── Reports
export { renderHtml } from './report/html.js';
export type { OptionsHtml } from './report/html.js';
export type { ChartCache } from './report/charts.js';
export type { SourceCache } from './data/load-source.js';
export { renderJson } from './report/json.js';
export { checkOutputSize, LIMITE_SORTIE_DEFAUT } from './report/output-size.js';
export { renderXlsx, DATE_FIXE } from './report/xlsx.js';
export type { OptionsXlsx } from './report/xlsx.js';
export { COLONNES_METIER } from './report/columns.js';
export type { Genre } from './report/columns.js';
export { libelles, familleName, competenceTypeName } from './report/labels.js';
export { neutralise, ligneCsv, texteCsv, type ValeurCsv } from './report/neutralise.js';
export { mesureState } from './report/values.js';

// ── Diff of two diagnostics
export { compareDiagnostics } from './diff/compare.js';
export { TOLERANCE_DEFAUT } from './diff/model.js';
export { renderDiff, renderDiffJson } from './diff/render.js';
export { renderDigest } from './diff/digest.js';
export type { Cote, DiagnosticDiff, Note, Version } from './diff/model.js';
