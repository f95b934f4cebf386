/**
 * A fake of Excel's JavaScript API (the part the task pane uses), faithful to what Microsoft
 * documents for Excel on the web:
 * - every call is QUEUED and runs at `context.sync()`; property reads need `load()` then `sync()`
 *   (PropertyNotLoaded otherwise);
 * - at the first failing operation the batch stops: `sync()` rejects with an `OfficeExtension.Error`
 *   (name, code, message, debugInfo.errorLocation), operations before it stay applied, those after
 *   never run;
 * - a request is limited to 5 MB and 5 million cells: a sync beyond either is refused whole
 *   (RequestPayloadSizeLimitExceeded) before anything runs;
 * - sheet names (getItem, getItemOrNullObject, add, rename) and table names are compared
 *   case-insensitively, table names are unique in the workbook;
 * - `Range.values` interprets strings (model.ts: "=" formulas, numeric strings) unless the cell's
 *   number format is text ("@").
 * Each applied operation is appended to `journal` (in execution order).
 */
import { type ClasseurModele, type FeuilleModele, type Scalaire, type TableModele, interpreter, nomFeuilleValide, nomTableValide } from './model.js';

export const LIMITE_OCTETS = 5 * 1024 * 1024;
export const LIMITE_CELLULES = 5_000_000;

export type Op = {
  op: string;
  seriesBy?: string;
  sheet?: string;
  address?: string;
  values?: unknown[][];
  formats?: unknown[][];
  name?: string;
  from?: string;
  type?: string;
  n?: number;
  title?: string;
  hasHeaders?: boolean;
  showFilterButton?: boolean;
  style?: string;
  key?: string;
  value?: unknown;
};

export class OfficeExtensionError extends Error {
  override name = 'OfficeExtension.Error';
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

const echec = (code: string, lieu: string, message: string): never => {
  throw new OfficeExtensionError(code, message, lieu);
};

interface Operation {
  lieu: string;
  octets: number;
  cellules: number;
  executer(): void;
}

/** Statistics of the syncs of a fake workbook (the tests check the writer's request sizes). */
export interface Statistiques {
  syncs: number;
  maxOctets: number;
  maxCellules: number;
}

function dims(address: string) {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return echec('InvalidArgument', 'Worksheet.getRange', `adresse invalide : ${address}`);
  const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!);
  const r1 = +m[2]!;
  return { r1, c1, r2: m[4] ? +m[4] : r1, c2: m[3] ? col(m[3]) : c1 };
}
type Dims = { r1: number; c1: number; r2: number; c2: number };
function lettres(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
const adresseDe = (d: Dims) => (d.r1 === d.r2 && d.c1 === d.c2 ? `${lettres(d.c1)}${d.r1}` : `${lettres(d.c1)}${d.r1}:${lettres(d.c2)}${d.r2}`);
const adresseLongue = (d: Dims) => `${lettres(d.c1)}${d.r1}:${lettres(d.c2)}${d.r2}`;

/** A value Office would carry for a property not yet loaded. */
function charge<T>(valeur: T | undefined, propriete: string): T {
  if (valeur === undefined) return echec('PropertyNotLoaded', propriete, `La propriété « ${propriete} » n’est pas chargée : appelez load() puis context.sync().`);
  return valeur;
}

export class FauxExcel {
  readonly journal: Op[] = [];
  readonly stats: Statistiques = { syncs: 0, maxOctets: 0, maxCellules: 0 };
  /** The journal entry of each table (its later properties are added to it). */
  readonly entreesTables = new WeakMap<TableModele, Op>();
  constructor(readonly classeur: ClasseurModele) {}

  run<T>(cb: (ctx: Contexte) => Promise<T>): Promise<T> {
    return cb(new Contexte(this));
  }
}

export class Contexte {
  file: Operation[] = [];
  readonly workbook: {
    worksheets: Feuilles;
    tables: Tables;
    settings: Reglages;
    application: { calculate(type: string): void };
  };
  constructor(readonly excel: FauxExcel) {
    this.workbook = {
      worksheets: new Feuilles(this),
      tables: new Tables(this),
      settings: new Reglages(this),
      application: { calculate: (type) => this.file_(`Application.calculate`, () => this.excel.journal.push({ op: 'calculate', type })) },
    };
  }
  get classeur(): ClasseurModele {
    return this.excel.classeur;
  }
  file_(lieu: string, executer: () => void, octets = 64, cellules = 0): void {
    this.file.push({ lieu, executer, octets, cellules });
  }
  async sync(): Promise<void> {
    const ops = this.file.splice(0);
    this.excel.stats.syncs++;
    const octets = ops.reduce((s, o) => s + o.octets, 0);
    const cellules = ops.reduce((s, o) => s + o.cellules, 0);
    this.excel.stats.maxOctets = Math.max(this.excel.stats.maxOctets, octets);
    this.excel.stats.maxCellules = Math.max(this.excel.stats.maxCellules, cellules);
    // Yield like a real round trip, so that callers cannot rely on synchronous completion.
    await new Promise((ok) => setTimeout(ok, 0));
    if (octets > LIMITE_OCTETS) echec('RequestPayloadSizeLimitExceeded', 'RequestContext.sync', `La taille de la requête (${octets} octets) dépasse la limite de 5 Mo.`);
    if (cellules > LIMITE_CELLULES) echec('RequestPayloadSizeLimitExceeded', 'RequestContext.sync', `La requête touche ${cellules} cellules, au-delà de la limite de 5 millions.`);
    for (const o of ops) {
      try {
        o.executer();
      } catch (e) {
        if (e instanceof OfficeExtensionError) throw e;
        throw new OfficeExtensionError('GeneralException', String(e), o.lieu);
      }
    }
  }
}

// ───────────── Worksheets

class Feuilles {
  private _items?: Feuille[];
  constructor(private readonly ctx: Contexte) {}
  load(_props?: string): this {
    this.ctx.file_('WorksheetCollection.load', () => {
      this._items = this.ctx.classeur.feuilles.map((f) => {
        const w = new Feuille(this.ctx, () => f);
        w._name = f.name;
        return w;
      });
    });
    return this;
  }
  get items(): Feuille[] {
    return charge(this._items, 'items');
  }
  add(name: string): Feuille {
    let modele: FeuilleModele | undefined;
    this.ctx.file_('WorksheetCollection.add', () => {
      if (!nomFeuilleValide(name)) echec('InvalidArgument', 'WorksheetCollection.add', `Nom de feuille incorrect : ${name}`);
      if (this.ctx.classeur.feuille(name)) echec('ItemAlreadyExists', 'WorksheetCollection.add', `Une ressource portant le même nom ou le même identifiant existe déjà : ${name}`);
      modele = this.ctx.classeur.ajouterFeuille(name);
      this.ctx.excel.journal.push({ op: 'addSheet', sheet: name });
    });
    return new Feuille(this.ctx, () => modele ?? echec('InvalidReference', 'Worksheet', 'feuille non créée'));
  }
  getItem(name: string): Feuille {
    let f: FeuilleModele | undefined;
    const trouver = () => (f ??= this.ctx.classeur.feuille(name) ?? echec('ItemNotFound', 'WorksheetCollection.getItem', `La ressource demandée n’existe pas : ${name}`));
    this.ctx.file_('WorksheetCollection.getItem', () => void trouver());
    return new Feuille(this.ctx, trouver);
  }
  getItemOrNullObject(name: string): Feuille {
    const w = new Feuille(this.ctx, () => this.ctx.classeur.feuille(name) ?? echec('InvalidObjectPath', 'Worksheet', 'objet nul'));
    w._nul = () => this.ctx.classeur.feuille(name) === undefined;
    return w;
  }
}

class Feuille {
  _name?: string;
  _nul?: () => boolean;
  private _isNullObject?: boolean;
  readonly tables: { add: (plage: Plage | string, hasHeaders: boolean) => Table };
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly charts: { add: (type: string, plage: Plage, seriesBy?: string) => Graphique };
  constructor(
    private readonly ctx: Contexte,
    readonly resoudre: () => FeuilleModele,
  ) {
    this.tables = {
      add: (plage, hasHeaders) => {
        const t: { modele?: TableModele } = {};
        ctx.file_('TableCollection.add', () => {
          const f = this.resoudre();
          const address = typeof plage === 'string' ? plage : plage.adresseLongue;
          // A new table gets a default name Excel chooses (Table1, Table2…), unique in the workbook.
          let k = 1;
          while (ctx.classeur.table(`Table${k}`)) k++;
          t.modele = { name: `Table${k}`, address, hasHeaders };
          f.tables.push(t.modele);
          const entree: Op = { op: 'addTable', sheet: f.name, address, hasHeaders };
          ctx.excel.entreesTables.set(t.modele, entree);
          ctx.excel.journal.push(entree);
        });
        return new Table(ctx, () => t.modele ?? echec('InvalidReference', 'Table', 'table non créée'));
      },
    };
    this.freezePanes = { freezeRows: (n) => ctx.file_('WorksheetFreezePanes.freezeRows', () => ((this.resoudre().figees = n), ctx.excel.journal.push({ op: 'freezeRows', sheet: this.resoudre().name, n }))) };
    this.charts = {
      add: (type, plage, seriesBy) => {
        const g = new Graphique(ctx);
        ctx.file_('ChartCollection.add', () => {
          const f = this.resoudre();
          g.modele = { type, address: plage.adresseLongue };
          f.graphiques.push(g.modele);
          ctx.excel.journal.push({ op: 'addChart', sheet: f.name, type, address: plage.adresseLongue, ...(seriesBy ? { seriesBy } : {}) });
        });
        return g;
      },
    };
  }
  load(_props?: string): this {
    this.ctx.file_('Worksheet.load', () => {
      if (this._nul?.()) {
        this._isNullObject = true;
        return;
      }
      this._isNullObject = false;
      this._name = this.resoudre().name;
    });
    return this;
  }
  get isNullObject(): boolean {
    return charge(this._isNullObject, 'isNullObject');
  }
  get name(): string {
    return charge(this._name, 'name');
  }
  set name(nouveau: string) {
    this.ctx.file_('Worksheet.name', () => {
      const f = this.resoudre();
      if (!nomFeuilleValide(nouveau)) echec('InvalidArgument', 'Worksheet.name', `Nom de feuille incorrect : ${nouveau}`);
      const autre = this.ctx.classeur.feuille(nouveau);
      if (autre && autre !== f) echec('ItemAlreadyExists', 'Worksheet.name', `Une ressource portant le même nom existe déjà : ${nouveau}`);
      this.ctx.excel.journal.push({ op: 'renameSheet', from: f.name, sheet: nouveau });
      f.name = nouveau;
    });
  }
  getRange(address: string): Plage {
    return new Plage(this.ctx, this.resoudre, dims(address));
  }
  getRangeByIndexes(ligne: number, colonne: number, lignes: number, colonnes: number): Plage {
    return new Plage(this.ctx, this.resoudre, { r1: ligne + 1, c1: colonne + 1, r2: ligne + lignes, c2: colonne + colonnes });
  }
  activate(): void {
    this.ctx.file_('Worksheet.activate', () => this.ctx.excel.journal.push({ op: 'activate', sheet: this.resoudre().name }));
  }
  delete(): void {
    this.ctx.file_('Worksheet.delete', () => {
      const f = this.resoudre();
      this.ctx.classeur.feuilles = this.ctx.classeur.feuilles.filter((x) => x !== f);
      this.ctx.excel.journal.push({ op: 'deleteSheet', sheet: f.name });
    });
  }
}

class Graphique {
  modele?: { type: string; address: string; title?: string };
  readonly title: { text: string };
  constructor(private readonly ctx: Contexte) {
    const g = this;
    this.title = {
      set text(t: string) {
        ctx.file_('ChartTitle.text', () => g.modele && (g.modele.title = t));
      },
      get text(): string {
        return echec('PropertyNotLoaded', 'ChartTitle.text', 'non chargé');
      },
    };
  }
  setPosition(cellule: string): void {
    this.ctx.file_('Chart.setPosition', () => void cellule);
  }
}

// ───────────── Tables

class Tables {
  private _items?: Table[];
  constructor(private readonly ctx: Contexte) {}
  load(_props?: string): this {
    this.ctx.file_('TableCollection.load', () => {
      this._items = this.ctx.classeur.feuilles.flatMap((f) =>
        f.tables.map((t) => {
          const x = new Table(this.ctx, () => t);
          x._name = t.name;
          return x;
        }),
      );
    });
    return this;
  }
  get items(): Table[] {
    return charge(this._items, 'items');
  }
  getItem(name: string): Table {
    // Resolved once, when the batch runs the getItem: the proxy then designates that object (as Office's ids do).
    let t: TableModele | undefined;
    const trouver = () => (t ??= this.ctx.classeur.table(name)?.table ?? echec('ItemNotFound', 'TableCollection.getItem', `La ressource demandée n’existe pas : ${name}`));
    this.ctx.file_('TableCollection.getItem', () => void trouver());
    return new Table(this.ctx, trouver);
  }
  getItemOrNullObject(name: string): Table {
    const t = new Table(this.ctx, () => this.ctx.classeur.table(name)?.table ?? echec('InvalidObjectPath', 'Table', 'objet nul'));
    t._nul = () => this.ctx.classeur.table(name) === undefined;
    return t;
  }
}

class Table {
  _name?: string;
  _nul?: () => boolean;
  private _isNullObject?: boolean;
  constructor(
    private readonly ctx: Contexte,
    private readonly resoudre: () => TableModele,
  ) {}
  load(_props?: string): this {
    this.ctx.file_('Table.load', () => {
      this._isNullObject = this._nul?.() ?? false;
      if (!this._isNullObject) this._name = this.resoudre().name;
    });
    return this;
  }
  get isNullObject(): boolean {
    return charge(this._isNullObject, 'isNullObject');
  }
  get name(): string {
    return charge(this._name, 'name');
  }
  set name(n: string) {
    this.ctx.file_('Table.name', () => {
      const t = this.resoudre();
      if (!nomTableValide(n)) echec('InvalidArgument', 'Table.name', `Nom de table incorrect : ${n}`);
      const autre = this.ctx.classeur.table(n);
      if (autre && autre.table !== t) echec('ItemAlreadyExists', 'Table.name', `Une table porte déjà ce nom : ${n}`);
      t.name = n;
      this.journaliser({ name: n });
    });
  }
  set style(s: string) {
    this.ctx.file_('Table.style', () => ((this.resoudre().style = s), this.journaliser({ style: s })));
  }
  set showFilterButton(b: boolean) {
    this.ctx.file_('Table.showFilterButton', () => ((this.resoudre().showFilterButton = b), this.journaliser({ showFilterButton: b })));
  }
  delete(): void {
    this.ctx.file_('Table.delete', () => {
      const t = this.resoudre();
      for (const f of this.ctx.classeur.feuilles) f.tables = f.tables.filter((x) => x !== t);
    });
  }
  /** The journal's addTable entry of this table carries its latest properties. */
  private journaliser(p: Partial<Op>): void {
    const entree = this.ctx.excel.entreesTables.get(this.resoudre());
    if (entree) Object.assign(entree, p);
  }
}

// ───────────── Settings (per document and add-in)

class Reglages {
  constructor(private readonly ctx: Contexte) {}
  add(key: string, value: unknown): void {
    const texte = JSON.stringify(value);
    this.ctx.file_(
      'SettingCollection.add',
      () => {
        if (!key) echec('InvalidArgument', 'SettingCollection.add', 'clé vide');
        this.ctx.classeur.reglages.set(key, JSON.parse(texte));
        this.ctx.excel.journal.push({ op: 'setting', key, value: JSON.parse(texte) });
      },
      64 + texte.length,
    );
  }
  getItemOrNullObject(key: string): Reglage {
    return new Reglage(this.ctx, key);
  }
}

class Reglage {
  private _value?: unknown;
  private _isNullObject?: boolean;
  constructor(
    private readonly ctx: Contexte,
    readonly key: string,
  ) {}
  load(_p?: string): this {
    this.ctx.file_('Setting.load', () => {
      this._isNullObject = !this.ctx.classeur.reglages.has(this.key);
      this._value = this._isNullObject ? null : structuredClone(this.ctx.classeur.reglages.get(this.key));
    });
    return this;
  }
  get isNullObject(): boolean {
    return charge(this._isNullObject, 'isNullObject');
  }
  get value(): unknown {
    return charge(this._value, 'value');
  }
  delete(): void {
    this.ctx.file_('Setting.delete', () => void this.ctx.classeur.reglages.delete(this.key));
  }
}

// ───────────── Ranges

const octetsDe = (v: unknown) => JSON.stringify(v)?.length ?? 4;

class Plage {
  readonly address: string;
  readonly adresseLongue: string;
  readonly format: { autofitColumns: () => void; font: { bold?: boolean } };
  constructor(
    private readonly ctx: Contexte,
    private readonly feuille: () => FeuilleModele,
    private readonly d: Dims,
  ) {
    this.address = adresseDe(d);
    this.adresseLongue = adresseLongue(d);
    const plage = this;
    const font = {
      set bold(b: boolean) {
        ctx.file_('RangeFont.bold', () => ctx.excel.journal.push({ op: 'bold', sheet: plage.feuille().name, address: plage.adresseLongue, value: b }));
      },
    };
    this.format = { autofitColumns: () => ctx.file_('RangeFormat.autofitColumns', () => ctx.excel.journal.push({ op: 'autofit', sheet: this.feuille().name, address: this.adresseLongue })), font };
  }
  get lignes(): number {
    return this.d.r2 - this.d.r1 + 1;
  }
  get colonnes(): number {
    return this.d.c2 - this.d.c1 + 1;
  }
  private verifier(v: unknown[][]): boolean {
    return Array.isArray(v) && v.length === this.lignes && v.every((l) => Array.isArray(l) && l.length === this.colonnes);
  }
  private ecrire(quoi: 'values' | 'numberFormat', v: unknown[][]): void {
    const lieu = `Range.${quoi}`;
    // The arrays travel as they are when the batch is sent (a later change in the caller's array is not seen).
    const copie = v.map((l) => (Array.isArray(l) ? [...l] : l)) as unknown[][];
    this.ctx.file_(
      lieu,
      () => {
        if (!this.verifier(copie)) echec('InvalidArgument', lieu, `${quoi} : ${copie.length}×${copie[0]?.length} pour la plage ${this.adresseLongue}`);
        const f = this.feuille();
        for (let i = 0; i < copie.length; i++)
          for (let j = 0; j < copie[i]!.length; j++) {
            const x = copie[i]![j];
            const cle = `${this.d.r1 + i},${this.d.c1 + j}`;
            if (x === null) continue; // null leaves the cell unchanged
            if (x === undefined || (typeof x === 'number' && !Number.isFinite(x)) || (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean')) {
              echec('InvalidArgument', lieu, `valeur ${String(x)} en ${lettres(this.d.c1 + j)}${this.d.r1 + i}`);
            }
            if (typeof x === 'string' && x.length > 32_767) echec('InvalidArgument', lieu, `texte de plus de 32 767 caractères en ${lettres(this.d.c1 + j)}${this.d.r1 + i}`);
            const avant = f.cellules.get(cle);
            if (quoi === 'numberFormat') f.cellules.set(cle, { valeur: avant?.valeur ?? '', ...(avant?.formule ? { formule: avant.formule } : {}), format: String(x) });
            else if (x === '') f.cellules.delete(cle), avant && avant.format !== 'General' && f.cellules.set(cle, { valeur: '', format: avant.format });
            else f.cellules.set(cle, interpreter(x as Scalaire, avant?.format ?? 'General'));
          }
        this.ctx.excel.journal.push(quoi === 'values' ? { op: 'values', sheet: f.name, address: this.adresseLongue, values: copie } : { op: 'numberFormat', sheet: f.name, address: this.adresseLongue, formats: copie });
      },
      octetsDe(copie),
      this.lignes * this.colonnes,
    );
  }
  set values(v: unknown[][]) {
    this.ecrire('values', v);
  }
  set numberFormat(v: unknown[][]) {
    this.ecrire('numberFormat', v);
  }
  getOffsetRange(dr: number, dc: number): Plage {
    const d = this.d;
    return new Plage(this.ctx, this.feuille, { r1: d.r1 + dr, c1: d.c1 + dc, r2: d.r2 + dr, c2: d.c2 + dc });
  }
  getResizedRange(dr: number, dc: number): Plage {
    const d = this.d;
    if (d.r2 + dr < d.r1 || d.c2 + dc < d.c1) echec('InvalidArgument', 'Range.getResizedRange', 'taille négative');
    return new Plage(this.ctx, this.feuille, { ...d, r2: d.r2 + dr, c2: d.c2 + dc });
  }
}

/** What a page or a Node test needs in place of office.js: Excel, Office, OfficeExtension. */
export function fauxOffice(classeur: ClasseurModele, options: { displayLanguage?: string } = {}) {
  const excel = new FauxExcel(classeur);
  return {
    excel,
    Excel: {
      run: <T>(cb: (ctx: Contexte) => Promise<T>) => excel.run(cb),
      ChartType: { columnClustered: 'ColumnClustered', barStacked: 'BarStacked' },
      ChartSeriesBy: { columns: 'Columns', rows: 'Rows' },
      CalculationType: { full: 'Full', recalculate: 'Recalculate' },
      ErrorCodes: { itemAlreadyExists: 'ItemAlreadyExists', itemNotFound: 'ItemNotFound', invalidArgument: 'InvalidArgument', requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded' },
    },
    OfficeExtension: { Error: OfficeExtensionError },
    Office: {
      context: { displayLanguage: options.displayLanguage ?? 'fr-FR' },
      onReady: (cb?: (i: { host: string; platform: string }) => void) => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }).then((info) => (cb?.(info), info)),
    },
  };
}
