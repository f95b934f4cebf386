/**
 * Runs every benchmark of bench/ one after the other (each in its own process, so one does not
 * warm the caches of the next) and prints their figures. Each benchmark compares itself with a
 * reference run in the same process and prints medians.
 *
 *   npm run bench               all of them
 *   npm run bench -- passerelles  only those whose file name contains "passerelles"
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const benches = readdirSync(here)
  .filter((f) => /\.bench\.ts$|^passerelles-qualite\.ts$|^tension-accord\.ts$/.test(f) && f.includes(filter))
  .sort();

let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n━━ ${file} ━━\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (r.status !== 0) failed++;
}
process.stdout.write(`\n${benches.length - failed}/${benches.length} mesures terminées.\n`);
process.exitCode = failed ? 1 : 0;
