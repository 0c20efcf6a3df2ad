// Pages long text on a terminal: through `less -R` (or $PAGER) when available, else in-process
// one screen at a time (space/enter: next screen, q: stop). Text that fits is printed as it is.
import { spawnSync } from 'node:child_process';
import { readKey } from './keys.ts';

export interface PagerIO {
  out(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Terminal rows (process.stdout.rows); undefined when unknown. */
  rows?: number;
}

/** The external pager to run, or undefined (MIGRATE_PAGER=internal forces the in-process one). */
export function externalPager(env: NodeJS.ProcessEnv): string[] | undefined {
  if (env.MIGRATE_PAGER === 'internal') return undefined;
  const wanted = env.MIGRATE_PAGER || env.PAGER;
  const cmd = wanted ? wanted.split(/\s+/).filter(Boolean) : ['less', '-R'];
  if (cmd[0] === 'less' && !cmd.includes('-R')) cmd.push('-R');
  const probe = spawnSync('sh', ['-c', `command -v ${JSON.stringify(cmd[0])}`], { stdio: 'ignore' });
  return probe.status === 0 ? cmd : undefined;
}

export async function page(text: string, io: PagerIO): Promise<void> {
  const lines = text.replace(/\n$/, '').split('\n');
  // a pty without a window size reports 0 rows
  const rows = io.rows || Number(io.env.LINES) || 24;
  if (lines.length <= rows - 2) {
    io.out(text.replace(/\n$/, ''));
    return;
  }
  const ext = externalPager(io.env);
  if (ext) {
    // -F would quit at once on short text; we only page long text. less reads keys from the tty.
    const r = spawnSync(ext[0]!, ext.slice(1), { input: text, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'R', ...io.env } });
    if (!r.error) return;
  }
  const height = Math.max(rows - 1, 5);
  for (let at = 0; at < lines.length; at += height) {
    io.out(lines.slice(at, at + height).join('\n'));
    if (at + height >= lines.length) break;
    io.out(`-- ${Math.min(at + height, lines.length)}/${lines.length} lines: space next page, q stop --`);
    const k = await readKey();
    if (k === 'q' || k === 'ctrl-c' || k === 'escape') break;
  }
}
