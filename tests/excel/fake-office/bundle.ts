/** The fake Office as one script for a page (what the pane tests serve in place of office.js). */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function fauxOfficeScript(): Promise<string> {
  const r = await build({ entryPoints: [fileURLToPath(new URL('./browser.ts', import.meta.url))], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'warning' });
  return r.outputFiles[0]!.text;
}
