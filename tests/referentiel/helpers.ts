/** Shared by the referential and passerelle tests: where the real data and fixtures are. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const romeDir = path.resolve(repoRoot, '../shared/data/rome-officiel/v460');
const romePresent = existsSync(path.join(romeDir, 'unix_referentiel_code_rome_v460_utf8.csv'));
/** Also false in the fast loop (`npm run test:unit` sets GTEC_REAL_DATA=0). */
export const hasRome = romePresent && process.env.GTEC_REAL_DATA !== '0';
export const fixtures = path.join(repoRoot, 'tests/fixtures/referential');

if (!romePresent) console.warn('données réelles absentes : ../shared/data/rome-officiel/v460 — tests sur le ROME réel ignorés');

/** The files of a fixture folder, as a memoryHost map (so tests can remove or alter one). */
export function folderFiles(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const f of readdirSync(dir)) out[`rome/${f}`] = new Uint8Array(readFileSync(path.join(dir, f)));
  return out;
}
