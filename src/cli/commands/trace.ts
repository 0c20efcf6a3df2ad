// `migrate trace record|check`: record a trace from the monolith, or validate trace files.
import path from 'node:path';
import type { CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { recordTrace } from '../../verify/record.ts';
import { loadTrace } from '../../verify/trace.ts';

export const command: CommandSpec = {
  name: 'trace',
  summary: 'Record a trace from the monolith (trace record) or validate trace files (trace check).',
  usage: [
    'Usage: migrate trace record --process <name> --scenario <name|file.jsonl> [--out <file>] [--json]',
    '       migrate trace check <file.jsonl>...',
    '',
    'record replays the scenario messages on the baseline monolith (the current one when there is no',
    'baseline) and writes them as a trace with expect.error filled in, to traces/<process>.<scenario>.jsonl',
    'by default. A scenario name is looked up as traces/scenarios/<name>.jsonl.',
    'Trace line: {"From", "Tags": {..} or [{name, value}], "Data", "Timestamp", "Owner"?, "Target"?, "expect"?: {"error"}}',
  ].join('\n'),
  options: {
    process: { type: 'string' },
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
    if (sub !== 'record') {
      throw new MigrateError('CLI-010', `unknown trace subcommand '${sub ?? ''}'`, { hint: 'use `migrate trace record` or `migrate trace check`', exitCode: 2 });
    }
    const processName = args.values.process;
    const scenario = args.values.scenario;
    if (typeof processName !== 'string' || typeof scenario !== 'string') {
      throw new MigrateError('CLI-010', 'trace record needs --process and --scenario', { exitCode: 2 });
    }
    const project = loadProject({ project: args.values.project as string | undefined, cwd: io.cwd, example: args.values.example === true });
    const r = await recordTrace(project, { process: processName, scenario, cwd: io.cwd, ...(typeof args.values.out === 'string' ? { out: args.values.out } : {}) });
    io.out(args.values.json ? JSON.stringify(r) : `recorded ${r.messages} messages (${r.errored} errored, ${r.replies} replies) from the ${r.source === 'baseline' ? 'baseline' : 'current'} monolith to ${r.out}`);
    return 0;
  },
};
