/**
 * The GTEC language service: every editor feature over the core, with no editor in sight. The
 * workspace (files, trust) is passed in, so it runs in the language server and in tests alike.
 * One file per feature; this one keeps per-document state and the caches.
 */
import type { CodeAction, CodeLens, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, Hover, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from 'yaml';
import { ReferentielSchema, type DiagnosticDoc, type MetierDiagnostique, runDiagnostic, type RunOutput, SourceMap, memoryHost, parseDiagnosticText, type ParseResult, validateDiagnostic, type Problem } from '../../../core/index.js';
import { codeActions } from './code-actions.js';
import { codeLenses } from './code-lens.js';
import { complete } from './completion.js';
import type { DocumentContext, MetierLookup } from './context.js';
import { guardValidation, toDiagnostic, type DocLink } from './diagnostics.js';
import { FileCache, sourcesByBytes } from './file-cache.js';
import { formatDocument } from './formatting.js';
import { hover } from './hover.js';
import { problemRange } from './problem-range.js';
import { documentLinks } from './links.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { ReferentielCache, type LoadedReferentiel } from './referentiels.js';
import { documentSymbols } from './symbols.js';
import { folderOf, type ServiceSettings, type ServiceWorkspace } from './workspace.js';
import { nodeAt, parseYaml, plainValue } from './yaml-ast.js';

export interface ValidationReport {
  diagnostics: Diagnostic[];
  problems: Problem[];
  errors: number;
  warnings: number;
  /** Label of the referential in use (« ROME 4.0 v60 »…), when one was loaded. */
  referential?: string;
  /** True when data files were not read (untrusted workspace). */
  restricted: boolean;
}

export interface LanguageService {
  validate(doc: TextDocument): Promise<ValidationReport>;
  hover(doc: TextDocument, position: Position): Promise<Hover | null>;
  complete(doc: TextDocument, position: Position): Promise<CompletionList>;
  codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): Promise<CodeAction[]>;
  documentSymbols(doc: TextDocument): DocumentSymbol[];
  /** Code lens above each declared métier (families of the last full run, fiches naming it). */
  codeLenses(doc: TextDocument): Promise<CodeLens[]>;
  definition(doc: TextDocument, position: Position): Promise<Location | null>;
  references(doc: TextDocument, position: Position, includeDeclaration: boolean): Promise<Location[]>;
  /** Rename Symbol for ids (acteurs, fiches, indicateurs, financements, sources…) and métier codes. */
  prepareRename(doc: TextDocument, position: Position): Promise<Range | null>;
  rename(doc: TextDocument, position: Position, newName: string): Promise<WorkspaceEdit | null>;
  /** Format Document: comments kept (YAML), 2 spaces; no edit when the text does not parse. */
  format(doc: TextDocument): TextEdit[];
  /**
   * The full run (data files loaded, indicators, typology…): what the preview and export show, and
   * the data-file problems (columns, values) that validation alone cannot see. Cached per text
   * until a file changes.
   */
  analyze(doc: TextDocument): Promise<RunOutput>;
  /** Validation plus the problems only the full run finds, deduplicated. */
  validateDeep(doc: TextDocument): Promise<ValidationReport>;
  /** The métiers of a full run made elsewhere (the server's validation worker), for hover. */
  noteDiagnosed(uri: string, metiers: MetierDiagnostique[], passerelles?: Record<string, number>): void;
  /** Files changed on disk (URIs): forget them. True when a cached file was among them. */
  filesChanged(uris: readonly string[]): boolean;
  updateSettings(settings: Partial<ServiceSettings>): void;
  readonly settings: ServiceSettings;
  /** Per-document state for other features of the host (preview, export). */
  parsed(doc: TextDocument): { yaml: Document; value: unknown };
  /** Where a JSON pointer's value is in the document (click-to-source from the preview). */
  sourceRange(doc: TextDocument, pointer: string): Range | undefined;
  /** Links from the `chemin` of sources, correspondances and referentiel to those files. */
  documentLinks(doc: TextDocument): DocumentLink[];
}

export interface LanguageServiceOptions {
  workspace: ServiceWorkspace;
  settings?: Partial<ServiceSettings>;
  /** Today (AAAA-MM-JJ) for the lateness of evaluation indicators; the core never reads the clock. */
  today?: () => string;
  /** Link of a problem code's documentation, shown in the Problems panel. */
  docLink?: DocLink;
}

const fileNameOf = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

/** The `referentiel` section if it is valid enough to load (default: demo). */
function referentielOf(yaml: Document): DiagnosticDoc['referentiel'] | undefined {
  const node = nodeAt(yaml, ['referentiel']);
  const raw: unknown = node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
  const r = ReferentielSchema.safeParse(raw ?? { type: 'demo' });
  return r.success ? r.data : undefined;
}

/** How many passerelles leave from each métier (code lens "voir les passerelles"). */
export function passerellesParSource(passerelles: ReadonlyArray<{ source: string }>): Record<string, number> {
  const n: Record<string, number> = {};
  for (const p of passerelles) n[p.source] = (n[p.source] ?? 0) + 1;
  return n;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { workspace } = options;
  const settings: ServiceSettings = { lang: 'fr', ...options.settings };
  const files = new FileCache(workspace);
  const referentials = new ReferentielCache(files);
  // Data sources as loaded by the last full runs, while their files are unchanged.
  const sources = sourcesByBytes();
  // Last parsed version of each document: features called on the same version share one parse.
  const states = new Map<string, { version: number; text: string; yaml: Document; result: ParseResult; value: unknown }>();
  // Last full run of each document, by text; dropped when a file changes.
  const runs = new Map<string, { text: string; output: Promise<RunOutput> }>();
  // Métiers of each document's last completed run, for hover (possibly of a slightly older text).
  const diagnosed = new Map<string, MetierDiagnostique[]>();
  /** Per document, the number of passerelles from each métier in its last full run. */
  const bridges = new Map<string, Record<string, number>>();

  function parsed(doc: TextDocument) {
    const text = doc.getText();
    let s = states.get(doc.uri);
    if (!s || s.version !== doc.version || s.text !== text) {
      // One parse per version, shared by validation and every editor feature.
      const result = parseDiagnosticText(text, fileNameOf(doc.uri));
      const yaml = result.document ?? parseYaml('');
      // The plain value is built only when a feature needs ids (hover, completion, navigation).
      let value: unknown;
      let built = false;
      s = {
        version: doc.version,
        text,
        yaml,
        result,
        get value() {
          if (!built) [value, built] = [plainValue(yaml), true];
          return value;
        },
      };
      states.set(doc.uri, s);
    }
    return s;
  }

  async function referentielFor(doc: TextDocument, latest = true): Promise<LoadedReferentiel | undefined> {
    // Completion and hover may use the last parse's declaration (the referential rarely changes
    // while typing elsewhere): an edit costs them no parse of the whole file.
    const last = states.get(doc.uri);
    const decl = referentielOf(latest || !last ? parsed(doc).yaml : last.yaml);
    return decl && referentials.get(decl, folderOf(doc.uri), workspace.isTrusted(), settings.referentielFolder);
  }

  async function context(doc: TextDocument): Promise<DocumentContext> {
    let metiers: MetierLookup | undefined;
    try {
      metiers = (await referentielFor(doc, false))?.lookup;
    } catch {
      // An unreadable referential folder only removes métier help; validation reports why.
    }
    const last = diagnosed.get(doc.uri);
    const lookup = last && ((code: string) => last.find((m) => m.indicateurs.code === code));
    // The tree and the value on first use: a métier search needs neither.
    return {
      doc,
      get yaml() {
        return parsed(doc).yaml;
      },
      get value() {
        return parsed(doc).value;
      },
      lang: settings.lang,
      ...(options.today ? { today: options.today() } : {}),
      ...(metiers ? { metiers } : {}),
      ...(lookup ? { diagnosed: lookup } : {}),
      ...(bridges.has(doc.uri) ? { passerellesDepuis: (code: string) => bridges.get(doc.uri)?.[code] ?? 0 } : {}),
    };
  }

  function report(doc: TextDocument, problems: Problem[], loaded: LoadedReferentiel | undefined): ValidationReport {
    const { yaml, text } = parsed(doc);
    // Problems of loaders carry a pointer only: underline what it designates, on one line.
    const map = new SourceMap(yaml as Document.Parsed, text);
    for (const p of problems) {
      const r = problemRange(yaml, text, p.pointer, p.range ?? map.valueRange(p.pointer));
      if (r) p.range = r;
    }
    return {
      diagnostics: problems.map((p) => toDiagnostic(p, doc, settings.lang, options.docLink)),
      problems,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      ...(loaded?.referential ? { referential: loaded.referential.label } : {}),
      restricted: !workspace.isTrusted(),
    };
  }

  /** The report of a validation that failed: its GTEC-E090 only, without the parse `report` needs. */
  function failedReport(doc: TextDocument, problems: Problem[]): ValidationReport {
    return { diagnostics: problems.map((p) => toDiagnostic(p, doc, settings.lang, options.docLink)), problems, errors: problems.length, warnings: 0, restricted: !workspace.isTrusted() };
  }

  async function validate(doc: TextDocument): Promise<{ problems: Problem[]; loaded?: LoadedReferentiel }> {
    const trusted = workspace.isTrusted();
    const loaded = await referentielFor(doc).catch(() => undefined);
    const host = trusted ? files.host(folderOf(doc.uri)) : undefined;
    const { text, result: parsedText } = parsed(doc);
    const result = await validateDiagnostic(text, {
      fileName: fileNameOf(doc.uri),
      parsed: parsedText,
      ...(host ? { host } : {}),
      ...(loaded?.referential ? { referential: loaded.referential } : {}),
      checkData: !!host,
    });
    return { problems: [...result.problems, ...(loaded?.problems ?? [])], ...(loaded ? { loaded } : {}) };
  }

  function analyze(doc: TextDocument): Promise<RunOutput> {
    const text = doc.getText();
    const last = runs.get(doc.uri);
    if (last?.text === text) return last.output;
    const output = (async () => {
      const loaded = await referentielFor(doc).catch(() => undefined);
      // Untrusted: an empty host, the analysis uses only what the file itself holds.
      const host = (workspace.isTrusted() ? files.host(folderOf(doc.uri)) : undefined) ?? memoryHost({});
      const state = parsed(doc);
      return runDiagnostic(text, {
        fileName: fileNameOf(doc.uri),
        host,
        // The parse validation and the editor features share (same text).
        ...(state.text === text ? { parsed: state.result } : {}),
        sources,
        ...(loaded?.referential ? { referential: loaded.referential } : {}),
        ...(options.today ? { today: options.today() } : {}),
        restricted: !workspace.isTrusted(),
      });
    })();
    runs.set(doc.uri, { text, output });
    void output.then(
      (o) => {
        if (!o.result) return;
        diagnosed.set(doc.uri, o.result.metiers);
        bridges.set(doc.uri, passerellesParSource(o.result.passerelles));
      },
      () => undefined,
    );
    return output;
  }

  return {
    settings,
    parsed,
    analyze,

    validate: (doc) =>
      guardValidation(
        async () => {
          const { problems, loaded } = await validate(doc);
          return report(doc, problems, loaded);
        },
        (problems) => failedReport(doc, problems),
      ),
    validateDeep: (doc) =>
      guardValidation(
        async () => {
          const [fast, run] = await Promise.all([validate(doc), analyze(doc)]);
          const key = (p: Problem) => `${p.code}|${p.pointer}|${p.message.fr}`;
          const seen = new Set(fast.problems.map(key));
          // The run repeats the validation's problems: keep each once (copies: the run is cached).
          const extra = run.problems.filter((p) => !seen.has(key(p))).map((p) => ({ ...p }));
          return report(doc, [...fast.problems, ...extra], fast.loaded);
        },
        (problems) => failedReport(doc, problems),
      ),
    hover: async (doc, position) => hover(await context(doc), position),
    complete: async (doc, position) => complete(await context(doc), position),
    codeActions: async (doc, diagnostics) => codeActions(await context(doc), diagnostics),
    documentSymbols: (doc) => documentSymbols(parsed(doc).yaml, doc),
    codeLenses: async (doc) => codeLenses(await context(doc)),
    documentLinks: (doc) => documentLinks(parsed(doc).yaml, doc),
    sourceRange(doc, pointer) {
      const { yaml, text } = parsed(doc);
      const r = new SourceMap(yaml as Document.Parsed, text).valueRange(pointer);
      return r && { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
    },
    definition: async (doc, position) => definition(await context(doc), position),
    references: async (doc, position, includeDeclaration) => references(await context(doc), position, includeDeclaration),
    prepareRename: async (doc, position) => prepareRename(await context(doc), position),
    rename: async (doc, position, newName) => rename(await context(doc), position, newName),
    format: formatDocument,
    noteDiagnosed(uri, metiers, passerelles) {
      diagnosed.set(uri, metiers);
      if (passerelles) bridges.set(uri, passerelles);
    },
    filesChanged(uris) {
      const hit = files.invalidate(uris);
      if (hit) runs.clear();
      return hit;
    },
    updateSettings(s) {
      Object.assign(settings, s);
      files.clear();
      runs.clear();
    },
  };
}
