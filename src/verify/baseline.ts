// The baseline: the monolith bundles as they were before the first step of the plan, kept in
// <project>/.migrate/baseline/ so a behaviour change made during the migration cannot hide in
// both sides of a comparison. Written once (ensureBaseline never overwrites), checked by
// sha256 whenever it is read.
import { sha256 } from '../hash.ts';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Project } from '../config/loadProject.ts';
import { MigrateError } from '../errors.ts';
import { buildFor } from './bootBuilds.ts';
import { ensureProbeTraces } from './probes/forVerify.ts';
import { ensureOwnTestsBaseline } from './ownTestsBaseline.ts';
import type { BuildOutput } from './types.ts';

export const BASELINE_DIR = path.join('.migrate', 'baseline');

const baselineSchema = z.object({
  version: z.literal(1),
  mode: z.literal('monolith'),
  files: z.array(z.object({ process: z.string(), path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int() })),
});

export type BaselineIndex = z.infer<typeof baselineSchema>;

export function baselineDir(project: Project): string {
  return path.join(project.root, BASELINE_DIR);
}

function writeAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/** Stores `build`'s monolith bundles as the baseline (overwriting); returns the index. */
export function writeBaseline(project: Project, build: BuildOutput): BaselineIndex {
  const dir = baselineDir(project);
  const files = build.files
    .filter((f) => f.kind === 'monolith' && f.process)
    .sort((a, b) => a.process!.localeCompare(b.process!))
    .map((f) => {
      const rel = `monolith/${f.process}.lua`;
      writeAtomic(path.join(dir, rel), f.content);
      return { process: f.process!, path: rel, sha256: sha256(f.content), bytes: Buffer.byteLength(f.content) };
    });
  const index: BaselineIndex = { version: 1, mode: 'monolith', files };
  // The index goes last: a crash before it leaves no baseline, never a half one.
  writeAtomic(path.join(dir, 'baseline.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

/**
 * Stores a run of the project's own tests (when it has a suite) and builds the monolith of the
 * current sources and stores it, unless a baseline exists; then
 * records the missing probe traces (traces/probes/) on it, before the first step changes
 * anything. A process whose baseline does not boot gets no probes here (verify reports it).
 */
export async function ensureBaseline(project: Project): Promise<{ created: boolean; dir: string; probes?: string }> {
  const dir = baselineDir(project);
  // The project's own tests first: a monolith that fails to build must not lose their baseline.
  ensureOwnTestsBaseline(dir, project.root);
  if (existsSync(path.join(dir, 'baseline.json'))) return { created: false, dir };
  const build = await buildFor(project, 'monolith');
  writeBaseline(project, build);
  const probes = await ensureProbeTraces(
    project,
    project.config.processes.map((p) => p.name),
    build,
  );
  const skipped = probes.skipped.map((s) => `${s.process} ${s.reason}`).join('; ');
  return { created: true, dir, probes: `${probes.written.length} probe trace(s) recorded${skipped ? `; ${skipped}` : ''}` };
}

/** The stored baseline as a monolith build, hashes checked; undefined when there is none. */
export function readBaseline(project: Project): { index: BaselineIndex; build: BuildOutput } | undefined {
  const dir = baselineDir(project);
  const indexFile = path.join(dir, 'baseline.json');
  if (!existsSync(indexFile)) return undefined;
  let parsed;
  try {
    parsed = baselineSchema.safeParse(JSON.parse(readFileSync(indexFile, 'utf8')));
  } catch (e) {
    throw new MigrateError('VERIFY-030', `baseline index is not JSON: ${(e as Error).message}`, {
      location: { file: indexFile },
      hint: 'delete .migrate/baseline and rebuild it from the journal pre-images (migrate rollback) before verifying',
    });
  }
  if (!parsed.success) {
    throw new MigrateError('VERIFY-030', `baseline index is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      location: { file: indexFile },
    });
  }
  const files = parsed.data.files.map((f) => {
    const file = path.join(dir, f.path);
    const content = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (content === undefined || sha256(content) !== f.sha256) {
      throw new MigrateError('VERIFY-031', `baseline bundle ${f.path} is ${content === undefined ? 'missing' : 'corrupted (sha256 mismatch)'}`, {
        location: { file },
        hint: 'the baseline must not be edited; restore .migrate/baseline from a backup, or roll back and let the next step rebuild it',
      });
    }
    return { path: f.path, content, kind: 'monolith' as const, process: f.process };
  });
  return { index: parsed.data, build: { files } };
}
