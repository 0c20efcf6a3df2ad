// The probe traces verify replays: traces/probes/<process>.jsonl for every selected process,
// written first when missing (synthesised from the baseline build verify compares against).
// A process whose baseline does not boot (e.g. it needs lsqlite3) is returned as skipped with
// the reason; a process with no handler gets no probe trace.
import { existsSync } from 'node:fs';
import type { Project } from '../../config/loadProject.ts';
import { loadTrace } from '../trace.ts';
import type { BuildOutput } from '../types.ts';
import { probeFile, writeProbes } from './probeFile.ts';

export { skipReason } from './skip.ts';

export interface ProbeTraces {
  files: Map<string, string[]>;
  skipped: { process: string; reason: string }[];
  /** Probe files written now (they were missing). */
  written: string[];
}

export async function ensureProbeTraces(project: Project, processes: string[], build: BuildOutput): Promise<ProbeTraces> {
  const out: ProbeTraces = { files: new Map(), skipped: [], written: [] };
  for (const name of processes) {
    const file = probeFile(project, name);
    if (!existsSync(file)) {
      const [summary] = await writeProbes(project, [name], { build });
      if (summary?.skipped) {
        out.skipped.push({ process: name, reason: summary.skipped });
        continue;
      }
      out.written.push(file);
    }
    if (loadTrace(file).messages.length > 0) out.files.set(name, [file]);
  }
  return out;
}
