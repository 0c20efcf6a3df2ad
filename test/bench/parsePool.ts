// A worker_threads pool for the bench's parse phase (`--jobs N`). The audit/graph front end
// (src/audit, src/graph) provides no worker pool, so this one exists for measuring only: it
// spreads bare luaparse work over N threads so the bench can report parallel parse throughput.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parseWorker.mjs');

export interface ParseStats {
  files: number;
  bytes: number;
  failed: number;
  seconds: number;
}

/** Parses `files` (absolute paths) on `jobs` worker threads; chunks are dealt round-robin by size. */
export async function parseInPool(files: string[], jobs: number, sizes: Map<string, number>): Promise<ParseStats> {
  const buckets: string[][] = Array.from({ length: Math.max(1, jobs) }, () => []);
  const load = new Array(buckets.length).fill(0) as number[];
  for (const f of [...files].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0))) {
    const i = load.indexOf(Math.min(...load));
    buckets[i]!.push(f);
    load[i]! += sizes.get(f) ?? 0;
  }
  const t0 = performance.now();
  const results = await Promise.all(
    buckets.map(
      (bucket) =>
        new Promise<Omit<ParseStats, 'seconds'>>((resolve, reject) => {
          const w = new Worker(WORKER);
          w.once('message', (r: Omit<ParseStats, 'seconds'>) => {
            void w.terminate();
            resolve(r);
          });
          w.once('error', reject);
          w.postMessage(bucket);
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  return results.reduce((a, r) => ({ files: a.files + r.files, bytes: a.bytes + r.bytes, failed: a.failed + r.failed, seconds }), {
    files: 0,
    bytes: 0,
    failed: 0,
    seconds,
  });
}
