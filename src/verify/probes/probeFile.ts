// traces/probes/<process>.jsonl: the probe messages of a process, synthesised from the baseline
// monolith (its syntax tree and its live handler list) and recorded on it (expect.error says
// what the baseline did), like a hand-written trace. Written by `migrate trace probe`, and by
// the first step of a plan (with the baseline) or by `verify` when a file is missing. The
// file is plain trace JSONL, reviewable and editable; `//` lines say which handler and variant
// each message probes.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { parseLuaOrThrow } from '../../parse/luaSource.ts';
import { DEFAULT_OWNER } from '../aosRuntime.ts';
import { readBaseline } from '../baseline.ts';
import { bootFromPlan, bootPlan, buildFor } from '../bootBuilds.ts';
import { countErrored, isErrorAnswer, replayTrace } from '../replay.ts';
import { formatTraceLine, type Trace } from '../trace.ts';
import type { Answer, BuildOutput } from '../types.ts';
import { worldProcessId } from '../world.ts';
import { DISCOVERY_PRELUDE, readLiveHandlers } from './discover.ts';
import { scanClosure } from './scan.ts';
import { skipReason } from './skip.ts';
import { PROBES_DIR } from '../../config/outputs.ts';
import { harvestPools } from './dataValues.ts';
import { isAosHandler, numbered, PROBE_STRANGER, probeId, probeList, probePass, type ProbeActors, type ProbeMessage } from './synthesize.ts';
import { withToldValues } from './told.ts';

export function probeFile(project: Project, processName: string): string {
  return path.join(project.root, PROBES_DIR, `${processName}.jsonl`);
}

export interface ProbeSummary {
  process: string;
  file: string;
  messages: number;
  /** Handlers probed (aos's own handlers left out). */
  handlers: number;
  /** Handlers whose pattern is a function neither the live list nor the syntax tree explains. */
  unexplained: string[];
  errored: number;
  /** Set when the baseline of the process does not boot: no probe file was written. */
  skipped?: string;
}

/** The monolith build probes are made from: the stored baseline, else the current monolith. */
export async function probeSourceBuild(project: Project): Promise<BuildOutput> {
  return readBaseline(project)?.build ?? (await buildFor(project, 'monolith'));
}

export function actorsFor(project: Project, processName: string): ProbeActors {
  return {
    owner: DEFAULT_OWNER,
    stranger: PROBE_STRANGER,
    peers: project.config.processes.filter((p) => p.name !== processName).map((p) => ({ name: p.name, id: worldProcessId(p.name) })),
  };
}

/** Synthesises and records the probes of one process; returns the file text and a summary. */
export async function synthesiseProbes(project: Project, build: BuildOutput, processName: string): Promise<{ text: string; summary: ProbeSummary }> {
  const plan = bootPlan(build, 'monolith', processName);
  const source = plan.chunks.map((c) => c.code).join('\n');
  const scan = scanClosure(parseLuaOrThrow(source, `monolith bundle of '${processName}'`, { lean: true }).ast);
  const { proc: discovery } = await bootFromPlan({ ...plan, chunks: [{ label: 'probe discovery prelude', code: DISCOVERY_PRELUDE }, ...plan.chunks] });
  const live = (await readLiveHandlers(discovery)).filter((h) => !isAosHandler(h.name));
  const actors = actorsFor(project, processName);
  const file = probeFile(project, processName);
  const asTrace = (list: ProbeMessage[]): Trace => ({
    file,
    messages: list.map((m, i) => ({ line: i + 1, msg: { From: m.From, ...(m.Owner ? { Owner: m.Owner } : {}), Tags: m.Tags, Data: m.Data, Id: m.Id } })),
  });
  // the first pass, replayed once on a fresh baseline, tells which ids the process answered
  // each sender: the second pass sends them back (create, then query what was created)
  const firstPass = probeList(live, scan, actors).slice(0, probePass(live, scan, actors).length);
  const { proc: learner } = await bootFromPlan(plan);
  const learnt = (await replayTrace(learner, asTrace(firstPass))).messages;
  const pools = harvestPools(learnt.map((r) => r.answer));
  // and which messages it answered without an error: sessions in the second pass use those
  const answered = new Set(learnt.flatMap((r, i) => (isErrorAnswer(r.answer) ? [] : [firstPass[i]!.note.replace(/^pass 1: /, '')])));
  // sent to a fresh baseline one by one, a refusal that names numbers followed at once by
  // the message with those numbers (told.ts): that run is the recording, as `trace record`
  // makes one (a fresh boot, each message with its final id, in order)
  const { proc: recorder } = await bootFromPlan(plan);
  const answers: Answer[] = [];
  const record = async (m: Omit<ProbeMessage, 'Id'>, i: number) => {
    const answer = (await replayTrace(recorder, asTrace([{ ...m, Id: probeId(i) }]))).messages[0]!.answer;
    answers.push(answer);
    return answer;
  };
  const messages = numbered(await withToldValues(probeList(live, scan, actors, pools, answered), record));
  const lines = [
    `// Probe messages for process '${processName}', synthesised by \`migrate trace probe\` from the baseline monolith.`,
    `// ${live.length} handler(s); regenerate with \`migrate trace probe --process ${processName}\`. Lines starting with // are comments.`,
  ];
  asTrace(messages).messages.forEach((message, i) => {
    lines.push(`// ${messages[i]!.note}`);
    lines.push(formatTraceLine({ ...message, expectError: isErrorAnswer(answers[i]!) }));
  });
  const unexplained = live.filter((h) => !h.known && !scan.handlers.get(h.name)?.pattern).map((h) => h.name);
  return {
    text: `${lines.join('\n')}\n`,
    summary: { process: processName, file, messages: messages.length, handlers: live.length, unexplained, errored: countErrored(answers) },
  };
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** `migrate trace probe`: (re)writes the probe files of the given processes (default: all). */
export async function writeProbes(project: Project, processes?: string[], opts: { onlyMissing?: boolean; build?: BuildOutput } = {}): Promise<ProbeSummary[]> {
  const known = project.config.processes.map((p) => p.name);
  for (const n of processes ?? []) {
    if (!known.includes(n)) throw new MigrateError('VERIFY-003', `unknown process '${n}'`, { hint: `processes: ${known.join(', ')}`, exitCode: 2 });
  }
  const wanted = (processes?.length ? processes : known).filter((n) => !opts.onlyMissing || !existsSync(probeFile(project, n)));
  if (wanted.length === 0) return [];
  const build = opts.build ?? (await probeSourceBuild(project));
  const out: ProbeSummary[] = [];
  for (const name of wanted) {
    let made;
    try {
      made = await synthesiseProbes(project, build, name);
    } catch (e) {
      if (!(e instanceof MigrateError) || e.code !== 'VERIFY-022') throw e;
      out.push({ process: name, file: probeFile(project, name), messages: 0, handlers: 0, unexplained: [], errored: 0, skipped: skipReason(e) });
      continue;
    }
    writeAtomic(made.summary.file, made.text);
    out.push(made.summary);
  }
  return out;
}
