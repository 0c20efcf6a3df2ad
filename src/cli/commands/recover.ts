// `migrate recover`: finishes what an interrupted apply or revert left: every file back to
// before the step (or after it, when every post-image was already written). Exit 0.
import type { CommandSpec } from '../command.ts';
import { recover } from '../../apply/engine.ts';
import { projectOf } from '../../apply/commandSupport.ts';

const said: Record<string, string> = {
  none: 'nothing to recover: the journal has no interrupted step',
  'rolled-back': 'the interrupted apply was rolled back: every file is as before step',
  'rolled-forward': 'every file of the interrupted apply was already written: sealed step',
  'revert-completed': 'the interrupted revert was completed: every file is as before step',
};

export const command: CommandSpec = {
  name: 'recover',
  summary: 'Bring an interrupted apply or revert back to a whole state (before or after the step).',
  usage: ['Usage: migrate recover [--json] [--project <dir>]', '', 'Exit codes: 0 recovered or nothing to do, 2 error.'].join('\n'),
  options: {},
  async run(args, io) {
    const r = await recover(projectOf(args, io));
    if (args.values.json) io.out(JSON.stringify(r));
    else io.out(`${said[r.action]}${r.stepId ? ` ${r.stepId}` : ''}`);
    return 0;
  },
};
