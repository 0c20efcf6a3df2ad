// Worker thread of the audit's facts pool (factsPool.ts; bundled by esbuild into one plain
// script, so the worker needs no TypeScript loader). It claims files one at a time from a
// shared counter, parses each as the parse cache would (src/graph/luaFiles.ts: lean luaparse
// options on the BOM-less latin1 text), and sends back its FileAuditFacts and, when asked, the
// require graph's facts of the file: hashes, unit spans, token ids, require sites and counts,
// never the tree.
import { isUtf8 } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { countLines } from '../graph/luaFiles.ts';
import { scanLua } from '../graph/requireSites.ts';
import { decodeLua, LUAPARSE_LEAN_OPTIONS, parseLuaText } from '../parse/luaSource.ts';
import { FactsExtractor, fileAuditFacts, type FileAuditFacts } from './luaUnits.ts';
import type { GraphFileFacts } from './factsPool.ts';

export interface FactsWorkerData {
  /** Every file's bytes, back to back. */
  bytes: SharedArrayBuffer;
  /** Int32 offsets into `bytes`: file i is [offsets[i], offsets[i + 1]). */
  offsets: SharedArrayBuffer;
  /** Int32 claim counter: the next file index to take. */
  counter: SharedArrayBuffer;
  /** Also compute the require graph's facts of each file. */
  graphFacts: boolean;
}

/** File index, its audit facts (null: it does not parse), its graph facts when asked for. */
export type FactsWorkerResult = [number, FileAuditFacts | null, GraphFileFacts | undefined][];

const data = workerData as FactsWorkerData;
const offsets = new Int32Array(data.offsets);
const counter = new Int32Array(data.counter);
const files = offsets.length - 1;
const results: FactsWorkerResult = [];
const transfer: ArrayBuffer[] = [];
// This thread's scratch buffers and token tables (this script is one run of one worker).
const extractor = new FactsExtractor();
for (let i = Atomics.add(counter, 0, 1); i < files; i = Atomics.add(counter, 0, 1)) {
  const bytes = Buffer.from(data.bytes, offsets[i]!, offsets[i + 1]! - offsets[i]!);
  const { text, bom } = decodeLua(bytes);
  const { ast, error } = parseLuaText(text, LUAPARSE_LEAN_OPTIONS);
  const facts = ast ? fileAuditFacts(text, ast, extractor) : null;
  let graph: GraphFileFacts | undefined;
  if (data.graphFacts) {
    const scanned = ast ? scanLua(ast, text) : { sites: [], dynamic: [], functions: 0, usesFederation: false };
    graph = { bom, utf8: isUtf8(bytes), ...(error ? { error } : {}), ...scanned, lines: countLines(text) };
  }
  results.push([i, facts, graph]);
  if (facts) transfer.push(facts.tokens.buffer as ArrayBuffer, facts.kinds.buffer as ArrayBuffer);
}
parentPort!.postMessage(results, transfer);
