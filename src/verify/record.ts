// `migrate trace record`: replays a scenario (JSONL messages, the trace format) on the current
// monolith and writes it back as a trace whose `expect.error` says what the monolith did, so
// later replays flag a message that starts or stops failing.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import { MigrateError } from '../errors.ts';
import { messageId } from './aosRuntime.ts';
import { readBaseline } from './baseline.ts';
import { bootFromPlan, bootPlan, buildFor } from './bootBuilds.ts';
import { isErrorAnswer, replayTrace } from './replay.ts';
import { formatTraceLine, loadTrace } from './trace.ts';

export interface RecordResult {
  out: string;
  messages: number;
  errored: number;
  replies: number;
  source: 'baseline' | 'current';
}

/** A scenario is a path, or a name looked up as traces/scenarios/<name>.jsonl. */
export function scenarioFile(project: Project, scenario: string, cwd: string): string {
  if (scenario.endsWith('.jsonl')) return path.resolve(cwd, scenario);
  return path.join(project.root, 'traces', 'scenarios', `${scenario}.jsonl`);
}

export async function recordTrace(project: Project, opts: { process: string; scenario: string; out?: string; cwd: string }): Promise<RecordResult> {
  if (!project.config.processes.some((p) => p.name === opts.process)) {
    throw new MigrateError('VERIFY-003', `unknown process '${opts.process}'`, { hint: `processes: ${project.config.processes.map((p) => p.name).join(', ')}` });
  }
  const scenario = loadTrace(scenarioFile(project, opts.scenario, opts.cwd));
  // Record from the monolith before the migration when there is one, else the current monolith.
  const stored = readBaseline(project);
  const build = stored?.build ?? (await buildFor(project, 'monolith'));
  const { proc } = await bootFromPlan(bootPlan(build, 'monolith', opts.process));
  const replay = await replayTrace(proc, scenario);
  const name = path.basename(opts.scenario, '.jsonl');
  const out = opts.out ? path.resolve(opts.cwd, opts.out) : path.join(project.root, 'traces', `${opts.process}.${name}.jsonl`);
  // Explicit ids (the ones this replay used), so every build replays the same ids whatever
  // its boot looked like.
  const lines = replay.messages.map((r, i) =>
    formatTraceLine({ ...r.message, msg: { ...r.message.msg, Id: r.message.msg.Id ?? messageId(i + 1) }, expectError: isErrorAnswer(r.answer) }),
  );
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  return {
    out,
    messages: lines.length,
    errored: replay.errored,
    replies: replay.messages.reduce((n, r) => n + r.answer.messages.length, 0),
    source: stored ? 'baseline' : 'current',
  };
}
