// Renders Progress tasks on stderr: on a terminal one bar line redrawn in place (counts, %,
// ETA), in CI logs and pipes a plain line every `intervalMs` once a task runs longer than that
// (short tasks stay silent, so quick commands print nothing extra), and in both a closing line
// per task (`label: summary (12.3 s)`) when the task was shown at all or has a summary.
// `quiet` renders nothing. The clock is injected so tests drive time.
import { performance } from 'node:perf_hooks';
import type { Progress, ProgressTask } from '../progress.ts';

export interface ProgressOptions {
  /** Raw write to stderr (no newline added). */
  write(text: string): void;
  /** stderr is a terminal: redraw one line with \r. */
  tty: boolean;
  quiet?: boolean;
  /** Milliseconds between plain lines (non-TTY) and before the first one; default 2000. */
  intervalMs?: number;
  /** Terminal width for the bar; default 80. */
  columns?: number;
  now?: () => number;
}

const BAR = 24;

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
}

/** `12/40 30 % ETA 4.2 s` (or `12` when the total is unknown). */
export function progressText(done: number, total: number, elapsedMs: number): string {
  if (total <= 0) return `${done}`;
  const pct = Math.min(100, Math.floor((100 * done) / total));
  const eta = done > 0 && done < total ? `  ETA ${formatSeconds((elapsedMs / done) * (total - done))}` : '';
  return `${done}/${total}  ${pct} %${eta}`;
}

export function createProgress(opts: ProgressOptions): Progress {
  // performance.now, not Date.now: the aos replay pins Date.now to message timestamps.
  const now = opts.now ?? (() => performance.now());
  const interval = opts.intervalMs ?? 2000;
  const columns = Math.max(40, opts.columns ?? 80);
  if (opts.quiet) return () => ({ tick: () => undefined, done: () => undefined });
  return (label: string, total: number): ProgressTask => {
    const start = now();
    let count = 0;
    let note = '';
    let lastDraw = -Infinity;
    let shown = false;
    let closed = false;
    const line = (): string => `${label}: ${progressText(count, total, now() - start)}${note ? `  ${note}` : ''}`;
    const draw = (): void => {
      const t = now();
      if (opts.tty) {
        if (t - lastDraw < 80 && count < total) return; // redraw at most ~12 times a second
        const filled = total > 0 ? Math.round((BAR * Math.min(count, total)) / total) : 0;
        const bar = total > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ` : '';
        const text = `${label} ${bar}${progressText(count, total, t - start)}${note ? `  ${note}` : ''}`;
        opts.write(`\r${text.slice(0, columns - 1)}\x1b[K`);
        shown = true;
        lastDraw = t;
      } else if (t - start >= interval && t - lastDraw >= interval) {
        opts.write(`${line()}\n`);
        shown = true;
        lastDraw = t;
      }
    };
    draw();
    return {
      tick(n = 1, what) {
        if (closed) return;
        count += n;
        if (what !== undefined) note = what;
        draw();
      },
      done(summary) {
        if (closed) return;
        closed = true;
        if (opts.tty && shown) opts.write('\r\x1b[K');
        if (shown || summary) opts.write(`${label}: ${summary ?? `${count}${total > 0 ? `/${total}` : ''} done`} (${formatSeconds(now() - start)})\n`);
      },
    };
  };
}
