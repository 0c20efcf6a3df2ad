// The probe traces verify replays: traces/probes/<process>.jsonl for every selected process,
// written first when missing (synthesised from the baseline build verify compares against).
// A process whose baseline does not boot (e.g. it needs lsqlite3) is returned as skipped with
// the reason; a process with no handler gets no probe trace.
import { existsSync } from 'node:fs';
import type { Project } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { loadTrace } from '../trace.ts';
import type { BuildOutput } from '../types.ts';
import { probeFile, writeProbes } from './probeFile.ts';

export interface ProbeTraces {
  files: Map<string, string[]>;
  skipped: { process: string; reason: string }[];
  /** Probe files written now (they were missing). */
  written: string[];
}

/** Why a baseline that does not boot cannot be verified (a missing external module named). */
export function skipReason(e: MigrateError): string {
  const missing = /module '([^']+)' not found/.exec(e.message);
  return missing ? `not verified: needs ${missing[1]} (the aos module verify boots does not provide it)` : `not verified: the baseline monolith does not boot: ${e.message}`;
}

export async function ensureProbeTraces(project: Project, processes: string[], build: BuildOutput): Promise<ProbeTraces> {
  const out: ProbeTraces = { files: new Map(), skipped: [], written: [] };
  for (const name of processes) {
    const file = probeFile(project, name);
    if (!existsSync(file)) {
      try {
        await writeProbes(project, [name], { build });
        out.written.push(file);
      } catch (e) {
        if (!(e instanceof MigrateError) || e.code !== 'VERIFY-022') throw e;
        out.skipped.push({ process: name, reason: skipReason(e) });
        continue;
      }
    }
    if (loadTrace(file).messages.length > 0) out.files.set(name, [file]);
  }
  return out;
}
