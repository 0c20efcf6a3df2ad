// The parent side of an aos run in a child Node process (BootOptions.sqlite in aosRuntime.ts):
// forks aosChild.ts with --experimental-wasm-memory64 (wasm64 modules need it on Node 20) and
// the tsx loader, and turns each call into an IPC round trip. The child holds the ao-loader
// handle and the heap (serveAosChild in aosRuntime.ts, the one module that knows ao-loader).
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AoResult } from './aosRuntime.ts';

const require = createRequire(import.meta.url);

/** How long the child may take to load the wasm (a cold tsx start included), and one message. */
const CHILD_LOAD_MS = 120_000;
const CHILD_MESSAGE_MS = 60_000;

export type Remote = (
  msg: Record<string, unknown>,
  env: Record<string, unknown>,
  discard: boolean,
) => Promise<Omit<AoResult, 'ms'> & { memoryBytes: number; discarded: boolean }>;

/** Starts the child Node process that runs the sqlite aos; resolves once its module is loaded. */
export async function startChild(wasm: string, format: string, memoryLimit: string): Promise<Remote> {
  const { fork } = await import('node:child_process');
  const { pathToFileURL } = await import('node:url');
  const child = fork(path.join(path.dirname(new URL(import.meta.url).pathname), 'aosChild.ts'), [], {
    execArgv: ['--experimental-wasm-memory64', '--import', pathToFileURL(require.resolve('tsx/esm')).href],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const pending = new Map<number, { ok: (v: never) => void; fail: (e: Error) => void }>();
  let next = 0;
  const idle = () => {
    // an idle child never keeps the parent alive (AosProcess has no close: it is dropped)
    if (pending.size === 0) {
      child.unref();
      (child.channel as { unref?: () => void } | undefined)?.unref?.();
      // its stderr pipe too, or the parent waits for the child's exit after its work is done
      (child.stderr as { unref?: () => void } | null)?.unref?.();
    }
  };
  child.on('message', (m: { id: number; result?: never; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) p?.fail(new Error(m.error));
    else p?.ok(m.result!);
    idle();
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.fail(new Error(`the sqlite aos child exited (${code}): ${stderr.trim().slice(-400)}`));
    pending.clear();
  });
  // A child that stops answering (a wasm64 run that hangs) must not hang verify: after the limit
  // the child is killed and the call fails, so the process is reported as not verified.
  const call = <T>(op: Record<string, unknown>, limitMs: number): Promise<T> =>
    new Promise<T>((ok, fail) => {
      const id = ++next;
      const timer = setTimeout(() => {
        pending.delete(id);
        child.kill('SIGKILL');
        fail(new Error(`the sqlite aos child did not answer '${String(op.op)}' within ${limitMs / 1000} s`));
      }, limitMs);
      pending.set(id, {
        ok: ((v: never) => {
          clearTimeout(timer);
          ok(v);
        }) as (v: never) => void,
        fail: (e: Error) => {
          clearTimeout(timer);
          fail(e);
        },
      });
      child.ref();
      (child.channel as { ref?: () => void } | undefined)?.ref?.();
      (child.stderr as { ref?: () => void } | null)?.ref?.();
      child.send({ id, ...op });
    });
  await call({ op: 'load', wasm, format, memoryLimit }, CHILD_LOAD_MS);
  return (msg, env, discard) => call({ op: 'handle', msg, env, discard }, CHILD_MESSAGE_MS);
}
