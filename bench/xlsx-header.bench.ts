/**
 * Header-only check of a generated 1 M-row workbook (issue 13 §7: 39 s and 2.3 GB with exceljs):
 * writes `gtec-1M.xlsx` (shared strings, 4 columns, 1 000 000 data rows) and a diagnostic that
 * declares it into a temporary folder (never into the repository), then times, in this process,
 * `inspectSource` (what `gtec check` runs per source) against the previous reader's header-only
 * read (exceljs's object model, tests/data/exceljs-reference.ts). Prints the folder, for the
 * whole-process measure:
 *   /usr/bin/time -v node dist/cli/gtec.cjs check <dossier>/gros.gtec.yaml
 * Run: nice -n 10 npx tsx bench/xlsx-header.bench.ts [--sans-exceljs]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectSource } from '../core/data/inspect.js';
import { Source } from '../core/format/schema.js';
import { nodeFileHost } from '../node-host/file-host.js';
import { readXlsxExceljs } from '../tests/data/exceljs-reference.js';
import { zip } from '../tests/data/zip-build.js';

const ROWS = 1_000_000;
const dir = path.join(os.tmpdir(), 'gtec-bench-1M');
const file = path.join(dir, 'gtec-1M.xlsx');

function generate(): Uint8Array {
  const codes = Array.from({ length: 500 }, (_, i) => `${String.fromCharCode(65 + (i % 14))}${String(1000 + i).padStart(4, '0')}`);
  const strings = ['metier', 'zone', 'annee', 'effectif', ...codes];
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  const parts: string[] = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'];
  for (let i = 0; i < ROWS; i++) {
    const r = i + 2;
    parts.push(`<row r="${r}"><c r="A${r}" t="s"><v>${4 + (i % 500)}</v></c><c r="B${r}"><v>${44 + (i % 7)}</v></c><c r="C${r}"><v>2024</v></c><c r="D${r}"><v>${(i * 7919) % 1000}</v></c></row>`);
  }
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Effectifs" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    },
    { name: 'xl/sharedStrings.xml', data: shared },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>` },
  ]);
}

const DIAGNOSTIC = `gtec: 1
titre: Gros classeur (1 000 000 lignes, généré)
territoire: { nom: Loire-Atlantique, type: departement, codes: ['44'] }
periode: { debut: 2023, fin: 2024 }
sources:
  - { id: gros, type: effectifs, chemin: gtec-1M.xlsx }
`;

async function main() {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const bytes = generate();
  writeFileSync(file, bytes);
  writeFileSync(path.join(dir, 'gros.gtec.yaml'), DIAGNOSTIC);
  process.stdout.write(`${file} : ${(bytes.length / 1e6).toFixed(1)} Mo, ${ROWS} lignes, généré en ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const source = Source.parse({ id: 'gros', type: 'effectifs', chemin: 'gtec-1M.xlsx' });
  const host = nodeFileHost(dir);
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = await inspectSource(source, host, '/sources/0');
    ms.push(performance.now() - t);
    if (r.problems.length || r.headers?.join() !== 'metier,zone,annee,effectif') throw new Error(`en-têtes inattendus : ${r.headers} ${JSON.stringify(r.problems)}`);
  }
  const med = [...ms].sort((a, b) => a - b)[2]!;
  process.stdout.write(`inspectSource (lecteur du cœur, en-tête seulement) : ${(med / 1000).toFixed(3)} s (médiane de 5 ; ${ms.map((x) => (x / 1000).toFixed(3)).join(' ')})\n`);
  if (!process.argv.includes('--sans-exceljs')) {
    const t = performance.now();
    const r = await readXlsxExceljs(bytes, { file, headerOnly: true });
    const ex = performance.now() - t;
    process.stdout.write(`lecteur précédent (exceljs), en-tête seulement : ${(ex / 1000).toFixed(1)} s (1 mesure) ; en-têtes : ${r.table.headers.join(', ')} ; ${(ex / med).toFixed(0)} fois plus lent\n`);
  }
  process.stdout.write(`Mesure du processus entier : /usr/bin/time -v node dist/cli/gtec.cjs check ${path.join(dir, 'gros.gtec.yaml')}\n`);
}

await main();
