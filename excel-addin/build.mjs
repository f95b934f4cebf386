// Build of the Excel add-in into dist/excel-addin/ (called by esbuild.config.js):
//   functions.json      generated from the JSDoc of src/functions/functions.ts by custom-functions-metadata (French)
//   functions.en.json   the same metadata with the English names and descriptions of src/functions/names.en.json
//   functions.js        the functions bundle, ending with one CustomFunctions.associate per generated id
//   aide.html, help.html  help pages (help.mjs): one anchor per function, the helpUrl of its metadata
//   taskpane.html/.js/.css, bmo-worker.js, passerelles-worker.js, nomenclatures-worker.js (BMO parse, passerelle engine, nomenclature files off the pane’s thread), manifest.xml, assets/icon-*.png
// The manifest's https://localhost:3000 becomes $GTEC_ADDIN_URL when set.
import { build } from 'esbuild';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import path from 'node:path';
import { avecAide, EXEMPLES, pageAide } from './help.mjs';

const SRC = 'excel-addin/src';
const FONCTIONS = `${SRC}/functions/functions.ts`;

/** English metadata: same ids and parameters, names and descriptions from the table (all required). */
export function metadonneesAnglaises(fr, table) {
  const manque = [];
  const functions = fr.functions.map((f) => {
    const en = table[f.id];
    if (!en) {
      manque.push(f.id);
      return f;
    }
    return {
      ...f,
      name: en.name,
      description: en.description,
      // English parameter names and descriptions (Excel shows the names in the formula tooltip).
      parameters: f.parameters.map((p) => {
        const t = en.parameters?.[p.name];
        if (!t?.name || !t.description) manque.push(`${f.id}.${p.name}`);
        return { ...p, name: t?.name ?? p.name, description: t?.description ?? p.description };
      }),
    };
  });
  if (manque.length) throw new Error(`names.en.json : traductions manquantes : ${manque.join(', ')}`);
  return { ...fr, functions };
}

/** A square PNG icon (GTEC blue, white frame), encoded by hand: no binary in the repository. */
function icone(taille) {
  const ligne = 1 + taille * 4;
  const brut = Buffer.alloc(ligne * taille);
  for (let y = 0; y < taille; y++) {
    brut[y * ligne] = 0;
    for (let x = 0; x < taille; x++) {
      const bord = Math.max(2, Math.round(taille / 8));
      const cadre = x >= bord && y >= bord && x < taille - bord && y < taille - bord && (x < 2 * bord || y < 2 * bord || y >= taille - 2 * bord || (x >= taille / 2 && y >= taille / 2 && y < taille / 2 + bord));
      const [r, g, b] = cadre ? [255, 255, 255] : [0x1f, 0x4e, 0x79];
      brut.set([r, g, b, 255], y * ligne + 1 + x * 4);
    }
  }
  const bloc = (type, data) => {
    const t = Buffer.from(type, 'ascii');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([t, data])) >>> 0);
    return Buffer.concat([len, t, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(taille, 0);
  ihdr.writeUInt32BE(taille, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), bloc('IHDR', ihdr), bloc('IDAT', deflateSync(brut)), bloc('IEND', Buffer.alloc(0))]);
}

export async function buildExcelAddin({ outdir = 'dist/excel-addin', common = {} } = {}) {
  mkdirSync(`${outdir}/assets`, { recursive: true });
  const gen = await generateCustomFunctionsMetadata(FONCTIONS, false);
  if (gen.errors.length) throw new Error(`custom-functions-metadata :\n${gen.errors.join('\n')}`);
  const base = process.env.GTEC_ADDIN_URL?.replace(/\/+$/, '');
  const racine = base ?? 'https://localhost:3000';
  const fr = avecAide(JSON.parse(gen.metadataJson), `${racine}/aide.html`);
  const sansExemple = fr.functions.filter((f) => !EXEMPLES[f.id]).map((f) => f.id);
  if (sansExemple.length) throw new Error(`help.mjs : exemple manquant pour ${sansExemple.join(', ')}`);
  writeFileSync(`${outdir}/functions.json`, JSON.stringify(fr, null, 2) + '\n');
  const table = JSON.parse(readFileSync(`${SRC}/functions/names.en.json`, 'utf8'));
  const en = avecAide(metadonneesAnglaises(fr, table), `${racine}/help.html`);
  writeFileSync(`${outdir}/functions.en.json`, JSON.stringify(en, null, 2) + '\n');
  // Help pages (helpUrl of every function, SupportUrl and LearnMoreUrl of the manifest).
  writeFileSync(`${outdir}/aide.html`, pageAide(fr, 'fr'));
  writeFileSync(`${outdir}/help.html`, pageAide(en, 'en'));

  // Registration, as Office's webpack plugin does it: one associate call per generated id.
  const enregistrement = [`import * as f from './functions.ts';`, ...gen.associate.map((a) => `CustomFunctions.associate(${JSON.stringify(a.id)}, f.${a.functionName});`)].join('\n');
  const navigateur = { ...common, bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', platform: 'browser', target: 'es2020', format: 'iife' };
  await build({
    ...navigateur,
    stdin: { contents: enregistrement, resolveDir: path.resolve(`${SRC}/functions`), sourcefile: 'enregistrement.ts', loader: 'ts' },
    outfile: `${outdir}/functions.js`,
  });
  await build({ ...navigateur, entryPoints: [`${SRC}/taskpane/taskpane.ts`], outfile: `${outdir}/taskpane.js` });
  // The BMO workbook is parsed in a Web Worker (the pane's thread stays free).
  await build({ ...navigateur, entryPoints: [`${SRC}/taskpane/bmo-worker.ts`], outfile: `${outdir}/bmo-worker.js` });
  // The passerelle engine is built in a Web Worker too (the shared runtime's thread stays free).
  await build({ ...navigateur, entryPoints: [`${SRC}/taskpane/passerelles-worker.ts`], outfile: `${outdir}/passerelles-worker.js` });
  await build({ ...navigateur, entryPoints: [`${SRC}/taskpane/nomenclatures-worker.ts`], outfile: `${outdir}/nomenclatures-worker.js` });
  for (const f of ['taskpane.html', 'taskpane.css']) copyFileSync(`${SRC}/taskpane/${f}`, `${outdir}/${f}`);

  const manifeste = readFileSync('excel-addin/manifest.xml', 'utf8');
  writeFileSync(`${outdir}/manifest.xml`, base ? manifeste.replaceAll('https://localhost:3000', base) : manifeste);
  for (const t of [16, 32, 64, 80]) writeFileSync(`${outdir}/assets/icon-${t}.png`, icone(t));
}
