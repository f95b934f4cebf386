/** A one-line progress display on stderr, only when stdout is a terminal. */
import type { CliContext } from './context.js';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  end(): void;
}

export function progress(ctx: CliContext, title: string): Progress {
  if (!ctx.interactive || !process.stderr.isTTY) return { update() {}, end() {} };
  let last = 0;
  return {
    update(done, total, label) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const pct = total ? Math.floor((100 * done) / total) : 0;
      process.stderr.write(`\r${ctx.w.progres(title, pct, done, total)}${label ? ' ' + label : ''}\x1b[K`);
    },
    end() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
