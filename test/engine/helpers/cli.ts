// Runs the `migrate` CLI in-process with captured output (no TTY, no colour).
import { main } from '../../../src/cli/main.ts';

export async function runCli(argv: string[], cwd: string, tty = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), color: false, isTTY: tty, cwd, env: process.env });
  return { code, out, err };
}
