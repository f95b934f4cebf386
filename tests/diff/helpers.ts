/** Shared by the diff tests: the built CLI, and real git repositories in temporary folders. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const GTEC = path.join(ROOT, 'dist/cli/gtec.cjs');
export const DEMO = path.join(ROOT, 'examples/demo');

/** Builds the CLI with the project's configuration (a later bundle failing does not matter here). */
export function buildCli(): void {
  const started = Date.now();
  const b = spawnSync(process.execPath, ['esbuild.config.js'], { cwd: ROOT, encoding: 'utf8' });
  const fresh = statSync(GTEC, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (fresh < started - 1000) throw new Error(`build du CLI impossible :\n${b.stderr}`);
}

export function gtec(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [GTEC, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GTEC_LANG: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} : ${r.stderr}`);
  return r.stdout;
}

/** A new repository holding a copy of the demo under `demo/`, committed once. */
export function demoRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gtec-diff-'));
  git(dir, 'init', '-q', '-b', 'main');
  cpSync(DEMO, path.join(dir, 'demo'), { recursive: true });
  commit(dir, 'démo initiale');
  return dir;
}

export function commit(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** Replaces text in a file of the repository; fails when the text is absent (a silent no-op would hide a broken test). */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const p = path.join(dir, file);
  const before = readFileSync(p, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${file} : « ${String(from)} » introuvable`);
  writeFileSync(p, after);
}
