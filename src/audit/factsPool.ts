// The audit's worker threads (`migrate audit --jobs N`): N - 1 workers parse files and extract
// their FileAuditFacts while the main thread builds the require graph; then the main thread
// takes what is left. Files are claimed one at a time from a shared counter (largest first), so
// a slow, JIT-cold worker simply takes fewer. Workers return facts (hashes, unit spans, one
// Float64Array of token ids per file, transferred without a copy), never trees: cloning a tree
// costs more than parsing it. Facts are content-determined, so the report does not depend on
// which thread analysed which file.
//
// The worker (factsWorker.ts) is bundled by esbuild into one plain script, cached under the
// OS temp folder by the hash of its inputs: a worker that had to load a TypeScript loader first
// would spend more time starting than parsing. The compiled package (dist/) runs its
// factsWorker.js directly.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync, version } from 'esbuild';
import type { LuaFileFacts } from '../graph/luaFiles.ts';
import type { FileAuditFacts } from './luaUnits.ts';
import type { FactsWorkerData, FactsWorkerResult } from './factsWorker.ts';
import { COMPILED, MODULE_EXT } from '../toolkitRoot.ts';

/** What the parse cache keeps of a file besides its text and hash (the require graph's facts). */
export type GraphFileFacts = Omit<LuaFileFacts, 'parsed' | 'text' | 'hash'>;

export interface WorkerFacts {
  /** null: the file does not parse. */
  facts: FileAuditFacts | null;
  graph?: GraphFileFacts;
}

const ENTRY = fileURLToPath(new URL(`./factsWorker${MODULE_EXT}`, import.meta.url));
const ROOT = path.resolve(path.dirname(ENTRY), '../..');

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Cache key of a bundle: esbuild's version and every input file's path and bytes. */
function inputsKey(version: string, inputs: string[]): string {
  const h = createHash('sha256').update(version);
  for (const file of inputs) h.update(`\0${file}\0`).update(readFileSync(file));
  return h.digest('hex').slice(0, 24);
}

// Module-level on purpose: the path of the bundled worker script is a fact of this install (its
// sources' hashes), the same for every audit session of the process; keeping it saves
// re-reading the manifest and hashing the inputs once per audit.
let script: string | undefined;

/** Path of the bundled worker script (built once per change of its sources). Throws when esbuild cannot build it. */
export function factsWorkerScript(): string {
  // The compiled package's worker is plain JavaScript already: run it as it is.
  if (COMPILED) return ENTRY;
  if (script && existsSync(script)) return script;
  const dir = path.join(os.tmpdir(), `ao-federate-workers-${process.getuid?.() ?? 'user'}`);
  const manifest = path.join(dir, `audit-facts-${sha256(ENTRY).slice(0, 16)}.json`);
  const outOf = (key: string): string => path.join(dir, `audit-facts-${key}.mjs`);
  let previous: string | undefined;
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: string[]; out: string };
    previous = m.out;
    const out = outOf(inputsKey(version, m.inputs));
    if (existsSync(out)) return (script = out);
  } catch {
    // no manifest yet, or an input is gone: build
  }
  const built = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  const inputs = Object.keys(built.metafile.inputs)
    .map((p) => path.resolve(ROOT, p))
    .sort();
  const out = outOf(inputsKey(version, inputs));
  mkdirSync(dir, { recursive: true });
  // Written under a temporary name and renamed: concurrent audits never see half a file.
  const tmp = (p: string): string => `${p}.${process.pid}.${Date.now()}.tmp`;
  const tmpOut = tmp(out);
  writeFileSync(tmpOut, built.outputFiles[0]!.contents);
  renameSync(tmpOut, out);
  const tmpManifest = tmp(manifest);
  writeFileSync(tmpManifest, JSON.stringify({ inputs, out }));
  renameSync(tmpManifest, manifest);
  if (previous && previous !== out) rmSync(previous, { force: true });
  return (script = out);
}

export interface FactsPool {
  /** Claims the next file no thread has taken yet; -1 when every file is taken. */
  claim(): number;
  /**
   * Waits for the workers: file index -> what they found. A file claimed by a worker that
   * failed is missing from the map (the caller analyses it).
   */
  finish(): Promise<Map<number, WorkerFacts>>;
  /** Stops the workers (on an error of the caller). */
  terminate(): void;
}

/** Starts `workers` threads on `files` (claimed in the given order); `graphFacts` asks for the graph's facts too. */
export function startFactsPool(files: Buffer[], workers: number, opts: { graphFacts?: boolean } = {}): FactsPool {
  const file = factsWorkerScript();
  const offsets = new Int32Array(new SharedArrayBuffer(4 * (files.length + 1)));
  for (let i = 0; i < files.length; i++) offsets[i + 1] = offsets[i]! + files[i]!.length;
  const bytes = new SharedArrayBuffer(Math.max(1, offsets[files.length]!));
  const view = new Uint8Array(bytes);
  for (let i = 0; i < files.length; i++) view.set(files[i]!, offsets[i]!);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workerData: FactsWorkerData = {
    bytes,
    offsets: offsets.buffer as SharedArrayBuffer,
    counter: counter.buffer as SharedArrayBuffer,
    graphFacts: opts.graphFacts === true,
  };
  const threads = Array.from({ length: workers }, () => new Worker(file, { workerData }));
  const done = threads.map(
    (w) =>
      new Promise<FactsWorkerResult>((resolve) => {
        // A worker that fails (or is stopped) gives nothing: its files are redone by the caller.
        w.once('message', (m: FactsWorkerResult) => resolve(m));
        w.once('error', () => resolve([]));
        w.once('exit', () => resolve([]));
      }),
  );
  return {
    claim: () => {
      const i = Atomics.add(counter, 0, 1);
      return i < files.length ? i : -1;
    },
    finish: async () => {
      const out = new Map<number, WorkerFacts>();
      for (const results of await Promise.all(done)) for (const [i, facts, graph] of results) out.set(i, { facts, ...(graph ? { graph } : {}) });
      return out;
    },
    terminate: () => {
      for (const w of threads) void w.terminate();
    },
  };
}
