// `migrate trace record|check`: record a trace from the monolith, or validate trace files.
import path from 'node:path';
import type { CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { recordTrace } from '../../verify/record.ts';
import { writeProbes } from '../../verify/probes/probeFile.ts';
import { loadTrace } from '../../verify/trace.ts';

export const command: CommandSpec = {
  name: 'trace',
  summary: 'Record a trace from the monolith (trace record), synthesise probe traces (trace probe) or validate trace files (trace check).',
  usage: [
    'Usage: migrate trace record --process <name> --scenario <name|file.jsonl> [--out <file>] [--json]',
    '       migrate trace probe [--process <name>]... [--json]',
    '       migrate trace check <file.jsonl>...',
    '',
    'record replays the scenario messages on the baseline monolith (the current one when there is no',
    'baseline) and writes them as a trace with expect.error filled in, to traces/<process>.<scenario>.jsonl',
    'by default. A scenario name is looked up as traces/scenarios/<name>.jsonl.',
    'probe (re)writes traces/probes/<process>.jsonl: for every handler of the process (read from the',
    "baseline monolith's live handler list and syntax tree) messages with its selecting tags and the",
    'tags and JSON Data fields its code reads, from the owner, a stranger and the other processes, the',
    'whole list twice; recorded on the baseline monolith. verify replays them for every process.',
    'Trace line: {"From", "Tags": {..} or [{name, value}], "Data", "Timestamp", "Owner"?, "Target"?, "expect"?: {"error"}}',
  ].join('\n'),
  options: {
    process: { type: 'string', multiple: true },
    scenario: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, io) {
    const [sub, ...files] = args.positionals;
    if (sub === 'check') {
      if (files.length === 0) throw new MigrateError('CLI-010', 'trace check needs at least one file', { exitCode: 2 });
      const counts = files.map((f) => ({ file: f, messages: loadTrace(path.resolve(io.cwd, f)).messages.length }));
      io.out(args.values.json ? JSON.stringify(counts) : counts.map((c) => `ok ${c.file}: ${c.messages} messages`).join('\n'));
      return 0;
    }
    if (sub === 'probe') {
      const project = loadProject({ project: args.values.project as string | undefined, cwd: io.cwd, example: args.values.example === true });
      const names = args.values.process as string[] | undefined;
      const summaries = await writeProbes(project, names);
      if (args.values.json) io.out(JSON.stringify(summaries, null, 2));
      else {
        for (const s of summaries) {
          if (s.skipped) {
            io.out(`SKIPPED ${s.process}: ${s.skipped}`);
            continue;
          }
          io.out(
            `probes ${s.process}: ${s.messages} messages for ${s.handlers} handler(s) (${s.errored} errored on the baseline) -> ${path.relative(io.cwd, s.file) || s.file}`,
          );
          if (s.unexplained.length) io.out(`  pattern not understood (probed with the tags the code reads): ${s.unexplained.join(', ')}`);
        }
      }
      // a process left without probes is not a success
      return summaries.some((s) => s.skipped) ? 1 : 0;
    }
    if (sub !== 'record') {
      throw new MigrateError('CLI-010', `unknown trace subcommand '${sub ?? ''}'`, {
        hint: 'use `migrate trace record`, `migrate trace probe` or `migrate trace check`',
        exitCode: 2,
      });
    }
    const processName = (args.values.process as string[] | undefined)?.[0];
    const scenario = args.values.scenario;
    if (typeof processName !== 'string' || typeof scenario !== 'string') {
      throw new MigrateError('CLI-010', 'trace record needs --process and --scenario', { exitCode: 2 });
    }
    const project = loadProject({ project: args.values.project as string | undefined, cwd: io.cwd, example: args.values.example === true });
    const r = await recordTrace(project, {
      process: processName,
      scenario,
      cwd: io.cwd,
      ...(typeof args.values.out === 'string' ? { out: args.values.out } : {}),
    });
    io.out(
      args.values.json
        ? JSON.stringify(r)
        : `recorded ${r.messages} messages (${r.errored} errored, ${r.replies} replies) from the ${r.source === 'baseline' ? 'baseline' : 'current'} monolith to ${r.out}`,
    );
    return 0;
  },
};
