// `migrate bench-runtime`: the load bench of monolith vs federated builds on the real aos.
import type { CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { benchRuntime, renderBench } from '../../verify/bench.ts';
import { parsePositiveInt } from './verify.ts';

export const command: CommandSpec = {
  name: 'bench-runtime',
  summary: 'Measure messages/s, p50/p95, boot time and memory of federated vs monolith builds on aos.',
  usage: [
    'Usage: migrate bench-runtime [--messages N] [--players N] [--json]',
    '',
    "Sends N messages (default 5000, drawn from each process's traces) to every process, monolith",
    'and federated side by side in alternating batches, and runs the world scenarios with N players.',
    'Figures are printed with federated/monolith ratios. Exit 0 (the bench has no budget), 2 on error.',
  ].join('\n'),
  options: {
    messages: { type: 'string' },
    players: { type: 'string' },
  },
  async run(args, io) {
    const project = loadProject({ project: args.values.project as string | undefined, cwd: io.cwd, example: args.values.example === true });
    const report = await benchRuntime(project, {
      messages: parsePositiveInt('messages', args.values.messages, 5000),
      players: parsePositiveInt('players', args.values.players, 1),
      ...(args.values.json ? {} : { onProgress: (l: string) => io.err(l) }),
    });
    io.out(args.values.json ? JSON.stringify(report, null, 2) : renderBench(report));
    return 0;
  },
};
