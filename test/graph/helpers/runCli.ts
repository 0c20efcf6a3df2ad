// Runs the `migrate` dispatcher in-process with captured output (no TTY, no colour).
import { main } from '../../../src/cli/main.ts';

export async function runMigrate(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
    color: false,
    isTTY: false,
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code, out, err };
}
