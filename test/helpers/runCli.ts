// Runs the `migrate` dispatcher in-process with captured output, as a pipe would see it (no
// colour; a TTY only when asked). The one CLI runner every test uses.
import { main } from '../../src/cli/main.ts';
import { createProgress } from '../../src/cli/progress.ts';
import { TransformRegistry } from '../../src/transform/registry.ts';

/** The toolkit's transforms plus the engine tests' own, which fixture plans name. */
const TEST_REGISTRY = new TransformRegistry([new URL('../engine/transforms', import.meta.url).pathname]);

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** `progress`: render progress on `err` as CI would, one line per tick (interval 0). */
export async function runCli(argv: string[], cwd: string, opts: { tty?: boolean; env?: NodeJS.ProcessEnv; progress?: boolean } = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const line = (t: string): string => (t.endsWith('\n') ? t : `${t}\n`);
  const code = await main(argv, {
    out: (t) => void (out += line(t)),
    err: (t) => void (err += line(t)),
    color: false,
    isTTY: opts.tty ?? false,
    cwd,
    env: { ...(opts.env ?? process.env), NO_COLOR: '1' },
    transforms: TEST_REGISTRY,
    ...(opts.progress ? { progress: createProgress({ write: (t) => void (err += t), tty: false, intervalMs: 0, quiet: argv.includes('--quiet') }) } : {}),
  });
  return { code, out, err };
}
