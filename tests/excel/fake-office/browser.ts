/**
 * Entry of the fake Office served to the task pane in Chromium in place of Microsoft's office.js
 * (bundled by tests/excel/fake-office/bundle.ts). The page's init script may set
 * `__feuillesInitiales` (existing sheets, with their tables) and `__langue` (Office's display
 * language). The test reads `__journal`, `__stats`, `__classeur` (the workbook model) and calls the
 * registered functions through `__associes`.
 */
import { fauxOffice } from './excel.js';
import { ClasseurModele } from './model.js';

const w = window as unknown as Record<string, unknown>;
const classeur = new ClasseurModele((w.__feuillesInitiales as Array<string | { name: string; tables?: string[] }>) ?? []);
for (const [k, v] of Object.entries((w.__reglagesInitiaux as Record<string, unknown>) ?? {})) classeur.reglages.set(k, v);
const office = fauxOffice(classeur, { displayLanguage: (w.__langue as string) ?? 'fr-FR' });
const associes: Record<string, unknown> = {};
Object.assign(w, {
  Excel: office.Excel,
  Office: office.Office,
  OfficeExtension: office.OfficeExtension,
  __journal: office.excel.journal,
  __stats: office.excel.stats,
  __classeur: classeur,
  __associes: associes,
  CustomFunctions: {
    associate: (id: string, f: unknown) => (associes[id] = f),
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
  },
});
